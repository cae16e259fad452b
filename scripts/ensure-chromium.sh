#!/usr/bin/env bash
# First step of `npm test`: makes sure the test run has what it needs outside the code, namely the
# npm packages (npm ci when node_modules is missing or older than package-lock.json, and always
# under CI=true) and Debian's Chromium for the browser tests (apt-get as root; otherwise it says
# what to install and fails).
set -euo pipefail
cd "$(dirname "$0")/.."

need_npm_ci() {
  [ "${CI:-}" = "true" ] && return 0
  [ -d node_modules ] || return 0
  [ -f node_modules/.package-lock.json ] || return 0
  [ package-lock.json -nt node_modules/.package-lock.json ]
}

if need_npm_ci; then
  echo "ensure: installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
fi

CHROMIUM=/usr/bin/chromium
if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "ensure: installing Debian's chromium for the browser tests"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
  else
    cat >&2 <<'MSG'
ensure: the browser tests need Debian's Chromium at /usr/bin/chromium, which is missing.
Install it as root, then run npm test again:
    sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
MSG
    exit 1
  fi
fi
# The Debian wrapper script prints a harmless "unexpected operator" line; keep only the version.
echo "ensure: $("$CHROMIUM" --version 2>/dev/null | tail -n 1)"
echo "ensure: node $(node --version), npm $(npm --version)"
