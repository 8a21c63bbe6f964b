-- Schema version 6: timeline events taken over from another Herald's handoff
-- are marked, so they stay history and never open this Herald's resolution gate.

ALTER TABLE timeline_events ADD COLUMN imported INTEGER NOT NULL DEFAULT 0 CHECK (imported IN (0, 1));
