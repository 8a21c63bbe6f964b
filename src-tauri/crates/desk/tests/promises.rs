//! Promises through the use cases, on a real SQLite file and a controllable
//! clock: read from what went out, counted down when they differ from the
//! cadence, alerted on like a deadline, judged, and reported afterwards.

// A failed unwrap is a failed test, with the error in the message.
#![allow(clippy::unwrap_used)]

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, TimeZone, Utc};
use herald_core::{
    AlertStage, Audience, IncidentChange, LoggedUpdate, NewIncident, PromiseKind, PromiseState,
    Severity, Status,
};
use herald_desk::{Alert, Desk, ManualClock, Notifier};

fn at(h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, h, m, 0)
        .single()
        .unwrap()
}

#[derive(Debug, Default)]
struct Recorder(Mutex<Vec<Alert>>);

impl Notifier for Recorder {
    fn notify(&self, alert: &Alert) -> Result<(), String> {
        self.0.lock().unwrap().push(alert.clone());
        Ok(())
    }
}

fn open() -> (Desk, Arc<ManualClock>, tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(ManualClock::new(at(14, 0)));
    let desk = Desk::open(&dir.path().join("herald.sqlite"), clock.clone()).unwrap();
    let id = desk
        .declare_incident(NewIncident {
            external_id: "INC-9".into(),
            link: String::new(),
            title: "Checkout errors".into(),
            severity: Severity::Sev1,
            status: Status::Investigating,
            customer_visible: true,
            commander: String::new(),
            comms_lead: String::new(),
        })
        .unwrap()
        .incident
        .id;
    (desk, clock, dir, id)
}

fn log(desk: &Desk, id: &str, audience: Audience, body: &str) {
    desk.log_update(
        id,
        LoggedUpdate {
            audience,
            body: body.into(),
            posted_to: "bridge".into(),
        },
    )
    .unwrap();
}

#[test]
fn a_sooner_promise_is_counted_down_alerted_on_and_reported_broken() {
    let (desk, clock, _dir, id) = open();
    let notifier = Recorder::default();
    // SEV1 executives get an update every 30 minutes; the lead promised 15.
    log(
        &desk,
        &id,
        Audience::Executives,
        "Checkout is failing for some customers. Next update by 14:12 UTC.",
    );
    let view = desk.incident(&id).unwrap();
    let promise = &view.promises[0];
    assert_eq!(
        (
            promise.promise.kind,
            promise.promise.due_at,
            promise.countdown
        ),
        (PromiseKind::NextUpdate, Some(at(14, 12)), true)
    );
    let board = desk.board().unwrap();
    assert_eq!(board.promises.len(), 1, "the board counts it down");
    // The watcher wakes for the promise's heads-up, before any deadline's.
    assert_eq!(desk.next_alert_at().unwrap(), Some(at(14, 7)));

    clock.advance(Duration::minutes(7));
    let raised = desk.raise_due_alerts(&notifier).unwrap();
    assert_eq!(raised.len(), 1, "{raised:?}");
    assert_eq!(raised[0].stage, AlertStage::HeadsUp);
    assert_eq!(
        raised[0].promise_id.as_deref(),
        Some(promise.promise.id.as_str())
    );
    assert!(
        raised[0]
            .text
            .summary
            .contains("Update promised to executives")
    );
    assert!(desk.raise_due_alerts(&notifier).unwrap().is_empty(), "once");

    clock.advance(Duration::minutes(5));
    let due = desk.raise_due_alerts(&notifier).unwrap();
    // 14:12: the promise is due; the customers' 14:15 deadline is still ahead.
    let timeline = desk.incident(&id).unwrap().timeline;
    assert!(
        timeline
            .iter()
            .any(|e| e.summary == "Alert: Update promised to executives is due now — INC-9"),
        "{:?}",
        timeline.iter().map(|e| &e.summary).collect::<Vec<_>>()
    );
    assert!(
        due.iter()
            .any(|a| a.stage == AlertStage::Due && a.promise_id.is_some()),
        "{due:?}"
    );
    clock.advance(Duration::minutes(5));
    let view = desk.incident(&id).unwrap();
    assert_eq!(view.promises[0].outcome.state, PromiseState::Broken);
    assert_eq!(view.promises[0].outcome.late_by, Some(300));
    let files = desk.postmortem(&id).unwrap();
    assert!(
        files.markdown.contains("Executives — next update by 2026-11-27 14:12 UTC: **broken, 5 min late and not yet kept**"),
        "{}",
        files.markdown
    );

    // The late update settles it: still broken, and no more alerts.
    log(
        &desk,
        &id,
        Audience::Executives,
        "Still failing; more soon.",
    );
    let view = desk.incident(&id).unwrap();
    assert_eq!(
        (
            view.promises[0].outcome.state,
            view.promises[0].outcome.settled_at
        ),
        (PromiseState::Broken, Some(at(14, 17)))
    );
    assert!(!view.promises[0].countdown);
    assert!(desk.board().unwrap().promises.is_empty());
    clock.advance(Duration::minutes(10));
    let later = desk.raise_due_alerts(&notifier).unwrap();
    assert!(later.iter().all(|a| a.promise_id.is_none()), "{later:?}");
}

#[test]
fn the_cadence_promise_is_not_counted_twice_and_an_eta_is_kept_by_the_fix() {
    let (desk, clock, _dir, id) = open();
    // The customer footer Herald would write: the cadence deadline itself.
    log(
        &desk,
        &id,
        Audience::Customers,
        "We are investigating failed payments. We expect a fix by 15:00 UTC.\n\nNext update by 14:15 UTC",
    );
    let view = desk.incident(&id).unwrap();
    let kinds: Vec<(PromiseKind, bool)> = view
        .promises
        .iter()
        .map(|p| (p.promise.kind, p.countdown))
        .collect();
    assert_eq!(
        kinds,
        [(PromiseKind::Eta, true), (PromiseKind::NextUpdate, false)]
    );
    clock.advance(Duration::minutes(50));
    desk.change_incident(&id, IncidentChange::Status(Status::Monitoring))
        .unwrap();
    let view = desk.incident(&id).unwrap();
    let eta = &view.promises[0];
    assert_eq!(
        (eta.outcome.state, eta.outcome.late_by),
        (PromiseState::Kept, Some(-600))
    );
    assert_eq!(view.promise_summary.median_eta_error, Some(600));
    assert_eq!(view.promise_summary.first_public_update, Some(0));
    let summary = desk.board().unwrap().last_30_days.promises;
    assert_eq!((summary.made, summary.kept, summary.broken), (2, 1, 1));
}

#[test]
fn a_handed_over_update_brings_its_promises_to_the_next_herald() {
    let (desk, clock, _dir, id) = open();
    log(
        &desk,
        &id,
        Audience::Internal,
        "Rollback under way. We will post another update within 20 minutes.",
    );
    let text = desk
        .copy_handoff(&id, herald_core::handoff::HandoffFormat::Markdown, "Chloe")
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let next = Desk::open(&dir.path().join("herald.sqlite"), clock.clone()).unwrap();
    let taken = next.take_over(&text.text, "Chloe", true).unwrap();
    let view = next.incident(&taken.incident_id).unwrap();
    assert_eq!(view.promises.len(), 1);
    assert_eq!(view.promises[0].promise.due_at, Some(at(14, 20)));
    assert_eq!(
        view.promises[0].promise.id,
        desk.incident(&id).unwrap().promises[0].promise.id,
        "the same promise on both sides"
    );
}
