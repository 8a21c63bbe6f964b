//! The `channels` table: where updates are delivered. Options are JSON and never
//! hold a secret; `secret_ref` names the keychain entry that does.

use chrono::{DateTime, Utc};
use herald_core::relay::{Channel, ChannelKind};
use rusqlite::{Connection, OptionalExtension, params};

use crate::StoreError;
use crate::time::to_text;

pub fn save(
    conn: &Connection,
    channel: &Channel,
    secret_ref: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO channels (id, name, kind, audiences, enabled, disabled_reason, options, \
         secret_ref, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9) \
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, \
         audiences = excluded.audiences, enabled = excluded.enabled, \
         disabled_reason = excluded.disabled_reason, options = excluded.options, \
         secret_ref = excluded.secret_ref, updated_at = excluded.updated_at",
        params![
            channel.id,
            channel.name,
            channel.kind.as_str(),
            serde_json::to_string(&channel.audiences)?,
            channel.enabled,
            channel.disabled_reason,
            serde_json::to_string(&channel.options)?,
            secret_ref,
            to_text(now)?,
        ],
    )?;
    Ok(())
}

/// Switches a channel off with the reason the target gave.
pub fn disable(
    conn: &Connection,
    id: &str,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE channels SET enabled = 0, disabled_reason = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, reason, to_text(now)?],
    )?;
    Ok(())
}

pub fn mark_deleted(conn: &Connection, id: &str, now: DateTime<Utc>) -> Result<bool, StoreError> {
    Ok(conn.execute(
        "UPDATE channels SET deleted_at = ?2, enabled = 0 WHERE id = ?1 AND deleted_at IS NULL",
        params![id, to_text(now)?],
    )? == 1)
}

const COLUMNS: &str = "id, name, kind, audiences, enabled, disabled_reason, options";

type Row = (String, String, String, String, bool, String, String);

fn read_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
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

fn from_row(
    (id, name, kind, audiences, enabled, disabled_reason, options): Row,
) -> Result<Channel, StoreError> {
    Ok(Channel {
        kind: ChannelKind::parse(&kind)
            .ok_or_else(|| StoreError::BadData(format!("unknown channel kind {kind:?}")))?,
        audiences: serde_json::from_str(&audiences)?,
        options: serde_json::from_str(&options)?,
        id,
        name,
        enabled,
        disabled_reason,
    })
}

/// Every channel not deleted, in the order they were added.
pub fn all(conn: &Connection) -> Result<Vec<Channel>, StoreError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM channels WHERE deleted_at IS NULL ORDER BY created_at, rowid"
    ))?;
    let rows = stmt.query_map([], read_row)?;
    rows.map(|row| from_row(row?)).collect()
}

/// One channel, deleted or not (deliveries still name it).
pub fn get(conn: &Connection, id: &str) -> Result<Option<Channel>, StoreError> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM channels WHERE id = ?1"),
        [id],
        read_row,
    )
    .optional()?
    .map(from_row)
    .transpose()
}

/// The Statuspage incident a channel opened for a Herald incident.
pub fn remote_incident(
    conn: &Connection,
    channel_id: &str,
    incident_id: &str,
) -> Result<Option<String>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT remote_id FROM remote_incidents WHERE channel_id = ?1 AND incident_id = ?2",
            [channel_id, incident_id],
            |r| r.get(0),
        )
        .optional()?)
}

pub fn set_remote_incident(
    conn: &Connection,
    channel_id: &str,
    incident_id: &str,
    remote_id: &str,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO remote_incidents (channel_id, incident_id, remote_id) VALUES (?1, ?2, ?3) \
         ON CONFLICT (channel_id, incident_id) DO UPDATE SET remote_id = excluded.remote_id",
        params![channel_id, incident_id, remote_id],
    )?;
    Ok(())
}
