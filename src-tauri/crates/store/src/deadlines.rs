//! The `deadlines` table: the current deadline per incident and audience, and
//! the last alert sent for it.

use herald_core::{AlertStage, Audience, Deadline};
use rusqlite::{Connection, params};

use crate::time::{from_text, to_text};
use crate::{Listing, StoreError};

const COLUMNS: &str = "incident_id, audience, due_at, cadence_minutes, relaxed, snoozed, alerted";

/// A row as read: incident id, audience, due_at, cadence, relaxed, snoozed, alerted.
type Raw = (String, String, String, u32, bool, bool, Option<String>);

fn read(row: &rusqlite::Row<'_>) -> rusqlite::Result<Raw> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
        row.get(5)?,
        row.get(6)?,
    ))
}

fn parse(raw: Raw) -> Result<(String, Deadline, Option<AlertStage>), StoreError> {
    let (incident_id, audience, due_at, cadence_minutes, relaxed, snoozed, alerted) = raw;
    let deadline = Deadline {
        audience: Audience::parse(&audience)
            .ok_or_else(|| StoreError::BadData(format!("unknown audience {audience:?}")))?,
        due_at: from_text(&due_at)?,
        cadence_minutes,
        relaxed,
        snoozed,
    };
    Ok((
        incident_id,
        deadline,
        alerted.as_deref().and_then(AlertStage::from_text),
    ))
}

/// An incident's readable deadlines with their last alert, in audience order.
pub fn for_incident(
    conn: &Connection,
    incident_id: &str,
) -> Result<Vec<(Deadline, Option<AlertStage>)>, StoreError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM deadlines WHERE incident_id = ?1"
    ))?;
    // A row that does not read is skipped here (the board names it through
    // `all`), so one bad deadline never hides the incident's others; the
    // next recomputation replaces it.
    let mut list = Vec::new();
    for raw in stmt.query_map([incident_id], read)? {
        if let Ok((_, d, a)) = parse(raw?) {
            list.push((d, a));
        }
    }
    list.sort_by_key(|(d, _)| d.audience);
    Ok(list)
}

/// Every stored deadline that reads back, with its incident id, soonest
/// first; a row that does not read is listed by its incident id instead.
pub fn all(
    conn: &Connection,
) -> Result<Listing<(String, Deadline, Option<AlertStage>)>, StoreError> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM deadlines ORDER BY due_at"))?;
    let mut listing = Listing::default();
    for raw in stmt.query_map([], read)? {
        let raw = raw?;
        let id = raw.0.clone();
        listing.push(id, parse(raw));
    }
    Ok(listing)
}

/// Replaces an incident's deadlines. An audience whose `due_at` is unchanged
/// keeps its alert stage, so a recomputation never repeats an alert.
pub fn replace(
    conn: &Connection,
    incident_id: &str,
    deadlines: &[Deadline],
) -> Result<(), StoreError> {
    let kept = for_incident(conn, incident_id)?;
    conn.execute(
        "DELETE FROM deadlines WHERE incident_id = ?1",
        [incident_id],
    )?;
    for d in deadlines {
        let alerted = kept
            .iter()
            .find(|(old, _)| old.audience == d.audience && old.due_at == d.due_at)
            .and_then(|(_, stage)| stage.map(AlertStage::to_text));
        conn.execute(
            &format!("INSERT INTO deadlines ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
            params![
                incident_id,
                d.audience.as_str(),
                to_text(d.due_at)?,
                d.cadence_minutes,
                d.relaxed,
                d.snoozed,
                alerted,
            ],
        )?;
    }
    Ok(())
}

/// Records that `stage` was sent for the deadline due at `due_at`; does
/// nothing if the deadline has moved since.
pub fn mark_alerted(
    conn: &Connection,
    incident_id: &str,
    deadline: &Deadline,
    stage: AlertStage,
) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE deadlines SET alerted = ?4 WHERE incident_id = ?1 AND audience = ?2 AND due_at = ?3",
        params![incident_id, deadline.audience.as_str(), to_text(deadline.due_at)?, stage.to_text()],
    )?;
    Ok(())
}
