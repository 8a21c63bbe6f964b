//! The database as the app holds it from start to quit: open, or broken with a
//! reason the recovery screen shows, until the lead chooses to start fresh.

use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use crate::{Clock, Desk, Error, ErrorCode, StartupProblem, move_aside};

/// The name that makes Herald single-instance per data directory, from the
/// directory's canonical path: `/x`, `/x/` and `/y/../x` are one database and
/// so one running Herald (two writers on one file could both claim a delivery).
/// The folder is created first so it can be resolved.
pub fn instance_id(dir: &Path) -> String {
    let key = if dir.as_os_str().is_empty() {
        String::new()
    } else {
        let _ = std::fs::create_dir_all(dir);
        std::fs::canonicalize(dir)
            .unwrap_or_else(|_| dir.to_owned())
            .to_string_lossy()
            .into_owned()
    };
    // FNV-1a: stable across runs and builds, unlike std's hasher.
    let hash = key.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("app.herald.desk.d{hash:016x}")
}

#[derive(Debug)]
pub struct Launch {
    path: PathBuf,
    clock: Arc<dyn Clock>,
    state: RwLock<Result<Arc<Desk>, StartupProblem>>,
}

impl Launch {
    /// Opens the database at `path`. Never fails: a database that cannot be
    /// opened is remembered as a [`StartupProblem`] instead.
    pub fn open(path: &Path, clock: Arc<dyn Clock>) -> Launch {
        let state = Desk::open(path, clock.clone())
            .map(Arc::new)
            .map_err(|e| StartupProblem::from(&e));
        Launch {
            path: path.to_owned(),
            clock,
            state: RwLock::new(state),
        }
    }

    /// The open desk, or `database_unavailable` while the database is broken.
    pub fn desk(&self) -> Result<Arc<Desk>, Error> {
        match &*self.state.read().unwrap_or_else(|p| p.into_inner()) {
            Ok(desk) => Ok(desk.clone()),
            Err(problem) => Err(Error::new(
                ErrorCode::DatabaseUnavailable,
                problem.message.clone(),
            )),
        }
    }

    /// Why the database could not be opened, or `None` when it is open.
    pub fn problem(&self) -> Option<StartupProblem> {
        self.state
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .as_ref()
            .err()
            .cloned()
    }

    /// Tries to open the database again (another program let go of its lock,
    /// a permission was fixed). Returns the problem if it is still there.
    pub fn retry(&self) -> Result<(), Error> {
        let mut state = self.state.write().unwrap_or_else(|p| p.into_inner());
        if state.is_ok() {
            return Ok(());
        }
        *state = Desk::open(&self.path, self.clock.clone())
            .map(Arc::new)
            .map_err(|e| StartupProblem::from(&e));
        match &*state {
            Ok(_) => Ok(()),
            Err(problem) => Err(Error::new(
                ErrorCode::DatabaseUnavailable,
                problem.message.clone(),
            )),
        }
    }

    /// Moves the broken file aside (keeping it) and opens a fresh database in its
    /// place. Returns where the old file now is. Refused while the database is fine.
    pub fn start_fresh(&self) -> Result<PathBuf, Error> {
        let mut state = self.state.write().unwrap_or_else(|p| p.into_inner());
        if state.is_ok() {
            return Err(Error::new(
                ErrorCode::InvalidInput,
                "The database is working; there is nothing to move aside.",
            ));
        }
        let moved = if self.path.exists() {
            move_aside(&self.path, self.clock.now()).map_err(|e| {
                Error::new(
                    ErrorCode::Storage,
                    format!("Could not move {} aside: {e}", self.path.display()),
                )
            })?
        } else {
            self.path.clone()
        };
        let reopened = Desk::open(&self.path, self.clock.clone())
            .map(Arc::new)
            .map_err(|e| StartupProblem::from(&e));
        *state = reopened;
        match &*state {
            Ok(_) => Ok(moved),
            Err(problem) => Err(Error::new(
                ErrorCode::DatabaseUnavailable,
                problem.message.clone(),
            )),
        }
    }
}
