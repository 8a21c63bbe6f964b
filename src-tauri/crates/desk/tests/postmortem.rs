//! Notes, timeline paging, metrics and the postmortem export through the use
//! cases, on a real SQLite file with a scripted incident.

#![allow(clippy::unwrap_used)]

use std::sync::Arc;

use chrono::{DateTime, Duration, TimeZone, Utc};
use herald_core::handoff::HandoffFormat;
use herald_core::{
    Audience, IncidentChange, LoggedUpdate, NewIncident, Severity, Status, SyncFacts,
};
use herald_desk::{Desk, ErrorCode, ManualClock, NoteRequest, PublishRequest};

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 13, 0, 0)
        .single()
        .unwrap()
}

fn desk() -> (Desk, Arc<ManualClock>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(ManualClock::new(start()));
    let desk = Desk::open(&dir.path().join("herald.sqlite"), clock.clone()).unwrap();
    (desk, clock, dir)
}

fn declare(desk: &Desk, title: &str) -> String {
    desk.declare_incident(NewIncident {
        external_id: "INC-4821".into(),
        link: "https://incidents.example.com/INC-4821".into(),
        title: title.into(),
        severity: Severity::Sev1,
        status: Status::Investigating,
        customer_visible: true,
        commander: "Ana".into(),
        comms_lead: "Bo Chen".into(),
    })
    .unwrap()
    .incident
    .id
}

/// Declaration, syncs, an on-time and a late customer update, an executive
/// update, a handoff, a guardrail override, a note, a gate override, resolved.
fn scripted() -> (Desk, Arc<ManualClock>, tempfile::TempDir, String) {
    let (desk, clock, dir) = desk();
    let id = declare(&desk, "Checkout errors");
    clock.advance(Duration::minutes(2));
    desk.sync(
        &id,
        SyncFacts {
            affected: "checkout".into(),
            ..SyncFacts::default()
        },
    )
    .unwrap();
    clock.advance(Duration::minutes(8));
    let draft = desk
        .save_draft(
            &id,
            Audience::Customers,
            "Some customers see errors at checkout.".into(),
        )
        .unwrap();
    desk.review_draft(&id, Audience::Customers, draft.revision)
        .unwrap();
    desk.publish(
        &id,
        PublishRequest {
            audience: Audience::Customers,
            revision: draft.revision,
            override_reason: None,
            components: Vec::new(),
            notify_subscribers: true,
        },
    )
    .unwrap();
    clock.advance(Duration::minutes(20)); // 13:30, customers were due 13:25
    let draft = desk
        .save_draft(
            &id,
            Audience::Customers,
            "Priya is still working on checkout.".into(),
        )
        .unwrap();
    desk.review_draft(&id, Audience::Customers, draft.revision)
        .unwrap();
    desk.publish(
        &id,
        PublishRequest {
            audience: Audience::Customers,
            revision: draft.revision,
            override_reason: Some("Priya agreed".into()),
            components: Vec::new(),
            notify_subscribers: true,
        },
    )
    .unwrap();
    clock.advance(Duration::minutes(5));
    desk.log_update(
        &id,
        LoggedUpdate {
            audience: Audience::Executives,
            body: "Exec: impact 8%.".into(),
            posted_to: "exec email".into(),
        },
    )
    .unwrap();
    desk.add_note(
        &id,
        NoteRequest {
            text: "IC call started".into(),
            at: Some(start() + Duration::minutes(1)),
        },
    )
    .unwrap();
    desk.copy_handoff(&id, HandoffFormat::Markdown, "Chloe")
        .unwrap();
    clock.advance(Duration::minutes(10));
    desk.change_incident(&id, IncidentChange::Status(Status::Monitoring))
        .unwrap();
    desk.override_resolution_gate(&id, "IC confirmed on the bridge")
        .unwrap();
    desk.change_incident(&id, IncidentChange::Status(Status::Resolved))
        .unwrap();
    (desk, clock, dir, id)
}

fn golden(name: &str, actual: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; write it with UPDATE_GOLDEN=1", path.display()));
    assert!(
        expected == actual,
        "{name} differs from the golden file:\n{actual}"
    );
}

#[test]
fn the_postmortem_export_of_a_scripted_incident_matches_its_golden_files() {
    let (desk, _clock, _dir, id) = scripted();
    let files = desk.postmortem(&id).unwrap();
    assert_eq!(files.stem, "INC-4821-comms");
    golden("postmortem.md", &files.markdown);
    golden("postmortem-cadence.svg", &files.svg);
    // The chart says what its marks mean.
    for mark in [
        "update on time",
        "update late",
        "deadline",
        "longest silence",
        "status change",
    ] {
        assert!(
            files.svg.contains(&format!(">{mark}</text>")),
            "no legend for {mark}"
        );
    }
    assert!(
        files
            .csv
            .starts_with("at,kind,summary\n2026-11-27T13:00:00Z,declared,")
    );
    let record: serde_json::Value = serde_json::from_str(&files.json).unwrap();
    assert_eq!(record["incident"]["external_id"], "INC-4821");
    assert_eq!(record["updates"].as_array().unwrap().len(), 3);

    let view = desk.incident(&id).unwrap();
    let customers = &view.metrics.audiences[0];
    assert_eq!(
        (
            customers.updates,
            customers.on_time,
            customers.late,
            customers.missed
        ),
        (2, 1, 1, 1)
    );
    assert_eq!(customers.worst_lateness, Some(5 * 60));
    assert_eq!(
        (
            view.metrics.reviews,
            view.metrics.guardrail_overrides,
            view.metrics.gate_overrides,
            view.metrics.handoffs
        ),
        (2, 1, 1, 1)
    );
    let board = desk.board().unwrap();
    assert_eq!(
        (
            board.last_30_days.incidents,
            board.last_30_days.updates,
            board.last_30_days.late
        ),
        (1, 3, 2)
    );
}

#[test]
fn an_incident_with_no_updates_exports_cleanly() {
    let (desk, _clock, _dir) = desk();
    let id = declare(&desk, "Quiet one");
    let files = desk.postmortem(&id).unwrap();
    assert!(
        files
            .markdown
            .contains("## Summary\n\nNo updates were published."),
        "{}",
        files.markdown
    );
    assert!(
        files
            .markdown
            .contains("## Updates\n\nNo updates were published.")
    );
    assert!(files.svg.starts_with("<svg"));
}

#[test]
fn notes_can_be_back_dated_and_corrected_but_never_rewritten() {
    let (desk, clock, _dir) = desk();
    let id = declare(&desk, "Notes");
    clock.advance(Duration::minutes(30));
    let view = desk
        .add_note(
            &id,
            NoteRequest {
                text: "Bridge opened".into(),
                at: Some(start() + Duration::minutes(5)),
            },
        )
        .unwrap();
    let note = view
        .timeline
        .iter()
        .find(|e| e.summary == "Note (back-dated): Bridge opened")
        .unwrap();
    assert_eq!(note.at, start() + Duration::minutes(5));
    let herald_core::EventKind::NoteAdded { note_id, .. } = &note.kind else {
        panic!()
    };
    let view = desk
        .correct_note(&id, note_id, "Bridge opened by Ana")
        .unwrap();
    let summaries: Vec<_> = view.timeline.iter().map(|e| e.summary.as_str()).collect();
    assert!(
        summaries.contains(&"Note (back-dated): Bridge opened"),
        "the original stays"
    );
    assert_eq!(
        *summaries.last().unwrap(),
        "Note corrected: Bridge opened by Ana"
    );
    let now = desk
        .add_note(
            &id,
            NoteRequest {
                text: "Now".into(),
                at: None,
            },
        )
        .unwrap();
    assert_eq!(now.timeline.last().unwrap().summary, "Note: Now");

    let early = desk
        .add_note(
            &id,
            NoteRequest {
                text: "x".into(),
                at: Some(start() - Duration::minutes(1)),
            },
        )
        .unwrap_err();
    assert_eq!(
        (early.code, early.fields[0].field.as_str()),
        (ErrorCode::InvalidInput, "at")
    );
    let future = desk
        .add_note(
            &id,
            NoteRequest {
                text: "x".into(),
                at: Some(start() + Duration::hours(2)),
            },
        )
        .unwrap_err();
    assert_eq!(future.fields[0].field, "at");
    assert_eq!(
        desk.add_note(
            &id,
            NoteRequest {
                text: " ".into(),
                at: None
            }
        )
        .unwrap_err()
        .fields[0]
            .field,
        "text"
    );
    assert_eq!(
        desk.correct_note(&id, "nope", "x").unwrap_err().code,
        ErrorCode::NotFound
    );
}

#[test]
fn a_long_timeline_is_shown_newest_first_in_pages() {
    let (desk, clock, _dir) = desk();
    let id = declare(&desk, "Long");
    for n in 0..250 {
        clock.advance(Duration::seconds(10));
        desk.add_note(
            &id,
            NoteRequest {
                text: format!("note {n}"),
                at: None,
            },
        )
        .unwrap();
    }
    let view = desk.incident(&id).unwrap();
    assert_eq!(view.timeline_total, 253);
    assert_eq!(view.timeline.len(), 200);
    assert_eq!(view.timeline.last().unwrap().summary, "Note: note 249");
    let first = desk.timeline_page(&id, None, 50).unwrap();
    assert_eq!(first[0].summary, "Note: note 249");
    let second = desk.timeline_page(&id, Some(&first[49].id), 50).unwrap();
    assert_eq!(second[0].summary, "Note: note 199");
    let all: usize = {
        let mut before: Option<String> = None;
        let mut total = 0;
        loop {
            let page = desk.timeline_page(&id, before.as_deref(), 100).unwrap();
            if page.is_empty() {
                break total;
            }
            total += page.len();
            before = Some(page.last().unwrap().id.clone());
        }
    };
    assert_eq!(all, 253);
}
