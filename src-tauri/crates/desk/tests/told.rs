//! Who has been told what, through the use cases on a real SQLite file: the
//! matrix read back from what went out, and the consistency check beside the
//! guardrails, with their strictness, their override and their timeline entry.

// A failed unwrap is a failed test, with the error in the message.
#![allow(clippy::unwrap_used)]

use std::sync::Arc;

use chrono::{DateTime, Duration, TimeZone, Utc};
use herald_core::told::Source;
use herald_core::{
    Audience, EventKind, Fact, LoggedUpdate, NewIncident, Rule, Severity, Status, SyncFacts,
};
use herald_desk::{Desk, ManualClock, PublishRequest};

fn at(h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, h, m, 0)
        .single()
        .unwrap()
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

fn publish(
    desk: &Desk,
    id: &str,
    revision: u32,
    reason: Option<&str>,
) -> Result<(), herald_desk::Error> {
    desk.publish(
        id,
        PublishRequest {
            audience: Audience::Customers,
            revision,
            override_reason: reason.map(str::to_owned),
            components: Vec::new(),
            notify_subscribers: true,
        },
    )
    .map(drop)
}

#[test]
fn a_customer_update_contradicting_the_executives_is_flagged_and_blocks_until_overridden() {
    let (desk, clock, _dir, id) = open();
    clock.advance(Duration::minutes(10));
    desk.sync(
        &id,
        SyncFacts {
            affected: "checkout in the EU".into(),
            status: Status::Monitoring,
            ..SyncFacts::default()
        },
    )
    .unwrap();
    clock.advance(Duration::minutes(2));
    log(
        &desk,
        &id,
        Audience::Executives,
        "SEV1 Checkout errors: fix in place, monitoring.",
    );

    let view = desk.incident(&id).unwrap();
    let executives = view
        .told
        .rows
        .iter()
        .find(|r| r.audience == Audience::Executives)
        .unwrap();
    let status = executives.cell(Fact::Status);
    assert_eq!(
        (status.value.as_str(), status.source, status.at),
        ("monitoring", Source::Words, Some(at(14, 12)))
    );
    let customers = view
        .told
        .rows
        .iter()
        .find(|r| r.audience == Audience::Customers)
        .unwrap();
    assert_eq!(
        customers.last_told_at, None,
        "customers have not been told anything"
    );

    clock.advance(Duration::minutes(3));
    let draft = desk
        .save_draft(
            &id,
            Audience::Customers,
            "We are investigating an issue with checkout.".into(),
        )
        .unwrap();
    let contradiction = draft
        .findings
        .iter()
        .find(|f| f.rule == Rule::Contradiction)
        .unwrap_or_else(|| panic!("no contradiction in {:#?}", draft.findings));
    assert!(contradiction.blocking, "customers are strict");
    assert_eq!(contradiction.text, "investigating");
    assert!(
        contradiction.why.contains("executives read “monitoring”")
            && contradiction.why.contains("14:12 UTC"),
        "{}",
        contradiction.why
    );
    desk.review_draft(&id, Audience::Customers, draft.revision)
        .unwrap();
    let refused = publish(&desk, &id, draft.revision, None).unwrap_err();
    assert!(
        refused.message.contains("contradiction"),
        "{}",
        refused.message
    );
    assert!(
        desk.incident(&id).unwrap().told.rows[0]
            .last_told_at
            .is_none(),
        "nothing went out"
    );

    publish(
        &desk,
        &id,
        draft.revision,
        Some("IC asked to hold the old wording"),
    )
    .unwrap();
    let view = desk.incident(&id).unwrap();
    assert!(view.timeline.iter().any(|e| matches!(
        &e.kind,
        EventKind::GuardrailsOverridden { rules, .. } if rules.contains(&Rule::Contradiction)
    )));
    let customers = view
        .told
        .rows
        .iter()
        .find(|r| r.audience == Audience::Customers)
        .unwrap();
    assert_eq!(customers.cell(Fact::Status).value, "investigating");
    assert_eq!(customers.last_told_at, Some(at(14, 15)));
}

#[test]
fn an_audience_left_behind_is_a_heads_up_that_never_blocks() {
    let (desk, clock, _dir, id) = open();
    log(
        &desk,
        &id,
        Audience::Internal,
        "Holding line: we are investigating an issue.",
    );
    clock.advance(Duration::minutes(20));
    desk.sync(
        &id,
        SyncFacts {
            status: Status::Monitoring,
            ..SyncFacts::default()
        },
    )
    .unwrap();
    let draft = desk
        .save_draft(
            &id,
            Audience::Customers,
            "A fix has been put in place, and we are monitoring the results.".into(),
        )
        .unwrap();
    let rules: Vec<(Rule, bool)> = draft
        .findings
        .iter()
        .map(|f| (f.rule, f.blocking))
        .collect();
    assert_eq!(rules, [(Rule::AudienceBehind, false)]);
    assert!(
        draft.findings[0].suggestion.contains("internal"),
        "{}",
        draft.findings[0].suggestion
    );
    desk.review_draft(&id, Audience::Customers, draft.revision)
        .unwrap();
    publish(&desk, &id, draft.revision, None).unwrap();
}

#[test]
fn a_ticket_told_to_the_incident_channel_is_caught_on_its_way_to_executives() {
    let (desk, _clock, _dir, id) = open();
    log(
        &desk,
        &id,
        Audience::IncidentChannel,
        "[SEV1] Checkout errors — investigating. Tracking in PAY-812, bridge in #inc-checkout.",
    );
    let draft = desk
        .save_draft(
            &id,
            Audience::Executives,
            "SEV1 Checkout errors: investigating (PAY-812).".into(),
        )
        .unwrap();
    let detail = draft
        .findings
        .iter()
        .find(|f| f.rule == Rule::InternalDetail)
        .unwrap();
    assert_eq!(detail.text, "PAY-812");
    // Executives are warned by default, not blocked.
    assert!(!detail.blocking);
    let internal = desk
        .save_draft(&id, Audience::Internal, "Tracking in PAY-812.".into())
        .unwrap();
    assert!(
        internal
            .findings
            .iter()
            .all(|f| f.rule != Rule::InternalDetail)
    );
}
