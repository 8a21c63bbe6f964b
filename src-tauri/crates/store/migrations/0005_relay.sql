-- Schema version 5: the relay. Channels (never their secrets: those live in
-- the OS keychain under `secret_ref`), the outbox of deliveries, and the
-- remote incident each Statuspage channel keeps per Herald incident.

CREATE TABLE channels (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind            TEXT NOT NULL,
    audiences       TEXT NOT NULL,
    enabled         INTEGER NOT NULL,
    disabled_reason TEXT NOT NULL DEFAULT '',
    options         TEXT NOT NULL,
    secret_ref      TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    -- A deleted channel stays as a name for the deliveries that went to it.
    deleted_at      TEXT
) STRICT;

-- The outbox. Row order is the queue order: each channel is delivered first
-- in, first out by rowid.
CREATE TABLE deliveries (
    id                 TEXT PRIMARY KEY,
    update_id          TEXT NOT NULL REFERENCES updates (id) ON DELETE CASCADE,
    incident_id        TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    channel_id         TEXT NOT NULL REFERENCES channels (id),
    state              TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'delivered', 'retrying', 'failed', 'needs_decision', 'discarded')),
    attempts           INTEGER NOT NULL DEFAULT 0,
    next_attempt_at    TEXT NOT NULL,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    last_error         TEXT NOT NULL DEFAULT '',
    -- Why the lead must decide: 'stale' or 'unknown_outcome'.
    decision           TEXT NOT NULL DEFAULT '',
    -- How many attempts ended without knowing whether the target posted.
    unknown_outcomes   INTEGER NOT NULL DEFAULT 0,
    delivered_at       TEXT,
    remote_id          TEXT NOT NULL DEFAULT '',
    remote_link        TEXT NOT NULL DEFAULT '',
    components         TEXT NOT NULL DEFAULT '[]',
    notify_subscribers INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE INDEX deliveries_by_channel ON deliveries (channel_id, state);
CREATE INDEX deliveries_by_incident ON deliveries (incident_id);

CREATE TABLE remote_incidents (
    channel_id  TEXT NOT NULL REFERENCES channels (id),
    incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    remote_id   TEXT NOT NULL,
    PRIMARY KEY (channel_id, incident_id)
) STRICT;
