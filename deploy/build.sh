#!/usr/bin/env bash
# Builds the service's image (TRACEABILITY_IMAGE, default traceability:local): publishes src/Api
# self-contained for linux-x64 with this machine's .NET 10 SDK into deploy/.publish, then builds
# deploy/Dockerfile on RUNTIME_IMAGE (default mcr.microsoft.com/dotnet/runtime-deps:10.0).
set -euo pipefail
cd "$(dirname "$0")"
image=${TRACEABILITY_IMAGE:-traceability:local}
runtime=${RUNTIME_IMAGE:-mcr.microsoft.com/dotnet/runtime-deps:10.0}
rm -rf .publish
dotnet publish ../src/Api/Api.csproj -c Release -r linux-x64 --self-contained -o .publish -nologo -v quiet \
  --artifacts-path ../.cache/publish
# An engine without a bridge network (started with --bridge=none) runs the build's RUN step on the host's.
network=()
docker network inspect bridge >/dev/null 2>&1 || network=(--network host)
# The legacy builder where the engine has no BuildKit (Debian's docker.io without buildx).
docker buildx version >/dev/null 2>&1 || export DOCKER_BUILDKIT=0
# Quiet unless it fails: the legacy builder's deprecation notice is not news.
output=$(docker build -q "${network[@]}" --build-arg RUNTIME_IMAGE="$runtime" -t "$image" . 2>&1) || { echo "$output" >&2; exit 1; }
echo "$image"
