-- Schema version 11: the practice log. A drill runs on its own database,
-- which is deleted with its data; the score card at its end is kept here, per
-- person, so a team can see who has practised the comms lead role and when.
-- `card` is the whole score card as JSON; the columns beside it are what the
-- rotation view sorts and groups by.

CREATE TABLE drill_scores (
    id          TEXT PRIMARY KEY,
    person      TEXT NOT NULL CHECK (length(trim(person)) > 0),
    scenario    TEXT NOT NULL,
    declared_at TEXT NOT NULL,
    ended_at    TEXT NOT NULL,
    points      INTEGER NOT NULL CHECK (points BETWEEN 0 AND 100),
    card        TEXT NOT NULL
) STRICT;

CREATE INDEX drill_scores_by_person ON drill_scores (person, ended_at);
