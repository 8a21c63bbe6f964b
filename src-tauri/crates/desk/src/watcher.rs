//! The deadline watcher: a background thread that raises alerts when they are
//! owed. It never sleeps longer than a second without re-reading the wall clock,
//! because monotonic timers stop while the machine is suspended (tokio#3185):
//! after a resume, a clock jump or a restart, the next look is at most a second
//! away. `wake()` makes it look at once (after resume, or after a change).
//! Between wakes it reads the database only when the next alert stage is due,
//! or every 30 s as a backstop, so an idle Herald does no SQLite work each second.

use std::sync::Arc;
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use crate::{Alert, Desk, Notifier};

/// Longest the watcher waits before re-reading the wall clock.
const MAX_SLEEP: Duration = Duration::from_secs(1);
/// Longest the watcher trusts its last read of the deadlines without a wake.
const REREAD: Duration = Duration::from_secs(30);
/// Shortest wait, so a deadline in the past cannot spin the loop.
const MIN_SLEEP: Duration = Duration::from_millis(20);

#[derive(Debug)]
pub struct Watcher {
    wake: Sender<()>,
    thread: Option<JoinHandle<()>>,
}

impl Watcher {
    /// Starts watching. `on_raised` hears of every alert raised (the shell uses
    /// it to refresh the window and tray).
    pub fn spawn(
        desk: Arc<Desk>,
        notifier: Arc<dyn Notifier>,
        on_raised: impl Fn(&[Alert]) + Send + 'static,
    ) -> Watcher {
        let (wake, woken) = mpsc::channel::<()>();
        let thread = std::thread::Builder::new()
            .name("deadline-watcher".into())
            .spawn(move || {
                // When the next stage begins, as last read from the database.
                let mut next: Option<DateTime<Utc>> = None;
                let mut read_at = Instant::now();
                let mut stale = true;
                loop {
                    let now = desk.clock.now();
                    // Look at the database only when a stage is due, something
                    // changed (every write wakes us), or a while has passed; the
                    // wall clock itself is re-read every second regardless.
                    if stale || next.is_some_and(|at| now >= at) || read_at.elapsed() >= REREAD {
                        // A failed round (a locked or full database) is retried on
                        // the next one, and the board says so until one succeeds.
                        let round = desk.raise_due_alerts(notifier.as_ref());
                        let next_read = desk.next_alert_at();
                        let problem = match (&round, &next_read) {
                            (Err(e), _) | (_, Err(e)) => Some(format!(
                                "Herald could not check or record deadline alerts: {}",
                                e.message
                            )),
                            _ => None,
                        };
                        let failed = problem.is_some();
                        let changed = desk.watcher_round(problem);
                        let raised = round.unwrap_or_default();
                        if !raised.is_empty() || changed {
                            on_raised(&raised);
                        }
                        // Until the database answers, look again within a second.
                        next = next_read.ok().flatten();
                        read_at = Instant::now();
                        // A failed round is tried again on the next tick.
                        stale = failed;
                    }
                    let wait = next.map_or(MAX_SLEEP, |at| {
                        (at - desk.clock.now())
                            .to_std()
                            .unwrap_or(MIN_SLEEP)
                            .clamp(MIN_SLEEP, MAX_SLEEP)
                    });
                    match woken.recv_timeout(wait) {
                        Ok(()) => stale = true,
                        Err(RecvTimeoutError::Timeout) => {}
                        Err(RecvTimeoutError::Disconnected) => break,
                    }
                }
            })
            .ok();
        Watcher { wake, thread }
    }

    /// Look now: the machine resumed, or something changed.
    pub fn wake(&self) {
        // A send fails only once the thread has stopped, which is shutdown.
        let _ = self.wake.send(());
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        // Dropping the sender disconnects the channel, which ends the loop
        // within one sleep; wait for it so no alert is half-recorded (unless
        // the last reference is dropped on the watcher's own thread, which
        // cannot wait for itself).
        let (replacement, _) = mpsc::channel();
        drop(std::mem::replace(&mut self.wake, replacement));
        if let Some(thread) = self.thread.take()
            && thread.thread().id() != std::thread::current().id()
        {
            let _ = thread.join();
        }
    }
}
