//! The `ic_syncs` table: every IC sync, oldest first.

use herald_core::{IcSync, SyncFacts};
use rusqlite::{Connection, OptionalExtension, params};

use crate::StoreError;
use crate::time::{from_text, to_text};

pub fn insert(conn: &Connection, sync: &IcSync) -> Result<(), StoreError> {
    let facts = serde_json::to_string(&sync.facts)
        .map_err(|e| StoreError::BadData(format!("cannot encode an IC sync: {e}")))?;
    conn.execute(
        "INSERT INTO ic_syncs (id, incident_id, at, facts) VALUES (?1, ?2, ?3, ?4)",
        params![sync.id, sync.incident_id, to_text(sync.at)?, facts],
    )?;
    Ok(())
}

fn from_row(row: (String, String, String, String)) -> Result<IcSync, StoreError> {
    let (id, incident_id, at, facts) = row;
    let facts: SyncFacts = serde_json::from_str(&facts)
        .map_err(|e| StoreError::BadData(format!("IC sync {id}: {e}")))?;
    Ok(IcSync {
        at: from_text(&at)?,
        id,
        incident_id,
        facts,
    })
}

const COLUMNS: &str = "SELECT id, incident_id, at, facts FROM ic_syncs";

/// The most recent sync, if there has been one.
pub fn latest(conn: &Connection, incident_id: &str) -> Result<Option<IcSync>, StoreError> {
    conn.query_row(
        &format!("{COLUMNS} WHERE incident_id = ?1 ORDER BY at DESC, rowid DESC LIMIT 1"),
        [incident_id],
        |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
    )
    .optional()?
    .map(from_row)
    .transpose()
}

/// Every sync for an incident, newest first.
pub fn for_incident(conn: &Connection, incident_id: &str) -> Result<Vec<IcSync>, StoreError> {
    let mut stmt = conn.prepare(&format!(
        "{COLUMNS} WHERE incident_id = ?1 ORDER BY at DESC, rowid DESC"
    ))?;
    let rows = stmt.query_map([incident_id], |row| {
        Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
    })?;
    rows.map(|row| from_row(row?)).collect()
}
