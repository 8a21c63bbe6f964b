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
    /// `corrupt`, `unreadable`, `busy`, `permission_denied` or `too_new`.
    pub problem: String,
    /// Whether trying again may open it (busy, permissions, an IO error):
    /// the file is likely fine and must not be parked.
    pub retry: bool,
    /// Whether moving it aside is offered (it is damaged, unreadable or newer).
    pub move_aside: bool,
    pub path: String,
    pub message: String,
}

impl From<&OpenError> for StartupProblem {
    fn from(e: &OpenError) -> Self {
        let (problem, retry, move_aside) = match e.problem {
            OpenProblem::Corrupt => ("corrupt", false, true),
            OpenProblem::Unreadable => ("unreadable", true, true),
            OpenProblem::Busy => ("busy", true, false),
            OpenProblem::PermissionDenied => ("permission_denied", true, false),
            OpenProblem::TooNew => ("too_new", false, true),
        };
        StartupProblem {
            problem: problem.to_owned(),
            retry,
            move_aside,
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
    // The main file first: if that fails, nothing has moved. Then its
    // companions; if one fails, every rename already made is undone, so a
    // database is never split from its write-ahead log.
    std::fs::rename(path, &target)?;
    let mut moved: Vec<(PathBuf, PathBuf)> = vec![(path.to_owned(), target.clone())];
    for suffix in ["-wal", "-shm"] {
        let companion = PathBuf::from(format!("{}{suffix}", path.display()));
        if !companion.exists() {
            continue;
        }
        let aside = PathBuf::from(format!("{}{suffix}", target.display()));
        if let Err(e) = std::fs::rename(&companion, &aside) {
            for (from, to) in moved.iter().rev() {
                let _ = std::fs::rename(to, from);
            }
            return Err(e);
        }
        moved.push((companion, aside));
    }
    Ok(target)
}
