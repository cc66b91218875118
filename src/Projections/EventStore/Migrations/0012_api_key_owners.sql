-- Issue 12 item 6 and issue 13 item 6: a key belongs to a person (owner; NULL for keys issued before, which
-- own themselves), and new keys are stored as an HMAC under a pepper kept outside the database (keyed);
-- older rows keep the plain SHA-256 their events hold.
ALTER TABLE traceability.api_keys ADD COLUMN owner text, ADD COLUMN keyed boolean NOT NULL DEFAULT false;
