//! Deadlines as the lead meets them, on a real SQLite file and a manual clock:
//! computed at declaration, moved by every change, each move on the timeline.

// A failed unwrap is a failed test, with the error in the message.
#![allow(clippy::unwrap_used)]

use std::sync::Arc;

use chrono::{DateTime, Duration, TimeZone, Utc};
use herald_core::{
    Audience, IncidentChange, LoggedUpdate, NewIncident, Severity, SeverityMatrix, SnoozeRequest,
    Status,
};
use herald_desk::{Desk, ErrorCode, IncidentView, ManualClock};

fn at(h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, h, m, 0)
        .single()
        .unwrap()
}

struct Fixture {
    desk: Desk,
    clock: Arc<ManualClock>,
    _dir: tempfile::TempDir,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(ManualClock::new(at(14, 0)));
    let desk = Desk::open(&dir.path().join("herald.sqlite"), clock.clone()).unwrap();
    Fixture {
        desk,
        clock,
        _dir: dir,
    }
}

fn declare(f: &Fixture, severity: Severity) -> IncidentView {
    f.desk
        .declare_incident(NewIncident {
            external_id: String::new(),
            link: String::new(),
            title: "Checkout errors".into(),
            severity,
            status: Status::Investigating,
            customer_visible: true,
            commander: String::new(),
            comms_lead: String::new(),
        })
        .unwrap()
}

/// (audience, due HH:MM) for each deadline.
fn due(view: &IncidentView) -> Vec<(Audience, String)> {
    view.deadlines
        .iter()
        .map(|d| (d.audience, d.due_at.format("%H:%M").to_string()))
        .collect()
}

fn due_list(expect: &[(Audience, &str)]) -> Vec<(Audience, String)> {
    expect.iter().map(|(a, t)| (*a, (*t).to_owned())).collect()
}

fn last_summary(view: &IncidentView) -> &str {
    &view.timeline.last().unwrap().summary
}

use Audience::*;

#[test]
fn declaring_schedules_every_audience_and_says_so() {
    let f = fixture();
    let view = declare(&f, Severity::Sev1);
    assert_eq!(
        due(&view),
        due_list(&[
            (Customers, "14:15"),
            (Executives, "14:30"),
            (Internal, "14:30")
        ])
    );
    assert_eq!(
        last_summary(&view),
        "Declared: customers due 14:15 UTC; executives due 14:30 UTC; internal due 14:30 UTC"
    );
    assert_eq!(view.heads_up_minutes, 5);
    assert!(!view.long_incident);
}

#[test]
fn a_severity_change_moves_the_deadlines_and_explains_it() {
    let f = fixture();
    let id = declare(&f, Severity::Sev1).incident.id;
    f.clock.advance(Duration::minutes(5));
    let view = f
        .desk
        .change_incident(&id, IncidentChange::Severity(Severity::Sev2))
        .unwrap();
    assert_eq!(
        due(&view),
        due_list(&[
            (Customers, "14:30"),
            (Executives, "15:00"),
            (Internal, "15:00")
        ])
    );
    assert_eq!(
        last_summary(&view),
        "Severity SEV1 → SEV2: customers due 14:15 → 14:30 UTC; executives due 14:30 → 15:00 UTC; \
         internal due 14:30 → 15:00 UTC"
    );
}

#[test]
fn logging_an_update_keeps_it_and_restarts_that_audience() {
    let f = fixture();
    let id = declare(&f, Severity::Sev1).incident.id;
    f.clock.advance(Duration::minutes(12));
    let text = "Some customers may see errors at checkout. 🙏 נעדכן בקרוב";
    let view = f
        .desk
        .log_update(
            &id,
            LoggedUpdate {
                audience: Customers,
                body: text.into(),
                posted_to: "status page".into(),
            },
        )
        .unwrap();
    assert_eq!(
        due(&view),
        due_list(&[
            (Customers, "14:27"),
            (Executives, "14:30"),
            (Internal, "14:30")
        ])
    );
    assert_eq!(view.updates.len(), 1);
    assert_eq!(view.updates[0].body, text);
    assert_eq!(view.updates[0].posted_at, at(14, 12));
    assert_eq!(view.updates[0].source, "logged");
    let summaries: Vec<_> = view
        .timeline
        .iter()
        .rev()
        .take(2)
        .map(|e| e.summary.as_str())
        .collect();
    assert_eq!(
        summaries,
        [
            "Update for customers posted to status page: customers due 14:15 → 14:27 UTC",
            "Update for customers posted to status page",
        ]
    );
}

#[test]
fn an_update_that_is_too_long_or_empty_is_refused_and_nothing_moves() {
    let f = fixture();
    let id = declare(&f, Severity::Sev1).incident.id;
    for body in ["   ".to_owned(), "x".repeat(100_001)] {
        let err = f
            .desk
            .log_update(
                &id,
                LoggedUpdate {
                    audience: Customers,
                    body,
                    posted_to: String::new(),
                },
            )
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidInput);
        assert_eq!(err.fields[0].field, "body");
    }
    let view = f.desk.incident(&id).unwrap();
    assert!(view.updates.is_empty());
    assert_eq!(due(&view)[0], (Customers, "14:15".to_owned()));
}

#[test]
fn snoozing_an_overdue_deadline_counts_from_now_and_an_update_ends_it() {
    let f = fixture();
    let id = declare(&f, Severity::Sev1).incident.id;
    f.clock.advance(Duration::minutes(20)); // customers were due 14:15
    let request = SnoozeRequest {
        audience: Customers,
        minutes: 10,
        reason: "IC briefing legal".into(),
    };
    let view = f.desk.snooze(&id, request).unwrap();
    assert_eq!(due(&view)[0], (Customers, "14:30".to_owned()));
    assert!(view.deadlines[0].snoozed);
    assert!(
        view.timeline
            .iter()
            .any(|e| e.summary == "Snoozed the customers deadline 10 min: IC briefing legal")
    );
    assert_eq!(
        last_summary(&view),
        "Snoozed customers 10 min: customers due 14:15 → 14:30 UTC"
    );

    // A snooze before the deadline extends it from the deadline.
    let request = SnoozeRequest {
        audience: Executives,
        minutes: 5,
        reason: "waiting".into(),
    };
    let view = f.desk.snooze(&id, request).unwrap();
    assert_eq!(due(&view)[1], (Executives, "14:35".to_owned()));

    f.clock.advance(Duration::minutes(2));
    let update = LoggedUpdate {
        audience: Customers,
        body: "Still investigating.".into(),
        posted_to: String::new(),
    };
    let view = f.desk.log_update(&id, update).unwrap();
    assert_eq!(due(&view)[0], (Customers, "14:37".to_owned()));
    assert!(!view.deadlines[0].snoozed);
}

#[test]
fn nothing_to_snooze_without_a_deadline_and_bad_requests_say_which_field() {
    let f = fixture();
    let id = declare(&f, Severity::Sev4).incident.id;
    let err = f
        .desk
        .snooze(
            &id,
            SnoozeRequest {
                audience: Customers,
                minutes: 5,
                reason: "x".into(),
            },
        )
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict);
    let err = f
        .desk
        .snooze(
            &id,
            SnoozeRequest {
                audience: Customers,
                minutes: 20,
                reason: String::new(),
            },
        )
        .unwrap_err();
    let fields: Vec<_> = err.fields.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["minutes", "reason"]);
}

#[test]
fn a_matrix_edit_and_a_status_change_recompute_and_resolving_clears() {
    let f = fixture();
    let id = declare(&f, Severity::Sev2).incident.id;
    let mut matrix = SeverityMatrix::default();
    matrix.policies[1].cadence.customers.investigating = Some(10);
    f.desk.save_severity_matrix(matrix).unwrap();
    let view = f.desk.incident(&id).unwrap();
    assert_eq!(due(&view)[0], (Customers, "14:10".to_owned()));
    assert_eq!(
        last_summary(&view),
        "Severity matrix edited: customers due 14:30 → 14:10 UTC"
    );

    let view = f
        .desk
        .change_incident(&id, IncidentChange::Status(Status::Monitoring))
        .unwrap();
    assert_eq!(due(&view)[0], (Customers, "15:00".to_owned()));

    f.clock.advance(Duration::minutes(30));
    f.desk.confirm_metrics(&id).unwrap();
    let view = f
        .desk
        .change_incident(&id, IncidentChange::Status(Status::Resolved))
        .unwrap();
    assert!(view.deadlines.is_empty());
    assert!(last_summary(&view).contains("customers no longer scheduled"));
    assert!(f.desk.board().unwrap().deadlines.is_empty());
}

#[test]
fn the_board_lists_open_deadlines_soonest_first() {
    let f = fixture();
    let slow = declare(&f, Severity::Sev3).incident.id;
    let fast = declare(&f, Severity::Sev1).incident.id;
    let board = f.desk.board().unwrap();
    let first: Vec<_> = board
        .deadlines
        .iter()
        .take(2)
        .map(|d| (d.incident_id.clone(), d.deadline.audience))
        .collect();
    assert_eq!(first, [(fast.clone(), Customers), (fast, Executives)]);
    assert!(board.deadlines.iter().any(|d| d.incident_id == slow));
}
