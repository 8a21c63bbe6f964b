//! The error that crosses IPC: a stable code the UI may branch on, a message it
//! shows as is, and per-field problems for forms.

use herald_core::{FieldError, Invalid};
use herald_store::StoreError;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The closed set of error codes. Adding one is an API change for the UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The input was refused; `fields` says where.
    InvalidInput,
    /// The thing asked for does not exist (any more).
    NotFound,
    /// The input clashes with something already saved (a duplicate ID).
    Conflict,
    /// A gate stands in the way (review, guardrails, resolution gate); the
    /// message says which and what opens it, `fields` names the input to fix.
    Blocked,
    /// The OS keychain could not be reached or refused; no secret was stored
    /// anywhere else.
    KeychainUnavailable,
    /// The database could not be opened at start; the recovery screen handles it.
    DatabaseUnavailable,
    /// Reading or writing the database failed.
    Storage,
    /// Anything unexpected, including a failure of the IPC call itself; the UI's
    /// IPC adapter uses it for rejections that are not an `AppError`.
    Internal,
}

/// Exported to TypeScript as `AppError`, so it does not shadow the global `Error`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(rename = "AppError")]
pub struct Error {
    pub code: ErrorCode,
    pub message: String,
    pub fields: Vec<FieldError>,
}

impl Error {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            fields: Vec::new(),
        }
    }

    pub fn not_found(what: &str) -> Self {
        Self::new(
            ErrorCode::NotFound,
            format!("{what} was not found; it may have been removed."),
        )
    }

    /// A gate in the way, named by the field the lead can act on.
    pub fn blocked(field: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        Self {
            code: ErrorCode::Blocked,
            fields: vec![FieldError::new(field, message.clone())],
            message,
        }
    }

    /// A clash on one field, shown beside that field.
    pub fn conflict(field: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        Self {
            code: ErrorCode::Conflict,
            fields: vec![FieldError::new(field, message.clone())],
            message,
        }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl From<Invalid> for Error {
    fn from(invalid: Invalid) -> Self {
        Self {
            code: ErrorCode::InvalidInput,
            message: invalid.summary(),
            fields: invalid.0,
        }
    }
}

impl From<StoreError> for Error {
    fn from(e: StoreError) -> Self {
        // The two the lead can do something about get their own words.
        let message = if e.is_disk_full() {
            "The disk is full, so Herald could not save this. Nothing was lost: what you typed stays where it is. Free some space and it saves again.".to_owned()
        } else if e.is_busy() {
            "Another program is holding Herald's database, so this could not be saved yet. Nothing was lost; try again in a moment.".to_owned()
        } else {
            format!("Herald could not save or read its data: {e}")
        };
        Self::new(ErrorCode::Storage, message)
    }
}
