-- Issue 10: the sealer finds new events by their sequence number instead of a queue. 0010's statement trigger
-- queued every new event in chain_pending inside the writer's transaction, and the sealer deleted the rows again:
-- about a third of an append's server time (bench/README, "Where the server's time goes"). Now the sealer reads
-- the events above a watermark that are not chained yet (ChainSealer). The watermark is a sequence number at or
-- below which no event can still commit: the sealer moves it to a value of mt_events_sequence it read once every
-- transaction that held the sequence's lock then (nextval locks it until the transaction ends) has ended.
-- Nothing here is trusted: an event the watermark skips stays outside the chain, and verify reports it.
CREATE TABLE traceability.chain_watermark (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    seq_id   bigint  NOT NULL
);

-- Everything chained so far, or everything below the first event still queued (the service is stopped while
-- this runs, so nothing is in flight). Events above it that are chained already are skipped by the sealer.
INSERT INTO traceability.chain_watermark (seq_id)
SELECT coalesce((SELECT min(seq_id) - 1 FROM traceability.chain_pending),
                (SELECT max(seq_id) FROM traceability.event_chain), 0);

DROP TRIGGER mt_events_queue_for_chain ON traceability.mt_events;
DROP FUNCTION traceability.queue_for_chain();
DROP TABLE traceability.chain_pending;

REVOKE ALL ON traceability.chain_watermark FROM traceability_app;
GRANT SELECT, UPDATE ON traceability.chain_watermark TO traceability_app;
