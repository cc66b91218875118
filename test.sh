#!/usr/bin/env bash
# Runs the whole test suite against real, throwaway PostgreSQL servers (one per test assembly, a fresh
# database per test class): in containers through Testcontainers where Docker answers or a private
# dockerd can be started (scripts/docker-engine.sh), else with the service's own launcher.
# TRACEABILITY_TEST_SERVER=docker|embedded forces a path; TRACEABILITY_TEST_CONNECTION uses an
# existing server. Arguments go to dotnet test (e.g. --filter FullyQualifiedName~Store).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/ensure-postgres.sh
source scripts/ensure-chromium.sh
source scripts/ensure-python.sh
source scripts/ensure-kernel-sources.sh
source scripts/docker-engine.sh
source scripts/test-server.sh
# The web tests drive Debian's chromium through Playwright; Playwright must never fetch a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
log=$(mktemp)
report=$(mktemp)
trap 'stop_private_docker; rm -f "$log" "$report"' EXIT
prepare_test_server
export TRACEABILITY_TEST_SERVER_REPORT=$report
status=0
dotnet test Traceability.sln "$@" 2>&1 | tee "$log" || status=$?
print_test_servers "$report"
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo "Tests: $passed passed, $failed failed"
# Each failed test once more at the very end, so a long log's last lines say which ones.
grep -E '^ +Failed [A-Za-z_]' "$log" | sed -E 's/^ +Failed /FAILED TEST: /' || true
exit "$status"
