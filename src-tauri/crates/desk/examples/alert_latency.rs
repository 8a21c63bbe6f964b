//! Benchmark: how late after its deadline does the watcher call Notify?
//!
//! Declares SEV1 incidents whose customer deadlines fall every 100 ms starting
//! a few seconds from now, keeps both cores busy with spinning threads, runs
//! the real watcher on a real SQLite file with the wall clock, and prints the
//! p50/p99/max latency from each deadline to its "due" Notify call.
//!
//! Run: `cargo run --release -p herald-desk --example alert_latency [deadlines]`

#![allow(clippy::print_stdout, clippy::unwrap_used)]

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration as StdDuration, Instant};

use chrono::{DateTime, Duration, Utc};
use herald_core::{AlertStage, NewIncident, Severity, Status};
use herald_desk::{Alert, Clock, Desk, Notifier, SystemClock, Watcher};

/// The wall clock, shifted by an adjustable offset while incidents are declared
/// "in the past" so their deadlines land a few seconds from now.
#[derive(Debug, Default)]
struct ShiftedClock(Mutex<Duration>);

impl Clock for ShiftedClock {
    fn now(&self) -> DateTime<Utc> {
        SystemClock.now() + *self.0.lock().unwrap()
    }
}

/// Records, for each "due" alert, how long after its deadline Notify was called.
#[derive(Debug, Default)]
struct Stopwatch {
    due_at: Mutex<Vec<(String, DateTime<Utc>)>>,
    latencies: Mutex<Vec<f64>>,
}

impl Notifier for Stopwatch {
    fn notify(&self, alert: &Alert) -> Result<(), String> {
        let called = SystemClock.now();
        if alert.stage == AlertStage::Due {
            let due = self.due_at.lock().unwrap();
            if let Some((_, at)) = due.iter().find(|(id, _)| *id == alert.incident_id) {
                let ms = (called - *at).num_microseconds().unwrap_or(0) as f64 / 1000.0;
                self.latencies.lock().unwrap().push(ms);
            }
        }
        Ok(())
    }
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn main() {
    let count: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(150);
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(ShiftedClock::default());
    let desk = Arc::new(Desk::open(&dir.path().join("bench.sqlite"), clock.clone()).unwrap());
    let stopwatch = Arc::new(Stopwatch::default());

    // SEV1 customers are due 15 min after declaration: declare each incident
    // 15 min minus (3 s + i × 100 ms) ago.
    let first = SystemClock.now() + Duration::seconds(3);
    for i in 0..count {
        let due = first + Duration::milliseconds(100 * i as i64);
        *clock.0.lock().unwrap() = due - Duration::minutes(15) - SystemClock.now();
        let view = desk
            .declare_incident(NewIncident {
                external_id: format!("BENCH-{i}"),
                link: String::new(),
                title: format!("Benchmark incident {i}"),
                severity: Severity::Sev1,
                status: Status::Investigating,
                customer_visible: true,
                commander: String::new(),
                comms_lead: String::new(),
            })
            .unwrap();
        let due_at = view.deadlines[0].due_at;
        stopwatch
            .due_at
            .lock()
            .unwrap()
            .push((view.incident.id, due_at));
    }
    *clock.0.lock().unwrap() = Duration::zero();

    // Keep both cores busy, as during a real incident with a video call running.
    let stop = Arc::new(AtomicBool::new(false));
    let spinners: Vec<_> = (0..2)
        .map(|_| {
            let stop = stop.clone();
            std::thread::spawn(move || {
                let mut x: u64 = 0;
                while !stop.load(Ordering::Relaxed) {
                    x = x.wrapping_mul(6364136223846793005).wrapping_add(1);
                }
                x
            })
        })
        .collect();

    let started = Instant::now();
    let watcher = Watcher::spawn(desk.clone(), stopwatch.clone(), |_| {});
    let budget = StdDuration::from_millis(3_000 + 100 * count as u64 + 5_000);
    while stopwatch.latencies.lock().unwrap().len() < count && started.elapsed() < budget {
        std::thread::sleep(StdDuration::from_millis(50));
    }
    drop(watcher);
    stop.store(true, Ordering::Relaxed);
    for s in spinners {
        let _ = s.join();
    }

    let mut latencies = stopwatch.latencies.lock().unwrap().clone();
    latencies.sort_by(f64::total_cmp);
    assert_eq!(latencies.len(), count, "every deadline must notify");
    println!("deadline -> Notify latency over {count} deadlines, both cores busy:");
    println!("  p50 {:.1} ms", percentile(&latencies, 0.50));
    println!(
        "  p99 {:.1} ms (target <= 250 ms)",
        percentile(&latencies, 0.99)
    );
    println!("  max {:.1} ms", latencies[latencies.len() - 1]);
}
