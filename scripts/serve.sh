#!/usr/bin/env bash
# Installs what is missing, builds the release app and serves it on http://127.0.0.1:${PORT:-8080}/
# It serves dist/ exactly as the tests see it (the later screens split into their own module,
# compressed like a real host), with the e2e suite's dependency-free static server.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$RAPPORT_ROOT/scripts/setup.sh"
"$RAPPORT_ROOT/scripts/build.sh"
cd "$RAPPORT_ROOT"
port="${PORT:-8080}"
step "Serving Rapport at http://127.0.0.1:$port/  (Ctrl+C to stop)"
exec node tests/e2e/serve.mjs --dir dist --port "$port"
