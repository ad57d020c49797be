# Sourced by the other scripts: where tools live and how they are reached. Not run directly.
# shellcheck shell=bash

RAPPORT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Tools installed from npm live outside the clone so every clean clone (and CI) reuses them.
RAPPORT_TOOLS="${RAPPORT_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/rapport-tools}"
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"

# Only wasm-opt 132 understands the wasm Rust 1.95 emits; Debian's binaryen (v108) must not win.
WASM_OPT_VERSION=132
TRUNK_VERSION=0.22.1
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
