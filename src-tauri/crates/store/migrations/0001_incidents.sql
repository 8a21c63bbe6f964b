-- Schema version 1: incidents, their timelines, and app settings.
-- Times are RFC 3339 UTC text with milliseconds ("2026-11-27T14:57:00.000Z"),
-- so text order is time order.

CREATE TABLE incidents (
    id                   TEXT PRIMARY KEY,
    external_id          TEXT NOT NULL DEFAULT '',
    link                 TEXT NOT NULL DEFAULT '',
    title                TEXT NOT NULL CHECK (length(trim(title)) > 0),
    severity             TEXT NOT NULL CHECK (severity IN ('SEV1', 'SEV2', 'SEV3', 'SEV4')),
    status               TEXT NOT NULL
                         CHECK (status IN ('investigating', 'identified', 'monitoring', 'resolved')),
    customer_visible     INTEGER NOT NULL CHECK (customer_visible IN (0, 1)),
    commander            TEXT NOT NULL DEFAULT '',
    comms_lead           TEXT NOT NULL DEFAULT '',
    comms_lead_activated INTEGER NOT NULL CHECK (comms_lead_activated IN (0, 1)),
    started_at           TEXT NOT NULL,
    resolved_at          TEXT
) STRICT;

-- An external ID names one incident; case does not make a new one ("inc-1" = "INC-1").
CREATE UNIQUE INDEX incidents_external_id
    ON incidents (external_id COLLATE NOCASE) WHERE external_id <> '';

CREATE TABLE timeline_events (
    id          TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    at          TEXT NOT NULL,
    kind        TEXT NOT NULL,
    data        TEXT NOT NULL CHECK (json_valid(data))
) STRICT;

CREATE INDEX timeline_events_by_incident ON timeline_events (incident_id, at);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL CHECK (json_valid(value))
) STRICT;
