-- Inline index of what each decision links (assumptions of use, hardware features, requirements),
-- so revising one of those can find and mark every linked decision suspect in the same transaction.
CREATE TABLE traceability.decision_links (
    decision_stream text NOT NULL,
    baseline        text NOT NULL,
    symbol          text NOT NULL,
    kind            text NOT NULL CHECK (kind IN ('aou', 'feature', 'requirement')),
    target          text NOT NULL,
    PRIMARY KEY (decision_stream, kind, target)
);
CREATE INDEX decision_links_target ON traceability.decision_links (kind, target);
