-- The service's runtime role (issue 6). Migrations run as the schema's owner; requests run as
-- traceability_app, which may read everything but only INSERT into events: UPDATE, DELETE and
-- TRUNCATE of the log are refused by privileges, before the append-only trigger is even reached.
-- The role is created here without LOGIN; the embedded launcher gives it LOGIN and a password of
-- its own, and an external server's administrator gives it to a login role (GRANT traceability_app TO ...).
-- A migrating user that may not create roles needs the role created beforehand.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'traceability_app') THEN
        CREATE ROLE traceability_app NOLOGIN;
    END IF;
EXCEPTION
    -- Roles belong to the whole server: another database's migration created it at the same moment.
    WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;

GRANT USAGE ON SCHEMA traceability TO traceability_app;
GRANT SELECT ON ALL TABLES IN SCHEMA traceability TO traceability_app;
GRANT INSERT ON traceability.events TO traceability_app;
GRANT INSERT, UPDATE ON traceability.streams, traceability.event_progression TO traceability_app;
-- Read models are rebuilt (TRUNCATE) and kept (UPDATE, DELETE) by the service itself.
GRANT INSERT, UPDATE, DELETE, TRUNCATE ON traceability.api_keys, traceability.decision_links, traceability.matrix_rows TO traceability_app;

-- Tables of later migrations are read models unless their migration revokes: the same rights by default.
ALTER DEFAULT PRIVILEGES IN SCHEMA traceability GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON TABLES TO traceability_app;
