//! What the app shows when the database cannot be opened at start, and the one
//! remedy it offers: move the file aside (never delete it) and start fresh.

use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use herald_store::{OpenError, OpenProblem};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Why Herald started without its database, for the recovery screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StartupProblem {
    /// `corrupt`, `unreadable` or `too_new`.
    pub problem: String,
    pub path: String,
    pub message: String,
}

impl From<&OpenError> for StartupProblem {
    fn from(e: &OpenError) -> Self {
        let problem = match e.problem {
            OpenProblem::Corrupt => "corrupt",
            OpenProblem::Unreadable => "unreadable",
            OpenProblem::TooNew => "too_new",
        };
        StartupProblem {
            problem: problem.to_owned(),
            path: e.path.display().to_string(),
            message: e.describe(),
        }
    }
}

/// Renames the database (and its `-wal` and `-shm` companions, when present) to
/// `<name>.broken-<UTC time>` beside it, so a fresh one can be created. Returns
/// the new path of the main file. Nothing is ever deleted.
pub fn move_aside(path: &Path, now: DateTime<Utc>) -> io::Result<PathBuf> {
    let stamp = now.format("%Y%m%dT%H%M%SZ");
    let name = path
        .file_name()
        .ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                "the database path has no file name",
            )
        })?
        .to_string_lossy()
        .into_owned();
    let mut target = path.with_file_name(format!("{name}.broken-{stamp}"));
    for n in 2.. {
        if !target.exists() {
            break;
        }
        target = path.with_file_name(format!("{name}.broken-{stamp}-{n}"));
    }
    for suffix in ["-wal", "-shm"] {
        let companion = PathBuf::from(format!("{}{suffix}", path.display()));
        if companion.exists() {
            std::fs::rename(&companion, format!("{}{suffix}", target.display()))?;
        }
    }
    std::fs::rename(path, &target)?;
    Ok(target)
}
