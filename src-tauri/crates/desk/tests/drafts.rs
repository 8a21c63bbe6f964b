//! The audience tabs end to end through the use cases, on a real SQLite file:
//! IC sync → drafts → edits → review → guardrails → publish, and the
//! resolution gate.

// A failed unwrap is a failed test, with the error in the message.
#![allow(clippy::unwrap_used)]

use std::sync::Arc;

use chrono::{DateTime, Duration, TimeZone, Utc};
use herald_core::{
    Audience, EtaConfidence, GateState, IncidentChange, LoggedUpdate, NewIncident, Rule, Severity,
    Status, SyncFacts, TemplateKind,
};
use herald_desk::{Desk, DraftView, ErrorCode, IncidentView, ManualClock, PublishRequest};

struct Fixture {
    desk: Desk,
    clock: Arc<ManualClock>,
    _dir: tempfile::TempDir,
    id: String,
}

/// Each finding of a saved draft as its rule and whether it blocks.
fn rules_and_blocking(saved: &DraftView) -> Vec<(Rule, bool)> {
    saved
        .findings
        .iter()
        .map(|x| (x.rule, x.blocking))
        .collect()
}

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 14, 0, 0)
        .single()
        .unwrap()
}

/// A SEV1 incident declared at 14:00 (customers every 15 min while investigating).
/// Reviews the customers draft and checks that publishing it is refused
/// for the named rules until an override reason is given.
fn review_and_expect_block(f: &Fixture, revision: u32, rules: &str) {
    f.desk
        .review_draft(&f.id, Audience::Customers, revision)
        .unwrap();
    let blocked = publish(f, Audience::Customers, revision).unwrap_err();
    assert_eq!(blocked.fields[0].field, "override_reason");
    assert!(blocked.message.contains(rules), "{}", blocked.message);
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(ManualClock::new(start()));
    let desk = Desk::open(&dir.path().join("herald.sqlite"), clock.clone()).unwrap();
    let id = desk
        .declare_incident(NewIncident {
            external_id: "INC-9".into(),
            link: String::new(),
            title: "Checkout errors".into(),
            severity: Severity::Sev1,
            status: Status::Investigating,
            customer_visible: true,
            commander: "Ana".into(),
            comms_lead: "Bo Chen".into(),
        })
        .unwrap()
        .incident
        .id;
    Fixture {
        desk,
        clock,
        _dir: dir,
        id,
    }
}

fn facts() -> SyncFacts {
    SyncFacts {
        affected: "checkout in the EU".into(),
        customer_impact: "Some payments fail with an error.".into(),
        known: "Errors started at 13:55.".into(),
        doing: "We are moving traffic to another region.".into(),
        eta: String::new(),
        eta_confidence: EtaConfidence::None,
        status: Status::Investigating,
    }
}

fn draft(view: &IncidentView, audience: Audience) -> DraftView {
    view.drafts
        .iter()
        .find(|d| d.audience == audience)
        .unwrap()
        .clone()
}

fn publish(
    f: &Fixture,
    audience: Audience,
    revision: u32,
) -> Result<IncidentView, herald_desk::Error> {
    f.desk.publish(
        &f.id,
        PublishRequest {
            audience,
            revision,
            override_reason: None,
            components: Vec::new(),
            notify_subscribers: true,
        },
    )
}

#[test]
fn a_sync_writes_every_draft_from_its_template_and_keeps_the_leads_edits() {
    let f = fixture();
    let before = f.desk.incident(&f.id).unwrap();
    assert_eq!(before.drafts.len(), 4);
    assert!(before.latest_sync.is_none());

    let view = f.desk.sync(&f.id, facts()).unwrap();
    let customers = draft(&view, Audience::Customers);
    assert_eq!(
        customers.body,
        "We are investigating an issue. Checkout in the EU may not be working as expected. Some payments fail with an error.\n\nOur team is engaged and working to restore normal service."
    );
    assert_eq!(customers.template_kind, TemplateKind::Investigating);
    assert!(!customers.edited && !customers.stale && customers.findings.is_empty());
    assert_eq!(
        customers.footer.as_deref(),
        Some("Next update by 14:15 UTC")
    );
    assert!(
        draft(&view, Audience::Executives)
            .body
            .contains("What we know: Errors started at 13:55.")
    );
    assert_eq!(
        view.timeline.last().unwrap().summary,
        "IC sync: affected, customer impact, what we know, what we are doing changed"
    );

    // The lead edits the executive draft; the next sync leaves it alone but
    // says it is behind, and regenerates the untouched customer draft.
    f.desk
        .save_draft(&f.id, Audience::Executives, "My own words 🙏 שלום".into())
        .unwrap();
    f.clock.advance(Duration::minutes(5));
    let next = SyncFacts {
        affected: "checkout everywhere".into(),
        status: Status::Identified,
        ..facts()
    };
    let view = f.desk.sync(&f.id, next).unwrap();
    assert_eq!(view.incident.status, Status::Identified);
    let changed: Vec<_> = view.sync_changes.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(changed, ["affected", "status"]);
    let executives = draft(&view, Audience::Executives);
    assert_eq!(executives.body, "My own words 🙏 שלום");
    assert!(executives.edited && executives.stale);
    let customers = draft(&view, Audience::Customers);
    assert!(
        customers
            .body
            .contains("fix. Checkout everywhere may not be working as expected until then.")
    );
    assert_eq!(customers.template_kind, TemplateKind::Identified);

    // Regenerating shows the new text without saving; using it replaces the edit.
    let proposal = f
        .desk
        .preview_draft(&f.id, Audience::Executives, TemplateKind::Identified)
        .unwrap();
    assert!(proposal.contains("checkout everywhere"));
    assert_eq!(
        draft(&f.desk.incident(&f.id).unwrap(), Audience::Executives).body,
        "My own words 🙏 שלום"
    );
    let used = f
        .desk
        .use_template(&f.id, Audience::Executives, TemplateKind::Identified)
        .unwrap();
    assert_eq!(used.body, proposal);
    assert!(!used.edited && !used.stale);
}

#[test]
fn the_holding_line_speaks_of_no_change_only_after_the_audience_was_told() {
    let f = fixture();
    f.desk.sync(&f.id, facts()).unwrap();
    let holding = |audience| {
        f.desk
            .use_template(&f.id, audience, TemplateKind::Holding)
            .unwrap()
            .body
    };
    let first = holding(Audience::Internal);
    assert!(
        first.starts_with("Holding line for customers (approved): we are investigating")
            && !first.to_lowercase().contains("no change"),
        "{first}"
    );
    assert!(holding(Audience::Customers).contains("We will share more as soon as we can."));

    f.desk
        .log_update(
            &f.id,
            LoggedUpdate {
                audience: Audience::Internal,
                body: "Holding line sent by hand.".into(),
                posted_to: "#support".into(),
            },
        )
        .unwrap();
    assert!(holding(Audience::Internal).starts_with("No change to the holding line:"));
    // Telling one audience says nothing about another.
    assert!(!holding(Audience::Customers).contains("no change since our last update"));
}

#[test]
fn settings_saved_with_the_old_shipped_wording_draft_with_the_new_and_edits_stay() {
    let f = fixture();
    let mut settings = f.desk.message_settings().unwrap();
    for t in &mut settings.templates.templates {
        match (t.audience, t.kind) {
            // As Herald 0.1 shipped it, saved unedited.
            (Audience::Customers, TemplateKind::Investigating) => {
                t.body = "We are investigating an issue affecting {affected}. {customer_impact}\n\nOur team is engaged and working to restore normal service.".into();
            }
            (Audience::Executives, TemplateKind::Investigating) => {
                t.body = "Our own brief: {affected}.".into();
            }
            _ => {}
        }
    }
    f.desk.save_message_settings(settings).unwrap();
    let view = f.desk.sync(&f.id, facts()).unwrap();
    assert!(
        draft(&view, Audience::Customers)
            .body
            .starts_with("We are investigating an issue. Checkout in the EU may not be working")
    );
    assert_eq!(
        draft(&view, Audience::Executives).body,
        "Our own brief: checkout in the EU."
    );
}

#[test]
fn the_roster_and_the_incidents_people_are_flagged_by_name_in_every_draft() {
    let f = fixture();
    let mut settings = f.desk.message_settings().unwrap();
    settings.guardrails.roster = vec![" Xiomara Quist ".into()];
    let saved = f.desk.save_message_settings(settings).unwrap();
    assert_eq!(saved.guardrails.roster, ["Xiomara Quist"]);
    let draft = f
        .desk
        .save_draft(
            &f.id,
            Audience::Customers,
            "Xiomara Quist and Ana are restarting the service; Bo has the details.".into(),
        )
        .unwrap();
    let named: Vec<_> = draft
        .findings
        .iter()
        .filter(|finding| finding.rule == Rule::PersonName)
        .map(|finding| finding.text.as_str())
        .collect();
    assert_eq!(
        named,
        ["Xiomara Quist", "Ana", "Bo"],
        "{:?}",
        draft.findings
    );
}

#[test]
fn another_company_named_with_the_outage_is_blame_once_our_names_are_saved() {
    let f = fixture();
    let text = "Cloudflare experienced an outage; Acme Cloud experienced slow pages.";
    let blamed = |f: &Fixture| -> Vec<String> {
        f.desk
            .save_draft(&f.id, Audience::Customers, text.into())
            .unwrap()
            .findings
            .into_iter()
            .filter(|finding| finding.rule == Rule::Blame)
            .map(|finding| finding.text)
            .collect()
    };
    // Without our names a company may be speaking of itself: nothing.
    assert!(blamed(&f).is_empty());
    let mut settings = f.desk.message_settings().unwrap();
    settings.guardrails.organisation = vec![" Acme ".into(), "Acme Cloud".into(), "".into()];
    let saved = f.desk.save_message_settings(settings).unwrap();
    assert_eq!(saved.guardrails.organisation, ["Acme", "Acme Cloud"]);
    assert_eq!(blamed(&f), ["Cloudflare experienced"]);
}

#[test]
fn drafts_autosave_exactly_and_refuse_oversize_text() {
    let f = fixture();
    let text = "Çà va? 🚀 مرحبا — \u{202E}rtl\u{202C} end".to_owned();
    let saved = f
        .desk
        .save_draft(&f.id, Audience::Internal, text.clone())
        .unwrap();
    assert_eq!(saved.revision, 1);
    let again = f.desk.incident(&f.id).unwrap();
    assert_eq!(draft(&again, Audience::Internal).body, text);

    let huge = "x".repeat(100_001);
    let err = f
        .desk
        .save_draft(&f.id, Audience::Internal, huge)
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert_eq!(err.fields[0].field, "body");
    assert!(err.message.contains("100001 characters"), "{}", err.message);
    assert_eq!(
        draft(&f.desk.incident(&f.id).unwrap(), Audience::Internal).body,
        text
    );
}

#[test]
fn publishing_needs_text_a_review_of_the_latest_edit_and_no_blocking_finding() {
    let f = fixture();
    f.desk.sync(&f.id, facts()).unwrap();
    f.desk
        .save_draft(&f.id, Audience::Customers, "  \n ".into())
        .unwrap();
    let empty = publish(&f, Audience::Customers, 2).unwrap_err();
    assert_eq!(
        (empty.code, empty.fields[0].field.as_str()),
        (ErrorCode::Blocked, "body")
    );

    let risky = "We think a bad AWS deploy by the payments team caused this.";
    let saved = f
        .desk
        .save_draft(&f.id, Audience::Customers, risky.into())
        .unwrap();
    let rules = rules_and_blocking(&saved);
    assert_eq!(rules, [(Rule::Speculation, true), (Rule::Blame, true)]);
    let unreviewed = publish(&f, Audience::Customers, saved.revision).unwrap_err();
    assert_eq!(unreviewed.fields[0].field, "review");

    review_and_expect_block(&f, saved.revision, "speculation, blame");

    // An edit clears the review; a review of an old revision is refused.
    let clean = f
        .desk
        .save_draft(
            &f.id,
            Audience::Customers,
            "Some customers may see errors at checkout.".into(),
        )
        .unwrap();
    assert!(clean.findings.is_empty() && !clean.reviewed);
    let stale = f
        .desk
        .review_draft(&f.id, Audience::Customers, saved.revision)
        .unwrap_err();
    assert_eq!(stale.code, ErrorCode::Conflict);
    assert_eq!(
        publish(&f, Audience::Customers, clean.revision)
            .unwrap_err()
            .fields[0]
            .field,
        "review"
    );

    f.clock.advance(Duration::minutes(4));
    let reviewed = f
        .desk
        .review_draft(&f.id, Audience::Customers, clean.revision)
        .unwrap();
    assert!(draft(&reviewed, Audience::Customers).reviewed);
    assert_eq!(
        reviewed.timeline.last().unwrap().summary,
        "Customers draft reviewed for accuracy and tone"
    );
    let view = publish(&f, Audience::Customers, clean.revision).unwrap();

    let update = &view.updates[0];
    assert_eq!(
        update.body,
        "Some customers may see errors at checkout.\n\nNext update by 14:19 UTC"
    );
    assert_eq!(
        (
            update.audience,
            update.source.as_str(),
            update.author.as_str()
        ),
        (Audience::Customers, "published", "Bo Chen")
    );
    assert_eq!(update.posted_at, start() + Duration::minutes(4));
    let customers_due = view
        .deadlines
        .iter()
        .find(|d| d.audience == Audience::Customers)
        .unwrap();
    assert_eq!(customers_due.due_at, start() + Duration::minutes(19));
    let summaries: Vec<_> = view
        .timeline
        .iter()
        .rev()
        .take(2)
        .map(|e| e.summary.as_str())
        .collect();
    assert_eq!(summaries[1], "Update for customers published by Bo Chen");
    assert!(
        summaries[0].starts_with(
            "Update for customers published by Bo Chen: customers due 14:15 → 14:19 UTC"
        ),
        "{summaries:?}"
    );
    // The next publish needs a fresh review.
    assert!(!draft(&view, Audience::Customers).reviewed);
}

/// The trained model beside the all-clear rule blocks a customer update the
/// way the rule does, and says the finding is its own.
#[test]
fn an_all_clear_only_the_trained_model_reads_blocks_a_customer_update() {
    let f = fixture();
    f.desk.sync(&f.id, facts()).unwrap();
    let saved = f
        .desk
        .save_draft(
            &f.id,
            Audience::Customers,
            "Card payments are now succeeding for all customers.".into(),
        )
        .unwrap();
    let found = rules_and_blocking(&saved);
    assert_eq!(found, [(Rule::PrematureResolution, true)]);
    assert!(saved.findings[0].text.contains("succeeding"));
    assert!(
        saved.findings[0].why.contains("trained model"),
        "{}",
        saved.findings[0].why
    );
    review_and_expect_block(&f, saved.revision, "premature_resolution");
}

#[test]
fn an_override_publishes_past_blocking_findings_and_is_recorded() {
    let f = fixture();
    let saved = f
        .desk
        .save_draft(&f.id, Audience::Customers, "Priya is on it.".into())
        .unwrap();
    f.desk
        .review_draft(&f.id, Audience::Customers, saved.revision)
        .unwrap();
    let request = |reason: &str| PublishRequest {
        audience: Audience::Customers,
        revision: saved.revision,
        override_reason: Some(reason.into()),
        components: Vec::new(),
        notify_subscribers: true,
    };
    let err = f.desk.publish(&f.id, request("  ")).unwrap_err();
    assert_eq!(err.fields[0].field, "reason");
    let view = f
        .desk
        .publish(&f.id, request("Priya asked to be named"))
        .unwrap();
    assert_eq!(view.updates.len(), 1);
    assert!(view.timeline.iter().any(|e| e.summary
        == "Published for customers past guardrails (person_name): Priya asked to be named"));
}

#[test]
fn a_customers_resolution_message_promises_no_next_update_and_resolves_the_incident() {
    let f = fixture();
    f.desk.sync(&f.id, facts()).unwrap();
    // Before the gate opens, the executives' resolution message changes nothing.
    let executives = f
        .desk
        .use_template(&f.id, Audience::Executives, TemplateKind::Resolution)
        .unwrap();
    let executives = f
        .desk
        .review_draft(&f.id, Audience::Executives, executives.revision)
        .unwrap();
    let executives = draft(&executives, Audience::Executives);
    let view = f
        .desk
        .publish(
            &f.id,
            PublishRequest {
                audience: Audience::Executives,
                revision: executives.revision,
                override_reason: Some("exec bridge asked for the draft".into()),
                components: Vec::new(),
                notify_subscribers: true,
            },
        )
        .unwrap();
    assert!(view.incident.status.is_open(), "{:?}", view.incident.status);

    f.desk
        .override_resolution_gate(&f.id, "IC confirmed the fix held")
        .unwrap();
    let resolution = f
        .desk
        .use_template(&f.id, Audience::Customers, TemplateKind::Resolution)
        .unwrap();
    assert_eq!(resolution.template_kind, TemplateKind::Resolution);
    assert_eq!(resolution.footer, None, "{resolution:?}");
    let reviewed = f
        .desk
        .review_draft(&f.id, Audience::Customers, resolution.revision)
        .unwrap();
    let view = publish(
        &f,
        Audience::Customers,
        draft(&reviewed, Audience::Customers).revision,
    )
    .unwrap();
    let sent = &view
        .updates
        .iter()
        .find(|u| u.audience == Audience::Customers)
        .unwrap()
        .body;
    assert!(!sent.contains("Next update"), "{sent}");
    assert_eq!(sent, resolution.body.trim_end());
    // The gate was open: publishing it resolved the incident in the same act.
    assert_eq!(view.incident.status, Status::Resolved);
    assert!(view.deadlines.is_empty(), "{:?}", view.deadlines);
    assert!(
        view.timeline
            .iter()
            .any(|e| e.summary.starts_with("Status investigating → resolved")),
        "{:?}",
        view.timeline.iter().map(|e| &e.summary).collect::<Vec<_>>()
    );
}

#[test]
fn audiences_without_review_or_blocking_publish_straight_away() {
    let f = fixture();
    let saved = f
        .desk
        .save_draft(
            &f.id,
            Audience::Internal,
            "db-03 is down; we think it is the cache.".into(),
        )
        .unwrap();
    // Internal readers may see jargon; speculation is a warning only.
    let rules = rules_and_blocking(&saved);
    assert_eq!(rules, [(Rule::Speculation, false)]);
    let view = publish(&f, Audience::Internal, saved.revision).unwrap();
    assert_eq!(
        view.updates[0].body,
        "db-03 is down; we think it is the cache."
    );
}

#[test]
fn the_resolution_gate_holds_all_clear_wording_and_the_move_to_resolved() {
    let f = fixture();
    let saved = f
        .desk
        .save_draft(
            &f.id,
            Audience::Customers,
            "The issue has been resolved.".into(),
        )
        .unwrap();
    assert_eq!(saved.findings[0].rule, Rule::PrematureResolution);
    assert_eq!(saved.findings[0].text, "resolved");
    let err = f
        .desk
        .change_incident(&f.id, IncidentChange::Status(Status::Resolved))
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Blocked);
    assert!(
        err.message
            .contains("move the incident to monitoring and let it hold for 30 min"),
        "{}",
        err.message
    );
    let via_sync = f
        .desk
        .sync(
            &f.id,
            SyncFacts {
                status: Status::Resolved,
                ..facts()
            },
        )
        .unwrap_err();
    assert_eq!(via_sync.code, ErrorCode::Blocked);

    f.clock.advance(Duration::minutes(10));
    let view = f
        .desk
        .sync(
            &f.id,
            SyncFacts {
                status: Status::Monitoring,
                ..facts()
            },
        )
        .unwrap();
    assert_eq!(view.gate.state, GateState::Holding);
    assert_eq!(view.gate.hold_until, Some(start() + Duration::minutes(40)));
    f.clock.advance(Duration::minutes(20));
    let early = f.desk.confirm_metrics(&f.id).unwrap_err();
    assert!(early.message.contains("10 min to run"), "{}", early.message);
    f.clock.advance(Duration::minutes(10));
    assert_eq!(
        f.desk.incident(&f.id).unwrap().gate.state,
        GateState::AwaitingConfirmation
    );
    let view = f.desk.confirm_metrics(&f.id).unwrap();
    assert_eq!(view.gate.state, GateState::Open);
    assert!(draft(&view, Audience::Customers).findings.is_empty());
    assert_eq!(
        view.timeline.last().unwrap().summary,
        "Metrics confirmed held after 30 min in monitoring; all-clear allowed"
    );
    let resolved = f
        .desk
        .change_incident(&f.id, IncidentChange::Status(Status::Resolved))
        .unwrap();
    assert_eq!(resolved.incident.status, Status::Resolved);
    // Resolved: the customer message no longer promises a next update.
    assert_eq!(draft(&resolved, Audience::Customers).footer, None);
}

#[test]
fn a_confirmed_eta_may_go_to_customers() {
    let f = fixture();
    let text = "We expect service to be restored by 16:00 UTC.";
    let saved = f
        .desk
        .save_draft(&f.id, Audience::Customers, text.into())
        .unwrap();
    assert_eq!(saved.findings[0].rule, Rule::UnconfirmedEta);
    let view = f
        .desk
        .sync(
            &f.id,
            SyncFacts {
                eta: "16:00 UTC".into(),
                eta_confidence: EtaConfidence::Confirmed,
                ..facts()
            },
        )
        .unwrap();
    assert!(draft(&view, Audience::Customers).findings.is_empty());
}

#[test]
fn templates_with_unknown_placeholders_are_refused_and_nothing_is_saved() {
    let f = fixture();
    let mut settings = f.desk.message_settings().unwrap();
    settings.templates.templates[0].body = "Hello {custmer_impact} ✓".into();
    settings.customer_time_zone = "Europe/Berlin".into();
    let err = f.desk.save_message_settings(settings.clone()).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert_eq!(err.fields[0].field, "customers.investigating");
    assert!(
        err.fields[0]
            .message
            .starts_with("Unknown placeholder {custmer_impact}.")
    );
    assert_eq!(f.desk.message_settings().unwrap().customer_time_zone, "UTC");

    settings.templates.templates[0].body = "Hello {customer_impact} ✓ مرحبا".into();
    settings.guardrails.glossary = vec!["Bluebird".into()];
    let saved = f.desk.save_message_settings(settings).unwrap();
    assert_eq!(
        saved.templates.templates[0].body,
        "Hello {customer_impact} ✓ مرحبا"
    );
    assert_eq!(
        f.desk
            .preview_template(&saved.templates.templates[0].body)
            .unwrap(),
        "Hello Some payments fail with an error. ✓ مرحبا"
    );
    assert!(f.desk.preview_template("{nope}").is_err());

    // The new zone and glossary apply to drafts.
    let view = f.desk.sync(&f.id, facts()).unwrap();
    let customers = draft(&view, Audience::Customers);
    assert_eq!(
        customers.footer.as_deref(),
        Some("Next update by 15:15 CET")
    );
    assert_eq!(
        customers.body,
        "Hello Some payments fail with an error. ✓ مرحبا"
    );
    let flagged = f
        .desk
        .save_draft(&f.id, Audience::Customers, "Bluebird is slow.".into())
        .unwrap();
    assert_eq!(flagged.findings[0].rule, Rule::Jargon);
}
