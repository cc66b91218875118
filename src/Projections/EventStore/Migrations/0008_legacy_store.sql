-- Release 0.1.0 kept its own event store in events / streams / event_progression. Marten's tables
-- replace them (0009). At its first start the service copies the old events into Marten's log, after
-- verifying their hash chain (LegacyUpgrade); the old tables stay, renamed and read-only, as the
-- evidence they are. On a database that never had 0.1.0's events they are simply empty.
ALTER TABLE traceability.events RENAME TO legacy_events;
ALTER TABLE traceability.streams RENAME TO legacy_streams;
ALTER TABLE traceability.event_progression RENAME TO legacy_event_progression;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON traceability.legacy_events, traceability.legacy_streams,
    traceability.legacy_event_progression FROM traceability_app;

-- Read models of the old log: rebuilt from the new one (matrix_rows changes shape in 0011, the async
-- activity projection starts again from the beginning of Marten's log).
DROP TABLE traceability.matrix_rows;
TRUNCATE traceability.activity;
