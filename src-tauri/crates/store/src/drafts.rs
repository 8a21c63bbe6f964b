//! The `drafts` table: one working draft per incident and audience.

use chrono::{DateTime, Utc};
use herald_core::{Audience, TemplateKind};
use rusqlite::{Connection, OptionalExtension, params};

use crate::StoreError;
use crate::time::{from_text, to_text};

/// A draft as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDraft {
    pub incident_id: String,
    pub audience: Audience,
    pub body: String,
    pub revision: u32,
    pub template_kind: TemplateKind,
    pub generated_from: Option<String>,
    pub generated_body: String,
    pub reviewed_revision: Option<u32>,
    pub updated_at: DateTime<Utc>,
}

pub fn save(conn: &Connection, draft: &StoredDraft) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO drafts (incident_id, audience, body, revision, template_kind, generated_from, \
         generated_body, reviewed_revision, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) \
         ON CONFLICT (incident_id, audience) DO UPDATE SET body = excluded.body, \
         revision = excluded.revision, template_kind = excluded.template_kind, \
         generated_from = excluded.generated_from, generated_body = excluded.generated_body, \
         reviewed_revision = excluded.reviewed_revision, updated_at = excluded.updated_at",
        params![
            draft.incident_id,
            draft.audience.as_str(),
            draft.body,
            draft.revision,
            draft.template_kind.as_str(),
            draft.generated_from,
            draft.generated_body,
            draft.reviewed_revision,
            to_text(draft.updated_at)?,
        ],
    )?;
    Ok(())
}

type Row = (
    String,
    String,
    String,
    u32,
    String,
    Option<String>,
    String,
    Option<u32>,
    String,
);

fn from_row(row: Row) -> Result<StoredDraft, StoreError> {
    let (incident_id, audience, body, revision, kind, generated_from, generated_body, reviewed, at) =
        row;
    Ok(StoredDraft {
        audience: Audience::parse(&audience)
            .ok_or_else(|| StoreError::BadData(format!("unknown audience {audience:?}")))?,
        template_kind: TemplateKind::ALL
            .into_iter()
            .find(|k| k.as_str() == kind)
            .ok_or_else(|| StoreError::BadData(format!("unknown template kind {kind:?}")))?,
        updated_at: from_text(&at)?,
        incident_id,
        body,
        revision,
        generated_from,
        generated_body,
        reviewed_revision: reviewed,
    })
}

const COLUMNS: &str = "SELECT incident_id, audience, body, revision, template_kind, generated_from, \
     generated_body, reviewed_revision, updated_at FROM drafts";

fn read_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
        row.get(5)?,
        row.get(6)?,
        row.get(7)?,
        row.get(8)?,
    ))
}

pub fn get(
    conn: &Connection,
    incident_id: &str,
    audience: Audience,
) -> Result<Option<StoredDraft>, StoreError> {
    conn.query_row(
        &format!("{COLUMNS} WHERE incident_id = ?1 AND audience = ?2"),
        params![incident_id, audience.as_str()],
        read_row,
    )
    .optional()?
    .map(from_row)
    .transpose()
}

/// An incident's drafts, in no particular order.
pub fn for_incident(conn: &Connection, incident_id: &str) -> Result<Vec<StoredDraft>, StoreError> {
    let mut stmt = conn.prepare(&format!("{COLUMNS} WHERE incident_id = ?1"))?;
    let rows = stmt.query_map([incident_id], read_row)?;
    rows.map(|row| from_row(row?)).collect()
}
