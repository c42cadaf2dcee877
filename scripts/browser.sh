#!/usr/bin/env bash
# Installs what the dashboard's browser tests need, when it is missing:
# Debian's chromium and Node.js (apt-get), and the npm packages of web/
# (npm ci, from the lockfile: playwright-core drives the installed
# chromium; it never downloads a browser). Called by scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { echo "browser.sh: $*" >&2; }
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
need=()
command -v node >/dev/null 2>&1 || need+=(nodejs npm)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  command -v apt-get >/dev/null || { say "missing ${need[*]} and no apt-get; install them and retry"; exit 1; }
  say "installing ${need[*]} with apt-get"
  $sudo apt-get update >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${need[@]}" >&2
fi
if [ ! -f web/node_modules/playwright-core/package.json ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
  say "installing the npm packages of web/ (npm ci)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm --prefix web ci --no-audit --no-fund >&2
fi
