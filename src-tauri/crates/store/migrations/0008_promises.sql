-- Schema version 8: promises. Every time an update gave its audience (its
-- "Next update by" and its ETAs), read from the update's words when it went
-- out and kept with it. Whether each was kept is worked out from the updates
-- and the timeline; only the last alert raised for it is stored.

CREATE TABLE promises (
    id          TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    update_id   TEXT NOT NULL REFERENCES updates (id) ON DELETE CASCADE,
    audience    TEXT NOT NULL
                CHECK (audience IN ('customers', 'executives', 'internal', 'incident_channel')),
    kind        TEXT NOT NULL CHECK (kind IN ('next_update', 'eta')),
    said        TEXT NOT NULL,
    -- NULL when the words gave no time ("shortly").
    due_at      TEXT,
    made_at     TEXT NOT NULL,
    -- The last alert stage raised for it ('heads_up', 'due', 'overdue:N').
    alerted     TEXT
) STRICT;

CREATE INDEX promises_by_incident ON promises (incident_id, made_at);
