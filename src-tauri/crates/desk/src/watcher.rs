//! The deadline watcher: a background thread that raises alerts when they are
//! owed. Monotonic timers stop while the machine is suspended (tokio#3185), so
//! unless someone tells it about resumes it never sleeps longer than a second
//! without re-reading the wall clock: after a resume, a clock jump or a
//! restart, the next look is at most a second away. Once resumes are heard
//! (`resumes_are_signalled`, logind on Linux) it sleeps until the next stage,
//! at most 15 s, so an idle Herald does not wake every second; a wall clock set
//! by hand is then noticed within 15 s. `wake()` makes it look at once (after
//! resume, or after a change).
//! Between wakes it reads the database only when the next alert stage is due,
//! or every 30 s as a backstop, so an idle Herald does no SQLite work each second.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use crate::{Alert, Desk, Notifier};

/// Longest the watcher waits before re-reading the wall clock, when nothing
/// will tell it that the machine resumed.
const MAX_SLEEP: Duration = Duration::from_secs(1);
/// Longest it waits once resumes are signalled (a wake comes with each).
const MAX_SLEEP_RESUMES_HEARD: Duration = Duration::from_secs(15);
/// Longest the watcher trusts its last read of the deadlines without a wake.
const REREAD: Duration = Duration::from_secs(30);
/// Shortest wait, so a deadline in the past cannot spin the loop.
const MIN_SLEEP: Duration = Duration::from_millis(20);

#[derive(Debug)]
pub struct Watcher {
    wake: Sender<()>,
    resumes_heard: Arc<AtomicBool>,
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
        let resumes_heard = Arc::new(AtomicBool::new(false));
        let heard = resumes_heard.clone();
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
                    let wait =
                        sleep_for(next, desk.clock.now(), heard.load(Ordering::Relaxed), stale);
                    match woken.recv_timeout(wait) {
                        Ok(()) => stale = true,
                        Err(RecvTimeoutError::Timeout) => {}
                        Err(RecvTimeoutError::Disconnected) => break,
                    }
                }
            })
            .ok();
        Watcher {
            wake,
            resumes_heard,
            thread,
        }
    }

    /// Something will call `wake()` whenever the machine resumes, so the
    /// watcher may sleep until the next stage instead of looking every second.
    pub fn resumes_are_signalled(&self) {
        self.resumes_heard.store(true, Ordering::Relaxed);
        self.wake();
    }

    /// Look now: the machine resumed, or something changed.
    pub fn wake(&self) {
        // A send fails only once the thread has stopped, which is shutdown.
        let _ = self.wake.send(());
    }
}

/// How long to sleep before looking again: until the next stage, but never
/// longer than a second unless resumes are signalled (then 15 s), and a failed
/// round is retried within a second either way.
fn sleep_for(
    next: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    resumes_heard: bool,
    retrying: bool,
) -> Duration {
    let longest = if resumes_heard && !retrying {
        MAX_SLEEP_RESUMES_HEARD
    } else {
        MAX_SLEEP
    };
    next.map_or(longest, |at| {
        (at - now)
            .to_std()
            .unwrap_or(MIN_SLEEP)
            .clamp(MIN_SLEEP, longest)
    })
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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn it_sleeps_past_a_second_only_when_resumes_are_signalled_and_the_last_round_worked() {
        let now = Utc.with_ymd_and_hms(2026, 11, 29, 14, 0, 0).unwrap();
        let in_ten_minutes = Some(now + chrono::Duration::minutes(10));
        let in_three_seconds = Some(now + chrono::Duration::seconds(3));
        let secs = Duration::from_secs;
        // Nothing tells it about a suspend: it re-reads the wall clock every second.
        assert_eq!(sleep_for(in_ten_minutes, now, false, false), secs(1));
        assert_eq!(sleep_for(None, now, false, false), secs(1));
        // logind wakes it on resume: it sleeps until the stage, at most 15 s.
        assert_eq!(sleep_for(in_ten_minutes, now, true, false), secs(15));
        assert_eq!(sleep_for(None, now, true, false), secs(15));
        assert_eq!(sleep_for(in_three_seconds, now, true, false), secs(3));
        // A failed round is retried within a second all the same.
        assert_eq!(sleep_for(in_ten_minutes, now, true, true), secs(1));
        // A stage already past never spins the loop.
        assert_eq!(
            sleep_for(Some(now - chrono::Duration::minutes(1)), now, true, false),
            MIN_SLEEP
        );
    }
}
