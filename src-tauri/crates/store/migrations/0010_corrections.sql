-- Schema version 10: corrections. The lead corrects an update that went out:
-- the corrected text is kept beside the original (never over it), and each
-- channel the original reached gets a delivery of the correction through the
-- same outbox. `deliveries.correction_id` marks those deliveries (empty for
-- an update's own); `deliveries.remote_part` keeps the part of a receipt a
-- correction edits in place: the Statuspage incident update an update made.

CREATE TABLE corrections (
    id           TEXT PRIMARY KEY,
    incident_id  TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    update_id    TEXT NOT NULL REFERENCES updates (id) ON DELETE CASCADE,
    body         TEXT NOT NULL CHECK (length(trim(body)) > 0),
    notify       INTEGER NOT NULL CHECK (notify IN (0, 1)),
    corrected_at TEXT NOT NULL,
    author       TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX corrections_by_incident ON corrections (incident_id, corrected_at);

ALTER TABLE deliveries ADD COLUMN correction_id TEXT NOT NULL DEFAULT '';
ALTER TABLE deliveries ADD COLUMN remote_part TEXT NOT NULL DEFAULT '';
