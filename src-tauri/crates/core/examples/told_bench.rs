//! Prints how long "who has been told what" takes for a long incident: the
//! matrix built from 300 updates and 100 IC syncs, then a 5,000-character
//! draft checked against it (both run on every draft read). Run with
//! `cargo run --release -p herald-core --example told_bench`.

#![allow(clippy::print_stdout, clippy::unwrap_used)]

use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use herald_core::told::{DraftToCheck, Record, Told, check};
use herald_core::{
    Audience, IcSync, Incident, NewIncident, Severity, SeverityMatrix, Status, SyncFacts, Update,
};

fn main() {
    let start = Utc.with_ymd_and_hms(2026, 11, 27, 8, 0, 0).unwrap();
    let minutes = |m: i64| start + chrono::Duration::minutes(m);
    let (incident, _) = Incident::declare(
        "i".into(),
        NewIncident {
            external_id: "INC-1".into(),
            link: String::new(),
            title: "Checkout errors".into(),
            severity: Severity::Sev1,
            status: Status::Identified,
            customer_visible: true,
            commander: String::new(),
            comms_lead: String::new(),
        },
        &SeverityMatrix::default(),
        start,
    );
    let bodies = [
        "We have identified the cause of the issue and are working on a fix. Checkout in the EU and the US may not be working as expected. Payments fail with an error.",
        "SEV1 Checkout errors: cause identified.\nAffected: checkout in the EU\nETA: about 16:00 (confidence: high)",
        "Holding line for customers (approved): we have identified the issue. Tracking in PAY-812, bridge in #inc-checkout, db-primary-3 failing over.",
        "[SEV1] Checkout errors — identified. Known: a bad config on payments-eu-west. ETA 16:00 (high).",
    ];
    let updates: Vec<Update> = (0..300)
        .map(|n| Update {
            id: format!("u{n}"),
            incident_id: "i".into(),
            audience: Audience::ALL[n % 4],
            body: bodies[n % 4].into(),
            posted_to: String::new(),
            posted_at: minutes(i64::try_from(n).unwrap()),
            source: "published".into(),
            author: String::new(),
        })
        .collect();
    let syncs: Vec<IcSync> = (0..100)
        .map(|n| IcSync {
            id: format!("s{n}"),
            incident_id: "i".into(),
            at: minutes(3 * n),
            facts: SyncFacts {
                affected: "checkout in the EU".into(),
                customer_impact: "payments fail with an error".into(),
                eta: "16:00".into(),
                status: Status::Identified,
                ..SyncFacts::default()
            },
        })
        .collect();
    let record = Record {
        incident: &incident,
        updates: &updates,
        syncs: &syncs,
        timeline: &[],
        zone: chrono_tz::Europe::Berlin,
    };
    let mut draft = String::new();
    while draft.chars().count() < 5_000 {
        draft.push_str("We are investigating an issue with checkout in Europe. A fix should be live by 17:30 UTC. See PAY-812. ");
    }
    let runs = 100;
    let mut builds = Vec::with_capacity(runs);
    let mut checks = Vec::with_capacity(runs);
    let mut findings = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let told = std::hint::black_box(Told::build(&record));
        builds.push(t.elapsed());
        let t = Instant::now();
        let draft = DraftToCheck {
            audience: Audience::Customers,
            text: &draft,
            now: minutes(400),
        };
        findings = std::hint::black_box(check(&draft, &told, &record)).len();
        checks.push(t.elapsed());
    }
    let report = |name: &str, times: &mut Vec<Duration>| {
        times.sort();
        println!(
            "  {name}: median {:.3} ms, p95 {:.3} ms",
            times[times.len() / 2].as_secs_f64() * 1e3,
            times[times.len() * 95 / 100].as_secs_f64() * 1e3
        );
    };
    println!(
        "who has been told what, 300 updates and 100 syncs ({findings} findings on the draft):"
    );
    report("matrix built", &mut builds);
    report("5,000-character draft checked", &mut checks);
}
