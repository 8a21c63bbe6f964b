//! Errors from the store, split by when they happen: opening the file, or using it.

use std::path::PathBuf;

/// Why the database could not be opened. The desktop shows this on the recovery
/// screen, so each variant says plainly what is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenProblem {
    /// The file is not a SQLite database, or its pages fail the integrity check.
    Corrupt,
    /// The file or its folder cannot be opened or read.
    Unreadable,
    /// Another program holds the database locked past the busy timeout: the
    /// file is fine, and trying again once it lets go will open it.
    Busy,
    /// Herald may not read or write the file or its folder (permissions, a
    /// read-only disk): the file is fine; fix the permission and try again.
    PermissionDenied,
    /// The file was written by a newer Herald whose schema this one does not know.
    TooNew,
}

#[derive(Debug, thiserror::Error)]
#[error("{}", self.describe())]
pub struct OpenError {
    pub problem: OpenProblem,
    pub path: PathBuf,
    pub detail: String,
}

impl OpenError {
    pub fn describe(&self) -> String {
        let what = match self.problem {
            OpenProblem::Corrupt => "is damaged or is not a Herald database",
            OpenProblem::Unreadable => "cannot be opened",
            OpenProblem::Busy => "is locked by another program",
            OpenProblem::PermissionDenied => "may not be read or written by Herald",
            OpenProblem::TooNew => "was written by a newer version of Herald",
        };
        format!(
            "The database at {} {what}: {}",
            self.path.display(),
            self.detail
        )
    }
}

/// A failure while reading or writing an open database.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("stored data could not be read back ({0})")]
    BadData(String),
}

impl StoreError {
    /// SQLite could not write because the disk (or its quota) is full.
    pub fn is_disk_full(&self) -> bool {
        self.code() == Some(rusqlite::ErrorCode::DiskFull)
    }

    /// Another connection held the database past the busy timeout.
    pub fn is_busy(&self) -> bool {
        matches!(
            self.code(),
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
        )
    }

    fn code(&self) -> Option<rusqlite::ErrorCode> {
        match self {
            StoreError::Sqlite(e) => e.sqlite_error_code(),
            StoreError::BadData(_) => None,
        }
    }
}

impl From<serde_json::Error> for StoreError {
    fn from(error: serde_json::Error) -> Self {
        StoreError::BadData(error.to_string())
    }
}
