#!/usr/bin/env bash
# Installs what is missing, builds, and writes the single-file edition to dist-single/rapport.html.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$RAPPORT_ROOT/scripts/setup.sh"
"$RAPPORT_ROOT/scripts/build.sh"
cd "$RAPPORT_ROOT"
node scripts/single-file.mjs dist dist-single/rapport.html
