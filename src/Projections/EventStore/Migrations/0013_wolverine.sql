-- Issue 11: Wolverine 6.62's message storage for the durable jobs (the catalog builds), in the log's schema
-- because its outbox commits with Marten's session. Exported with `pg_dump -s` after Wolverine's own
-- `resources setup` against MartenConfiguration + CommandHandling, and committed unchanged; the service never
-- lets Wolverine create or alter tables at run time (AutoBuildMessageStorageOnStartup = None), and a test
-- asserts that the migrated database is what Wolverine expects.


CREATE TABLE traceability.wolverine_agent_restrictions (
    id uuid NOT NULL,
    uri character varying NOT NULL,
    type character varying NOT NULL,
    node integer DEFAULT 0 NOT NULL
);

CREATE TABLE traceability.wolverine_control_queue (
    id uuid NOT NULL,
    message_type character varying NOT NULL,
    node_id uuid NOT NULL,
    body bytea NOT NULL,
    posted timestamp with time zone DEFAULT now() NOT NULL,
    expires timestamp with time zone
);

CREATE TABLE traceability.wolverine_dead_letter_history (
    id uuid NOT NULL,
    replay_count integer,
    last_replayed_at timestamp with time zone,
    first_failed_at timestamp with time zone
);

CREATE TABLE traceability.wolverine_dead_letters (
    id uuid NOT NULL,
    execution_time timestamp with time zone,
    body bytea NOT NULL,
    message_type character varying NOT NULL,
    received_at character varying,
    source character varying,
    exception_type character varying,
    exception_message character varying,
    sent_at timestamp with time zone,
    replayable boolean,
    failure_group character varying(100),
    failure_title character varying(500),
    failed_at timestamp with time zone,
    first_failed_at timestamp with time zone,
    replay_count integer,
    last_replayed_at timestamp with time zone,
    archived_at timestamp with time zone
);

CREATE TABLE traceability.wolverine_incoming_envelopes (
    id uuid NOT NULL,
    status character varying NOT NULL,
    owner_id integer NOT NULL,
    execution_time timestamp with time zone,
    attempts integer DEFAULT 0,
    body bytea NOT NULL,
    message_type character varying NOT NULL,
    received_at character varying,
    keep_until timestamp with time zone
);

CREATE TABLE traceability.wolverine_node_assignments (
    id character varying NOT NULL,
    node_id uuid,
    started timestamp with time zone DEFAULT now() NOT NULL
);

CREATE TABLE traceability.wolverine_node_records (
    id integer NOT NULL,
    node_number integer NOT NULL,
    event_name character varying NOT NULL,
    "timestamp" timestamp with time zone DEFAULT now() NOT NULL,
    description character varying
);

CREATE SEQUENCE traceability.wolverine_node_records_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE traceability.wolverine_node_records_id_seq OWNED BY traceability.wolverine_node_records.id;

CREATE TABLE traceability.wolverine_nodes (
    id uuid NOT NULL,
    node_number integer NOT NULL,
    description character varying NOT NULL,
    uri character varying NOT NULL,
    started timestamp with time zone DEFAULT now() NOT NULL,
    health_check timestamp with time zone DEFAULT now() NOT NULL,
    version character varying,
    capabilities text[]
);

CREATE SEQUENCE traceability.wolverine_nodes_node_number_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE traceability.wolverine_nodes_node_number_seq OWNED BY traceability.wolverine_nodes.node_number;

CREATE TABLE traceability.wolverine_outgoing_envelopes (
    id uuid NOT NULL,
    owner_id integer NOT NULL,
    destination character varying NOT NULL,
    deliver_by timestamp with time zone,
    body bytea NOT NULL,
    attempts integer DEFAULT 0,
    message_type character varying NOT NULL
);

ALTER TABLE ONLY traceability.wolverine_node_records ALTER COLUMN id SET DEFAULT nextval('traceability.wolverine_node_records_id_seq'::regclass);

ALTER TABLE ONLY traceability.wolverine_nodes ALTER COLUMN node_number SET DEFAULT nextval('traceability.wolverine_nodes_node_number_seq'::regclass);

ALTER TABLE ONLY traceability.wolverine_agent_restrictions
    ADD CONSTRAINT pkey_wolverine_agent_restrictions_id PRIMARY KEY (id);

ALTER TABLE ONLY traceability.wolverine_control_queue
    ADD CONSTRAINT pkey_wolverine_control_queue_id PRIMARY KEY (id);

ALTER TABLE ONLY traceability.wolverine_dead_letter_history
    ADD CONSTRAINT pkey_wolverine_dead_letter_history_id PRIMARY KEY (id);

ALTER TABLE ONLY traceability.wolverine_dead_letters
    ADD CONSTRAINT pkey_wolverine_dead_letters_id PRIMARY KEY (id);

ALTER TABLE ONLY traceability.wolverine_incoming_envelopes
    ADD CONSTRAINT pkey_wolverine_incoming_envelopes_id PRIMARY KEY (id);

ALTER TABLE ONLY traceability.wolverine_node_assignments
    ADD CONSTRAINT pkey_wolverine_node_assignments_id PRIMARY KEY (id);

ALTER TABLE ONLY traceability.wolverine_node_records
    ADD CONSTRAINT pkey_wolverine_node_records_id PRIMARY KEY (id);

ALTER TABLE ONLY traceability.wolverine_nodes
    ADD CONSTRAINT pkey_wolverine_nodes_id PRIMARY KEY (id);

ALTER TABLE ONLY traceability.wolverine_outgoing_envelopes
    ADD CONSTRAINT pkey_wolverine_outgoing_envelopes_id PRIMARY KEY (id);

CREATE INDEX idx_wolverine_dead_letter_history_last_replayed_at ON traceability.wolverine_dead_letter_history USING btree (last_replayed_at);

CREATE INDEX idx_wolverine_dead_letters_failure_group ON traceability.wolverine_dead_letters USING btree (failure_group);

CREATE INDEX idx_wolverine_dead_letters_replayable ON traceability.wolverine_dead_letters USING btree (replayable) WHERE (replayable = true);

CREATE INDEX idx_wolverine_incoming_envelopes_keep_until ON traceability.wolverine_incoming_envelopes USING btree (keep_until) WHERE ((status)::text = 'Handled'::text);

CREATE INDEX idx_wolverine_incoming_envelopes_owner ON traceability.wolverine_incoming_envelopes USING btree (owner_id) WHERE (owner_id <> 0);

CREATE INDEX idx_wolverine_incoming_envelopes_recover ON traceability.wolverine_incoming_envelopes USING btree (received_at) WHERE (((status)::text = 'Incoming'::text) AND (owner_id = 0));

CREATE INDEX idx_wolverine_incoming_envelopes_scheduled ON traceability.wolverine_incoming_envelopes USING btree (execution_time) WHERE ((status)::text = 'Scheduled'::text);

CREATE INDEX idx_wolverine_outgoing_envelopes_owner ON traceability.wolverine_outgoing_envelopes USING btree (owner_id) WHERE (owner_id <> 0);

CREATE INDEX idx_wolverine_outgoing_envelopes_recover ON traceability.wolverine_outgoing_envelopes USING btree (destination) WHERE (owner_id = 0);

ALTER TABLE ONLY traceability.wolverine_node_assignments
    ADD CONSTRAINT fkey_wolverine_node_assignments_node_id FOREIGN KEY (node_id) REFERENCES traceability.wolverine_nodes(id) ON DELETE CASCADE;


-- Tables reach the runtime role through 0005's default privileges; sequences do not.
GRANT USAGE, SELECT ON SEQUENCE traceability.wolverine_node_records_id_seq, traceability.wolverine_nodes_node_number_seq TO traceability_app;
