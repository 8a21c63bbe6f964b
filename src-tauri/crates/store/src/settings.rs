//! The `settings` table: app-wide settings, one JSON value per key.

use herald_core::SeverityMatrix;
use rusqlite::{Connection, OptionalExtension, params};

use crate::StoreError;

const SEVERITY_MATRIX: &str = "severity_matrix";

/// The saved matrix, or the shipped defaults when none has been saved.
pub fn severity_matrix(conn: &Connection) -> Result<SeverityMatrix, StoreError> {
    let text: Option<String> = conn
        .query_row(
            "SELECT value FROM settings WHERE key = ?1",
            [SEVERITY_MATRIX],
            |row| row.get(0),
        )
        .optional()?;
    match text {
        None => Ok(SeverityMatrix::default()),
        Some(text) => serde_json::from_str(&text)
            .map_err(|e| StoreError::BadData(format!("saved severity matrix: {e}"))),
    }
}

pub fn save_severity_matrix(conn: &Connection, matrix: &SeverityMatrix) -> Result<(), StoreError> {
    let text = serde_json::to_string(matrix)
        .map_err(|e| StoreError::BadData(format!("cannot encode severity matrix: {e}")))?;
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2) \
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![SEVERITY_MATRIX, text],
    )?;
    Ok(())
}
