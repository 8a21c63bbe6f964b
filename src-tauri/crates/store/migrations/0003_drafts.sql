-- Schema version 3: the audience tabs. IC syncs, one draft per audience with
-- its review mark, and who published each update.

CREATE TABLE ic_syncs (
    id          TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    at          TEXT NOT NULL,
    -- The answers as JSON (SyncFacts); read back whole, never queried inside.
    facts       TEXT NOT NULL
) STRICT;

CREATE INDEX ic_syncs_by_incident ON ic_syncs (incident_id, at);

CREATE TABLE drafts (
    incident_id       TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    audience          TEXT NOT NULL
                      CHECK (audience IN ('customers', 'executives', 'internal', 'incident_channel')),
    body              TEXT NOT NULL,
    -- Bumped on every save; a review is for one revision.
    revision          INTEGER NOT NULL CHECK (revision >= 0),
    -- The template kind and sync the body was last generated from, and that
    -- generated text, so Herald knows whether the lead has edited it since.
    template_kind     TEXT NOT NULL
                      CHECK (template_kind IN ('investigating', 'identified', 'monitoring', 'holding', 'resolution')),
    generated_from    TEXT REFERENCES ic_syncs (id) ON DELETE SET NULL,
    generated_body    TEXT NOT NULL,
    reviewed_revision INTEGER,
    updated_at        TEXT NOT NULL,
    PRIMARY KEY (incident_id, audience)
) STRICT;

ALTER TABLE updates ADD COLUMN author TEXT NOT NULL DEFAULT '';
