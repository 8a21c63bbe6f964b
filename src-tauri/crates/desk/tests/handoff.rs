//! Handing over and taking over through the use cases, with two Heralds on
//! two real SQLite files: the next lead's Herald recreates the incident, a
//! second take-over merges, and bad pastes change nothing.

#![allow(clippy::unwrap_used, clippy::print_stdout)]

use std::sync::Arc;

use chrono::{DateTime, Duration, TimeZone, Utc};
use herald_core::handoff::{AskState, HandoffFormat, NoteInput};
use herald_core::{
    Audience, IncidentChange, LoggedUpdate, NewIncident, Severity, Status, SyncFacts,
};
use herald_desk::{Desk, ErrorCode, ManualClock};

struct Lead {
    desk: Desk,
    clock: Arc<ManualClock>,
    _dir: tempfile::TempDir,
}

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 13, 0, 0)
        .single()
        .unwrap()
}

fn lead() -> Lead {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(ManualClock::new(start()));
    let desk = Desk::open(&dir.path().join("herald.sqlite"), clock.clone()).unwrap();
    Lead {
        desk,
        clock,
        _dir: dir,
    }
}

fn note(text: &str, owner: &str) -> NoteInput {
    NoteInput {
        text: text.into(),
        owner: owner.into(),
    }
}

/// An incident with an update, a constraint, an ask and a draft.
fn busy_incident(bo: &Lead) -> String {
    let id = bo
        .desk
        .declare_incident(NewIncident {
            external_id: "INC-77".into(),
            link: "https://incidents.example.com/INC-77".into(),
            title: "Paiements refusés 💳".into(),
            severity: Severity::Sev1,
            status: Status::Investigating,
            customer_visible: true,
            commander: "Ana".into(),
            comms_lead: "Bo".into(),
        })
        .unwrap()
        .incident
        .id;
    bo.clock.advance(Duration::minutes(5));
    bo.desk
        .log_update(
            &id,
            LoggedUpdate {
                audience: Audience::Customers,
                body: "Some payments fail. שלום".into(),
                posted_to: "status page".into(),
            },
        )
        .unwrap();
    bo.desk
        .add_constraint(&id, note("No RCA speculation", ""))
        .unwrap();
    bo.desk
        .add_ask(&id, note("Support needs a holding line", "Dana"))
        .unwrap();
    bo.desk
        .sync(
            &id,
            SyncFacts {
                affected: "payments".into(),
                ..SyncFacts::default()
            },
        )
        .unwrap();
    bo.desk
        .save_draft(&id, Audience::Internal, "Draft in progress ✍️".into())
        .unwrap();
    id
}

#[test]
fn the_next_lead_takes_over_with_everything_including_absolute_deadlines() {
    let bo = lead();
    let id = busy_incident(&bo);
    bo.clock.advance(Duration::minutes(3));
    let before = bo.desk.incident(&id).unwrap();
    let copied = bo
        .desk
        .copy_handoff(&id, HandoffFormat::Slack, "Chloe")
        .unwrap();
    assert!(
        copied
            .text
            .starts_with("*Comms handoff: INC-77 — Paiements refusés 💳* (SEV1, investigating)")
    );
    assert!(copied.text.contains("> Some payments fail. שלום"));
    assert!(
        copied
            .text
            .contains("• Support needs a holding line (owner: Dana)")
    );
    assert!(copied.text.contains("```herald-handoff v2\nsha256 "));
    let after = bo.desk.incident(&id).unwrap();
    assert_eq!(
        after.timeline.last().unwrap().summary,
        "Handoff copied by Bo to Chloe (slack)"
    );
    assert_eq!(
        after.role.last_change.as_deref(),
        Some("Handoff copied by Bo to Chloe (slack)")
    );
    // The format is remembered.
    assert_eq!(
        bo.desk.handoff(&id, None, "").unwrap().format,
        HandoffFormat::Slack
    );

    let chloe = lead();
    chloe.clock.advance(Duration::minutes(20));
    let report = chloe.desk.take_over(&copied.text, "Chloe", true).unwrap();
    assert!(report.created);
    assert_eq!(report.incident_id, id);
    assert!(
        report.changes[0].starts_with("Created INC-77"),
        "{:?}",
        report.changes
    );
    let taken = chloe.desk.incident(&id).unwrap();
    assert_eq!(taken.incident.comms_lead, "Chloe");
    assert_eq!(taken.incident.severity, Severity::Sev1);
    assert_eq!(
        taken.deadlines, before.deadlines,
        "absolute deadlines travel as they were"
    );
    assert_eq!(taken.updates, before.updates);
    // The IC's last answers travel: the next lead's sync form starts from them.
    assert_eq!(taken.latest_sync, before.latest_sync);
    assert_eq!(
        taken
            .latest_sync
            .as_ref()
            .map(|s| s.facts.affected.as_str()),
        Some("payments")
    );
    assert!(
        report
            .changes
            .iter()
            .any(|c| c == "1 IC sync from the handoff"),
        "{:?}",
        report.changes
    );
    assert_eq!(taken.constraints, before.constraints);
    assert_eq!(taken.asks, before.asks);
    let internal = taken
        .drafts
        .iter()
        .find(|d| d.audience == Audience::Internal)
        .unwrap();
    assert_eq!(internal.body, "Draft in progress ✍️");
    let summaries: Vec<_> = taken.timeline.iter().map(|e| e.summary.as_str()).collect();
    assert!(summaries.contains(&"Constraint added: No RCA speculation"));
    assert_eq!(
        *summaries.last().unwrap(),
        "Chloe took over as comms lead from Bo"
    );
    assert_eq!(taken.role.since, start() + Duration::minutes(20));
}

#[test]
fn taking_over_an_incident_already_here_merges_and_says_what_changed() {
    let bo = lead();
    let id = busy_incident(&bo);
    let first = bo
        .desk
        .copy_handoff(&id, HandoffFormat::Markdown, "")
        .unwrap();
    let chloe = lead();
    chloe.desk.take_over(&first.text, "Chloe", true).unwrap();

    // Bo keeps going, then hands over again; Chloe's copy merges.
    bo.clock.advance(Duration::minutes(10));
    bo.desk
        .change_incident(&id, IncidentChange::Severity(Severity::Sev2))
        .unwrap();
    let ask = bo.desk.incident(&id).unwrap().asks[0].id.clone();
    bo.desk
        .change_ask(
            &id,
            &ask,
            note("Support needs a holding line", "Dana"),
            AskState::Done,
        )
        .unwrap();
    let second = bo
        .desk
        .copy_handoff(&id, HandoffFormat::Plain, "Chloe")
        .unwrap();
    chloe.clock.advance(Duration::minutes(30));
    let report = chloe.desk.take_over(&second.text, "Chloe", true).unwrap();
    assert!(!report.created);
    assert!(
        report.changes.contains(&"Severity: SEV1 → SEV2".to_owned()),
        "{:?}",
        report.changes
    );
    assert!(
        report
            .changes
            .iter()
            .any(|c| c.ends_with("timeline events from the handoff")),
        "{:?}",
        report.changes
    );
    let merged = chloe.desk.incident(&id).unwrap();
    assert_eq!(merged.asks[0].state, AskState::Done);
    // Every event once: ids are unique after two imports.
    let mut ids: Vec<_> = merged.timeline.iter().map(|e| e.id.clone()).collect();
    let count = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), count);
    // Taking the same handoff again adds nothing new but the acknowledgement.
    let again = chloe.desk.take_over(&second.text, "Chloe", true).unwrap();
    assert!(
        again
            .changes
            .iter()
            .all(|c| !c.contains("from the handoff")),
        "{:?}",
        again.changes
    );
}

#[test]
fn a_bad_paste_is_refused_with_its_reason_and_changes_nothing() {
    let bo = lead();
    let id = busy_incident(&bo);
    let good = bo
        .desk
        .copy_handoff(&id, HandoffFormat::Markdown, "")
        .unwrap()
        .text;
    let chloe = lead();
    let cases = [
        ("hello".to_owned(), "not a Herald handoff"),
        (
            good.replace("herald-handoff v2", "herald-handoff v9"),
            "version 9",
        ),
        (good[..good.len() - 10].to_owned(), "cut off"),
        (good.replacen("sha256 ", "sha256 X", 1), "checksum line"),
        ("x".repeat(1_000_001), "at most 1000000"),
    ];
    for (paste, says) in cases {
        let err = chloe.desk.take_over(&paste, "Chloe", true).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidInput);
        assert_eq!(err.fields[0].field, "paste");
        assert!(err.message.contains(says), "{says}: {}", err.message);
    }
    let no_name = chloe.desk.take_over(&good, " ", true).unwrap_err();
    assert_eq!(no_name.fields[0].field, "lead");
    assert!(
        chloe.desk.board().unwrap().open.is_empty(),
        "nothing was imported"
    );
}

#[test]
fn a_handoff_is_suggested_after_the_same_lead_held_the_role_for_three_hours() {
    let bo = lead();
    let id = busy_incident(&bo);
    assert!(!bo.desk.incident(&id).unwrap().role.suggest_handoff);
    bo.clock.advance(Duration::minutes(180));
    let view = bo.desk.incident(&id).unwrap();
    assert!(view.role.suggest_handoff);
    assert_eq!(view.role.suggest_after_minutes, 180);
    let constraint = view.constraints[0].id.clone();
    let closed = bo
        .desk
        .change_constraint(&id, &constraint, note("No RCA speculation", ""), true)
        .unwrap();
    assert!(closed.constraints[0].closed_at.is_some());
    let text = bo
        .desk
        .handoff(&id, Some(HandoffFormat::Markdown), "")
        .unwrap()
        .text;
    assert!(
        text.contains("**Tone/constraints so far:**\n  - none recorded"),
        "{text}"
    );
    assert!(bo.desk.add_ask(&id, note(" ", "")).is_err());
}

#[test]
fn a_full_sev1_handoff_fits_a_chat_message() {
    // The shape of issue 14's walk-through: an hour of a SEV1 with a full IC
    // sync, updates to every audience, notes, constraints, asks and status
    // changes. Its handoff was 17,533 characters; a chat message is short.
    let bo = lead();
    let id = busy_incident(&bo);
    let text = "Card payments fail for about 12% of customers in the EU; retries mostly succeed. \
                We rolled back the 14:02 deploy and are watching error rates recover.";
    for (minute, status) in [
        (10, Status::Investigating),
        (25, Status::Identified),
        (50, Status::Monitoring),
    ] {
        bo.clock.advance(Duration::minutes(minute));
        bo.desk
            .sync(
                &id,
                SyncFacts {
                    affected: "card payments in the EU".into(),
                    customer_impact: "about 12% of card payments fail; retries mostly succeed"
                        .into(),
                    known: "errors began at 13:55 after a deploy".into(),
                    doing: "rolled back; watching error rates".into(),
                    eta: String::new(),
                    status,
                    ..SyncFacts::default()
                },
            )
            .unwrap();
        for audience in Audience::ALL {
            bo.desk
                .log_update(
                    &id,
                    LoggedUpdate {
                        audience,
                        body: format!("{text} ({} at minute {minute})", audience.label()),
                        posted_to: "status page, #inc-payments".into(),
                    },
                )
                .unwrap();
        }
        for n in 0..8 {
            bo.desk
                .add_note(
                    &id,
                    herald_desk::NoteRequest {
                        text: format!("Bridge note {n}: IC asked for error rates by region"),
                        at: None,
                    },
                )
                .unwrap();
        }
    }
    bo.desk
        .add_constraint(&id, note("Legal reviews any customer-data wording", ""))
        .unwrap();
    bo.desk
        .add_ask(&id, note("Exec summary for the 15:00 call", "Ana"))
        .unwrap();
    let handoff = bo
        .desk
        .copy_handoff(&id, HandoffFormat::Markdown, "Chloe")
        .unwrap();
    let events = bo.desk.incident(&id).unwrap().timeline_total;
    let size = handoff.text.chars().count();
    assert!(events >= 50, "a realistic incident: {events} events");
    println!("handoff of a {events}-event SEV1: {size} characters");
    assert!(
        size <= 6_000,
        "the handoff of a {events}-event SEV1 is {size} characters:\n{}",
        handoff.text
    );
    // And it still carries everything a take-over needs.
    let chloe = lead();
    chloe.clock.advance(Duration::minutes(90));
    let taken = chloe.desk.take_over(&handoff.text, "Chloe", true).unwrap();
    assert!(taken.created, "{taken:?}");
}
