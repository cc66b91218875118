-- The log as evidence (ARCHITECTURE.md, "Trust"): append-only, sealed into a gapless chain, and only
-- the service can write events that verify (each append is signed with a key the database never holds).

-- 1. Append-only. The owner could disable these triggers; doing so is visible in the catalog, and the
--    chain and the signatures catch what slips past.
CREATE FUNCTION traceability.refuse_log_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'traceability.% is append-only: % is refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Record a correcting event instead of changing history.';
END;
$$;

CREATE TRIGGER mt_events_append_only BEFORE UPDATE OR DELETE ON traceability.mt_events
    FOR EACH ROW EXECUTE FUNCTION traceability.refuse_log_change();
CREATE TRIGGER mt_events_no_truncate BEFORE TRUNCATE ON traceability.mt_events
    FOR EACH STATEMENT EXECUTE FUNCTION traceability.refuse_log_change();
-- A stream row's version moves with every append; deleting one would cascade to its events.
CREATE TRIGGER mt_streams_no_delete BEFORE DELETE ON traceability.mt_streams
    FOR EACH ROW EXECUTE FUNCTION traceability.refuse_log_change();
CREATE TRIGGER mt_streams_no_truncate BEFORE TRUNCATE ON traceability.mt_streams
    FOR EACH STATEMENT EXECUTE FUNCTION traceability.refuse_log_change();

-- 2. The chain: every event gets a gapless position in commit order and a link to the position before
--    (ChainLink). A trigger queues each new event inside its own transaction; the sealer (ChainSealer)
--    chains what has committed, off the write path, so writers never wait on one another.
CREATE TABLE traceability.event_chain (
    position    bigint      PRIMARY KEY,
    seq_id      bigint      NOT NULL UNIQUE,
    event_id    uuid        NOT NULL UNIQUE,
    digest      bytea       NOT NULL,
    link        bytea       NOT NULL,
    chained_at  timestamptz NOT NULL,
    batch_end   bigint      NOT NULL
);
CREATE INDEX event_chain_chained_at ON traceability.event_chain (chained_at);
CREATE TRIGGER event_chain_append_only BEFORE UPDATE OR DELETE ON traceability.event_chain
    FOR EACH ROW EXECUTE FUNCTION traceability.refuse_log_change();
CREATE TRIGGER event_chain_no_truncate BEFORE TRUNCATE ON traceability.event_chain
    FOR EACH STATEMENT EXECUTE FUNCTION traceability.refuse_log_change();

-- link(0): empty, or the head of release 0.1.0's hash chain when its events were copied in (written once).
CREATE TABLE traceability.chain_genesis (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    link     bytea   NOT NULL
);
CREATE TRIGGER chain_genesis_append_only BEFORE UPDATE OR DELETE ON traceability.chain_genesis
    FOR EACH ROW EXECUTE FUNCTION traceability.refuse_log_change();

CREATE TABLE traceability.chain_pending (seq_id bigint PRIMARY KEY);

CREATE FUNCTION traceability.queue_for_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO traceability.chain_pending (seq_id) SELECT seq_id FROM new_events;
    RETURN NULL;
END;
$$;

CREATE TRIGGER mt_events_queue_for_chain AFTER INSERT ON traceability.mt_events
    REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION traceability.queue_for_chain();

-- 3. Privileges of the runtime role: it may add events, never change or remove them. Tables created by
--    the owner get full rights by default (0005), so the log's tables are narrowed here.
REVOKE ALL ON traceability.mt_events, traceability.mt_streams, traceability.event_chain, traceability.chain_genesis,
    traceability.chain_pending FROM traceability_app;
GRANT SELECT, INSERT ON traceability.mt_events, traceability.event_chain TO traceability_app;
GRANT SELECT, INSERT, UPDATE ON traceability.mt_streams TO traceability_app;
GRANT SELECT ON traceability.chain_genesis TO traceability_app;
GRANT SELECT, INSERT, DELETE ON traceability.chain_pending TO traceability_app;
GRANT USAGE, SELECT ON SEQUENCE traceability.mt_events_sequence TO traceability_app;
