//! Prints how Herald copes with 10,000 timeline events on one incident: the
//! newest-50 page query (target ≤ 5 ms), the full Markdown export (target
//! ≤ 100 ms), the whole incident view, and one event insert (p95), on a real
//! SQLite file, and the size of its handoff. Run: `cargo run --release -p herald-desk --example timeline_bench`.

#![allow(clippy::unwrap_used, clippy::print_stdout)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use herald_core::handoff::HandoffFormat;
use herald_core::{Audience, LoggedUpdate, NewIncident, Severity, Status};
use herald_desk::{Desk, ManualClock, NoteRequest};

fn stats(mut times: Vec<Duration>) -> String {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    format!(
        "median {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        ms(times[times.len() / 2]),
        ms(times[times.len() * 95 / 100]),
        ms(times[times.len() - 1])
    )
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let start = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    let clock = Arc::new(ManualClock::new(start));
    let desk = Desk::open(&dir.path().join("herald.sqlite"), clock.clone()).unwrap();
    let id = desk
        .declare_incident(NewIncident {
            external_id: "BENCH-10K".into(),
            link: String::new(),
            title: "A very long incident".into(),
            severity: Severity::Sev1,
            status: Status::Investigating,
            customer_visible: true,
            commander: "Ana".into(),
            comms_lead: "Bo".into(),
        })
        .unwrap()
        .incident
        .id;
    let mut inserts = Vec::new();
    let mut n = 0;
    while n < 10_000 {
        clock.advance(chrono::Duration::seconds(5));
        let began = Instant::now();
        if n % 50 == 0 {
            // An update writes the update, its event and a deadline change.
            desk.log_update(
                &id,
                LoggedUpdate {
                    audience: Audience::ALL[n % 3],
                    body: format!("Update {n}"),
                    posted_to: "status page".into(),
                },
            )
            .unwrap();
            n += 2;
        } else {
            desk.add_note(
                &id,
                NoteRequest {
                    text: format!("Note {n}: the team tried another fix"),
                    at: None,
                },
            )
            .unwrap();
            n += 1;
        }
        inserts.push(began.elapsed());
    }
    let total = desk.incident(&id).unwrap().timeline_total;
    println!("{total} timeline events on one incident");

    let mut pages = Vec::new();
    for _ in 0..200 {
        let began = Instant::now();
        let page = desk.timeline_page(&id, None, 50).unwrap();
        pages.push(began.elapsed());
        assert_eq!(page.len(), 50);
    }
    println!("  newest-50 page query: {} (target ≤ 5 ms)", stats(pages));

    let mut exports = Vec::new();
    for _ in 0..20 {
        let began = Instant::now();
        let files = desk.postmortem(&id).unwrap();
        exports.push(began.elapsed());
        assert!(files.markdown.len() > 10_000);
    }
    println!(
        "  full postmortem export (Markdown, SVG, JSON, CSV): {} (target ≤ 100 ms)",
        stats(exports)
    );

    let mut views = Vec::new();
    for _ in 0..20 {
        let began = Instant::now();
        desk.incident(&id).unwrap();
        views.push(began.elapsed());
    }
    println!(
        "  incident view (newest 200 events, metrics, chart): {}",
        stats(views)
    );
    println!(
        "  one write with its timeline event (note or update): {}",
        stats(inserts)
    );

    // The handoff carries what the next lead needs, not the whole history.
    let handoff = desk
        .handoff(&id, Some(HandoffFormat::Markdown), "Chloe")
        .unwrap();
    let block = handoff
        .text
        .find("```herald-handoff")
        .map_or(0, |at| handoff.text[at..].chars().count());
    let total = handoff.text.chars().count();
    println!(
        "  handoff (Markdown): {total} characters: {} readable, {block} in the machine block",
        total - block
    );
}
