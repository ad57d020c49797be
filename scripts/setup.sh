#!/usr/bin/env bash
# Installs whatever Rapport needs that is missing, from crates.io, npm and Debian only.
# Idempotent: each tool is checked at its exact version first; a second run takes seconds.
#
#   scripts/setup.sh          tools to build and serve (wasm32 target, trunk, wasm-bindgen, wasm-opt)
#   scripts/setup.sh --test   the same, plus the browsers and drivers the tests use, and their npm packages
set -euo pipefail
source "$(dirname "$0")/env.sh"

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The test command's lint gates (scripts/test.sh); part of rustup's default profile, not of "minimal".
for component in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    step "Adding the $component component"
    rustup component add "$component"
  fi
done

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  step "Building trunk $TRUNK_VERSION from crates.io (about 10 minutes on 2 cores, once)"
  # trunk declares a newer rust-version than it needs; it builds and runs fine on 1.95.
  cargo install --locked --ignore-rust-version trunk --version "$TRUNK_VERSION"
fi

WB_VERSION="$(wasm_bindgen_version)"
if [ -z "$WB_VERSION" ]; then
  echo "error: no wasm-bindgen in Cargo.lock; run 'cargo generate-lockfile' in $RAPPORT_ROOT" >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WB_VERSION" ]; then
  step "Building wasm-bindgen-cli $WB_VERSION from crates.io (about 3 minutes, once)"
  if ! cargo install --locked wasm-bindgen-cli --version "$WB_VERSION"; then
    # Its published lockfile can pin a since-yanked crate (0.2.130 pins webpki-roots 1.0.11):
    # rebuild from the downloaded .crate with that one dependency moved to a published version.
    step "Retrying wasm-bindgen-cli with its yanked dependency replaced"
    crate_file="$(ls "${CARGO_HOME:-$HOME/.cargo}"/registry/cache/*/wasm-bindgen-cli-"$WB_VERSION".crate | head -n 1)"
    work="$(mktemp -d)"
    tar -xzf "$crate_file" -C "$work"
    (cd "$work/wasm-bindgen-cli-$WB_VERSION" && cargo update -p webpki-roots --precise 1.0.10 && cargo install --locked --path .)
    rm -rf "$work"
  fi
fi

# Splits the release wasm (scripts/env.sh, split_app); its version must match the split points'
# stamp from wasm_split_helpers in Cargo.lock, which it checks.
# It has no --version; cargo's own record of what it installed says which one is there.
if ! command -v wasm-split-cli >/dev/null || ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_CLI_VERSION:"; then
  step "Building wasm-split-cli (wasm_split_cli_support $WASM_SPLIT_CLI_VERSION) from crates.io (about a minute, once)"
  cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_CLI_VERSION" --features build-binary
fi

# binaryen 132 prints "wasm-opt version 132 (version_132)".
if ! wasm-opt --version 2>/dev/null | grep -qF "(version_$WASM_OPT_VERSION)"; then
  step "Installing wasm-opt (npm binaryen@$WASM_OPT_VERSION) into $RAPPORT_TOOLS"
  npm install --global --no-fund --no-audit --prefix "$RAPPORT_TOOLS/binaryen-$WASM_OPT_VERSION" "binaryen@$WASM_OPT_VERSION"
fi

if [ "$want_test" = 1 ]; then
  # Debian packages the tests drive, installed in one apt run (whatever is missing):
  #  - chromium-headless-shell: the Chromium the e2e suite runs in (tests/e2e/README.md, "Frames");
  #  - firefox-esr, webkit2gtk-driver (WebKitWebDriver and WebKitGTK's MiniBrowser) and xvfb for the
  #    cross-engine smoke suite (tests/xbrowser/);
  #  - a CJK font, without which screenshots of the Chinese interface show boxes.
  missing=()
  [ -x /usr/bin/chromium-headless-shell ] || missing+=(chromium-headless-shell)
  [ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
  [ -x /usr/bin/WebKitWebDriver ] || missing+=(webkit2gtk-driver)
  command -v Xvfb >/dev/null || missing+=(xvfb xauth)
  fc-list 2>/dev/null | grep -qi 'cjk\|wenquanyi\|droid sans fallback' || missing+=(fonts-wqy-microhei)
  if [ "${#missing[@]}" -gt 0 ]; then
    step "Installing from Debian: ${missing[*]} (no browser download from elsewhere)"
    # Another apt run (an unattended upgrade) may hold the lock for a while: wait for it.
    as_root apt-get -o DPkg::Lock::Timeout=600 update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends "${missing[@]}"
  fi
  if [ "$(geckodriver --version 2>/dev/null | head -n 1)" != "geckodriver $GECKODRIVER_VERSION" ]; then
    step "Building geckodriver $GECKODRIVER_VERSION from crates.io (Firefox's WebDriver; a few minutes, once)"
    cargo install --locked geckodriver --version "$GECKODRIVER_VERSION"
  fi
  npm_ci_if_changed "$RAPPORT_ROOT/tests/e2e"
  npm_ci_if_changed "$RAPPORT_ROOT/tests/xbrowser"
  npm_ci_if_changed "$RAPPORT_ROOT/tests/sync"
fi

step "Tools ready: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version), wasm-split-cli $WASM_SPLIT_CLI_VERSION"
