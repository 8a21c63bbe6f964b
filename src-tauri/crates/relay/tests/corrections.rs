//! Corrections through the real outbox and HTTP transport against a scripted
//! local server (wiremock): what a correction waits for, what it is checked
//! against, what a chat webhook that cannot edit receives, and what the ledger
//! and timeline keep.

#![allow(clippy::unwrap_used)]

mod support;

use std::time::Duration as StdDuration;

use herald_core::{Audience, CorrectionRequest, EventKind, Fact};
use herald_relay::Wire;
use support::{fixture, runtime};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

fn wire() -> Wire {
    Wire::with_timeouts(StdDuration::from_secs(2), StdDuration::from_secs(5))
}

#[test]
fn a_slack_correction_follows_the_original_once_it_is_delivered_and_both_texts_are_kept() {
    let rt = runtime();
    let server = rt.block_on(MockServer::start());
    rt.block_on(
        Mock::given(method("POST"))
            .respond_with(ResponseTemplate::new(200).set_body_string("ok"))
            .mount(&server),
    );
    let f = fixture();
    let slack = f.webhook(
        herald_core::relay::ChannelKind::Slack,
        "Ops Slack",
        &format!("{}/services/T/B/secret", server.uri()),
    );
    f.publish("We are investigating failed logins in the US.")
        .unwrap();

    // Still queued: the correction would race the text it corrects.
    let waiting = f
        .correct(
            Audience::IncidentChannel,
            "We are investigating failed logins in the EU.",
            false,
        )
        .unwrap_err();
    assert!(
        waiting.message.contains("still on its way to Ops Slack"),
        "{}",
        waiting.message
    );

    f.drain(&slack, &wire(), 3);
    let unchanged = f
        .correct(
            Audience::IncidentChannel,
            "We are investigating failed logins in the US.",
            false,
        )
        .unwrap_err();
    assert_eq!(unchanged.fields[0].field, "body");

    let view = f
        .correct(
            Audience::IncidentChannel,
            "We are investigating failed logins in the EU.",
            false,
        )
        .unwrap();
    assert_eq!(view.corrections.len(), 1);
    assert_eq!(
        view.updates[0].body, "We are investigating failed logins in the US.",
        "the original stays"
    );
    let event = view
        .timeline
        .iter()
        .find_map(|e| match &e.kind {
            EventKind::UpdateCorrected {
                from, to, notify, ..
            } => Some((from.clone(), to.clone(), *notify)),
            _ => None,
        })
        .unwrap();
    assert_eq!(
        event,
        (
            "We are investigating failed logins in the US.".into(),
            "We are investigating failed logins in the EU.".into(),
            false
        )
    );

    f.drain(&slack, &wire(), 3);
    let correction = f.delivery(&slack);
    assert_eq!(
        (correction.state.as_str(), correction.correction_id.as_str()),
        ("delivered", view.corrections[0].id.as_str())
    );
    let requests = rt.block_on(server.received_requests()).unwrap();
    assert_eq!(requests.len(), 2, "the original, then the correction");
    let body = String::from_utf8(requests[1].body.clone()).unwrap();
    assert!(
        body.contains("Correction to our update of 2026-11-27 14:00 UTC"),
        "{body}"
    );
    assert!(body.contains("failed logins in the EU"), "{body}");

    // The postmortem keeps both texts, and where the correction went.
    let markdown = f.desk.postmortem(&f.incident).unwrap().markdown;
    let section = &markdown[markdown
        .find("## Corrections")
        .expect("a Corrections section")..];
    assert!(
        section
            .contains("Incident channel — the update of 2026-11-27 14:00 UTC, corrected silently"),
        "{section}"
    );
    assert!(
        section.contains("Was:\n\n> We are investigating failed logins in the US.")
            && section.contains("Now:\n\n> We are investigating failed logins in the EU."),
        "{section}"
    );
    assert!(
        section.contains("Delivery receipts: Ops Slack delivered"),
        "{section}"
    );
}

#[test]
fn a_correction_is_checked_like_a_draft_and_what_the_audience_was_told_follows_it() {
    let f = fixture();
    f.desk
        .log_update(
            &f.incident,
            herald_core::LoggedUpdate {
                audience: Audience::Customers,
                body: "We are investigating an issue with sign-ins.".into(),
                posted_to: "status page".into(),
            },
        )
        .unwrap();
    let update = f.desk.incident(&f.incident).unwrap().updates[0].id.clone();
    let correct = |body: &str, reason: Option<&str>| {
        f.desk.correct_update(
            &f.incident,
            CorrectionRequest {
                update_id: update.clone(),
                body: body.into(),
                notify: true,
                override_reason: reason.map(str::to_owned),
            },
        )
    };
    // Customers are strict: speculation needs an override, as when publishing.
    let refused = correct("We think a bad deploy broke sign-ins.", None).unwrap_err();
    assert_eq!(refused.fields[0].field, "override_reason");
    assert!(
        refused.message.contains("speculation"),
        "{}",
        refused.message
    );

    let view = correct(
        "A fix has been put in place, and we are monitoring the results.",
        None,
    )
    .unwrap();
    // Logged elsewhere: nothing of Herald's to deliver, so only the ledger changes.
    assert!(view.deliveries.is_empty());
    let customers = view
        .told
        .rows
        .iter()
        .find(|r| r.audience == Audience::Customers)
        .unwrap();
    assert_eq!(
        customers.cell(Fact::Status).value,
        "monitoring",
        "customers now read the corrected text"
    );

    let view = correct(
        "We think a bad deploy broke sign-ins.",
        Some("Legal approved"),
    )
    .unwrap();
    assert_eq!(view.corrections.len(), 2);
    assert!(
        view.timeline
            .iter()
            .any(|e| matches!(&e.kind, EventKind::GuardrailsOverridden { .. }))
    );
}
