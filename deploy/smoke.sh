#!/usr/bin/env bash
# The deploy/ stack built and started for real, then used as a client would use it (.ci/run runs it):
# builds the images, starts PostgreSQL + the service with docker compose, waits for /health/ready,
# loads the demo (--demo, through the service's own API), imports a .config, runs a conformance
# check, downloads an audit export and verifies it (offline with the image's verify-export, and
# through the API), recreates the containers and checks that the data survived, then removes the
# stack and its volumes. Any failed step stops it with a message and a non-zero exit.
# Uses a Docker engine that answers, or starts a private one (scripts/docker-engine.sh); on an engine
# without a bridge network (this project's machines) it builds the base images from Debian's
# packages (deploy/images/build.sh) and adds docker-compose.host.yml. It never reads deploy/.env.
set -euo pipefail
cd "$(dirname "$0")"
source ../scripts/docker-engine.sh

work=$(mktemp -d "${TMPDIR:-/tmp}/traceability-smoke.XXXXXX")
project=traceability-smoke
compose_files=(-f docker-compose.yml)
demo=()
compose() { "${compose_cmd[@]}" -p "$project" --env-file "$work/smoke.env" "${compose_files[@]}" "${demo[@]}" "$@"; }
step() { printf '\n==> %s\n' "$*"; }
fail() { echo "SMOKE FAILED: $*" >&2; compose logs --tail 40 >&2 || true; exit 1; }

cleanup() {
  if [ -f "$work/smoke.env" ]; then compose down -v --remove-orphans >/dev/null 2>&1 || true; fi
  rm -rf "$work"
  stop_private_docker
}
trap cleanup EXIT

# A loopback port nothing listens on (bash's /dev/tcp connects only when something does).
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

prepare() {
  step "Docker engine, compose, curl and jq"
  ensure_docker_engine || fail "no Docker engine (reason above)"
  ensure_commands curl=curl jq=jq || fail "curl or jq missing"
  if docker compose version >/dev/null 2>&1; then compose_cmd=(docker compose)
  else ensure_commands docker-compose=docker-compose || fail "no docker compose"; compose_cmd=(docker-compose); fi
  echo "engine API ${DOCKER_API_VERSION:-current}, network: $TRACEABILITY_DOCKER_NETWORK, compose: ${compose_cmd[*]}"
  if [ "$TRACEABILITY_DOCKER_NETWORK" = host ]; then
    step "Base images from Debian's packages (no registry here)"
    ensure_commands debootstrap=debootstrap || fail "debootstrap missing"
    RUNTIME_IMAGE=$(images/build.sh runtime-deps) || fail "runtime-deps image"
    POSTGRES_IMAGE=$(images/build.sh postgres) || fail "postgres image"
    compose_files+=(-f docker-compose.host.yml)
  fi
  export RUNTIME_IMAGE=${RUNTIME_IMAGE:-mcr.microsoft.com/dotnet/runtime-deps:10.0}
  step "The service's image on $RUNTIME_IMAGE"
  ./build.sh || fail "deploy/build.sh"
  api="http://127.0.0.1:$(free_port)"
  admin_key="trc_smoke_$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  secret() { head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
  cat > "$work/smoke.env" <<EOF
POSTGRES_PASSWORD=$(secret)
TRACEABILITY_OWNER_PASSWORD=$(secret)
TRACEABILITY_RUNTIME_PASSWORD=$(secret)
BOOTSTRAP_ADMIN_KEY=$admin_key
TRACEABILITY_IMAGE=${TRACEABILITY_IMAGE:-traceability:local}
POSTGRES_IMAGE=${POSTGRES_IMAGE:-postgres:15}
API_PORT=${api##*:}
POSTGRES_PORT=$(free_port)
EOF
  # The demo is loaded by the service itself once it listens; a later start sees it and does nothing.
  printf 'services:\n  api:\n    command: ["--demo"]\n' > "$work/demo.yml"
  demo=(-f "$work/demo.yml")
}

# curl that fails on any HTTP error and shows the problem document.
call() {
  local method=$1 path=$2; shift 2
  local out status
  out=$(mktemp "$work/response.XXXXXX")
  status=$(curl -sS -o "$out" -w '%{http_code}' -X "$method" -H "X-Api-Key: $admin_key" "$@" "$api$path") || fail "$method $path: no answer"
  [[ "$status" == 2* ]] || { cat "$out" >&2; fail "$method $path answered $status"; }
  cat "$out"
}

wait_ready() {
  local waited=0
  until curl -fsS "$api/health/ready" >/dev/null 2>&1; do
    [ $waited -lt 180 ] || fail "/health/ready did not answer 200 within 180 s"
    sleep 1; waited=$((waited + 1))
  done
  until [ "$(docker inspect -f '{{.State.Health.Status}}' "$(compose ps -q api)")" = healthy ]; do
    [ $waited -lt 180 ] || fail "the api container's health check did not pass"
    sleep 1; waited=$((waited + 1))
  done
  echo "ready after ${waited}s: $(curl -fsS "$api/health/ready")"
}

wait_demo() {
  local waited=0
  until compose logs api 2>/dev/null | grep -q '==> Demo loaded'; do
    compose logs api 2>/dev/null | grep -q 'The demo could not be loaded' && fail "the demo could not be loaded"
    [ $waited -lt 600 ] || fail "the demo was not loaded within 600 s"
    sleep 2; waited=$((waited + 2))
  done
  compose logs api | grep -A1 '==> Demo loaded' | head -n 2
}

use_the_api() {
  step "The service runs as the runtime login, which cannot change the event log"
  compose logs api | grep -o 'Using PostgreSQL at .*' | head -n 1
  ! compose logs api | grep -q 'may UPDATE or DELETE traceability.events' || fail "the service's role can change the event log"
  step "The demo's baselines"
  call GET /api/baselines | jq -e '[.[].id] | contains(["arm64-6.1", "amd64-6.1", "arm64-6.12"])' >/dev/null \
    || fail "the demo's baselines are missing"
  step "Import a .config into a new baseline"
  call POST /api/baselines -H 'Content-Type: application/json' \
    -d '{"id":"smoke-amd64-6.12","platform":"x86_64-qemu-q35","kernelVersion":"6.12.117","variant":"smoke"}' >/dev/null
  local config=../samples/kernel-configs/linux-6.12.amd64_none_amd64.config symbols imported
  symbols=$(grep -cE '^CONFIG_|^# CONFIG_.* is not set' "$config")
  imported=$(call PUT /api/baselines/smoke-amd64-6.12/config -H 'Content-Type: text/plain' --data-binary @"$config")
  jq -e --argjson symbols "$symbols" '.revision == 1 and .symbols == $symbols' <<<"$imported" >/dev/null \
    || fail "the import did not record the config's $symbols symbols: $(head -c 300 <<<"$imported")"
  echo "revision 1, $symbols symbols"
  step "Conformance check of Debian's arm64 6.1 config against baseline arm64-6.1"
  call POST /api/baselines/arm64-6.1/check -H 'Content-Type: text/plain' \
    --data-binary @../samples/kernel-configs/linux-6.1.arm64_none_arm64.config \
    | jq -er 'select(.checkedAgainst.approvedDecisions > 0) | .summary' \
    | sed -E 's/^(PASS|FAIL) /verdict \L\1\E (the demo has deviations on purpose): /' || fail "the check compared nothing"
  step "Audit export of arm64-6.1, verified offline and through the API"
  call GET /api/baselines/arm64-6.1/audit-export -D "$work/export.headers" > "$work/export.zip"
  export_name=$(grep -io 'filename=[^;]*' "$work/export.headers" | head -n1 | cut -d= -f2 | tr -d '"\r')
  as_of=$(sed -E 's/.*-audit-([0-9]+)\.zip/\1/' <<<"$export_name")
  # The image runs as its unprivileged user: it reads the zip from a folder of its own, not from $work (0700).
  mkdir -m 755 "$work/offline" && install -m 644 "$work/export.zip" "$work/offline/$export_name"
  docker run --rm --network none -v "$work/offline:/export:ro" "${TRACEABILITY_IMAGE:-traceability:local}" verify-export "/export/$export_name" \
    || fail "verify-export refused $export_name"
  call POST /api/audit-exports/verify -H 'Content-Type: application/zip' --data-binary @"$work/export.zip" \
    | jq -e '.valid' >/dev/null || fail "POST /api/audit-exports/verify refused $export_name"
  chain=$(call GET /api/events/verify)
  jq -e '.valid' <<<"$chain" >/dev/null || fail "the event log's hash chain is broken: $chain"
}

survive_recreation() {
  step "Containers removed and created again; volumes kept"
  compose down
  # Without --demo this time: a --demo start issues fresh demo keys, which are events of their own.
  demo=()
  compose up -d
  wait_ready
  local after
  after=$(call GET /api/events/verify)
  [ "$(jq -c '[.valid, .eventsChecked, .headHash]' <<<"$after")" = "$(jq -c '[.valid, .eventsChecked, .headHash]' <<<"$chain")" ] \
    || fail "the event log changed across the restart: before $chain, after $after"
  # The config's ETag is the SHA-256 of the file that was imported.
  call GET /api/baselines/smoke-amd64-6.12/config -D "$work/config.headers" >/dev/null
  grep -qi "^etag: \"$(sha256sum < ../samples/kernel-configs/linux-6.12.amd64_none_amd64.config | cut -c1-64)\"" "$work/config.headers" \
    || fail "the imported config did not survive the restart"
  call GET "/api/baselines/arm64-6.1/audit-export?asOf=$as_of" > "$work/export.after.zip"
  cmp -s "$work/export.zip" "$work/export.after.zip" || fail "the audit export as of $as_of changed across the restart"
  echo "same log ($(jq -r .eventsChecked <<<"$after") events), same config, byte-identical export as of seq $as_of"
}

prepare
step "Start the stack (${compose_files[*]} ${demo[*]})"
compose up -d
wait_ready
step "Demo"
wait_demo
use_the_api
survive_recreation
step "Smoke passed"
