-- Schema version 9: obligation clocks. A notification a regulator or a
-- contract requires within a time of a trigger, on one incident, with its
-- owner, its rule, and the lead's decision (sent with evidence, or not
-- required with the reason). `alerted` is the last alert stage raised for
-- the current due time and is cleared when that time moves.

CREATE TABLE obligations (
    id             TEXT PRIMARY KEY,
    incident_id    TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    name           TEXT NOT NULL CHECK (length(trim(name)) > 0),
    owner          TEXT NOT NULL DEFAULT '',
    rule           TEXT NOT NULL DEFAULT '',
    link           TEXT NOT NULL DEFAULT '',
    within_minutes INTEGER NOT NULL CHECK (within_minutes > 0),
    triggered_at   TEXT,
    state          TEXT NOT NULL CHECK (state IN ('open', 'sent', 'not_required')),
    note           TEXT NOT NULL DEFAULT '',
    decided_at     TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    alerted        TEXT
) STRICT;

CREATE INDEX obligations_by_incident ON obligations (incident_id, created_at);
