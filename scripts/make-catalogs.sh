#!/usr/bin/env bash
# Regenerates samples/catalogs: the compact Kconfig catalogs of the sample configs' kernels (Debian's
# linux-source-6.1 and -6.12, fetched once by ensure-kernel-sources.sh) for arm64 and x86, so that the
# demo and every 6.1/6.12 baseline have their catalogs without the 280 MB of sources.
# The same trees give the same bytes; tests/Api.Tests/Catalogs/CompactCatalogs.cs checks the committed files.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-kernel-sources.sh
: "${TRACEABILITY_KERNEL_SOURCES:?kernel sources unavailable}"
mkdir -p samples/catalogs
dotnet build src/Api -c Release -v q -nologo >/dev/null
for series in 6.1 6.12; do
  tree="$TRACEABILITY_KERNEL_SOURCES/linux-$series"
  deb=$(cat "$tree/.complete")                              # linux-source-6.12_6.12.117-1~deb12u1_all.deb
  version=$(echo "$deb" | sed -E 's/^linux-source-[0-9.]+_([0-9]+\.[0-9]+\.[0-9]+).*/\1/')
  for arch in arm64 x86; do
    dotnet src/Api/bin/Release/net10.0/Traceability.Api.dll compact-catalog "$tree" --kernel-version "$version" \
      --architecture "$arch" --source "$deb" --out "samples/catalogs/linux-$version-$arch.catalog.json.gz"
  done
done
