//! Herald's use cases: what the desktop shell calls, written against the store
//! and a clock so they run headless on a temp database in tests.
//!
//! Each public method is one thing the comms lead does. Writes happen in one
//! store transaction together with their timeline events.

mod alerts;
mod background;
mod cadence;
mod channels;
mod clock;
mod corrections;
mod courier;
mod deliveries;
mod drafts;
mod drills;
mod error;
mod gate;
mod handoff;
mod health;
mod incidents;
mod launch;
mod lint_memo;
mod notes;
mod obligations;
mod postmortem;
mod promises;
mod publish;
mod reach;
mod receipts;
mod recovery;
mod secrets;
mod settings;
mod team;
mod tray;
mod views;
mod watcher;

use std::path::Path;
use std::sync::Arc;

use herald_store::{OpenError, Store};

pub use alerts::{Alert, Notifier};
pub use background::{STILL_RUNNING_BODY, STILL_RUNNING_SUMMARY};
pub use channels::{ChannelInput, ChannelView, RelaySettings, TestResult};
pub use clock::{Clock, ManualClock, SystemClock};
pub use courier::{
    Attempt, DeliveryProblem, Job, Next, Outcome, ProblemHook, Transport, scrub, verdict_of,
};
pub use deliveries::DeliveryView;
pub use drills::{
    DRILL_FILE, Drill, DrillView, Happened, KeptScore, Practice, Practiser, Sandbox,
    SandboxRequest, ScenarioSummary, SimClock, Speed, delete_drill_data, shipped_scenarios,
};
pub use error::{Error, ErrorCode};
pub use handoff::{HandoffText, RoleHolding, TakeOver};
pub use health::UnreadableRecord;
pub use herald_store::snoozes::Snooze;
pub use launch::{Launch, instance_id};
pub use postmortem::{NoteRequest, PostmortemFiles};
pub use publish::PublishRequest;
pub use recovery::{StartupProblem, move_aside};
pub use secrets::{MemorySecrets, NoKeychain, SecretError, SecretStore, reference_for};
pub use settings::MessageSettings;
pub use team::{
    Merged, ReviewedDraft, SharedFacts, TeamConnection, TeamInput, TeamPeer, TeamSettings,
    TeamStatus,
};
pub use tray::{TRAY_ITEMS, TraySummary};
pub use views::{
    Board, DraftView, IncidentDeadline, IncidentObligation, IncidentPromise, IncidentView,
};
pub use watcher::Watcher;

/// The open desk: the store plus the clock every use case reads time from.
pub struct Desk {
    store: Store,
    clock: Arc<dyn Clock>,
    /// Why the last desktop notification failed, if it did; the window says so.
    notification_problem: std::sync::Mutex<Option<String>>,
    /// Called after every committed write (the shell refreshes the tray).
    on_change: std::sync::RwLock<Option<ChangeHook>>,
    /// Also called after every committed write: team sync's watchers.
    watchers: std::sync::RwLock<Vec<ChangeHook>>,
    /// The OS keychain once the shell provides it; until then, none.
    secrets: std::sync::RwLock<Arc<dyn SecretStore>>,
    backoff: std::sync::RwLock<herald_core::relay::Backoff>,
    /// Called for each delivery the lead must hear about.
    on_problem: std::sync::RwLock<Option<ProblemHook>>,
    /// What Herald could not do by itself: unreadable rows, failed watcher rounds.
    health: health::Health,
    /// A drill's own desk: its data may never become a real incident.
    drill: std::sync::atomic::AtomicBool,
}

/// What the shell runs after every committed write.
pub type ChangeHook = Arc<dyn Fn() + Send + Sync>;

impl std::fmt::Debug for Desk {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Desk")
            .field("store", &self.store)
            .field("clock", &self.clock)
            .finish_non_exhaustive()
    }
}

impl Desk {
    pub fn open(path: &Path, clock: Arc<dyn Clock>) -> Result<Desk, OpenError> {
        Ok(Desk {
            store: Store::open(path)?,
            clock,
            notification_problem: std::sync::Mutex::new(None),
            on_change: std::sync::RwLock::new(None),
            watchers: std::sync::RwLock::new(Vec::new()),
            secrets: std::sync::RwLock::new(Arc::new(NoKeychain)),
            backoff: std::sync::RwLock::new(herald_core::relay::Backoff::default()),
            on_problem: std::sync::RwLock::new(None),
            health: health::Health::default(),
            drill: std::sync::atomic::AtomicBool::new(false),
        })
    }

    /// The database's schema version, for diagnostics.
    pub fn schema_version(&self) -> Result<u32, Error> {
        Ok(self
            .store
            .read(|conn| Ok(herald_store::migrations::version(conn)?))?)
    }

    pub fn database_path(&self) -> &Path {
        self.store.path()
    }

    /// Sets what runs after every committed write; one hook, the last set.
    pub fn set_on_change(&self, hook: ChangeHook) {
        *self.on_change.write().unwrap_or_else(|p| p.into_inner()) = Some(hook);
    }

    /// The desk's clock, for threads that wait on the times it hands out.
    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now()
    }

    /// Sets where channel secrets live (the OS keychain in the app).
    pub fn set_secrets(&self, secrets: Arc<dyn SecretStore>) {
        *self.secrets.write().unwrap_or_else(|p| p.into_inner()) = secrets;
    }

    fn secrets(&self) -> Arc<dyn SecretStore> {
        self.secrets
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// One store transaction; on commit, tells the change hook.
    fn write<T>(
        &self,
        work: impl FnOnce(&herald_store::Transaction<'_>) -> Result<T, Error>,
    ) -> Result<T, Error> {
        let value = self.store.write(work)?;
        self.changed();
        Ok(value)
    }

    /// Adds a hook that runs after every committed write, beside the shell's.
    pub fn watch_changes(&self, hook: ChangeHook) {
        self.watchers
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .push(hook);
    }

    /// Tells the change hook and the watchers that a write committed.
    fn changed(&self) {
        let hook = self
            .on_change
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        if let Some(hook) = hook {
            hook();
        }
        let watchers = self
            .watchers
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        for watcher in watchers {
            watcher();
        }
    }

    fn new_id(&self) -> String {
        uuid::Uuid::now_v7().to_string()
    }
}
