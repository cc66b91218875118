-- The traceability matrix: one row per (baseline, symbol) in the baseline's current .config or with
-- a decision. Kept inline (in the append's transaction) by MatrixProjection; the flags are computed
-- by the same C# fold that answers ?asOf= from history, and stored so that filters are plain SQL.
CREATE TABLE traceability.matrix_rows (
    baseline        text        NOT NULL,
    symbol          text        COLLATE "C" NOT NULL, -- ordinal order, as C# sorts: ORDER BY uses the key
    config_value    text,
    decided_value   text,
    status          text,
    revision        int,
    rationale       text,
    assumptions     text[]      NOT NULL DEFAULT '{}',
    features        text[]      NOT NULL DEFAULT '{}',
    requirements    text[]      NOT NULL DEFAULT '{}',
    evidence_count  int         NOT NULL DEFAULT 0,
    suspect         boolean     NOT NULL DEFAULT false,
    undocumented    boolean     NOT NULL DEFAULT false,
    deviation       boolean     NOT NULL DEFAULT false,
    unapproved      boolean     NOT NULL DEFAULT false,
    symbol_missing  boolean     NOT NULL DEFAULT false,
    last_actor      text,
    last_time       timestamptz,
    last_seq        bigint      NOT NULL,
    PRIMARY KEY (baseline, symbol)
);
CREATE INDEX matrix_rows_assumptions ON traceability.matrix_rows USING gin (assumptions);
CREATE INDEX matrix_rows_features ON traceability.matrix_rows USING gin (features);
