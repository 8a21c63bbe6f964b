//! The `snoozes` table: deadlines the lead pushed back, with the reason.

use chrono::{DateTime, Utc};
use herald_core::Audience;
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use crate::StoreError;
use crate::time::{from_text, to_text};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

/// Every snooze of an incident, oldest first: they travel to the team, so
/// each Herald's deadlines count the same snoozes.
pub fn for_incident(conn: &Connection, incident_id: &str) -> Result<Vec<Snooze>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT id, incident_id, audience, until, minutes, reason, at FROM snoozes \
         WHERE incident_id = ?1 ORDER BY at, id",
    )?;
    let rows = stmt.query_map([incident_id], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, String>(2)?,
            row.get::<_, String>(3)?,
            row.get::<_, u32>(4)?,
            row.get::<_, String>(5)?,
            row.get::<_, String>(6)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, incident_id, audience, until, minutes, reason, at) = row?;
        let audience = Audience::parse(&audience).ok_or_else(|| {
            StoreError::BadData(format!("a snooze names no audience: {audience}"))
        })?;
        out.push(Snooze {
            id,
            incident_id,
            audience,
            until: from_text(&until)?,
            minutes,
            reason,
            at: from_text(&at)?,
        });
    }
    Ok(out)
}

/// Stores a snooze from another Herald unless it is here already; says
/// whether it was new.
pub fn insert_if_new(conn: &Connection, snooze: &Snooze) -> Result<bool, StoreError> {
    let here: Option<i64> = conn
        .query_row("SELECT 1 FROM snoozes WHERE id = ?1", [&snooze.id], |row| {
            row.get(0)
        })
        .optional()?;
    if here.is_some() {
        return Ok(false);
    }
    insert(conn, snooze)?;
    Ok(true)
}
