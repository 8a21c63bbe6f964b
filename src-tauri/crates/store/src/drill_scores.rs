//! The `drill_scores` table: the practice log, one score card per drill run.

use herald_core::drill::ScoreCard;
use rusqlite::{Connection, params};

use crate::StoreError;
use crate::time::{from_text, to_text};

pub fn insert(conn: &Connection, id: &str, card: &ScoreCard) -> Result<(), StoreError> {
    let json = serde_json::to_string(card)
        .map_err(|e| StoreError::BadData(format!("a score card did not serialise: {e}")))?;
    conn.execute(
        "INSERT INTO drill_scores (id, person, scenario, declared_at, ended_at, points, card) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            id,
            card.person,
            card.scenario,
            to_text(card.declared_at)?,
            to_text(card.ended_at)?,
            card.points,
            json,
        ],
    )?;
    Ok(())
}

/// Every kept score card with its id, newest first; a card that does not
/// read is left out rather than hiding the others.
pub fn all(conn: &Connection) -> Result<Vec<(String, ScoreCard)>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT id, card, ended_at FROM drill_scores ORDER BY ended_at DESC, rowid DESC",
    )?;
    let rows = stmt.query_map([], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, String>(2)?,
        ))
    })?;
    let mut cards = Vec::new();
    for row in rows {
        let (id, json, ended) = row?;
        if from_text(&ended).is_err() {
            continue;
        }
        if let Ok(card) = serde_json::from_str::<ScoreCard>(&json) {
            cards.push((id, card));
        }
    }
    Ok(cards)
}
