//! The `handed_over_receipts` table: delivery receipts that came with a
//! handoff, shown beside this Herald's own deliveries.

use herald_core::handoff::Receipt;
use rusqlite::{Connection, params};

use crate::StoreError;

fn encode(receipt: &Receipt) -> Result<String, StoreError> {
    serde_json::to_string(receipt)
        .map_err(|e| StoreError::BadData(format!("cannot encode a receipt: {e}")))
}

/// Stores a receipt unless one for the same update and channel is there;
/// says whether it was new.
pub fn insert_if_new(conn: &Connection, receipt: &Receipt) -> Result<bool, StoreError> {
    let data = encode(receipt)?;
    let added = conn.execute(
        "INSERT OR IGNORE INTO handed_over_receipts (update_id, channel, kind, data) \
         VALUES (?1, ?2, ?3, ?4)",
        params![
            receipt.update_id,
            receipt.channel,
            receipt.kind.as_str(),
            data
        ],
    )?;
    Ok(added == 1)
}

/// Stores a receipt from another Herald of the team, replacing the one for
/// the same update and channel (its delivery moved on); says whether
/// anything changed.
pub fn save(conn: &Connection, receipt: &Receipt) -> Result<bool, StoreError> {
    let data = encode(receipt)?;
    let changed = conn.execute(
        "INSERT INTO handed_over_receipts (update_id, channel, kind, data) \
         VALUES (?1, ?2, ?3, ?4) \
         ON CONFLICT (update_id, channel, kind) DO UPDATE SET data = excluded.data \
         WHERE data IS NOT excluded.data",
        params![
            receipt.update_id,
            receipt.channel,
            receipt.kind.as_str(),
            data
        ],
    )?;
    Ok(changed == 1)
}

/// Every handed-over receipt for the incident's updates. A receipt is
/// history: one that cannot be read is left out rather than allowed to hide
/// the incident it belongs to.
pub fn for_incident(conn: &Connection, incident_id: &str) -> Result<Vec<Receipt>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT r.data FROM handed_over_receipts r JOIN updates u ON u.id = r.update_id \
         WHERE u.incident_id = ?1 ORDER BY u.posted_at DESC, r.rowid",
    )?;
    let rows = stmt.query_map([incident_id], |row| row.get::<_, String>(0))?;
    let mut receipts = Vec::new();
    for data in rows {
        if let Ok(receipt) = serde_json::from_str(&data?) {
            receipts.push(receipt);
        }
    }
    Ok(receipts)
}
