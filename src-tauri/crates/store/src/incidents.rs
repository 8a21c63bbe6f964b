//! The `incidents` table.

use herald_core::{Incident, Severity, Status};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params_from_iter};

use crate::time::{from_text, to_text};
use crate::{Listing, StoreError};

const COLUMNS: &str = "id, external_id, link, title, severity, status, customer_visible, \
                       commander, comms_lead, comms_lead_activated, started_at, resolved_at";

pub fn insert(conn: &Connection, incident: &Incident) -> Result<(), StoreError> {
    conn.execute(
        &format!("INSERT INTO incidents ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"),
        params_from_iter(values(incident)?),
    )?;
    Ok(())
}

/// Writes every field of an existing incident (its id and start never change,
/// so rewriting them is harmless and keeps one list of values).
pub fn update(conn: &Connection, incident: &Incident) -> Result<(), StoreError> {
    let changed = conn.execute(
        "UPDATE incidents SET external_id = ?2, link = ?3, title = ?4, severity = ?5, status = ?6, \
         customer_visible = ?7, commander = ?8, comms_lead = ?9, comms_lead_activated = ?10, \
         started_at = ?11, resolved_at = ?12 WHERE id = ?1",
        params_from_iter(values(incident)?),
    )?;
    if changed == 1 {
        Ok(())
    } else {
        Err(StoreError::Sqlite(rusqlite::Error::QueryReturnedNoRows))
    }
}

/// The incident's values in [`COLUMNS`] order.
fn values(incident: &Incident) -> Result<[Value; 12], StoreError> {
    Ok([
        incident.id.clone().into(),
        incident.external_id.clone().into(),
        incident.link.clone().into(),
        incident.title.clone().into(),
        incident.severity.as_str().to_owned().into(),
        incident.status.as_str().to_owned().into(),
        incident.customer_visible.into(),
        incident.commander.clone().into(),
        incident.comms_lead.clone().into(),
        incident.comms_lead_activated.into(),
        to_text(incident.started_at)?.into(),
        incident.resolved_at.map(to_text).transpose()?.into(),
    ])
}

pub fn get(conn: &Connection, id: &str) -> Result<Option<Incident>, StoreError> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM incidents WHERE id = ?1"),
        [id],
        read_row,
    )
    .optional()?
    .transpose()
}

/// Every incident that reads back, and the id of each that does not: one bad
/// row must never empty the board or stop the watcher.
pub fn all(conn: &Connection) -> Result<Listing<Incident>, StoreError> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM incidents"))?;
    let mut listing = Listing::default();
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let id: String = row.get(0)?;
        listing.push(id, read_row(row)?);
    }
    Ok(listing)
}

/// Whether another incident already uses this external ID (ignoring case).
pub fn external_id_taken(conn: &Connection, external_id: &str) -> Result<bool, StoreError> {
    if external_id.is_empty() {
        return Ok(false);
    }
    let found: Option<i64> = conn
        .query_row(
            "SELECT 1 FROM incidents WHERE external_id = ?1 COLLATE NOCASE",
            [external_id],
            |row| row.get(0),
        )
        .optional()?;
    Ok(found.is_some())
}

/// Reads one row. The outer `Result` is SQLite's; the inner one reports stored
/// text that does not parse back into the domain type.
fn read_row(row: &Row<'_>) -> rusqlite::Result<Result<Incident, StoreError>> {
    let severity: String = row.get(4)?;
    let status: String = row.get(5)?;
    let started_at: String = row.get(10)?;
    let resolved_at: Option<String> = row.get(11)?;
    let (id, external_id, link, title) = (row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?);
    let (customer_visible, commander, comms_lead, comms_lead_activated) =
        (row.get(6)?, row.get(7)?, row.get(8)?, row.get(9)?);
    Ok((|| {
        Ok(Incident {
            id,
            external_id,
            link,
            title,
            severity: Severity::parse(&severity)
                .ok_or_else(|| StoreError::BadData(format!("unknown severity {severity:?}")))?,
            status: Status::parse(&status)
                .ok_or_else(|| StoreError::BadData(format!("unknown status {status:?}")))?,
            customer_visible,
            commander,
            comms_lead,
            comms_lead_activated,
            started_at: from_text(&started_at)?,
            resolved_at: resolved_at.as_deref().map(from_text).transpose()?,
        })
    })())
}
