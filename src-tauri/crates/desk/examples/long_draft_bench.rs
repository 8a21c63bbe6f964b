//! Prints what a long draft costs the rest of Herald, on a real SQLite file:
//! saving a 100,000-character draft, opening its incident, and how long the
//! board and the alert check wait while, on another thread, the lead keeps
//! editing that draft (each save a new text to check) and the window opens
//! the incident after each save.
//! Run: `cargo run --release -p herald-desk --example long_draft_bench`.

#![allow(clippy::unwrap_used, clippy::print_stdout)]

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use herald_core::{Audience, NewIncident, Severity, Status};
use herald_desk::{Alert, Desk, ManualClock, Notifier};

const EDITS: u32 = 5;

const CORPUS: &str = include_str!("../../core/corpus/status-pages.txt");

#[derive(Debug)]
struct Silent;

impl Notifier for Silent {
    fn notify(&self, _: &Alert) -> Result<(), String> {
        Ok(())
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn stats(mut times: Vec<Duration>) -> String {
    times.sort();
    format!(
        "median {:.1} ms, p95 {:.1} ms, max {:.1} ms ({} calls)",
        ms(times[times.len() / 2]),
        ms(times[times.len() * 95 / 100]),
        ms(times[times.len() - 1]),
        times.len()
    )
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let start = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    let clock = Arc::new(ManualClock::new(start));
    let desk = Arc::new(Desk::open(&dir.path().join("herald.sqlite"), clock).unwrap());
    let id = desk
        .declare_incident(NewIncident {
            external_id: "BENCH-LONG".into(),
            link: String::new(),
            title: "A pasted postmortem".into(),
            severity: Severity::Sev1,
            status: Status::Investigating,
            customer_visible: true,
            commander: "Ana".into(),
            comms_lead: "Bo".into(),
        })
        .unwrap()
        .incident
        .id;
    herald_core::guardrails::warm_up();
    let draft = herald_core::guardrails::corpus::joined_sentences(CORPUS, 100_000);
    let began = Instant::now();
    let alone = herald_core::guardrails::lint(
        &draft,
        &herald_core::guardrails::LintContext {
            eta_confirmed: false,
            resolution_allowed: false,
            glossary: &[],
            names: &["Ana".into(), "Bo".into()],
            ourselves: &[],
        },
    );
    println!(
        "the linter alone on it: {:.0} ms ({} findings)",
        ms(began.elapsed()),
        alone.len()
    );
    let began = Instant::now();
    desk.save_draft(&id, Audience::Customers, draft.clone())
        .unwrap();
    println!(
        "save a 100,000-character draft: {:.0} ms",
        ms(began.elapsed())
    );
    let began = Instant::now();
    desk.incident(&id).unwrap();
    println!("open its incident: {:.0} ms", ms(began.elapsed()));

    let mut quiet = Vec::new();
    for _ in 0..20 {
        let began = Instant::now();
        desk.board().unwrap();
        desk.raise_due_alerts(&Silent).unwrap();
        quiet.push(began.elapsed());
    }
    println!(
        "board and alert check, nothing else running: {}",
        stats(quiet)
    );

    // Five edits, each a new text to check, each followed by the window
    // opening the incident; the board and the alert check run every 20 ms
    // until the edits are done.
    let done = Arc::new(AtomicBool::new(false));
    let editor = {
        let (desk, done, id) = (desk.clone(), done.clone(), id.clone());
        std::thread::spawn(move || {
            let began = Instant::now();
            for edit in 0..EDITS {
                let edited = format!("{}{edit}", &draft[..draft.len() - 8]);
                desk.save_draft(&id, Audience::Customers, edited).unwrap();
                desk.incident(&id).unwrap();
            }
            done.store(true, Ordering::Relaxed);
            began.elapsed()
        })
    };
    let mut busy = Vec::new();
    while !done.load(Ordering::Relaxed) {
        let began = Instant::now();
        desk.board().unwrap();
        desk.raise_due_alerts(&Silent).unwrap();
        busy.push(began.elapsed());
        std::thread::sleep(Duration::from_millis(20));
    }
    let edits = editor.join().unwrap();
    println!(
        "{EDITS} edits saved and the incident opened after each: {:.0} ms a round",
        ms(edits) / f64::from(EDITS)
    );
    println!("board and alert check meanwhile: {}", stats(busy));
}
