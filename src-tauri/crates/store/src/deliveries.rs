//! The `deliveries` table: the outbox. One row per update and channel, written
//! in the publishing transaction; the courier moves it through its states.

use chrono::{DateTime, Utc};
use herald_core::relay::ComponentImpact;
use rusqlite::{Connection, OptionalExtension, params};

use crate::StoreError;
use crate::time::{from_text, to_text};

/// A delivery as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    pub id: String,
    pub update_id: String,
    pub incident_id: String,
    pub channel_id: String,
    /// `queued`, `sending`, `delivered`, `retrying`, `failed`, `needs_decision`
    /// or `discarded`.
    pub state: String,
    pub attempts: u32,
    pub next_attempt_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub last_error: String,
    pub decision: String,
    pub unknown_outcomes: u32,
    pub delivered_at: Option<DateTime<Utc>>,
    pub remote_id: String,
    pub remote_link: String,
    pub components: Vec<ComponentImpact>,
    pub notify_subscribers: bool,
    /// The correction this delivery carries; empty for the update's own.
    pub correction_id: String,
    /// The part of the receipt a correction edits: the Statuspage incident update.
    pub remote_part: String,
}

/// States a delivery is still on its way in; the head of a channel's queue is
/// the oldest of these.
pub const OPEN_STATES: &str = "('queued', 'sending', 'retrying')";

pub fn insert(conn: &Connection, d: &Delivery) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO deliveries (id, update_id, incident_id, channel_id, state, attempts, \
         next_attempt_at, created_at, updated_at, components, notify_subscribers, correction_id) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9, ?10, ?11)",
        params![
            d.id,
            d.update_id,
            d.incident_id,
            d.channel_id,
            d.state,
            d.attempts,
            to_text(d.next_attempt_at)?,
            to_text(d.created_at)?,
            serde_json::to_string(&d.components)?,
            d.notify_subscribers,
            d.correction_id,
        ],
    )?;
    Ok(())
}

const COLUMNS: &str = "id, update_id, incident_id, channel_id, state, attempts, next_attempt_at, \
    created_at, updated_at, last_error, decision, unknown_outcomes, delivered_at, remote_id, \
    remote_link, components, notify_subscribers, correction_id, remote_part";

fn read(row: &rusqlite::Row<'_>) -> rusqlite::Result<Result<Delivery, StoreError>> {
    let text = |i: usize| row.get::<_, String>(i);
    let parsed = (|| -> Result<Delivery, StoreError> {
        Ok(Delivery {
            id: text(0)?,
            update_id: text(1)?,
            incident_id: text(2)?,
            channel_id: text(3)?,
            state: text(4)?,
            attempts: row.get(5)?,
            next_attempt_at: from_text(&text(6)?)?,
            created_at: from_text(&text(7)?)?,
            updated_at: from_text(&text(8)?)?,
            last_error: text(9)?,
            decision: text(10)?,
            unknown_outcomes: row.get(11)?,
            delivered_at: row
                .get::<_, Option<String>>(12)?
                .map(|t| from_text(&t))
                .transpose()?,
            remote_id: text(13)?,
            remote_link: text(14)?,
            components: serde_json::from_str(&text(15)?)?,
            notify_subscribers: row.get(16)?,
            correction_id: text(17)?,
            remote_part: text(18)?,
        })
    })();
    Ok(parsed)
}

fn many(
    conn: &Connection,
    sql: &str,
    args: impl rusqlite::Params,
) -> Result<Vec<Delivery>, StoreError> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map(args, read)?;
    rows.map(|row| row?).collect()
}

pub fn get(conn: &Connection, id: &str) -> Result<Option<Delivery>, StoreError> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM deliveries WHERE id = ?1"),
        [id],
        read,
    )
    .optional()?
    .transpose()
}

/// The head of one channel's queue: its oldest delivery still on its way.
pub fn head(conn: &Connection, channel_id: &str) -> Result<Option<Delivery>, StoreError> {
    conn.query_row(
        &format!(
            "SELECT {COLUMNS} FROM deliveries WHERE channel_id = ?1 AND state IN {OPEN_STATES} \
             ORDER BY rowid LIMIT 1"
        ),
        [channel_id],
        read,
    )
    .optional()?
    .transpose()
}

/// Switched-on channels with a delivery on its way (a switched-off channel's
/// deliveries wait for it, so there is nothing to start a lane for).
pub fn busy_channels(conn: &Connection) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT DISTINCT d.channel_id FROM deliveries d JOIN channels c ON c.id = d.channel_id \
         WHERE d.state IN {OPEN_STATES} AND c.enabled = 1 AND c.deleted_at IS NULL"
    ))?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Deliveries caught mid-send (the process stopped during an attempt).
pub fn in_flight(conn: &Connection) -> Result<Vec<Delivery>, StoreError> {
    many(
        conn,
        &format!("SELECT {COLUMNS} FROM deliveries WHERE state = 'sending' ORDER BY rowid"),
        [],
    )
}

pub fn for_incident(conn: &Connection, incident_id: &str) -> Result<Vec<Delivery>, StoreError> {
    many(
        conn,
        &format!("SELECT {COLUMNS} FROM deliveries WHERE incident_id = ?1 ORDER BY rowid"),
        [incident_id],
    )
}

/// Every delivery, oldest first (tests and the crash harness read the outbox whole).
pub fn all(conn: &Connection) -> Result<Vec<Delivery>, StoreError> {
    many(
        conn,
        &format!("SELECT {COLUMNS} FROM deliveries ORDER BY rowid"),
        [],
    )
}

/// Claims a delivery for an attempt: `sending`, one more attempt counted. Only
/// a queued or retrying delivery can be claimed, so two processes on one file
/// can never both send it; says whether this call claimed it.
pub fn start_attempt(conn: &Connection, id: &str, now: DateTime<Utc>) -> Result<bool, StoreError> {
    let changed = conn.execute(
        "UPDATE deliveries SET state = 'sending', attempts = attempts + 1, updated_at = ?2 \
         WHERE id = ?1 AND state IN ('queued', 'retrying')",
        params![id, to_text(now)?],
    )?;
    Ok(changed == 1)
}

/// The end of an attempt, or a lead's decision: every field that changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settle<'a> {
    pub state: &'a str,
    pub next_attempt_at: DateTime<Utc>,
    pub last_error: &'a str,
    pub decision: &'a str,
    pub unknown_outcome: bool,
}

pub fn settle(
    conn: &Connection,
    id: &str,
    s: &Settle<'_>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE deliveries SET state = ?2, next_attempt_at = ?3, last_error = ?4, decision = ?5, \
         unknown_outcomes = unknown_outcomes + ?6, updated_at = ?7 WHERE id = ?1",
        params![
            id,
            s.state,
            to_text(s.next_attempt_at)?,
            s.last_error,
            s.decision,
            u32::from(s.unknown_outcome),
            to_text(now)?,
        ],
    )?;
    Ok(())
}

/// What a target returned for a delivered post, kept as its receipt.
#[derive(Debug, Clone, Copy)]
pub struct Receipt<'a> {
    pub remote_id: &'a str,
    pub remote_link: &'a str,
    pub remote_part: &'a str,
}

pub fn delivered(
    conn: &Connection,
    id: &str,
    receipt: Receipt<'_>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE deliveries SET state = 'delivered', delivered_at = ?2, updated_at = ?2, \
         remote_id = ?3, remote_link = ?4, remote_part = ?5, last_error = '', decision = '' \
         WHERE id = ?1",
        params![
            id,
            to_text(now)?,
            receipt.remote_id,
            receipt.remote_link,
            receipt.remote_part
        ],
    )?;
    Ok(())
}

/// How many deliveries are on their way to each channel.
pub fn open_counts(
    conn: &Connection,
) -> Result<std::collections::HashMap<String, u32>, StoreError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT channel_id, count(*) FROM deliveries WHERE state IN {OPEN_STATES} GROUP BY channel_id"
    ))?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Discards everything still on its way to a channel (it was deleted).
pub fn discard_open(
    conn: &Connection,
    channel_id: &str,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    conn.execute(
        &format!(
            "UPDATE deliveries SET state = 'discarded', last_error = ?2, updated_at = ?3 \
             WHERE channel_id = ?1 AND state IN {OPEN_STATES}"
        ),
        params![channel_id, reason, to_text(now)?],
    )?;
    Ok(())
}

/// Puts a delivery back in its channel's queue, due now, as if just queued:
/// the lead chose to resend it.
pub fn requeue(conn: &Connection, id: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE deliveries SET state = 'queued', next_attempt_at = ?2, created_at = ?2, updated_at = ?2, \
         last_error = '', decision = '' WHERE id = ?1",
        params![id, to_text(now)?],
    )?;
    Ok(())
}
