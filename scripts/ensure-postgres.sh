# Sourced by run.sh and test.sh: makes sure PostgreSQL's server binaries (initdb, pg_ctl,
# postgres) exist, installing Debian/Ubuntu's postgresql package when they do not.
have_server_binaries() {
  command -v initdb >/dev/null 2>&1 && return 0
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null
}

if ! have_server_binaries; then
  echo "PostgreSQL server binaries not found; installing Debian's postgresql package..." >&2
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq postgresql >/dev/null
  have_server_binaries || { echo "PostgreSQL is still missing; install it and retry." >&2; exit 1; }
fi
