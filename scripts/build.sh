#!/usr/bin/env bash
# Builds the release app into dist/ (assumes scripts/setup.sh has run).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$RAPPORT_ROOT"
step "Rendering the first screen at build time (examples/prerender.rs)"
render_first_screen
step "Building the release wasm with the later screens split out (src/ui/lazy.rs)"
split_app
step "Building the release app into dist/ (Trunk; scripts/postbuild.mjs puts the split wasm in)"
RAPPORT_SPLIT_OUT="$RAPPORT_ROOT/target/split/out" trunk build --release --skip-version-check "$@"
