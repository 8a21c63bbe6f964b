//! The `timeline_events` table.

use herald_core::{EventKind, TimelineEvent};
use rusqlite::{Connection, params};

use crate::StoreError;
use crate::time::{from_text, to_text};

pub fn append(conn: &Connection, event: &TimelineEvent) -> Result<(), StoreError> {
    write(conn, event, "INSERT").map(|_| ())
}

/// Appends an event unless one with its id is already there (a merged handoff);
/// says whether it was new.
pub fn append_if_new(conn: &Connection, event: &TimelineEvent) -> Result<bool, StoreError> {
    write(conn, event, "INSERT OR IGNORE").map(|rows| rows == 1)
}

fn write(conn: &Connection, event: &TimelineEvent, verb: &str) -> Result<usize, StoreError> {
    let data = serde_json::to_string(&event.kind)
        .map_err(|e| StoreError::BadData(format!("cannot encode event: {e}")))?;
    Ok(conn.execute(
        &format!("{verb} INTO timeline_events (id, incident_id, at, kind, data) VALUES (?1, ?2, ?3, ?4, ?5)"),
        params![
            event.id,
            event.incident_id,
            to_text(event.at),
            event.kind.name(),
            data
        ],
    )?)
}

/// An incident's events, oldest first; events at the same instant keep the order
/// they were written in.
pub fn for_incident(
    conn: &Connection,
    incident_id: &str,
) -> Result<Vec<TimelineEvent>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT id, incident_id, at, data FROM timeline_events \
         WHERE incident_id = ?1 ORDER BY at, rowid",
    )?;
    let rows = stmt.query_map([incident_id], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, String>(2)?,
            row.get::<_, String>(3)?,
        ))
    })?;
    rows.map(|row| {
        let (id, incident_id, at, data) = row?;
        let kind: EventKind = serde_json::from_str(&data)
            .map_err(|e| StoreError::BadData(format!("event {id}: {e}")))?;
        Ok(TimelineEvent::new(id, incident_id, from_text(&at)?, kind))
    })
    .collect()
}
