//! The comms lead's use cases, run headless on a real SQLite file in a temp folder.

// A failed unwrap is a failed test, with the error in the message.
#![allow(clippy::unwrap_used)]

use std::sync::Arc;

use chrono::{DateTime, Duration, TimeZone, Utc};
use herald_core::{EventKind, IncidentChange, NewIncident, Severity, SeverityMatrix, Status};
use herald_desk::{Desk, ErrorCode, ManualClock};

struct Fixture {
    desk: Desk,
    clock: Arc<ManualClock>,
    dir: tempfile::TempDir,
}

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 14, 0, 0)
        .single()
        .unwrap()
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(ManualClock::new(start()));
    let desk = Desk::open(&dir.path().join("herald.sqlite"), clock.clone()).unwrap();
    Fixture { desk, clock, dir }
}

fn form(external_id: &str, severity: Severity) -> NewIncident {
    NewIncident {
        external_id: external_id.into(),
        link: format!("https://incidents.example.com/{external_id}"),
        title: format!("Checkout errors {external_id}"),
        severity,
        status: Status::Investigating,
        customer_visible: true,
        commander: "Ana".into(),
        comms_lead: "Bo".into(),
    }
}

#[test]
fn declaring_saves_the_incident_and_its_timeline() {
    let f = fixture();
    let view = f
        .desk
        .declare_incident(form("INC-1", Severity::Sev2))
        .unwrap();
    assert_eq!(view.incident.external_id, "INC-1");
    assert_eq!(view.incident.started_at, start());
    assert!(view.incident.comms_lead_activated);
    let kinds: Vec<_> = view.timeline.iter().map(|e| e.kind.name()).collect();
    assert_eq!(
        kinds,
        ["declared", "comms_lead_activated", "deadlines_changed"]
    );
    assert!(view.timeline.iter().all(|e| e.at == start()));
    assert_eq!(f.desk.incident(&view.incident.id).unwrap(), view);
}

#[test]
fn bad_input_is_refused_field_by_field_and_nothing_is_saved() {
    let f = fixture();
    let bad = NewIncident {
        title: " ".into(),
        link: "htp:/broken".into(),
        ..form("INC-1", Severity::Sev1)
    };
    let err = f.desk.declare_incident(bad).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    let fields: Vec<_> = err.fields.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["title", "link"]);
    let board = f.desk.board().unwrap();
    assert!(board.open.is_empty() && board.resolved.is_empty());
}

#[test]
fn a_duplicate_external_id_is_a_conflict_at_the_field_whatever_its_case() {
    let f = fixture();
    f.desk
        .declare_incident(form("INC-7", Severity::Sev2))
        .unwrap();
    let err = f
        .desk
        .declare_incident(form("inc-7", Severity::Sev3))
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict);
    assert_eq!(err.fields[0].field, "external_id");
    assert!(err.message.contains("inc-7"), "{}", err.message);
    assert_eq!(f.desk.board().unwrap().open.len(), 1);
    // Incidents without an external ID never clash with each other.
    f.desk.declare_incident(form("", Severity::Sev4)).unwrap();
    f.desk.declare_incident(form("", Severity::Sev4)).unwrap();
    assert_eq!(f.desk.board().unwrap().open.len(), 3);
}

#[test]
fn changing_severity_and_status_lands_on_the_timeline_with_its_time() {
    let f = fixture();
    let id = f
        .desk
        .declare_incident(form("INC-2", Severity::Sev3))
        .unwrap()
        .incident
        .id;
    f.clock.advance(Duration::minutes(7));
    let view = f
        .desk
        .change_incident(&id, IncidentChange::Severity(Severity::Sev1))
        .unwrap();
    assert_eq!(view.incident.severity, Severity::Sev1);
    // The change itself; where it moved the deadlines is the cadence tests' business.
    // Everything after the declaration (skip(1) drops it), which must be exactly these two.
    let after_declaring: Vec<_> = view
        .timeline
        .iter()
        .filter(|e| e.kind.name() != "deadlines_changed")
        .skip(1)
        .map(|e| (e.kind.clone(), e.at))
        .collect();
    let at = start() + Duration::minutes(7);
    assert_eq!(
        after_declaring,
        [
            (
                EventKind::SeverityChanged {
                    from: Severity::Sev3,
                    to: Severity::Sev1
                },
                at
            ),
            (
                EventKind::CommsLeadActivated {
                    severity: Severity::Sev1
                },
                at
            ),
        ]
    );
    f.clock.advance(Duration::minutes(3));
    f.desk
        .override_resolution_gate(&id, "IC confirmed the all-clear")
        .unwrap();
    let view = f
        .desk
        .change_incident(&id, IncidentChange::Status(Status::Resolved))
        .unwrap();
    assert_eq!(view.incident.resolved_at, Some(at + Duration::minutes(3)));
    assert!(
        view.timeline
            .iter()
            .any(|e| e.summary == "Status investigating → resolved")
    );
    // Setting the same value again records nothing.
    let again = f
        .desk
        .change_incident(&id, IncidentChange::Status(Status::Resolved))
        .unwrap();
    assert_eq!(again.timeline.len(), view.timeline.len());
}

#[test]
fn changing_an_unknown_incident_is_not_found() {
    let f = fixture();
    let err = f
        .desk
        .change_incident("nope", IncidentChange::Severity(Severity::Sev1))
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
}

#[test]
fn the_board_puts_open_incidents_worst_and_oldest_first_then_the_resolved() {
    let f = fixture();
    let declare = |id: &str, sev| {
        f.clock.advance(Duration::minutes(1));
        f.desk.declare_incident(form(id, sev)).unwrap().incident.id
    };
    let old_sev2 = declare("A", Severity::Sev2);
    let sev3 = declare("B", Severity::Sev3);
    let new_sev2 = declare("C", Severity::Sev2);
    let sev1 = declare("D", Severity::Sev1);
    let done_first = declare("E", Severity::Sev1);
    let done_last = declare("F", Severity::Sev4);
    for id in [&done_first, &done_last] {
        f.clock.advance(Duration::minutes(1));
        f.desk.override_resolution_gate(id, "drill").unwrap();
        f.desk
            .change_incident(id, IncidentChange::Status(Status::Resolved))
            .unwrap();
    }
    let board = f.desk.board().unwrap();
    let open: Vec<_> = board.open.iter().map(|i| i.id.clone()).collect();
    let resolved: Vec<_> = board.resolved.iter().map(|i| i.id.clone()).collect();
    assert_eq!(open, [sev1, old_sev2, new_sev2, sev3]);
    assert_eq!(resolved, [done_last, done_first]);
}

#[test]
fn each_deadline_on_the_board_names_its_incident_by_reference() {
    let f = fixture();
    let mut unnamed = form("", Severity::Sev1);
    unnamed.title = "Card payments failing for customers in the EU region".into();
    f.desk.declare_incident(unnamed).unwrap();
    f.desk
        .declare_incident(form("INC-12", Severity::Sev2))
        .unwrap();
    let board = f.desk.board().unwrap();
    let mut names: Vec<_> = board
        .deadlines
        .iter()
        .map(|d| d.reference.as_str())
        .collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names, ["Card payments failing for…", "INC-12"]);
}

#[test]
fn everything_is_still_there_after_reopening_the_file() {
    let f = fixture();
    let id = f
        .desk
        .declare_incident(form("INC-9", Severity::Sev2))
        .unwrap()
        .incident
        .id;
    f.desk
        .change_incident(&id, IncidentChange::Status(Status::Monitoring))
        .unwrap();
    let mut matrix = SeverityMatrix::default();
    matrix.policies[0].cadence.customers.investigating = Some(10);
    f.desk.save_severity_matrix(matrix.clone()).unwrap();
    let before = f.desk.incident(&id).unwrap();
    let path = f.desk.database_path().to_owned();
    drop(f.desk);

    let desk = Desk::open(&path, f.clock.clone()).unwrap();
    assert_eq!(desk.incident(&id).unwrap(), before);
    assert_eq!(desk.severity_matrix().unwrap(), matrix);
    drop(f.dir);
}

#[test]
fn the_matrix_starts_at_the_shipped_defaults_and_refuses_a_bad_cell() {
    let f = fixture();
    assert_eq!(f.desk.severity_matrix().unwrap(), SeverityMatrix::default());
    let mut bad = SeverityMatrix::default();
    bad.policies[1].cadence.executives.identified = Some(0);
    let err = f.desk.save_severity_matrix(bad).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert_eq!(err.fields[0].field, "sev2.cadence.executives.identified");
    assert_eq!(f.desk.severity_matrix().unwrap(), SeverityMatrix::default());
}

#[test]
fn a_matrix_edit_changes_who_gets_a_comms_lead() {
    let f = fixture();
    let mut matrix = SeverityMatrix::default();
    matrix.policies[2].comms_lead = herald_core::CommsLead::Activated;
    f.desk.save_severity_matrix(matrix).unwrap();
    let view = f
        .desk
        .declare_incident(form("INC-3", Severity::Sev3))
        .unwrap();
    assert!(view.incident.comms_lead_activated);
}
