//! Herald's SQLite store.
//!
//! One file, opened with WAL, foreign keys, a busy timeout and full sync; checked
//! for corruption and migrated forward at open. Every write goes through
//! [`Store::write`], one transaction, so a domain change and its timeline event
//! commit together or not at all.

pub mod channels;
pub mod corrections;
pub mod deadlines;
pub mod deliveries;
pub mod drafts;
pub mod drill_scores;
mod error;
pub mod incidents;
mod listing;
pub mod migrations;
pub mod notes;
pub mod obligations;
mod open;
pub mod promises;
pub mod receipts;
pub mod settings;
pub mod snoozes;
pub mod syncs;
mod time;
pub mod timeline;
pub mod updates;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

pub use error::{OpenError, OpenProblem, StoreError};
pub use listing::{Listing, Unreadable};
pub use open::snapshot_path;
pub use rusqlite::{Connection, Transaction};

/// The open database. One connection behind a mutex: Herald has one writer, and
/// SQLite calls take microseconds to milliseconds.
#[derive(Debug)]
pub struct Store {
    conn: Mutex<Connection>,
    path: PathBuf,
}

impl Store {
    /// Opens (creating if needed) the database at `path`, checks it and migrates it.
    pub fn open(path: &Path) -> Result<Store, OpenError> {
        let conn = open::open_checked(path)?;
        Ok(Store {
            conn: Mutex::new(conn),
            path: path.to_owned(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs read-only work on the connection.
    pub fn read<T>(
        &self,
        work: impl FnOnce(&Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        work(&self.lock())
    }

    /// Runs work in one IMMEDIATE transaction, committing only if it succeeds.
    pub fn write<T, E: From<StoreError>>(
        &self,
        work: impl FnOnce(&Transaction<'_>) -> Result<T, E>,
    ) -> Result<T, E> {
        self.transaction(work, true)
    }

    /// Runs work in a transaction that is always rolled back: what a change
    /// would do, worked out by the same code that makes it, shown before it is made.
    pub fn rehearse<T, E: From<StoreError>>(
        &self,
        work: impl FnOnce(&Transaction<'_>) -> Result<T, E>,
    ) -> Result<T, E> {
        self.transaction(work, false)
    }

    fn transaction<T, E: From<StoreError>>(
        &self,
        work: impl FnOnce(&Transaction<'_>) -> Result<T, E>,
        commit: bool,
    ) -> Result<T, E> {
        let mut conn = self.lock();
        let tx = conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(StoreError::from)?;
        let value = work(&tx)?;
        if commit {
            tx.commit().map_err(StoreError::from)?;
        } else {
            tx.rollback().map_err(StoreError::from)?;
        }
        Ok(value)
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave a half-written transaction
        // (it rolls back on drop), so the connection is still good to use.
        self.conn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
