-- Issue 11 item 3: a catalog build is a durable job. Its record is written in the same transaction as the
-- Wolverine envelope that runs it (the Marten outbox), so a job the service answered 202 for is never lost;
-- the handler moves it queued -> running -> succeeded | failed and counts what the parser has read so far.
-- traceability_app gets SELECT, INSERT and UPDATE through 0005's default privileges; there is no sequence.
CREATE TABLE traceability.catalog_jobs (
    id uuid PRIMARY KEY,
    state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'succeeded', 'failed')),
    kernel_version text NOT NULL,
    architecture text NOT NULL,
    source text NOT NULL,
    requested_by text NOT NULL,
    requested_at timestamptz NOT NULL DEFAULT now(),
    started_at timestamptz,
    finished_at timestamptz,
    attempts integer NOT NULL DEFAULT 0,
    files_read integer NOT NULL DEFAULT 0,
    symbols_seen integer NOT NULL DEFAULT 0,
    catalog_version bigint,
    failure text
);
