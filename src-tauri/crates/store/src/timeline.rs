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
        &format!("{verb} INTO timeline_events (id, incident_id, at, kind, data, imported) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
        params![
            event.id,
            event.incident_id,
            to_text(event.at)?,
            event.kind.name(),
            data,
            event.imported
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
        "SELECT id, incident_id, at, data, imported FROM timeline_events \
         WHERE incident_id = ?1 ORDER BY at, rowid",
    )?;
    let rows = stmt.query_map([incident_id], read_row)?;
    rows.map(|row| from_row(row?)).collect()
}

type Row = (String, String, String, String, bool);

fn read_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
    ))
}

/// The summary is rebuilt from the kind, so an imported event can never carry
/// a sentence its data does not say.
fn from_row((id, incident_id, at, data, imported): Row) -> Result<TimelineEvent, StoreError> {
    let kind: EventKind =
        serde_json::from_str(&data).map_err(|e| StoreError::BadData(format!("event {id}: {e}")))?;
    let mut event = TimelineEvent::new(id, incident_id, from_text(&at)?, kind);
    event.imported = imported;
    Ok(event)
}

/// Up to `limit` events older than the event `before` (or the newest, when
/// `None`), newest first: one page of a long timeline, read by the index.
pub fn page(
    conn: &Connection,
    incident_id: &str,
    before: Option<&str>,
    limit: u32,
) -> Result<Vec<TimelineEvent>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, incident_id, at, data, imported FROM timeline_events \
         WHERE incident_id = ?1 AND (?2 IS NULL OR (at, rowid) < \
           (SELECT at, rowid FROM timeline_events WHERE id = ?2)) \
         ORDER BY at DESC, rowid DESC LIMIT ?3",
    )?;
    let rows = stmt.query_map(params![incident_id, before, limit], read_row)?;
    rows.map(|row| from_row(row?)).collect()
}

/// How many events an incident has.
pub fn count(conn: &Connection, incident_id: &str) -> Result<u32, StoreError> {
    Ok(conn.query_row(
        "SELECT count(*) FROM timeline_events WHERE incident_id = ?1",
        [incident_id],
        |row| row.get(0),
    )?)
}
