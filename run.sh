#!/usr/bin/env bash
# Runs the service. With no ConnectionStrings__Traceability it starts its own PostgreSQL in the service data
# directory, ./.data in this checkout (Service__DataDirectory to choose another), installing the server
# binaries first if missing. Extra arguments go to the service, e.g. ./run.sh --demo, ./run.sh --help or
# ./run.sh --urls http://0.0.0.0:8080
set -euo pipefail
cd "$(dirname "$0")"
source scripts/ensure-postgres.sh
# dotnet run builds silently: say so, as the first build takes a minute or two.
echo "run.sh: building the service (Release; the first build restores packages and takes a minute or two)..." >&2
if ! build=$(dotnet build src/Api -c Release -nologo -v quiet -clp:ErrorsOnly 2>&1); then
  echo "$build" >&2
  exit 1
fi
echo "run.sh: starting it; stop it with Ctrl+C" >&2
exec dotnet run --no-build --project src/Api -c Release -- "$@"
