//! Forward-only schema migrations, embedded in the binary.
//!
//! The schema version lives in SQLite's `user_version`. All pending migrations
//! and the new version number commit in one transaction, so a crash mid-way
//! leaves the file at its old version, never half-migrated. A file from a newer
//! Herald is refused rather than guessed at.
//!
//! Hand-written rather than `rusqlite_migration`: that crate pins an older
//! rusqlite, and this whole job is the loop below.

use rusqlite::Connection;

/// Every migration, in order. Version N is the state after `ALL[N - 1]`.
/// Never edit or remove an entry: ship a new one, and a fixture for it.
pub const ALL: &[&str] = &[
    include_str!("../migrations/0001_incidents.sql"),
    include_str!("../migrations/0002_cadence.sql"),
    include_str!("../migrations/0003_drafts.sql"),
    include_str!("../migrations/0004_handoff.sql"),
    include_str!("../migrations/0005_relay.sql"),
    include_str!("../migrations/0006_imported_events.sql"),
    include_str!("../migrations/0007_handed_over_receipts.sql"),
    include_str!("../migrations/0008_promises.sql"),
    include_str!("../migrations/0009_obligations.sql"),
    include_str!("../migrations/0010_corrections.sql"),
    include_str!("../migrations/0011_drill_scores.sql"),
];

/// The schema version this build writes.
pub const LATEST: u32 = ALL.len() as u32;

#[derive(Debug, thiserror::Error)]
pub enum MigrateError {
    #[error("schema version {found} is newer than this Herald knows ({known})")]
    TooNew { found: u32, known: u32 },
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
}

pub fn version(conn: &Connection) -> rusqlite::Result<u32> {
    conn.query_row("PRAGMA user_version", [], |row| row.get(0))
}

/// Brings the schema to [`LATEST`].
pub fn migrate(conn: &Connection) -> Result<(), MigrateError> {
    migrate_to(conn, LATEST)
}

/// Brings the schema to `target`. Public so fixture databases for old versions
/// can be built; the app itself only ever calls [`migrate`].
pub fn migrate_to(conn: &Connection, target: u32) -> Result<(), MigrateError> {
    let found = version(conn)?;
    if found > LATEST {
        return Err(MigrateError::TooNew {
            found,
            known: LATEST,
        });
    }
    if found >= target {
        return Ok(());
    }
    conn.execute_batch("BEGIN IMMEDIATE")?;
    let applied = (|| {
        for sql in &ALL[found as usize..target as usize] {
            conn.execute_batch(sql)?;
        }
        conn.pragma_update(None, "user_version", target)
    })();
    match applied {
        Ok(()) => conn.execute_batch("COMMIT")?,
        Err(e) => {
            // The original error is the one worth reporting; a failed rollback
            // leaves nothing committed either way.
            let _ = conn.execute_batch("ROLLBACK");
            return Err(e.into());
        }
    }
    Ok(())
}
