//! The `obligations` table: each incident's obligation clocks, with the last
//! alert raised for the current due time.

use herald_core::{AlertStage, Obligation, ObligationState};
use rusqlite::{Connection, OptionalExtension, params};

use crate::time::{from_text, to_text};
use crate::{Listing, StoreError};

/// Inserts or replaces a clock. The alert stage raised so far is kept while
/// the due time stays the same, and cleared when it moves.
pub fn save(conn: &Connection, o: &Obligation) -> Result<(), StoreError> {
    let optional = |t: Option<chrono::DateTime<chrono::Utc>>| t.map(to_text).transpose();
    conn.execute(
        "INSERT INTO obligations (id, incident_id, name, owner, rule, link, within_minutes, \
         triggered_at, state, note, decided_at, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) \
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, owner = excluded.owner, \
         rule = excluded.rule, link = excluded.link, within_minutes = excluded.within_minutes, \
         triggered_at = excluded.triggered_at, state = excluded.state, note = excluded.note, \
         decided_at = excluded.decided_at, updated_at = excluded.updated_at, \
         alerted = CASE WHEN obligations.triggered_at IS excluded.triggered_at \
           AND obligations.within_minutes = excluded.within_minutes \
           THEN obligations.alerted ELSE NULL END",
        params![
            o.id,
            o.incident_id,
            o.name,
            o.owner,
            o.rule,
            o.link,
            o.within_minutes,
            optional(o.triggered_at)?,
            o.state.as_str(),
            o.note,
            optional(o.decided_at)?,
            to_text(o.created_at)?,
            to_text(o.updated_at)?,
        ],
    )?;
    Ok(())
}

const COLUMNS: &str = "id, incident_id, name, owner, rule, link, within_minutes, triggered_at, \
                       state, note, decided_at, created_at, updated_at, alerted";

/// An incident's clocks, oldest first; a row that does not read back is left
/// out (the timeline still names it).
pub fn for_incident(conn: &Connection, incident_id: &str) -> Result<Vec<Obligation>, StoreError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM obligations WHERE incident_id = ?1 ORDER BY created_at, id"
    ))?;
    let rows = stmt.query_map([incident_id], read)?;
    let mut clocks = Vec::new();
    for row in rows {
        if let Ok((clock, _)) = row? {
            clocks.push(clock);
        }
    }
    Ok(clocks)
}

/// One clock by its id.
pub fn get(conn: &Connection, id: &str) -> Result<Option<Obligation>, StoreError> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM obligations WHERE id = ?1"),
        [id],
        read,
    )
    .optional()?
    .transpose()
    .map(|row| row.map(|(clock, _)| clock))
}

/// Every open clock whose trigger is set, with the alert stage raised for
/// it, soonest trigger first; rows that do not read back are named.
pub fn counting(
    conn: &Connection,
) -> Result<Listing<(Obligation, Option<AlertStage>)>, StoreError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM obligations WHERE state = 'open' AND triggered_at IS NOT NULL \
         ORDER BY triggered_at"
    ))?;
    let mut listing = Listing::default();
    for row in stmt.query_map([], |row| Ok((row.get::<_, String>(1)?, read(row)?)))? {
        let (incident_id, clock) = row?;
        listing.push(incident_id, clock);
    }
    Ok(listing)
}

pub fn mark_alerted(conn: &Connection, id: &str, stage: AlertStage) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE obligations SET alerted = ?2 WHERE id = ?1",
        params![id, stage.to_text()],
    )?;
    Ok(())
}

type Row = Result<(Obligation, Option<AlertStage>), StoreError>;

fn read(row: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    let text = |i: usize| row.get::<_, String>(i);
    let optional = |i: usize| row.get::<_, Option<String>>(i);
    let (id, incident_id, name, owner, rule, link) =
        (text(0)?, text(1)?, text(2)?, text(3)?, text(4)?, text(5)?);
    let within_minutes: u32 = row.get(6)?;
    let (triggered_at, state, note, decided_at) = (optional(7)?, text(8)?, text(9)?, optional(10)?);
    let (created_at, updated_at, alerted) = (text(11)?, text(12)?, optional(13)?);
    Ok((|| {
        let clock = Obligation {
            state: ObligationState::parse(&state)
                .ok_or_else(|| StoreError::BadData(format!("unknown clock state {state:?}")))?,
            triggered_at: triggered_at.as_deref().map(from_text).transpose()?,
            decided_at: decided_at.as_deref().map(from_text).transpose()?,
            created_at: from_text(&created_at)?,
            updated_at: from_text(&updated_at)?,
            id,
            incident_id,
            name,
            owner,
            rule,
            link,
            within_minutes,
            note,
        };
        Ok((clock, alerted.as_deref().and_then(AlertStage::from_text)))
    })())
}
