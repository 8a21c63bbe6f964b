//! Herald's use cases: what the desktop shell calls, written against the store
//! and a clock so they run headless on a temp database in tests.
//!
//! Each public method is one thing the comms lead does. Writes happen in one
//! store transaction together with their timeline events.

mod alerts;
mod cadence;
mod clock;
mod error;
mod incidents;
mod launch;
mod recovery;
mod settings;
mod views;
mod watcher;

use std::path::Path;
use std::sync::Arc;

use herald_store::{OpenError, Store};

pub use alerts::{Alert, Notifier};
pub use clock::{Clock, ManualClock, SystemClock};
pub use error::{Error, ErrorCode};
pub use launch::Launch;
pub use recovery::{StartupProblem, move_aside};
pub use views::{Board, IncidentDeadline, IncidentView};
pub use watcher::Watcher;

/// The open desk: the store plus the clock every use case reads time from.
#[derive(Debug)]
pub struct Desk {
    store: Store,
    clock: Arc<dyn Clock>,
    /// Why the last desktop notification failed, if it did; the window says so.
    notification_problem: std::sync::Mutex<Option<String>>,
}

impl Desk {
    pub fn open(path: &Path, clock: Arc<dyn Clock>) -> Result<Desk, OpenError> {
        Ok(Desk {
            store: Store::open(path)?,
            clock,
            notification_problem: std::sync::Mutex::new(None),
        })
    }

    pub fn database_path(&self) -> &Path {
        self.store.path()
    }

    fn new_id(&self) -> String {
        uuid::Uuid::now_v7().to_string()
    }
}
