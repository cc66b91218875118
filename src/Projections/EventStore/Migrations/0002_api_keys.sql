-- Inline read model of api_key_issued / api_key_revoked: what authentication looks up per request.
-- Only the SHA-256 of a key is kept; the key itself is shown once, when it is issued.
CREATE TABLE traceability.api_keys (
    name       text        PRIMARY KEY,
    role       text        NOT NULL,
    key_hash   text        NOT NULL UNIQUE,
    created    timestamptz NOT NULL,
    created_by text        NOT NULL,
    revoked    timestamptz
);
