#!/usr/bin/env bash
# The project's test command (README quick start, and what CI runs).
# It installs and starts what the tests need (a throwaway PostgreSQL on a
# loopback port), then runs go vet and the whole test suite.
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

if [ -x scripts/postgres.sh ] && [ -z "${MARSAD_TEST_POSTGRES:-}" ]; then
  out=$(scripts/postgres.sh start)
  eval "$out"
  pgdir=${MARSAD_PG_DIR:-}
fi

echo "== go vet ./..."
go vet ./...
echo "== go test ./..."
go test -count=1 -timeout 15m ./... "$@"
