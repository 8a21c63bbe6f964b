//! Every adapter's request for hostile text: no mention that would ping a
//! channel, no hidden-target link, no control character, in any field a chat
//! client renders. Data-driven over all eight kinds; the vendors' own
//! validators check the same requests' shapes in the relay tests.

#![allow(clippy::unwrap_used)]

use chrono::{TimeZone, Utc};
use herald_core::relay::{
    Channel, ChannelKind, ChannelOptions, ChannelSecret, Outgoing, Request, render,
};
use herald_core::{Audience, Incident, Severity, Status, Update};

const HOSTILE: &str = "@channel @here @all @everyone <!channel> <!here> <users/all> \
    <https://evil.example|the status page> [the status page](https://evil.example) \
    ring\u{7}bell \u{1b}[31mred";

fn outgoing() -> Outgoing {
    let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    let incident = Incident {
        id: "i1".into(),
        external_id: "INC-1".into(),
        link: "https://incidents.example.com/1".into(),
        title: format!("Checkout {HOSTILE}"),
        severity: Severity::Sev1,
        status: Status::Investigating,
        customer_visible: true,
        commander: String::new(),
        comms_lead: String::new(),
        comms_lead_activated: true,
        started_at: at,
        resolved_at: None,
    };
    let update = Update {
        id: "u1".into(),
        incident_id: "i1".into(),
        audience: Audience::Customers,
        body: format!("We are investigating. {HOSTILE}\n\nNext update soon."),
        posted_to: String::new(),
        posted_at: at,
        source: "published".into(),
        author: String::new(),
    };
    Outgoing::for_update("d1".into(), &incident, &update)
}

fn channel(kind: ChannelKind) -> Channel {
    let options = ChannelOptions {
        statuspage_page_id: "page1".into(),
        statuspage_api_base: "https://api.statuspage.io/v1".into(),
        smtp_host: "mail.example.com".into(),
        smtp_port: 587,
        email_from: "herald@example.com".into(),
        email_to: vec!["ops@example.com".into()],
        ..ChannelOptions::default()
    };
    Channel {
        id: "c1".into(),
        name: "Ops".into(),
        kind,
        audiences: vec![Audience::Customers],
        enabled: true,
        disabled_reason: String::new(),
        options,
    }
}

/// Every string a chat client would render, from the request.
fn rendered_text(request: &Request) -> Vec<String> {
    match request {
        Request::Http(http) => {
            let mut out = Vec::new();
            fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
                match v {
                    serde_json::Value::String(s) => out.push(s.clone()),
                    serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
                    serde_json::Value::Object(o) => o.values().for_each(|x| walk(x, out)),
                    _ => {}
                }
            }
            walk(&serde_json::from_str(&http.body).unwrap(), &mut out);
            out
        }
        Request::Email(mail) => vec![mail.subject.clone(), mail.text.clone(), mail.html.clone()],
    }
}

#[test]
fn no_adapter_lets_a_mention_a_hidden_link_or_a_control_character_through() {
    let out = outgoing();
    let secret = ChannelSecret {
        url: "https://hooks.example.com/x".into(),
        token: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw".into(),
    };
    for kind in ChannelKind::ALL {
        let request = render(&channel(kind), &secret, &out, 0).unwrap();
        for text in rendered_text(&request) {
            assert!(
                !text
                    .chars()
                    .any(|c| c.is_control() && c != '\n' && c != '\t'),
                "{kind:?}: control character in {text:?}"
            );
            // The signed webhook is data for a program and e-mail is read
            // as plain text (its HTML part escaped): neither parses mentions
            // or link syntax, so they carry the words as written.
            if matches!(kind, ChannelKind::SignedWebhook | ChannelKind::Email) {
                continue;
            }
            for live in [
                "@channel",
                "@here",
                "@all",
                "@everyone",
                "<!channel",
                "<!here",
                "<users/all",
                "<https://evil",
                "](https://evil",
            ] {
                assert!(
                    !text.contains(live),
                    "{kind:?}: {live:?} is live in {text:?}"
                );
            }
        }
    }
}
