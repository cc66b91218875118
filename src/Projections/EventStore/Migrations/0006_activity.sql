-- The activity read model (async, kept by the projection daemon): events per actor per UTC day.
CREATE TABLE traceability.activity (
    actor       text    NOT NULL,
    day         date    NOT NULL,
    events      bigint  NOT NULL,
    last_seq_id bigint  NOT NULL,
    PRIMARY KEY (actor, day)
);
CREATE INDEX activity_day ON traceability.activity (day);
