# Sourced by the other scripts: where tools live and how they are reached. Not run directly.
# shellcheck shell=bash

RAPPORT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Tools installed from npm live outside the clone so every clean clone (and CI) reuses them.
RAPPORT_TOOLS="${RAPPORT_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/rapport-tools}"
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"

# Only wasm-opt 132 understands the wasm Rust 1.95 emits; Debian's binaryen (v108) must not win.
WASM_OPT_VERSION=132
TRUNK_VERSION=0.22.1
WASM_SPLIT_CLI_VERSION=0.2.4
# Firefox's WebDriver, from crates.io (the cross-engine smoke suite, tests/xbrowser/).
GECKODRIVER_VERSION=0.37.1
export PATH="$RAPPORT_TOOLS/binaryen-$WASM_OPT_VERSION/bin:$CARGO_BIN:$PATH"

# npm ignores the system CA store; this machine's TLS proxy needs it.
if [ -z "${NODE_EXTRA_CA_CERTS:-}" ] && [ -f /etc/ssl/certs/ca-certificates.crt ]; then
  export NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
fi

# The wasm-bindgen version is whatever Cargo.lock pins (Cargo.toml says "=X"): one source of truth.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$RAPPORT_ROOT/Cargo.lock"
}

# Trunk must never try the network (it cannot reach its download hosts here).
export TRUNK_OFFLINE=true
export TRUNK_SKIP_VERSION_CHECK=true

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

# Runs `npm ci` in DIR unless its node_modules already match its package-lock.json.
# Browser downloads are switched off: the tests use Debian's Chromium.
npm_ci_if_changed() {
  local dir="$1" stamp="$1/node_modules/.rapport-lock"
  if [ ! -f "$stamp" ] || ! cmp -s "$stamp" "$dir/package-lock.json"; then
    step "Installing npm packages in ${dir#"$RAPPORT_ROOT"/} (npm ci)"
    (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-fund --no-audit)
    cp "$dir/package-lock.json" "$stamp"
  fi
}

# The first screen, rendered on the host by the app's own Yew components (examples/prerender.rs),
# for scripts/postbuild.mjs to put in index.html: content before the wasm has loaded.
render_first_screen() {
  mkdir -p "$RAPPORT_ROOT/target/prerender"
  for lang in en zh; do
    (cd "$RAPPORT_ROOT" && cargo run --locked --quiet --example prerender --features prerender -- "$lang") \
      > "$RAPPORT_ROOT/target/prerender/$lang.html.tmp"
    mv "$RAPPORT_ROOT/target/prerender/$lang.html.tmp" "$RAPPORT_ROOT/target/prerender/$lang.html"
  done
}

# The release wasm with the screens a new visitor does not need split into a module of their own
# (src/ui/lazy.rs; ARCHITECTURE.md, "Loading on demand"), written to target/split/out/ for
# scripts/postbuild.mjs to put in dist/ in place of Trunk's unsplit build:
#   cargo (feature `split`, linked keeping relocations) -> wasm-split-cli -> wasm-bindgen on the
#   main module -> wasm-opt on every module.
# Its own target dir: the relocations flag changes every crate's fingerprint, and Trunk's build
# must not have it (wasm-opt cannot optimise a module that still has its linking section).
split_app() {
  local target="$RAPPORT_ROOT/target/split/cargo" stage="$RAPPORT_ROOT/target/split/stage" out="$RAPPORT_ROOT/target/split/out"
  (cd "$RAPPORT_ROOT" && RUSTFLAGS="-Clink-args=--emit-relocs" CARGO_TARGET_DIR="$target" \
    cargo build --locked --release --target wasm32-unknown-unknown --features split)
  rm -rf "$stage" "$out"
  mkdir -p "$stage" "$out"
  wasm-split-cli "$target/wasm32-unknown-unknown/release/rapport.wasm" "$stage" > "$stage/split.log"
  # --keep-lld-exports: the split modules import the main module's functions by their linker names.
  wasm-bindgen "$stage/main.wasm" --out-dir "$stage" --target web --no-typescript --no-demangle --keep-lld-exports
  local module
  for module in "$stage"/*.wasm; do
    [ "$(basename "$module")" = main.wasm ] && continue
    wasm-opt -Oz --converge "$module" -o "$out/$(basename "$module")"
  done
  cp "$stage/main.js" "$stage/__wasm_split.js" "$out/"
}
