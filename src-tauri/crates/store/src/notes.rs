//! The `constraints` and `asks` tables: what the lead keeps for the next lead.

use herald_core::handoff::{Ask, AskState, Constraint};
use rusqlite::{Connection, params};

use crate::StoreError;
use crate::time::{from_text, to_text};

/// Inserts or replaces a constraint by id, only ever within its own incident:
/// an id that belongs to another incident changes nothing and is an error.
pub fn save_constraint(conn: &Connection, c: &Constraint) -> Result<(), StoreError> {
    let changed = conn.execute(
        "INSERT INTO constraints (id, incident_id, text, created_at, updated_at, closed_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (id) DO UPDATE SET text = excluded.text, \
         updated_at = excluded.updated_at, closed_at = excluded.closed_at \
         WHERE constraints.incident_id = excluded.incident_id",
        params![
            c.id,
            c.incident_id,
            c.text,
            to_text(c.created_at)?,
            to_text(c.updated_at)?,
            c.closed_at.map(to_text).transpose()?,
        ],
    )?;
    one_row(changed, "constraint", &c.id)
}

fn one_row(changed: usize, what: &str, id: &str) -> Result<(), StoreError> {
    if changed == 1 {
        Ok(())
    } else {
        Err(StoreError::BadData(format!(
            "the {what} {id} belongs to another incident"
        )))
    }
}

/// An incident's constraints, oldest first, closed ones included.
pub fn constraints(conn: &Connection, incident_id: &str) -> Result<Vec<Constraint>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT id, incident_id, text, created_at, updated_at, closed_at FROM constraints \
         WHERE incident_id = ?1 ORDER BY created_at, rowid",
    )?;
    let rows = stmt.query_map([incident_id], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, String>(2)?,
            row.get::<_, String>(3)?,
            row.get::<_, String>(4)?,
            row.get::<_, Option<String>>(5)?,
        ))
    })?;
    rows.map(|row| {
        let (id, incident_id, text, created, updated, closed) = row?;
        Ok(Constraint {
            id,
            incident_id,
            text,
            created_at: from_text(&created)?,
            updated_at: from_text(&updated)?,
            closed_at: closed.as_deref().map(from_text).transpose()?,
        })
    })
    .collect()
}

/// Inserts or replaces an ask by id, only ever within its own incident.
pub fn save_ask(conn: &Connection, a: &Ask) -> Result<(), StoreError> {
    let changed = conn.execute(
        "INSERT INTO asks (id, incident_id, text, owner, state, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (id) DO UPDATE SET text = excluded.text, \
         owner = excluded.owner, state = excluded.state, updated_at = excluded.updated_at \
         WHERE asks.incident_id = excluded.incident_id",
        params![
            a.id,
            a.incident_id,
            a.text,
            a.owner,
            a.state.as_str(),
            to_text(a.created_at)?,
            to_text(a.updated_at)?,
        ],
    )?;
    one_row(changed, "ask", &a.id)
}

/// An incident's asks, oldest first, whatever their state.
pub fn asks(conn: &Connection, incident_id: &str) -> Result<Vec<Ask>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT id, incident_id, text, owner, state, created_at, updated_at FROM asks \
         WHERE incident_id = ?1 ORDER BY created_at, rowid",
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
        ))
    })?;
    rows.map(|row| {
        let (id, incident_id, text, owner, state, created, updated) = row?;
        Ok(Ask {
            state: AskState::parse(&state)
                .ok_or_else(|| StoreError::BadData(format!("unknown ask state {state:?}")))?,
            id,
            incident_id,
            text,
            owner,
            created_at: from_text(&created)?,
            updated_at: from_text(&updated)?,
        })
    })
    .collect()
}
