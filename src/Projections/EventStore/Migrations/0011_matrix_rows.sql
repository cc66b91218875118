-- The traceability matrix, kept inline by MatrixProjection. Each row has two sides with their own last
-- change: the config side (written only by imports) and the decision side (written only by decision
-- events), so an import and a decision committing at once never overwrite each other's half. The flags
-- are generated from both sides with the definitions of MatrixRow (a test holds them equal).
CREATE TABLE traceability.matrix_rows (
    baseline        text        NOT NULL,
    symbol          text        COLLATE "C" NOT NULL, -- ordinal order, as C# sorts: ORDER BY uses the key
    config_value    text,
    config_actor    text,
    config_time     timestamptz,
    config_event    uuid,
    decided_value   text,
    status          text,
    revision        int,
    rationale       text,
    assumptions     text[]      NOT NULL DEFAULT '{}',
    features        text[]      NOT NULL DEFAULT '{}',
    requirements    text[]      NOT NULL DEFAULT '{}',
    evidence_count  int         NOT NULL DEFAULT 0,
    suspect         boolean     NOT NULL DEFAULT false,
    decision_actor  text,
    decision_time   timestamptz,
    decision_event  uuid,
    has_decision    boolean     GENERATED ALWAYS AS (status IS NOT NULL AND status <> 'withdrawn') STORED,
    undocumented    boolean     GENERATED ALWAYS AS (coalesce(config_value IN ('y', 'm'), false) AND NOT (status IS NOT NULL AND status <> 'withdrawn')) STORED,
    deviation       boolean     GENERATED ALWAYS AS (coalesce(status = 'approved' AND config_value IS NOT NULL AND config_value <> decided_value, false)) STORED,
    unapproved      boolean     GENERATED ALWAYS AS (coalesce(status IN ('proposed', 'rejected'), false)) STORED,
    symbol_missing  boolean     GENERATED ALWAYS AS (status IS NOT NULL AND status <> 'withdrawn' AND config_value IS NULL) STORED,
    is_suspect      boolean     GENERATED ALWAYS AS (suspect AND status IS NOT NULL AND status <> 'withdrawn') STORED,
    last_time       timestamptz GENERATED ALWAYS AS (greatest(config_time, decision_time)) STORED,
    PRIMARY KEY (baseline, symbol)
);
CREATE INDEX matrix_rows_assumptions ON traceability.matrix_rows USING gin (assumptions);
CREATE INDEX matrix_rows_features ON traceability.matrix_rows USING gin (features);
