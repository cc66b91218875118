# Sourced by test.sh (and usable alone: `bash scripts/ensure-kernel-sources.sh`): makes sure the
# Kconfig files of Debian's linux-source-6.1 and linux-source-6.12 are in a cache outside the
# repository and exports TRACEABILITY_KERNEL_SOURCES (one directory per series: linux-6.1/, linux-6.12/).
# The .debs are fetched with `apt-get download` only when a series is missing from the cache; only
# Kconfig* files (and the few non-Kconfig files they source) are extracted, so each tree is a few MB.
# A failure is reported and leaves the variable unset: the catalog tests then fail loudly.
ensure_kernel_sources() {
  local cache="${TRACEABILITY_KERNEL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/traceability/kernel-sources}"
  local series
  mkdir -p "$cache" || return 1
  for series in 6.1 6.12; do
    [ -f "$cache/linux-$series/.complete" ] && continue
    echo "Kernel sources for Linux $series not cached; fetching linux-source-$series into $cache..." >&2
    local work
    work=$(mktemp -d "$cache/.work.XXXXXX") || return 1
    if ! (cd "$work" && apt-get download -q "linux-source-$series" >&2); then
      echo "apt-get download linux-source-$series failed" >&2; rm -rf "$work"; return 1
    fi
    local deb
    deb=$(ls "$work"/linux-source-"$series"_*.deb | head -n1)
    dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$work" --wildcards '*/linux-source-*.tar.xz' || { rm -rf "$work"; return 1; }
    mkdir -p "$work/tree"
    # Kconfig files are named Kconfig, Kconfig.*, or (rarely) sourced under another name; the
    # wildcard set below is what `source` statements of 6.1 and 6.12 reach.
    tar -xJf "$work"/usr/src/linux-source-"$series".tar.xz -C "$work/tree" --strip-components=1 \
      --wildcards --no-anchored 'Kconfig*' || { rm -rf "$work"; return 1; }
    rm -rf "$cache/linux-$series"
    mv "$work/tree" "$cache/linux-$series"
    basename "$deb" > "$cache/linux-$series/.complete"
    rm -rf "$work"
  done
  export TRACEABILITY_KERNEL_SOURCES="$cache"
}

ensure_kernel_sources || echo "WARNING: kernel sources unavailable; the Kconfig catalog tests will fail." >&2
