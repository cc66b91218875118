# Sourced by run.sh and test.sh: makes sure PostgreSQL's server binaries (initdb, pg_ctl,
# postgres) exist, installing Debian/Ubuntu's postgresql package when they do not.
source "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"

have_server_binaries() {
  command -v initdb >/dev/null 2>&1 && return 0
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null
}

if ! have_server_binaries; then
  echo "PostgreSQL server binaries not found; installing Debian's postgresql package..." >&2
  apt_install postgresql || echo "Installing Debian's postgresql package failed." >&2
  have_server_binaries || { echo "PostgreSQL is still missing; install it and retry." >&2; exit 1; }
fi
