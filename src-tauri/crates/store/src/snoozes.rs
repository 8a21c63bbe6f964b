//! The `snoozes` table: deadlines the lead pushed back, with the reason.

use chrono::{DateTime, Utc};
use herald_core::Audience;
use rusqlite::{Connection, params};

use crate::StoreError;
use crate::time::{from_text, to_text};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snooze {
    pub id: String,
    pub incident_id: String,
    pub audience: Audience,
    pub until: DateTime<Utc>,
    pub minutes: u32,
    pub reason: String,
    pub at: DateTime<Utc>,
}

pub fn insert(conn: &Connection, snooze: &Snooze) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO snoozes (id, incident_id, audience, until, minutes, reason, at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            snooze.id,
            snooze.incident_id,
            snooze.audience.as_str(),
            to_text(snooze.until)?,
            snooze.minutes,
            snooze.reason,
            to_text(snooze.at)?,
        ],
    )?;
    Ok(())
}

/// The latest snooze for an audience taken at or after `since` (the last
/// update): an update ends every snooze before it.
pub fn active_until(
    conn: &Connection,
    incident_id: &str,
    audience: Audience,
    since: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, StoreError> {
    let text: Option<String> = conn.query_row(
        "SELECT max(until) FROM snoozes WHERE incident_id = ?1 AND audience = ?2 AND at >= ?3",
        params![incident_id, audience.as_str(), to_text(since)?],
        |row| row.get(0),
    )?;
    text.as_deref().map(from_text).transpose()
}
