#!/usr/bin/env bash
# Installs what is missing, builds, serves dist/ on 127.0.0.1 and runs Lighthouse (mobile, the
# default) in Debian's Chromium; prints the category scores and the key audits. A measurement,
# not part of the test command. Reports are kept in tests/audit/reports/.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$RAPPORT_ROOT/scripts/setup.sh" --test
# Lighthouse measures the full browser a visitor runs (new headless mode), not the headless shell
# the e2e suite uses.
if [ ! -x /usr/bin/chromium ]; then
  step "Installing Debian's Chromium for Lighthouse"
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo=sudo; fi
  $sudo apt-get -o DPkg::Lock::Timeout=600 update
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y chromium
fi
cd "$RAPPORT_ROOT"
audit="$RAPPORT_ROOT/tests/audit"
npm_ci_if_changed "$audit"
"$RAPPORT_ROOT/scripts/build.sh"
port="${AUDIT_PORT:-4190}"
node tests/e2e/serve.mjs --dir dist --port "$port" > /dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
sleep 1
mkdir -p "$audit/reports"
flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"
step "Lighthouse on http://127.0.0.1:$port/"
CHROME_PATH=/usr/bin/chromium "$audit/node_modules/.bin/lighthouse" "http://127.0.0.1:$port/" \
  --quiet --output=json --output=html --output-path="$audit/reports/rapport" --chrome-flags="$flags"
node "$audit/summary.mjs" "$audit/reports/rapport.report.json"
