#!/usr/bin/env bash
# Usage: deploy/images/build.sh postgres|runtime-deps
# Makes sure a base image built from Debian's packages is in the Docker engine that `docker` talks to,
# for machines that reach no image registry (see deploy/README.md). Prints the image's name.
#   postgres      traceability-local/postgres:15          Debian's postgresql-15, the official image's contract
#   runtime-deps  traceability-local/runtime-deps:bookworm what a self-contained .NET service needs
# Building takes about two minutes (debootstrap, as root); the result is saved once to
# ${XDG_CACHE_HOME:-~/.cache}/traceability/images/ and loaded from there afterwards, until the
# inputs (this script, the image's folder) change.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
name=${1:?usage: build.sh postgres|runtime-deps}
case "$name" in
  postgres) tag=traceability-local/postgres:15; packages=postgresql-15 ;;
  runtime-deps) tag=traceability-local/runtime-deps:bookworm; packages=ca-certificates,libssl3,zlib1g,tzdata,xz-utils,curl ;;
  *) echo "build.sh: unknown image '$name' (postgres or runtime-deps)" >&2; exit 2 ;;
esac
suite=bookworm
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
cache="${XDG_CACHE_HOME:-$HOME/.cache}/traceability/images"
inputs=$(cat "$0" "$here/$name"/* | sha256sum | cut -c1-16)
archive="$cache/$name-$inputs.tar"

present() { [ "$(docker image inspect -f '{{index .Config.Labels "traceability.inputs"}}' "$tag" 2>/dev/null)" = "$inputs" ]; }

build() {
  local root
  root=$(mktemp -d "${TMPDIR:-/tmp}/traceability-rootfs.XXXXXX")
  trap 'rm -rf "$root"' RETURN
  echo "Building $tag from Debian's packages ($packages); about two minutes, once per machine..." >&2
  debootstrap --variant=minbase --include="$packages" "$suite" "$root" "$mirror" >"$root.log" 2>&1 \
    || { tail -n 20 "$root.log" >&2; echo "debootstrap of $suite failed (log above)" >&2; rm -f "$root.log"; return 1; }
  rm -f "$root.log"
  # The package's own cluster, apt's downloads and the documentation have no place in an image.
  rm -rf "$root"/var/lib/postgresql/*/main "$root"/etc/postgresql/*/main "$root"/var/cache/apt/archives/*.deb \
    "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* "$root"/usr/share/man/*
  tar -C "$root" -c . | docker import - "$tag-rootfs" >/dev/null
  local output
  output=$(docker build -q --network host --build-arg ROOTFS="$tag-rootfs" --label traceability.inputs="$inputs" -t "$tag" "$here/$name" 2>&1) \
    || { echo "$output" >&2; return 1; }
  docker rmi "$tag-rootfs" >/dev/null
  docker save "$tag" -o "$archive.partial"
  mv "$archive.partial" "$archive"
  find "$cache" -name "$name-*.tar" ! -name "$(basename "$archive")" -delete
}

# The legacy builder where the engine has no BuildKit (Debian's docker.io without buildx).
docker buildx version >/dev/null 2>&1 || export DOCKER_BUILDKIT=0
if ! present; then
  mkdir -p "$cache"
  # Two runs on one machine build once: the second waits here and then loads the first one's archive.
  exec {lock}>"$cache/$name.lock"
  flock "$lock"
  if [ -f "$archive" ]; then
    echo "Loading $tag from $archive..." >&2
    docker load -q -i "$archive" >/dev/null
  else
    build
  fi
  present || { echo "build.sh: $tag is still not in the engine after building or loading it" >&2; exit 1; }
fi
echo "$tag"
