-- The first signature made for each (manifest, key): ECDSA draws a random nonce per signature, so
-- re-exporting the same baseline as of the same seq reuses this one and the zip stays byte-identical.
-- Append-only for the service, like the event log: a signature once handed out is never replaced.
CREATE TABLE traceability.audit_signatures (
    manifest_sha256   text        NOT NULL,
    public_key_sha256 text        NOT NULL,
    signature         bytea       NOT NULL,
    created           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (manifest_sha256, public_key_sha256)
);
REVOKE UPDATE, DELETE, TRUNCATE ON traceability.audit_signatures FROM traceability_app;
