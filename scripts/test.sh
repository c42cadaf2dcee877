#!/usr/bin/env bash
# The project's test command (README quick start, and what CI runs).
# It installs and starts what the tests need (a throwaway PostgreSQL on a
# loopback port, chromium and the dashboard's npm packages for the browser
# tests), then runs go vet and the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v go >/dev/null 2>&1; then
  echo "test.sh: Go is not installed (need Go 1.26)" >&2
  exit 1
fi

pgdir=""
cleanup() {
  if [ -n "$pgdir" ]; then scripts/postgres.sh stop "$pgdir" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

# A throwaway PostgreSQL for the store's conformance tests, unless the
# caller already points MARSAD_TEST_POSTGRES at one.
if [ -z "${MARSAD_TEST_POSTGRES:-}" ]; then
  pgdir=$(mktemp -d /tmp/marsad-pg.XXXXXX)
  eval "$(scripts/postgres.sh start "$pgdir")"
  export MARSAD_TEST_POSTGRES
fi

# Debian's chromium, Node.js and web/'s npm packages for the dashboard's
# browser tests (server/browser_test.go), which then must run, not skip.
scripts/browser.sh
export MARSAD_BROWSER_TESTS=1

echo "== go vet ./..."
go vet ./...
echo "== go test ./..."
go test -count=1 -timeout 15m ./... "$@"
