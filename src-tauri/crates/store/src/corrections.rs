//! The `corrections` table: the lead's corrected texts of updates that went
//! out, each kept beside its original.

use herald_core::Correction;
use rusqlite::{Connection, params};

use crate::StoreError;
use crate::time::{from_text, to_text};

pub fn insert(conn: &Connection, c: &Correction) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO corrections (id, incident_id, update_id, body, notify, corrected_at, author) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            c.id,
            c.incident_id,
            c.update_id,
            c.body,
            c.notify,
            to_text(c.corrected_at)?,
            c.author,
        ],
    )?;
    Ok(())
}

const COLUMNS: &str = "id, incident_id, update_id, body, notify, corrected_at, author";

fn read(row: &rusqlite::Row<'_>) -> rusqlite::Result<Result<Correction, StoreError>> {
    let text = |i: usize| row.get::<_, String>(i);
    let parsed = (|| -> Result<Correction, StoreError> {
        Ok(Correction {
            id: text(0)?,
            incident_id: text(1)?,
            update_id: text(2)?,
            body: text(3)?,
            notify: row.get(4)?,
            corrected_at: from_text(&text(5)?)?,
            author: text(6)?,
        })
    })();
    Ok(parsed)
}

/// An incident's corrections, oldest first.
pub fn for_incident(conn: &Connection, incident_id: &str) -> Result<Vec<Correction>, StoreError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM corrections WHERE incident_id = ?1 ORDER BY corrected_at, rowid"
    ))?;
    let rows = stmt.query_map([incident_id], read)?;
    rows.map(|row| row?).collect()
}

/// One correction by its id.
pub fn get(conn: &Connection, id: &str) -> Result<Option<Correction>, StoreError> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM corrections WHERE id = ?1"))?;
    let mut rows = stmt.query_map([id], read)?;
    rows.next().transpose()?.transpose()
}
