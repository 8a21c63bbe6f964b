//! The `updates` table: every update that went out, with its exact text.

use chrono::{DateTime, Utc};
use herald_core::{Audience, Update};
use rusqlite::{Connection, params};

use crate::StoreError;
use crate::time::{from_text, to_text};

pub fn insert(conn: &Connection, update: &Update) -> Result<(), StoreError> {
    write(conn, update, "INSERT").map(|_| ())
}

/// Inserts an update unless one with its id is there (a merged handoff); says
/// whether it was new.
pub fn insert_if_new(conn: &Connection, update: &Update) -> Result<bool, StoreError> {
    write(conn, update, "INSERT OR IGNORE").map(|rows| rows == 1)
}

fn write(conn: &Connection, update: &Update, verb: &str) -> Result<usize, StoreError> {
    Ok(conn.execute(
        &format!("{verb} INTO updates (id, incident_id, audience, body, posted_to, posted_at, source, author) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"),
        params![
            update.id,
            update.incident_id,
            update.audience.as_str(),
            update.body,
            update.posted_to,
            to_text(update.posted_at),
            update.source,
            update.author,
        ],
    )?)
}

/// An incident's updates, newest first.
pub fn for_incident(conn: &Connection, incident_id: &str) -> Result<Vec<Update>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT id, incident_id, audience, body, posted_to, posted_at, source, author FROM updates \
         WHERE incident_id = ?1 ORDER BY posted_at DESC, rowid DESC",
    )?;
    let rows = stmt.query_map([incident_id], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, String>(2)?,
            row.get::<_, String>(3)?,
            row.get::<_, String>(4)?,
            row.get::<_, String>(5)?,
            row.get::<_, String>(6)?,
            row.get::<_, String>(7)?,
        ))
    })?;
    rows.map(|row| {
        let (id, incident_id, audience, body, posted_to, posted_at, source, author) = row?;
        Ok(Update {
            audience: Audience::parse(&audience)
                .ok_or_else(|| StoreError::BadData(format!("unknown audience {audience:?}")))?,
            posted_at: from_text(&posted_at)?,
            id,
            incident_id,
            body,
            posted_to,
            source,
            author,
        })
    })
    .collect()
}

/// When the last update for an audience went out.
pub fn last_posted(
    conn: &Connection,
    incident_id: &str,
    audience: Audience,
) -> Result<Option<DateTime<Utc>>, StoreError> {
    let text: Option<String> = conn.query_row(
        "SELECT max(posted_at) FROM updates WHERE incident_id = ?1 AND audience = ?2",
        params![incident_id, audience.as_str()],
        |row| row.get(0),
    )?;
    text.as_deref().map(from_text).transpose()
}
