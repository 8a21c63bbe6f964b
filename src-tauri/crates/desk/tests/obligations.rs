//! Obligation clocks through the use cases, on a real SQLite file and a
//! controllable clock: added from a preset, started after the fact, counted
//! down on the board (after the incident is resolved too), alerted on,
//! decided, handed over, and reported in the postmortem.

// A failed unwrap is a failed test, with the error in the message.
#![allow(clippy::unwrap_used)]

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, TimeZone, Utc};
use herald_core::handoff::HandoffFormat;
use herald_core::{
    AlertStage, IncidentChange, NewIncident, ObligationDecision, ObligationInput, ObligationState,
    Severity, Status,
};
use herald_desk::{Alert, Desk, ErrorCode, ManualClock, Notifier};

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
    let clock = Arc::new(ManualClock::new(at(9, 0)));
    let desk = Desk::open(&dir.path().join("herald.sqlite"), clock.clone()).unwrap();
    let id = desk
        .declare_incident(NewIncident {
            external_id: "INC-70".into(),
            link: String::new(),
            title: "Customer data exposed".into(),
            // SEV4: no cadence, so only the clock raises alerts here.
            severity: Severity::Sev4,
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

fn contract(desk: &Desk) -> ObligationInput {
    let presets = desk.obligation_presets().unwrap();
    let preset = presets
        .iter()
        .find(|p| p.name.starts_with("Customer contract"))
        .unwrap();
    ObligationInput {
        owner: "Account team".into(),
        ..ObligationInput::from_preset(preset)
    }
}

#[test]
fn a_clock_started_after_the_fact_counts_down_alerts_and_is_reported_when_sent() {
    let (desk, clock, _dir, id) = open();
    let notifier = Recorder::default();
    let view = desk.add_obligation(&id, contract(&desk)).unwrap();
    let added = view.obligations[0].clone();
    assert_eq!(
        (added.triggered_at, added.state),
        (None, ObligationState::Open)
    );
    assert!(
        desk.board().unwrap().obligations.is_empty(),
        "not counting yet"
    );

    // The trigger was at 08:30: the four hours run to 12:30.
    clock.advance(Duration::minutes(5));
    let started = ObligationInput {
        triggered_at: Some(at(8, 30)),
        ..contract(&desk)
    };
    let view = desk.edit_obligation(&id, &added.id, started).unwrap();
    assert_eq!(view.obligations[0].due_at(), Some(at(12, 30)));
    assert!(
        view.timeline
            .iter()
            .any(|e| e.summary.contains("due 2026-11-27 12:30 UTC")),
        "the new due time is on the timeline"
    );
    // Resolving the incident does not stop a notification that is owed.
    desk.override_resolution_gate(&id, "fixed, notice still owed")
        .unwrap();
    desk.change_incident(&id, IncidentChange::Status(Status::Resolved))
        .unwrap();
    let board = desk.board().unwrap();
    assert_eq!(board.obligations.len(), 1, "{board:?}");
    assert_eq!(desk.next_alert_at().unwrap(), Some(at(12, 25)));
    // The tray lists it too, though the incident is no longer open.
    assert_eq!(
        desk.tray_summary().unwrap().items[0].1,
        "INC-70 · Customer contract: notify affected customers in 3 h 25 min"
    );

    clock.advance(Duration::minutes(12 * 60 + 25 - 9 * 60 - 5));
    let raised = desk.raise_due_alerts(&notifier).unwrap();
    assert_eq!(raised.len(), 1, "{raised:?}");
    assert_eq!(raised[0].stage, AlertStage::HeadsUp);
    assert_eq!(raised[0].obligation_id.as_deref(), Some(added.id.as_str()));
    assert_eq!(
        raised[0].text.summary,
        "Customer contract: notify affected customers: due in 5 min — INC-70"
    );

    // Sent at 12:28 with the evidence: in time, and nothing more to alert.
    clock.advance(Duration::minutes(3));
    let refused = desk
        .decide_obligation(
            &id,
            &added.id,
            ObligationDecision {
                state: ObligationState::Sent,
                note: " ".into(),
            },
        )
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::InvalidInput);
    let view = desk
        .decide_obligation(
            &id,
            &added.id,
            ObligationDecision {
                state: ObligationState::Sent,
                note: "Mailed the account list, ref 77".into(),
            },
        )
        .unwrap();
    assert_eq!(view.obligations[0].met(), Some(true));
    assert!(desk.board().unwrap().obligations.is_empty());
    clock.advance(Duration::minutes(10));
    assert!(desk.raise_due_alerts(&notifier).unwrap().is_empty());

    let files = desk.postmortem(&id).unwrap();
    assert!(
        files.markdown.contains(
            "- Customer contract: notify affected customers — owner Account team — triggered 2026-11-27 08:30 UTC, due 2026-11-27 12:30 UTC (within 4 h 00 min): **sent 2026-11-27 12:28 UTC, in time: Mailed the account list, ref 77**"
        ),
        "{}",
        files.markdown
    );
}

#[test]
fn a_trigger_in_the_future_and_bad_presets_are_refused_with_nothing_saved() {
    let (desk, _clock, _dir, id) = open();
    let ahead = ObligationInput {
        triggered_at: Some(at(10, 0)),
        ..contract(&desk)
    };
    let err = desk.add_obligation(&id, ahead).unwrap_err();
    assert_eq!(err.fields[0].field, "triggered_at");
    assert!(desk.incident(&id).unwrap().obligations.is_empty());

    let mut presets = desk.obligation_presets().unwrap();
    presets[0].within_minutes = 0;
    let err = desk.save_obligation_presets(presets).unwrap_err();
    assert_eq!(err.fields[0].field, "presets.0.within_minutes");
    assert_eq!(
        desk.obligation_presets().unwrap()[0].within_minutes,
        72 * 60
    );
}

#[test]
fn open_clocks_travel_in_the_handoff_and_the_next_herald_counts_them_down() {
    let (desk, clock, _dir, id) = open();
    let started = ObligationInput {
        triggered_at: Some(at(8, 50)),
        ..contract(&desk)
    };
    desk.add_obligation(&id, started).unwrap();
    let copied = desk
        .copy_handoff(&id, HandoffFormat::Plain, "Chloe")
        .unwrap();
    assert!(
        copied.text.contains(
            "Notification clocks still open:\n  - Customer contract: notify affected customers (owner Account team): due 12:50 UTC, in 3 h 50 min"
        ),
        "{}",
        copied.text
    );
    let dir = tempfile::tempdir().unwrap();
    let next = Desk::open(&dir.path().join("herald.sqlite"), clock.clone()).unwrap();
    let taken = next.take_over(&copied.text, "Chloe", true).unwrap();
    assert!(
        taken
            .changes
            .iter()
            .any(|c| c == "1 obligation clock taken from the handoff"),
        "{:?}",
        taken.changes
    );
    let board = next.board().unwrap();
    assert_eq!(board.obligations.len(), 1);
    assert_eq!(board.obligations[0].obligation.due_at(), Some(at(12, 50)));
}
