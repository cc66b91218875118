#!/bin/bash
# The entrypoint of the locally built PostgreSQL image. It keeps the part of the official postgres
# image's contract that Testcontainers and deploy/docker-compose.yml rely on, so either image can be used:
#   POSTGRES_PASSWORD (required), POSTGRES_USER (default postgres), POSTGRES_DB (default: the user),
#   PGDATA (default /var/lib/postgresql/data), PGPORT (default 5432, also read by postgres and pg_isready),
#   scripts in /docker-entrypoint-initdb.d (*.sh, *.sql) run once on an empty data directory,
#   arguments starting with '-' are options for postgres, and the server listens on '*' unless told otherwise.
set -Eeuo pipefail

if [ "${1:0:1}" = '-' ]; then set -- postgres "$@"; fi
[ "$1" = postgres ] || exec "$@"

export PGDATA="${PGDATA:-/var/lib/postgresql/data}" PGPORT="${PGPORT:-5432}"
export POSTGRES_USER="${POSTGRES_USER:-postgres}"
export POSTGRES_DB="${POSTGRES_DB:-$POSTGRES_USER}"

# PostgreSQL refuses to run as root: prepare the directories as root, then run this script again as postgres.
if [ "$(id -u)" = 0 ]; then
    mkdir -p "$PGDATA" /var/run/postgresql
    chown -R postgres:postgres "$PGDATA" /var/run/postgresql
    chmod 700 "$PGDATA"
    exec setpriv --reuid=postgres --regid=postgres --init-groups "$BASH_SOURCE" "$@"
fi

psql_as_owner() { psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --no-password "$@"; }

initialise() {
    if [ -z "${POSTGRES_PASSWORD:-}" ]; then
        echo "Database is uninitialized and POSTGRES_PASSWORD is not set: set it (the superuser's password)." >&2
        exit 1
    fi
    initdb --username="$POSTGRES_USER" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") \
        --encoding=UTF8 --no-locale --auth-local=trust --auth-host=scram-sha-256 --no-instructions >/dev/null
    echo "listen_addresses = '*'" >> "$PGDATA/postgresql.conf"
    echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
    # Init scripts run against a server that listens on the socket only, as in the official image,
    # so a client polling TCP (pg_isready -h) sees the server only once they are done.
    pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -p $PGPORT" -w start >/dev/null
    if [ "$POSTGRES_DB" != postgres ]; then
        psql_as_owner --dbname postgres --set db="$POSTGRES_DB" <<<'CREATE DATABASE :"db";'
    fi
    local f
    for f in /docker-entrypoint-initdb.d/*; do
        case "$f" in
            *.sh) echo "running $f"; if [ -x "$f" ]; then "$f"; else . "$f"; fi ;;
            *.sql) echo "running $f"; psql_as_owner --dbname "$POSTGRES_DB" -f "$f" ;;
            *) [ -e "$f" ] && echo "ignoring $f" ;;
        esac
    done
    pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
    echo "PostgreSQL init process complete; ready for start up."
}

[ -s "$PGDATA/PG_VERSION" ] || initialise
exec "$@"
