//! The courier: one dispatcher thread that starts a lane per channel with
//! deliveries on their way, and the lanes that drain each channel first in,
//! first out, paced to the target's rate limit. Woken at once on publish.

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::Duration;

use herald_desk::{Desk, Next, Transport};

/// How often the dispatcher looks for work without being woken. Every commit
/// wakes it and lanes wait out their own retries, so this is only a backstop;
/// kept long so an idle Herald does not poll the database.
const TICK: Duration = Duration::from_secs(5);

/// The longest a lane waits before looking at its queue again (a resend or a
/// switched-on channel also wakes it at once).
const LANE_WAIT: Duration = Duration::from_secs(1);

#[derive(Debug, Clone)]
pub struct Courier {
    inner: Arc<Inner>,
}

struct Inner {
    desk: Arc<Desk>,
    transport: Arc<dyn Transport>,
    lanes: Mutex<HashSet<String>>,
    signal: Mutex<u64>,
    woken: Condvar,
    stopped: AtomicBool,
    /// Runs after each attempt is recorded (the window re-reads).
    on_progress: Box<dyn Fn() + Send + Sync>,
}

impl std::fmt::Debug for Inner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Courier")
            .field("desk", &self.desk)
            .finish_non_exhaustive()
    }
}

impl Courier {
    /// Settles deliveries a crash left mid-send, then starts delivering.
    pub fn start(
        desk: Arc<Desk>,
        transport: Arc<dyn Transport>,
        on_progress: impl Fn() + Send + Sync + 'static,
    ) -> Courier {
        if let Err(e) = desk.recover_deliveries() {
            tracing::error!(error = %e, "could not settle deliveries left in flight");
        }
        let inner = Arc::new(Inner {
            desk,
            transport,
            lanes: Mutex::new(HashSet::new()),
            signal: Mutex::new(0),
            woken: Condvar::new(),
            stopped: AtomicBool::new(false),
            on_progress: Box::new(on_progress),
        });
        let dispatcher = inner.clone();
        thread::Builder::new()
            .name("herald-courier".into())
            .spawn(move || dispatcher.dispatch())
            .map(|_| ())
            .unwrap_or_else(|e| tracing::error!(error = %e, "could not start the courier"));
        Courier { inner }
    }

    /// Looks for work now (after a publish or a decision).
    pub fn wake(&self) {
        self.inner.wake();
    }

    /// Stops after the attempts in progress; deliveries stay in the outbox.
    pub fn stop(&self) {
        self.inner.stopped.store(true, Ordering::SeqCst);
        self.inner.wake();
    }
}

impl Inner {
    fn wake(&self) {
        let mut generation = self.signal.lock().unwrap_or_else(|p| p.into_inner());
        *generation = generation.wrapping_add(1);
        self.woken.notify_all();
    }

    /// Waits until woken or `limit` passes.
    fn wait(&self, limit: Duration) {
        let generation = self.signal.lock().unwrap_or_else(|p| p.into_inner());
        let seen = *generation;
        let _ = self
            .woken
            .wait_timeout_while(generation, limit, |g| *g == seen)
            .unwrap_or_else(|p| p.into_inner());
    }

    fn stopped(&self) -> bool {
        self.stopped.load(Ordering::SeqCst)
    }

    fn dispatch(self: Arc<Self>) {
        while !self.stopped() {
            match self.desk.busy_channels() {
                Ok(busy) => {
                    let mut lanes = self.lanes.lock().unwrap_or_else(|p| p.into_inner());
                    for channel in busy {
                        if lanes.insert(channel.clone()) {
                            let lane = self.clone();
                            let spawned = thread::Builder::new()
                                .name("herald-lane".into())
                                .spawn(move || lane.run_lane(&channel));
                            if let Err(e) = spawned {
                                tracing::error!(error = %e, "could not start a delivery lane");
                            }
                        }
                    }
                }
                Err(e) => tracing::warn!(error = %e, "could not read the outbox"),
            }
            self.wait(TICK);
        }
    }

    fn run_lane(self: Arc<Self>, channel_id: &str) {
        while !self.stopped() {
            match self.desk.next_delivery(channel_id) {
                Ok(Next::Send(job)) => {
                    let outcome = self.desk.attempt(&job, self.transport.as_ref());
                    // A settle that fails (a full disk, a database locked past
                    // its timeout) is retried with the same outcome, so the
                    // channel neither stops nor sends twice; the lead is told once.
                    let mut told = false;
                    while let Err(e) = self.desk.settle_outcome(&job, &outcome) {
                        if !told {
                            self.desk.report_unsettled(&job, &e);
                            told = true;
                        }
                        if self.stopped() {
                            // Left `sending`: the next start settles it as unknown.
                            break;
                        }
                        self.wait(Duration::from_secs(1));
                    }
                    (self.on_progress)();
                    let pace = job.channel.kind.pace_millis();
                    if pace > 0 {
                        thread::sleep(Duration::from_millis(pace));
                    }
                }
                Ok(Next::WaitUntil(at)) => {
                    let left = (at - self.desk.now()).to_std().unwrap_or(Duration::ZERO);
                    self.wait(left.min(LANE_WAIT));
                }
                Ok(Next::Idle) => break,
                Err(e) => {
                    tracing::warn!(channel = %channel_id, error = %e, "delivery lane error");
                    self.wait(Duration::from_secs(1));
                }
            }
        }
        self.lanes
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(channel_id);
        // Something may have been queued while this lane was finishing.
        self.wake();
    }
}
