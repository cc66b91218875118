#!/usr/bin/env bash
# Runs the whole test suite against real, throwaway PostgreSQL servers (one per test assembly,
# a fresh database per test class). Set TRACEABILITY_TEST_CONNECTION to use an existing server.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/ensure-postgres.sh
source scripts/ensure-chromium.sh
source scripts/ensure-kernel-sources.sh
# The web tests drive Debian's chromium through Playwright; Playwright must never fetch a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test Traceability.sln "$@" 2>&1 | tee "$log" || status=$?
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo "Tests: $passed passed, $failed failed"
exit "$status"
