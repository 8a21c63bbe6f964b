-- Schema version 7: where recent updates were delivered, as the previous
-- lead's Herald recorded it, taken over from a handoff. Kept apart from
-- `deliveries`, which this Herald's courier works through: a receipt is
-- history to show, never something to send.

CREATE TABLE handed_over_receipts (
    update_id TEXT NOT NULL REFERENCES updates (id) ON DELETE CASCADE,
    channel   TEXT NOT NULL,
    kind      TEXT NOT NULL,
    -- The receipt as it travelled (herald_core::handoff::Receipt, JSON).
    data      TEXT NOT NULL,
    PRIMARY KEY (update_id, channel, kind)
) STRICT;
