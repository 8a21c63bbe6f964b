//! The database as the app holds it from start to quit: open, or broken with a
//! reason the recovery screen shows, until the lead chooses to start fresh.

use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use herald_core::drill::{DRILL_MARK, Scenario};

use crate::drills::{Drill, KeptScore, Speed, delete_drill_data};
use crate::{Clock, Desk, Error, ErrorCode, StartupProblem, TraySummary, move_aside};

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
    /// The drill in progress, if any: its incident is served by its own desk.
    drill: RwLock<Option<Arc<Drill>>>,
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
            drill: RwLock::new(None),
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

    /// The desk that holds `incident_id`: the drill's for the drill incident,
    /// the lead's own for every other. Commands about one incident come here,
    /// so the cockpit works the same on a drill without knowing it is one.
    pub fn desk_for(&self, incident_id: &str) -> Result<Arc<Desk>, Error> {
        if let Some(drill) = self.drill()
            && drill.incident_id() == incident_id
        {
            return Ok(drill.desk().clone());
        }
        self.desk()
    }

    pub fn drill(&self) -> Option<Arc<Drill>> {
        self.drill.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    fn drill_dir(&self) -> PathBuf {
        self.path
            .parent()
            .map(Path::to_owned)
            .unwrap_or_else(|| PathBuf::from("."))
    }

    /// Starts a drill beside the database, with sandbox copies of the lead's
    /// channels (read from the database, never from the keychain). An
    /// earlier drill still running is dropped without a score.
    pub fn start_drill(
        &self,
        scenario: Scenario,
        person: &str,
        speed: Speed,
    ) -> Result<Arc<Drill>, Error> {
        let desk = self.desk()?;
        let channels = desk.channel_list()?;
        let mut slot = self.drill.write().unwrap_or_else(|p| p.into_inner());
        *slot = None;
        let drill = Arc::new(Drill::start(
            &self.drill_dir(),
            self.clock.clone(),
            scenario,
            person,
            &channels,
            speed,
        )?);
        *slot = Some(drill.clone());
        Ok(drill)
    }

    /// Ends the drill: its score card goes into the practice log, and the
    /// drill's data stays until the next drill or "Delete drill data".
    pub fn end_drill(&self) -> Result<Option<KeptScore>, Error> {
        let Some(drill) = self.drill.write().unwrap_or_else(|p| p.into_inner()).take() else {
            return Ok(None);
        };
        let card = drill.score()?;
        let id = self.desk()?.keep_score(&card)?;
        Ok(Some(KeptScore { id, card }))
    }

    /// Deletes every drill's data in one action, ending a drill in progress
    /// without a score. The practice log stays.
    pub fn delete_drill_data(&self) -> Result<(), Error> {
        self.drill.write().unwrap_or_else(|p| p.into_inner()).take();
        delete_drill_data(&self.drill_dir())
    }

    /// The tray's summary: the real deadlines first, then a running drill's,
    /// each labelled DRILL, so a drill never hides a real deadline and is
    /// never mistaken for one.
    pub fn tray_summary(&self) -> Result<TraySummary, Error> {
        let mut summary = self.desk()?.tray_summary()?;
        if let Some(drill) = self.drill() {
            let drilled = drill.desk().tray_summary()?;
            summary.items.extend(
                drilled
                    .items
                    .into_iter()
                    .map(|(id, label)| (id, format!("{DRILL_MARK}{label}"))),
            );
            summary
                .tooltip
                .push_str(&format!("\nDRILL running: {}", drill.view().scenario));
        }
        Ok(summary)
    }

    /// Takes over from a pasted handoff: into the running drill when the
    /// paste is the drill incident's (the scenario handed the role to the
    /// lead), into the real desk otherwise, which refuses any other drill's.
    pub fn take_over(
        &self,
        paste: &str,
        lead: &str,
        confirm: bool,
    ) -> Result<crate::TakeOver, Error> {
        if let Some(drill) = self.drill()
            && herald_core::handoff::decode(paste)
                .is_ok_and(|package| package.incident.id == drill.incident_id())
        {
            let taken = drill.desk().take_over(paste, lead, confirm)?;
            if confirm {
                drill.taken_over();
            }
            return Ok(taken);
        }
        self.desk()?.take_over(paste, lead, confirm)
    }

    /// The board: the real incidents, then a running drill's, marked and on
    /// the wall clock (see [`Drill::add_to_board`]).
    pub fn board(&self) -> Result<crate::Board, Error> {
        let mut board = self.desk()?.board()?;
        if let Some(drill) = self.drill() {
            drill.add_to_board(&mut board, self.clock.now())?;
        }
        Ok(board)
    }
}
