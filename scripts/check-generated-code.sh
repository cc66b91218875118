#!/usr/bin/env bash
# Wolverine's handler code is generated ahead of time (src/Api/Internal/Generated, TypeLoadMode.Static: no
# Roslyn at run time). This regenerates it and fails when the committed files differ: run
#   dotnet run --project src/Api -p:SkipGeneratedCode=true -- codegen write
# after changing a Wolverine endpoint or handler, and commit what it writes. SkipGeneratedCode builds the service
# without the old generated code, which no longer compiles once an endpoint's signature changed.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-postgres.sh
dotnet build src/Api -c Debug -v quiet -nologo -p:SkipGeneratedCode=true
# codegen builds the host, which starts an embedded PostgreSQL for the store's options: keep it out of the tree.
data=$(mktemp -d)
chmod 755 "$data"  # the embedded server runs as postgres when we are root
trap 'rm -rf "$data"' EXIT
(cd src/Api && Service__DataDirectory="$data" dotnet run --no-build -- codegen write > "$data/codegen.log" 2>&1) || { cat "$data/codegen.log"; exit 1; }
stale=$(git status --porcelain -- src/Api/Internal/Generated)
if [ -n "$stale" ]; then
  echo "Wolverine's generated code is stale; regenerated files:" >&2
  echo "$stale" >&2
  echo "Commit them (dotnet run --project src/Api -p:SkipGeneratedCode=true -- codegen write)." >&2
  exit 1
fi
echo "Wolverine's generated code is current ($(ls src/Api/Internal/Generated/WolverineHandlers | wc -l) files)."
# Leave a normal build behind (with the generated code), as the rest of the tooling expects.
dotnet build src/Api -c Debug -v quiet -nologo > /dev/null
