-- Schema version 2: what the cadence needs. Updates that went out, the
-- deadline per audience (recomputed, with the last alert sent for it), snoozes.

CREATE TABLE updates (
    id          TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    audience    TEXT NOT NULL
                CHECK (audience IN ('customers', 'executives', 'internal', 'incident_channel')),
    body        TEXT NOT NULL,
    posted_to   TEXT NOT NULL DEFAULT '',
    posted_at   TEXT NOT NULL,
    -- 'logged': posted elsewhere by hand and recorded here; 'published': sent by Herald.
    source      TEXT NOT NULL CHECK (source IN ('logged', 'published'))
) STRICT;

CREATE INDEX updates_by_incident ON updates (incident_id, audience, posted_at);

CREATE TABLE deadlines (
    incident_id     TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    audience        TEXT NOT NULL
                    CHECK (audience IN ('customers', 'executives', 'internal', 'incident_channel')),
    due_at          TEXT NOT NULL,
    cadence_minutes INTEGER NOT NULL CHECK (cadence_minutes > 0),
    relaxed         INTEGER NOT NULL CHECK (relaxed IN (0, 1)),
    snoozed         INTEGER NOT NULL CHECK (snoozed IN (0, 1)),
    -- The last alert stage sent for this due_at ('heads_up', 'due', 'overdue:N').
    alerted         TEXT,
    PRIMARY KEY (incident_id, audience)
) STRICT;

CREATE INDEX deadlines_by_due ON deadlines (due_at);

CREATE TABLE snoozes (
    id          TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    audience    TEXT NOT NULL
                CHECK (audience IN ('customers', 'executives', 'internal', 'incident_channel')),
    until       TEXT NOT NULL,
    minutes     INTEGER NOT NULL CHECK (minutes > 0),
    reason      TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    at          TEXT NOT NULL
) STRICT;

CREATE INDEX snoozes_by_incident ON snoozes (incident_id, audience, at);
