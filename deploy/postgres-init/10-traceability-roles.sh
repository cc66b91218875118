#!/bin/bash
# Runs once, when PostgreSQL's data volume is first initialised (/docker-entrypoint-initdb.d), and
# sets up the roles of the README's external-server configuration: traceability_owner owns the
# database and migrates it; traceability_runtime, the service's login, is granted traceability_app,
# which may INSERT events but never UPDATE, DELETE or TRUNCATE them. traceability_app is created here
# (NOLOGIN, as migration 0005 would) because the owner may not create roles. Neither is a superuser.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname postgres \
    --set owner_password="$TRACEABILITY_OWNER_PASSWORD" --set runtime_password="$TRACEABILITY_RUNTIME_PASSWORD" <<'SQL'
CREATE ROLE traceability_owner LOGIN PASSWORD :'owner_password';
CREATE DATABASE traceability OWNER traceability_owner;
CREATE ROLE traceability_app NOLOGIN;
CREATE ROLE traceability_runtime LOGIN PASSWORD :'runtime_password' IN ROLE traceability_app;
SQL
