//! The `promises` table: the times each update gave its audience, with the
//! last alert raised for each.

use herald_core::{AlertStage, Audience, Promise, PromiseKind};
use rusqlite::{Connection, params};

use crate::time::{from_text, to_text};
use crate::{Listing, StoreError};

/// Stores a promise unless one with its id is there (the same update read
/// again from a handoff); says whether it was new.
pub fn insert_if_new(conn: &Connection, promise: &Promise) -> Result<bool, StoreError> {
    let due = promise.due_at.map(to_text).transpose()?;
    let added = conn.execute(
        "INSERT OR IGNORE INTO promises \
         (id, incident_id, update_id, audience, kind, said, due_at, made_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            promise.id,
            promise.incident_id,
            promise.update_id,
            promise.audience.as_str(),
            promise.kind.as_str(),
            promise.said,
            due,
            to_text(promise.made_at)?,
        ],
    )?;
    Ok(added == 1)
}

const COLUMNS: &str = "id, incident_id, update_id, audience, kind, said, due_at, made_at, alerted";

/// An incident's promises, oldest first. A row that does not read back is
/// left out: a promise is derived from an update, which stays readable.
pub fn for_incident(conn: &Connection, incident_id: &str) -> Result<Vec<Promise>, StoreError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM promises WHERE incident_id = ?1 ORDER BY made_at, id"
    ))?;
    let rows = stmt.query_map([incident_id], read)?;
    let mut promises = Vec::new();
    for row in rows {
        if let Ok((promise, _)) = row? {
            promises.push(promise);
        }
    }
    Ok(promises)
}

/// Every promise with a time, with the last alert raised for it, for the
/// watcher; rows that do not read back are named by their incident.
pub fn dated(conn: &Connection) -> Result<Listing<(Promise, Option<AlertStage>)>, StoreError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM promises WHERE due_at IS NOT NULL ORDER BY due_at"
    ))?;
    let mut listing = Listing::default();
    for row in stmt.query_map([], |row| Ok((row.get::<_, String>(1)?, read(row)?)))? {
        let (incident_id, promise) = row?;
        listing.push(incident_id, promise);
    }
    Ok(listing)
}

/// Records the alert stage raised for a promise.
pub fn mark_alerted(conn: &Connection, id: &str, stage: AlertStage) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE promises SET alerted = ?2 WHERE id = ?1",
        params![id, stage.to_text()],
    )?;
    Ok(())
}

type Row = Result<(Promise, Option<AlertStage>), StoreError>;

fn read(row: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    let text = |i: usize| row.get::<_, String>(i);
    let (id, incident_id, update_id, audience, kind, said, made_at) = (
        text(0)?,
        text(1)?,
        text(2)?,
        text(3)?,
        text(4)?,
        text(5)?,
        text(7)?,
    );
    let due_at: Option<String> = row.get(6)?;
    let alerted: Option<String> = row.get(8)?;
    Ok((|| {
        let promise = Promise {
            audience: Audience::parse(&audience)
                .ok_or_else(|| StoreError::BadData(format!("unknown audience {audience:?}")))?,
            kind: PromiseKind::parse(&kind)
                .ok_or_else(|| StoreError::BadData(format!("unknown promise kind {kind:?}")))?,
            due_at: due_at.as_deref().map(from_text).transpose()?,
            made_at: from_text(&made_at)?,
            id,
            incident_id,
            update_id,
            said,
        };
        Ok((promise, alerted.as_deref().and_then(AlertStage::from_text)))
    })())
}
