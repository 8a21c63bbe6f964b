//! Delivery receipts travel with a handoff, through the real HTTP transport
//! and two real SQLite files: the next lead sees where recent updates went,
//! and her Herald continues the public Statuspage incident rather than
//! opening a second one.

#![allow(clippy::unwrap_used)]

mod support;

use std::time::Duration as StdDuration;

use chrono::Duration;
use herald_core::Audience;
use herald_core::handoff::{self, HandoffFormat};
use herald_core::relay::{ChannelKind, ChannelOptions, ChannelSecret};
use herald_relay::Wire;
use support::{Fixture, fixture, runtime, without_incident};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn wire() -> Wire {
    Wire::with_timeouts(StdDuration::from_secs(2), StdDuration::from_secs(2))
}

fn status_page(f: &Fixture, name: &str, base: &str) -> String {
    f.channel(
        ChannelKind::Statuspage,
        name,
        &[Audience::Customers],
        ChannelOptions {
            statuspage_page_id: "abc123".into(),
            statuspage_api_base: base.into(),
            ..Default::default()
        },
        ChannelSecret {
            url: String::new(),
            token: "key-sp-0123456789".into(),
        },
    )
}

#[test]
fn receipts_travel_and_the_next_lead_continues_the_same_statuspage_incident() {
    let rt = runtime();
    let server = rt.block_on(MockServer::start());
    rt.block_on(
        Mock::given(method("POST"))
            .and(path("/pages/abc123/incidents"))
            .respond_with(
                ResponseTemplate::new(201)
                    .set_body_string(r#"{"id":"p31zjtct2jer","shortlink":"https://stspg.io/x"}"#),
            )
            .mount(&server),
    );
    rt.block_on(
        Mock::given(method("PATCH"))
            .and(path("/pages/abc123/incidents/p31zjtct2jer"))
            .respond_with(ResponseTemplate::new(200).set_body_string(r#"{"id":"p31zjtct2jer"}"#))
            .mount(&server),
    );

    rt.block_on(
        Mock::given(method("POST"))
            .and(path("/services/T/B/gone"))
            .respond_with(ResponseTemplate::new(400).set_body_string("invalid_payload"))
            .mount(&server),
    );

    // Bo publishes the first customer update; the page opens an incident,
    // and the customer Slack refuses it.
    let bo = fixture();
    let bo_page = status_page(&bo, "Status page", &server.uri());
    let bo_slack = bo.channel(
        ChannelKind::Slack,
        "Customer Slack",
        &[Audience::Customers],
        ChannelOptions::default(),
        ChannelSecret {
            url: format!("{}/services/T/B/gone", server.uri()),
            token: String::new(),
        },
    );
    bo.publish_to(
        Audience::Customers,
        "Some customers cannot sign in.",
        Vec::new(),
    )
    .unwrap();
    bo.drain(&bo_page, &wire(), 3);
    bo.drain(&bo_slack, &wire(), 3);
    assert_eq!(bo.delivery(&bo_page).state, "delivered");
    assert_eq!(bo.delivery(&bo_slack).state, "failed");
    bo.advance(Duration::minutes(2));
    let copied = bo
        .desk
        .copy_handoff(&bo.incident, HandoffFormat::Plain, "Chloe")
        .unwrap()
        .text;
    assert!(
        copied.contains("to Customer Slack failed; send it again or post it by hand"),
        "{copied}"
    );
    let stuck = copied
        .lines()
        .filter(|l| l.starts_with("- Customers update of"))
        .count();
    assert_eq!(stuck, 1, "the delivered page is not flagged: {copied}");

    // Chloe's Herald has its own channel for the same page.
    let mut chloe = without_incident();
    chloe.advance(Duration::minutes(3));
    let chloe_page = status_page(&chloe, "Public status", &server.uri());
    let taken = chloe.desk.take_over(&copied, "Chloe", true).unwrap();
    assert!(
        taken
            .changes
            .iter()
            .any(|c| c.contains("2 delivery receipts")),
        "{:?}",
        taken.changes
    );
    chloe.incident = bo.incident.clone();
    let handed: Vec<_> = chloe
        .deliveries()
        .into_iter()
        .filter(|d| d.from_handoff)
        .collect();
    assert_eq!(handed.len(), 2, "{handed:?}");
    let handed: Vec<_> = handed
        .into_iter()
        .filter(|d| d.channel_name == "Status page")
        .collect();
    assert_eq!(handed[0].state, "delivered");
    assert_eq!(handed[0].remote_link, "https://stspg.io/x");

    // Her first update patches Bo's public incident; nothing new is opened.
    chloe
        .publish_to(Audience::Customers, "Sign-ins are recovering.", Vec::new())
        .unwrap();
    chloe.drain(&chloe_page, &wire(), 3);
    assert_eq!(chloe.delivery(&chloe_page).state, "delivered");
    let requests = rt.block_on(server.received_requests()).unwrap();
    let calls: Vec<_> = requests
        .iter()
        .map(|r| format!("{} {}", r.method, r.url.path()))
        .filter(|call| call.contains("/pages/"))
        .collect();
    assert_eq!(
        calls,
        [
            "POST /pages/abc123/incidents",
            "PATCH /pages/abc123/incidents/p31zjtct2jer"
        ]
    );

    // Her own handoff carries both receipts on, for whoever is next.
    let onward = chloe
        .desk
        .copy_handoff(&chloe.incident, HandoffFormat::Markdown, "Dana")
        .unwrap()
        .text;
    let package = handoff::decode(&onward).unwrap();
    let mut channels: Vec<_> = package
        .receipts
        .iter()
        .map(|r| r.channel.as_str())
        .collect();
    channels.sort_unstable();
    assert_eq!(channels, ["Customer Slack", "Public status", "Status page"]);
}
