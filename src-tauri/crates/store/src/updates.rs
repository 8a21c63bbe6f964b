//! The `updates` table: every update that went out, with its exact text.

use chrono::{DateTime, Utc};
use herald_core::{Audience, Update};
use rusqlite::{Connection, OptionalExtension, params};

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
            to_text(update.posted_at)?,
            update.source,
            update.author,
        ],
    )?)
}

const COLUMNS: &str = "id, incident_id, audience, body, posted_to, posted_at, source, author";

/// An incident's updates, newest first.
pub fn for_incident(conn: &Connection, incident_id: &str) -> Result<Vec<Update>, StoreError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM updates WHERE incident_id = ?1 ORDER BY posted_at DESC, rowid DESC"
    ))?;
    let rows = stmt.query_map([incident_id], read)?;
    rows.map(|row| row?).collect()
}

/// One update by its id.
pub fn get(conn: &Connection, id: &str) -> Result<Option<Update>, StoreError> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM updates WHERE id = ?1"),
        [id],
        read,
    )
    .optional()?
    .transpose()
}

fn read(row: &rusqlite::Row<'_>) -> rusqlite::Result<Result<Update, StoreError>> {
    let text = |i: usize| row.get::<_, String>(i);
    let audience = text(2)?;
    let posted_at = text(5)?;
    let (id, incident_id, body, posted_to, source, author) =
        (text(0)?, text(1)?, text(3)?, text(4)?, text(6)?, text(7)?);
    Ok((|| {
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
    })())
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
