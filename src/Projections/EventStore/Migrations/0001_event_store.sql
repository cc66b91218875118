-- The event store: Marten's mt_streams / mt_events / mt_event_progression, in our own schema.
CREATE TABLE traceability.streams (
    id          text        PRIMARY KEY,
    type        text        NOT NULL,
    version     bigint      NOT NULL,
    created     timestamptz NOT NULL DEFAULT now(),
    "timestamp" timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE traceability.events (
    seq_id      bigint      PRIMARY KEY,
    id          uuid        NOT NULL UNIQUE,
    stream_id   text        NOT NULL REFERENCES traceability.streams (id),
    version     bigint      NOT NULL,
    type        text        NOT NULL,
    data        jsonb       NOT NULL,
    metadata    jsonb       NOT NULL,
    "timestamp" timestamptz NOT NULL DEFAULT now(),
    prev_hash   bytea,
    hash        bytea       NOT NULL,
    UNIQUE (stream_id, version)
);

CREATE INDEX events_type_seq_id ON traceability.events (type, seq_id);
CREATE INDEX events_timestamp ON traceability.events ("timestamp");

CREATE TABLE traceability.event_progression (
    name         text        PRIMARY KEY,
    last_seq_id  bigint      NOT NULL,
    last_updated timestamptz NOT NULL DEFAULT now()
);

-- Tamper evidence: the log is append-only for everyone who does not first disable this
-- trigger (which needs the table's owner or a superuser, and is itself visible in the
-- catalog); the hash chain catches what slips past.
CREATE FUNCTION traceability.refuse_event_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'traceability.events is append-only: % is refused', TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Record a correcting event instead of changing history.';
END;
$$;

CREATE TRIGGER events_append_only
    BEFORE UPDATE OR DELETE ON traceability.events
    FOR EACH ROW EXECUTE FUNCTION traceability.refuse_event_change();

CREATE TRIGGER events_no_truncate
    BEFORE TRUNCATE ON traceability.events
    FOR EACH STATEMENT EXECUTE FUNCTION traceability.refuse_event_change();
