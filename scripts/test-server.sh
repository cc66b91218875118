# Sourced by test.sh (after docker-engine.sh): prepare_test_server readies the PostgreSQL path the
# tests take (README, Tests). TRACEABILITY_TEST_SERVER: docker | embedded | auto (the default: Docker
# when an engine answers or a private one can be started, else the embedded launcher, saying why).
# Once Docker is ready it exports TRACEABILITY_TEST_SERVER=docker, so a test process that then cannot
# reach the engine fails instead of quietly taking the other path.
prepare_test_server() {
  local setting=${TRACEABILITY_TEST_SERVER:-auto}
  case "$setting" in
    docker|embedded|auto) ;;
    *) echo "TRACEABILITY_TEST_SERVER=$setting is not a test server path: use docker, embedded or auto." >&2; return 2 ;;
  esac
  [ -z "${TRACEABILITY_TEST_CONNECTION:-}" ] || return 0
  [ "$setting" != embedded ] || return 0
  if ensure_docker_engine && choose_test_image; then
    export TRACEABILITY_TEST_SERVER=docker
    return 0
  fi
  if [ "$setting" = docker ]; then
    echo "TRACEABILITY_TEST_SERVER=docker, but Docker could not be set up (reason above)." >&2
    return 1
  fi
  echo "Docker could not be set up (reason above): the tests fall back to the embedded launcher." >&2
  export TRACEABILITY_TEST_SERVER=embedded
}

# An engine with a bridge network (a laptop, hosted CI) pulls the public image; one without is a
# machine of this project's kind, which reaches no registry: the image is built from Debian's packages.
choose_test_image() {
  export TRACEABILITY_TEST_DOCKER_NETWORK=$TRACEABILITY_DOCKER_NETWORK
  [ -z "${TRACEABILITY_TEST_POSTGRES_IMAGE:-}" ] || return 0
  if [ "$TRACEABILITY_DOCKER_NETWORK" = bridge ]; then
    export TRACEABILITY_TEST_POSTGRES_IMAGE=postgres:15
    return 0
  fi
  ensure_commands debootstrap=debootstrap || return 1
  TRACEABILITY_TEST_POSTGRES_IMAGE=$(deploy/images/build.sh postgres) || return 1
  export TRACEABILITY_TEST_POSTGRES_IMAGE
}

# One line per path the test processes took, from the lines TestServer appends to the report file.
print_test_servers() {
  if [ ! -s "$1" ]; then echo "PostgreSQL for the tests: none started"; return; fi
  sort "$1" | uniq -c | awk '{ n = $1; $1 = ""; print substr($0, 2) " (" n " test assembl" (n == 1 ? "y" : "ies") ")" }'
}
