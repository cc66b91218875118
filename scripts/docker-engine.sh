# Sourced by test.sh and deploy/smoke.sh. ensure_docker_engine makes sure `docker` reaches an engine:
# - an engine that already answers (DOCKER_HOST, or the default socket) is used as it is;
# - otherwise, as root or with sudo on Debian/Ubuntu, Debian's docker.io is installed when dockerd is
#   missing, and a private dockerd is started with its own data root, exec root, pidfile and socket
#   in a temp directory, with --bridge=none --iptables=false: machines of this project's kind allow
#   neither a bridge nor iptables, so its containers use host networking. stop_private_docker stops
#   it and removes its directory (call it from an EXIT trap).
# It exports DOCKER_HOST, DOCKER_API_VERSION when the engine's is older than 1.44 (Testcontainers asks
# for 1.44 unless told; Debian 12's docker.io answers 1.41) and
# TRACEABILITY_DOCKER_NETWORK: "host" when the engine has no bridge network, else "bridge".
# On failure it says why on stderr and returns non-zero; the caller decides whether that is fatal.

docker_answers() { docker version --format '{{.Server.APIVersion}}' 2>/dev/null; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }

# Installs Debian packages that provide the given commands, when one of them is missing.
ensure_commands() {
  local packages=() command package
  for pair in "$@"; do
    command=${pair%%=*}; package=${pair#*=}
    command -v "$command" >/dev/null 2>&1 || packages+=("$package")
  done
  [ ${#packages[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || { echo "Missing ${packages[*]} and no apt-get to install them with." >&2; return 1; }
  echo "Installing Debian's ${packages[*]}..." >&2
  local log
  log=$(mktemp)
  # apt's chatter (debconf, needrestart) only matters when the install fails.
  if ! { as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${packages[@]}"; } >"$log" 2>&1; then
    tail -n 20 "$log" >&2; rm -f "$log"
    echo "Installing ${packages[*]} failed (log above; root or sudo is needed)." >&2
    return 1
  fi
  rm -f "$log"
}

start_private_docker() {
  [ "$(id -u)" -eq 0 ] || { echo "A private dockerd needs root; none is started." >&2; return 1; }
  ensure_commands dockerd=docker.io docker=docker.io || return 1
  TRACEABILITY_PRIVATE_DOCKER=$(mktemp -d /tmp/traceability-docker.XXXXXX) || return 1
  local dir=$TRACEABILITY_PRIVATE_DOCKER
  # setsid: a Ctrl-C in the terminal reaches the caller's trap, which stops the engine after its containers.
  setsid dockerd --bridge=none --iptables=false --data-root "$dir/data" --exec-root "$dir/exec" \
    --pidfile "$dir/dockerd.pid" --host "unix://$dir/docker.sock" >"$dir/dockerd.log" 2>&1 < /dev/null &
  export DOCKER_HOST="unix://$dir/docker.sock"
  local waited=0
  until docker_answers >/dev/null; do
    if [ $waited -ge 60 ] || ! kill -0 $! 2>/dev/null; then
      tail -n 15 "$dir/dockerd.log" >&2; echo "The private dockerd did not answer (log above)." >&2
      stop_private_docker; return 1
    fi
    sleep 1; waited=$((waited + 1))
  done
  echo "Started a private dockerd (pid $(cat "$dir/dockerd.pid"), socket $dir/docker.sock)." >&2
}

stop_private_docker() {
  local dir=${TRACEABILITY_PRIVATE_DOCKER:-}
  [ -n "$dir" ] || return 0
  TRACEABILITY_PRIVATE_DOCKER=""
  local pid
  pid=$(cat "$dir/dockerd.pid" 2>/dev/null || true)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    docker ps -q | xargs -r docker rm -f >/dev/null 2>&1 || true
    kill "$pid"
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  fi
  # The engine leaves its default network namespace mounted under the exec root.
  awk -v dir="$dir/" 'index($2, dir) == 1 { print $2 }' /proc/mounts | sort -r | xargs -r umount 2>/dev/null || true
  rm -rf "$dir"
  echo "Stopped the private dockerd." >&2
}

ensure_docker_engine() {
  if [ -n "${DOCKER_HOST:-}" ] || [ -S /var/run/docker.sock ]; then
    docker_answers >/dev/null || echo "A Docker engine is configured but does not answer${DOCKER_HOST:+ at $DOCKER_HOST}." >&2
  fi
  docker_answers >/dev/null || start_private_docker || return 1
  local api
  api=$(DOCKER_API_VERSION='' docker_answers)
  if [ "$(printf '%s\n' "$api" 1.44 | sort -V | head -n1)" != 1.44 ]; then export DOCKER_API_VERSION=$api; fi
  if docker network inspect bridge >/dev/null 2>&1; then TRACEABILITY_DOCKER_NETWORK=bridge; else TRACEABILITY_DOCKER_NETWORK=host; fi
  export TRACEABILITY_DOCKER_NETWORK
}
