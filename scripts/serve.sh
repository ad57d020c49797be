#!/usr/bin/env bash
# Installs what is missing, builds the release app and serves it on http://127.0.0.1:${PORT:-8080}/
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$RAPPORT_ROOT/scripts/setup.sh"
cd "$RAPPORT_ROOT"
render_first_screen
port="${PORT:-8080}"
step "Serving Rapport at http://127.0.0.1:$port/  (Ctrl+C to stop)"
exec trunk serve --release --skip-version-check --no-autoreload --port "$port" --open=false
