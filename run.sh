#!/usr/bin/env bash
# Runs the service. With no ConnectionStrings__Traceability it starts its own PostgreSQL in
# ./.data/postgres (Database__DataDirectory), installing the server binaries first if missing.
# Extra arguments go to the service, e.g. ./run.sh --demo or ./run.sh --urls http://0.0.0.0:8080
set -euo pipefail
cd "$(dirname "$0")"
source scripts/ensure-postgres.sh
# dotnet run starts the service in src/Api: anchor the default data directory at the repository's root.
export Database__DataDirectory="${Database__DataDirectory:-$PWD/.data/postgres}"
exec dotnet run --project src/Api -c Release -- "$@"
