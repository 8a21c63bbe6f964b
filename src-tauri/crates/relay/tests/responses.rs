//! Response classes against a scripted local server (wiremock), through the
//! real HTTP transport and a real SQLite outbox: what each answer does to a
//! delivery, and that each channel keeps its order.

#![allow(clippy::unwrap_used)]

mod support;

use std::time::Duration as StdDuration;

use chrono::Duration;
use herald_core::relay::ChannelKind;
use herald_desk::Clock;
use herald_relay::Wire;
use support::{fixture, runtime};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn wire() -> Wire {
    Wire::with_timeouts(StdDuration::from_secs(2), StdDuration::from_millis(700))
}

#[test]
fn rate_limited_waits_for_retry_after_then_delivers() {
    let rt = runtime();
    let server = rt.block_on(MockServer::start());
    rt.block_on(
        Mock::given(method("POST"))
            .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "7"))
            .up_to_n_times(1)
            .mount(&server),
    );
    rt.block_on(
        Mock::given(method("POST"))
            .respond_with(ResponseTemplate::new(200).set_body_string("ok"))
            .mount(&server),
    );
    let f = fixture();
    let slack = f.webhook(
        ChannelKind::Slack,
        "Ops Slack",
        &format!("{}/services/T/B/secret", server.uri()),
    );
    f.publish("We are investigating failed logins.").unwrap();

    let job = match f.desk.next_delivery(&slack).unwrap() {
        herald_desk::Next::Send(job) => job,
        other => panic!("expected a send, got {other:?}"),
    };
    f.desk.deliver(&job, &wire()).unwrap();
    let waiting = f.delivery(&slack);
    assert_eq!(waiting.state, "retrying");
    assert_eq!(
        waiting.next_attempt_at,
        f.clock.now() + Duration::seconds(7)
    );
    assert!(
        waiting.last_error.contains("retrying in 7 s"),
        "{}",
        waiting.last_error
    );
    match f.desk.next_delivery(&slack).unwrap() {
        herald_desk::Next::WaitUntil(at) => assert_eq!(at, waiting.next_attempt_at),
        other => panic!("expected to wait, got {other:?}"),
    }

    f.drain(&slack, &wire(), 5);
    let done = f.delivery(&slack);
    assert_eq!((done.state.as_str(), done.attempts), ("delivered", 2));
    assert_eq!(rt.block_on(server.received_requests()).unwrap().len(), 2);
}

#[test]
fn server_errors_back_off_then_deliver_with_a_receipt() {
    let rt = runtime();
    let server = rt.block_on(MockServer::start());
    rt.block_on(
        Mock::given(method("POST"))
            .respond_with(ResponseTemplate::new(500))
            .up_to_n_times(3)
            .mount(&server),
    );
    rt.block_on(
        Mock::given(method("POST"))
            .respond_with(ResponseTemplate::new(200).set_body_string(r#"{"id":"1187"}"#))
            .mount(&server),
    );
    let f = fixture();
    let discord = f.webhook(
        ChannelKind::Discord,
        "Discord",
        &format!("{}/api/webhooks/1/token", server.uri()),
    );
    f.publish("Logins are failing for some users.").unwrap();
    assert_eq!(f.drain(&discord, &wire(), 10), 4);
    let done = f.delivery(&discord);
    assert_eq!(done.state, "delivered");
    assert_eq!(done.remote_id, "1187");
    let requests = rt.block_on(server.received_requests()).unwrap();
    assert_eq!(requests.len(), 4);
    assert_eq!(requests[0].url.query(), Some("wait=true"));
    // Capped exponential backoff with full jitter: never past 2, 4, 8 s.
    let times: Vec<_> = f.desk.incident(&f.incident).unwrap().deliveries;
    assert!(times[0].delivered_at.unwrap() - support::start() <= Duration::seconds(14));

    // The receipt reaches the postmortem, by channel name, never by URL.
    let export = f.desk.postmortem(&f.incident).unwrap();
    assert!(
        export.markdown.contains("Channels: Discord. Delivery receipts: Discord delivered 2026-11-27 14:00 UTC (id 1187)."),
        "{}",
        export.markdown
    );
    assert!(
        !export.markdown.contains("/api/webhooks/1/token")
            && !export.json.contains("/api/webhooks/1/token")
    );
}

#[test]
fn a_bad_request_fails_at_once_and_tells_the_lead_without_the_secret() {
    let rt = runtime();
    let server = rt.block_on(MockServer::start());
    rt.block_on(
        Mock::given(method("POST"))
            .respond_with(
                ResponseTemplate::new(400)
                    .set_body_string("invalid_payload for /services/T/B/SECRETPART"),
            )
            .mount(&server),
    );
    let f = fixture();
    let slack = f.webhook(
        ChannelKind::Slack,
        "Ops Slack",
        &format!("{}/services/T/B/SECRETPART", server.uri()),
    );
    f.publish("We are investigating.").unwrap();
    assert_eq!(f.drain(&slack, &wire(), 5), 1);
    let failed = f.delivery(&slack);
    assert_eq!(failed.state, "failed");
    assert!(
        failed.last_error.contains("HTTP 400"),
        "{}",
        failed.last_error
    );
    assert!(
        !failed.last_error.contains("SECRETPART"),
        "{}",
        failed.last_error
    );
    let problems = f.problems.lock().unwrap().clone();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].channel, "Ops Slack");
    let timeline = f.desk.incident(&f.incident).unwrap().timeline;
    let event = timeline
        .iter()
        .rev()
        .find(|e| e.kind.name() == "delivery_problem")
        .unwrap();
    assert!(!event.kind.summary().contains("SECRETPART"));
}

#[test]
fn gone_disables_the_channel_until_it_is_turned_back_on() {
    let rt = runtime();
    let server = rt.block_on(MockServer::start());
    rt.block_on(
        Mock::given(method("POST"))
            .respond_with(ResponseTemplate::new(410).set_body_string("channel_is_archived"))
            .mount(&server),
    );
    let f = fixture();
    let slack = f.webhook(
        ChannelKind::Slack,
        "Ops Slack",
        &format!("{}/services/T/B/x", server.uri()),
    );
    f.publish("First.").unwrap();
    f.drain(&slack, &wire(), 5);
    assert_eq!(f.delivery(&slack).state, "failed");
    let channel = f
        .desk
        .channels()
        .unwrap()
        .into_iter()
        .find(|c| c.channel.id == slack)
        .unwrap();
    assert!(!channel.channel.enabled);
    assert!(channel.channel.disabled_reason.contains("HTTP 410"));
    // A switched-off channel gets nothing new, and a resend waits for it.
    f.publish("Second.").unwrap();
    assert_eq!(f.deliveries().len(), 1);
    let error = f.desk.resend_delivery(&f.delivery(&slack).id).unwrap_err();
    assert!(error.message.contains("back on"), "{}", error.message);
    assert_eq!(rt.block_on(server.received_requests()).unwrap().len(), 1);
}

#[test]
fn a_redirect_is_never_followed() {
    let rt = runtime();
    let server = rt.block_on(MockServer::start());
    rt.block_on(
        Mock::given(path("/hook"))
            .respond_with(
                ResponseTemplate::new(302)
                    .insert_header("Location", format!("{}/elsewhere", server.uri())),
            )
            .mount(&server),
    );
    let f = fixture();
    let hook = f.webhook(
        ChannelKind::Mattermost,
        "Mattermost",
        &format!("{}/hook", server.uri()),
    );
    f.publish("Update.").unwrap();
    f.drain(&hook, &wire(), 5);
    let failed = f.delivery(&hook);
    assert_eq!(failed.state, "failed");
    assert!(
        failed.last_error.contains("redirect"),
        "{}",
        failed.last_error
    );
    let requests = rt.block_on(server.received_requests()).unwrap();
    assert_eq!(requests.len(), 1);
}

#[test]
fn a_timeout_after_sending_asks_the_lead_for_chat_and_resends_signed_webhooks_with_the_same_id() {
    let rt = runtime();
    let server = rt.block_on(MockServer::start());
    let slow = ResponseTemplate::new(200).set_delay(StdDuration::from_secs(2));
    rt.block_on(
        Mock::given(path("/slack"))
            .respond_with(slow.clone())
            .mount(&server),
    );
    rt.block_on(
        Mock::given(path("/signed"))
            .respond_with(slow)
            .up_to_n_times(1)
            .mount(&server),
    );
    rt.block_on(
        Mock::given(path("/signed"))
            .respond_with(ResponseTemplate::new(204))
            .mount(&server),
    );
    let f = fixture();
    let slack = f.webhook(
        ChannelKind::Slack,
        "Ops Slack",
        &format!("{}/slack", server.uri()),
    );
    let signed = f.webhook(
        ChannelKind::SignedWebhook,
        "Receiver",
        &format!("{}/signed", server.uri()),
    );
    f.publish("We are investigating.").unwrap();

    f.drain(&slack, &wire(), 3);
    let slack_delivery = f.delivery(&slack);
    assert_eq!(slack_delivery.state, "needs_decision");
    assert_eq!(slack_delivery.decision, "unknown_outcome");
    assert!(slack_delivery.may_have_posted);
    assert!(
        slack_delivery.last_error.contains("may have posted"),
        "{}",
        slack_delivery.last_error
    );

    f.drain(&signed, &wire(), 3);
    let signed_delivery = f.delivery(&signed);
    assert_eq!(signed_delivery.state, "delivered");
    assert!(signed_delivery.may_have_posted);
    let ids: Vec<String> = rt
        .block_on(server.received_requests())
        .unwrap()
        .iter()
        .filter(|r| r.url.path() == "/signed")
        .map(|r| {
            r.headers
                .get("webhook-id")
                .unwrap()
                .to_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(ids.len(), 2);
    assert_eq!(ids[0], ids[1], "a resend keeps its webhook-id");
    assert_eq!(ids[0], signed_delivery.id);

    // The lead resends the chat message; it goes out again.
    rt.block_on(server.reset());
    rt.block_on(
        Mock::given(path("/slack"))
            .respond_with(ResponseTemplate::new(200))
            .mount(&server),
    );
    f.desk.resend_delivery(&slack_delivery.id).unwrap();
    f.drain(&slack, &wire(), 3);
    assert_eq!(f.delivery(&slack).state, "delivered");
}

#[test]
fn a_refused_connection_is_retried_until_the_window_runs_out() {
    // A port nothing listens on: bind, note the port, close.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let f = fixture();
    let hook = f.webhook(
        ChannelKind::Mattermost,
        "Mattermost",
        &format!("http://127.0.0.1:{port}/hooks/x"),
    );
    f.publish("Update.").unwrap();
    let attempts = f.drain(&hook, &wire(), 100);
    let stale = f.delivery(&hook);
    assert_eq!(stale.state, "needs_decision");
    assert_eq!(stale.decision, "stale");
    assert!(!stale.may_have_posted, "nothing was sent");
    assert!(attempts > 3, "retried {attempts} times");
    assert!(f.clock.now() - support::start() <= Duration::minutes(31));
    assert!(stale.last_error.contains("refused"), "{}", stale.last_error);
}

#[test]
fn each_channel_keeps_its_order() {
    let rt = runtime();
    let server = rt.block_on(MockServer::start());
    rt.block_on(
        Mock::given(method("POST"))
            .respond_with(ResponseTemplate::new(503))
            .up_to_n_times(2)
            .mount(&server),
    );
    rt.block_on(
        Mock::given(method("POST"))
            .respond_with(ResponseTemplate::new(200))
            .mount(&server),
    );
    let f = fixture();
    let hook = f.webhook(
        ChannelKind::SignedWebhook,
        "Receiver",
        &format!("{}/in", server.uri()),
    );
    let texts: Vec<String> = (1..=6).map(|n| format!("Update number {n}.")).collect();
    for text in &texts {
        f.publish(text).unwrap();
        f.advance(Duration::seconds(1));
    }
    f.drain(&hook, &wire(), 20);
    let bodies: Vec<String> = rt
        .block_on(server.received_requests())
        .unwrap()
        .iter()
        .map(|r| {
            serde_json::from_slice::<serde_json::Value>(&r.body).unwrap()["data"]["body"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    // The first update was tried three times, and nothing overtook it.
    let mut expected = vec![texts[0].clone(), texts[0].clone()];
    expected.extend(texts.iter().cloned());
    assert_eq!(bodies, expected);
    assert!(f.deliveries().iter().all(|d| d.state == "delivered"));
}

#[test]
fn an_update_too_long_for_a_channel_is_refused_at_publish_naming_the_limit() {
    let f = fixture();
    f.webhook(
        ChannelKind::Slack,
        "Ops Slack",
        "http://127.0.0.1:9/services/x",
    );
    let error = f.publish(&"word ".repeat(1_000)).unwrap_err();
    assert!(
        error
            .message
            .contains("Ops Slack (Slack) takes at most 4,000 characters"),
        "{}",
        error.message
    );
    let view = f.desk.incident(&f.incident).unwrap();
    assert!(
        view.updates.is_empty() && view.deliveries.is_empty(),
        "nothing was saved"
    );
}

#[test]
fn an_unknown_statuspage_outcome_is_looked_up_before_anything_is_sent_again() {
    let rt = runtime();
    let server = rt.block_on(MockServer::start());
    // The create is accepted but the answer comes too late.
    let (f, page) = statuspage_with_an_unknown_create(&rt, &server);
    let pending = f.delivery(&page);
    assert_eq!(pending.state, "retrying");
    assert!(pending.may_have_posted);

    // The page now lists the incident, stamped with this delivery's id.
    let listed = format!(
        r#"[{{"id":"other","metadata":{{}}}},{{"id":"p31zjtct2jer","metadata":{{"herald":{{"delivery_id":"{}"}}}}}}]"#,
        pending.id
    );
    rt.block_on(
        Mock::given(method("GET"))
            .and(path("/pages/abc123/incidents"))
            .respond_with(ResponseTemplate::new(200).set_body_string(listed))
            .mount(&server),
    );
    f.drain(&page, &wire(), 3);
    let settled = f.delivery(&page);
    assert_eq!(settled.state, "delivered");
    assert_eq!(settled.remote_id, "p31zjtct2jer");
    let requests = rt.block_on(server.received_requests()).unwrap();
    let posts = requests
        .iter()
        .filter(|r| r.method.as_str() == "POST")
        .count();
    assert_eq!(posts, 1, "found by the lookup, so not created twice");

    // The next update patches the incident it found.
    rt.block_on(server.reset());
    rt.block_on(
        Mock::given(method("PATCH"))
            .and(path("/pages/abc123/incidents/p31zjtct2jer"))
            .respond_with(ResponseTemplate::new(200).set_body_string(r#"{"id":"p31zjtct2jer"}"#))
            .mount(&server),
    );
    f.advance(Duration::minutes(1));
    f.publish_to(
        herald_core::Audience::Customers,
        "Sign-ins are recovering.",
        Vec::new(),
    )
    .unwrap();
    f.drain(&page, &wire(), 3);
    assert_eq!(f.delivery(&page).state, "delivered");
}

#[test]
fn channels_need_their_secret_and_deleting_one_discards_what_waits_for_it() {
    let f = fixture();
    let error = f
        .desk
        .save_channel(herald_desk::ChannelInput {
            channel: herald_core::relay::Channel {
                id: String::new(),
                name: "Ops Slack".into(),
                kind: ChannelKind::Slack,
                audiences: vec![herald_core::Audience::IncidentChannel],
                enabled: true,
                disabled_reason: String::new(),
                options: Default::default(),
            },
            secret: None,
        })
        .unwrap_err();
    assert_eq!(error.fields[0].field, "secret.url");
    assert!(f.desk.channels().unwrap().is_empty());

    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let hook = f.webhook(
        ChannelKind::Mattermost,
        "Mattermost",
        &format!("http://127.0.0.1:{port}/hooks/x"),
    );
    f.publish("First.").unwrap();
    f.publish("Second.").unwrap();
    assert_eq!(f.desk.channels().unwrap()[0].waiting, 2);
    f.desk.delete_channel(&hook).unwrap();
    assert!(f.desk.channels().unwrap().is_empty());
    let states: Vec<String> = f.deliveries().into_iter().map(|d| d.state).collect();
    assert_eq!(states, ["discarded", "discarded"]);
    assert_eq!(
        f.deliveries()[0].channel_name,
        "Mattermost",
        "the history keeps the name"
    );
    // Nothing is bound any more: a publish records the update only.
    f.publish("Third.").unwrap();
    assert_eq!(f.deliveries().len(), 2);
}

/// A Statuspage channel at `base` with one customer update whose create timed
/// out: the delivery is waiting to be looked up.
fn statuspage_with_an_unknown_create(
    rt: &tokio::runtime::Runtime,
    server: &MockServer,
) -> (support::Fixture, String) {
    rt.block_on(
        Mock::given(method("POST"))
            .respond_with(
                ResponseTemplate::new(201)
                    .set_body_string(r#"{"id":"late1"}"#)
                    .set_delay(StdDuration::from_secs(2)),
            )
            .up_to_n_times(1)
            .mount(server),
    );
    let f = fixture();
    let page = f.channel(
        ChannelKind::Statuspage,
        "Status page",
        &[herald_core::Audience::Customers],
        herald_core::relay::ChannelOptions {
            statuspage_page_id: "abc123".into(),
            statuspage_api_base: server.uri(),
            ..Default::default()
        },
        herald_core::relay::ChannelSecret {
            url: String::new(),
            token: "key-sp-0123456789".into(),
        },
    );
    f.publish_to(
        herald_core::Audience::Customers,
        "Some customers cannot sign in.",
        Vec::new(),
    )
    .unwrap();
    let herald_desk::Next::Send(job) = f.desk.next_delivery(&page).unwrap() else {
        panic!("expected a send");
    };
    f.desk.deliver(&job, &wire()).unwrap();
    assert_eq!(f.delivery(&page).state, "retrying");
    (f, page)
}

#[test]
fn a_statuspage_lookup_that_cannot_be_read_asks_the_lead_and_never_posts_again() {
    let rt = runtime();
    for (case, reply) in [
        (
            "not JSON",
            ResponseTemplate::new(200).set_body_string("<html>maintenance</html>"),
        ),
        (
            "not a list",
            ResponseTemplate::new(200).set_body_string(r#"{"error":"busy"}"#),
        ),
        (
            "over the 256 KiB Herald reads",
            ResponseTemplate::new(200)
                .set_body_string(format!("[{}]", "{\"id\":\"x\"},".repeat(30_000) + "{}")),
        ),
    ] {
        let server = rt.block_on(MockServer::start());
        let (f, page) = statuspage_with_an_unknown_create(&rt, &server);
        rt.block_on(
            Mock::given(method("GET"))
                .and(path("/pages/abc123/incidents"))
                .respond_with(reply)
                .mount(&server),
        );
        f.drain(&page, &wire(), 3);
        let asked = f.delivery(&page);
        assert_eq!(asked.state, "needs_decision", "{case}");
        assert_eq!(asked.decision, "unknown_outcome", "{case}");
        assert!(
            asked.last_error.contains("may have posted"),
            "{case}: {}",
            asked.last_error
        );
        assert!(!asked.last_error.contains("key-sp-0123456789"), "{case}");
        let posts = rt
            .block_on(server.received_requests())
            .unwrap()
            .iter()
            .filter(|r| r.method.as_str() == "POST")
            .count();
        assert_eq!(posts, 1, "{case}: never created a second time");
    }
}

#[test]
fn moving_a_channel_to_another_host_needs_its_secret_again() {
    let f = fixture();
    let page = f.channel(
        ChannelKind::Statuspage,
        "Status page",
        &[herald_core::Audience::Customers],
        herald_core::relay::ChannelOptions {
            statuspage_page_id: "abc123".into(),
            statuspage_api_base: "https://api.statuspage.io/v1".into(),
            ..Default::default()
        },
        herald_core::relay::ChannelSecret {
            url: String::new(),
            token: "key".into(),
        },
    );
    let mut channel = f
        .desk
        .channels()
        .unwrap()
        .into_iter()
        .find(|c| c.channel.id == page)
        .unwrap()
        .channel;
    // Renamed, same host: the stored key stays.
    channel.name = "Public status".into();
    f.desk
        .save_channel(herald_desk::ChannelInput {
            channel: channel.clone(),
            secret: None,
        })
        .unwrap();
    // Another host: refused at the key field until the key is given again.
    channel.options.statuspage_api_base = "https://attacker.example/v1".into();
    let error = f
        .desk
        .save_channel(herald_desk::ChannelInput {
            channel: channel.clone(),
            secret: None,
        })
        .unwrap_err();
    assert_eq!(error.fields[0].field, "secret.token");
    assert!(
        error.message.contains("enter the key or password again"),
        "{error:?}"
    );
    let stored = f
        .desk
        .channels()
        .unwrap()
        .into_iter()
        .find(|c| c.channel.id == page)
        .unwrap();
    assert_eq!(
        stored.channel.options.statuspage_api_base,
        "https://api.statuspage.io/v1"
    );
    f.desk
        .save_channel(herald_desk::ChannelInput {
            channel,
            secret: Some(herald_core::relay::ChannelSecret {
                url: String::new(),
                token: "new-key".into(),
            }),
        })
        .unwrap();
}

#[test]
fn a_subscriber_count_the_plan_refuses_or_a_page_out_of_reach_is_said_not_raised() {
    let rt = runtime();
    let server = rt.block_on(MockServer::start());
    rt.block_on(
        Mock::given(method("GET"))
            .and(path("/pages/abc123/subscribers/count"))
            .respond_with(ResponseTemplate::new(403).set_body_string(
                r#"{"message":"Subscribers are not available on the key-sp-0123456789 plan"}"#,
            ))
            .mount(&server),
    );
    let f = fixture();
    let page_at = |name: &str, base: String| {
        f.channel(
            ChannelKind::Statuspage,
            name,
            &[herald_core::Audience::Customers],
            herald_core::relay::ChannelOptions {
                statuspage_page_id: "abc123".into(),
                statuspage_api_base: base,
                ..Default::default()
            },
            herald_core::relay::ChannelSecret {
                url: String::new(),
                token: "key-sp-0123456789".into(),
            },
        )
    };
    let page = page_at("Status page", server.uri());
    let refused = f.desk.channel_reach(&page, &wire()).unwrap();
    assert_eq!(refused.people, None);
    assert_eq!(refused.said, "subscriber count unavailable");
    assert!(
        refused.why.contains("does not give a count"),
        "{}",
        refused.why
    );

    // A port nothing listens on: the reach says so, and the error text
    // carries no secret.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let away = page_at("Old status page", format!("http://127.0.0.1:{port}"));
    let unreachable = f.desk.channel_reach(&away, &wire()).unwrap();
    assert!(
        unreachable.why.contains("could not be reached"),
        "{}",
        unreachable.why
    );
    assert!(!unreachable.why.contains("key-sp-0123456789"));

    let mail = f.channel(
        ChannelKind::Email,
        "Exec mail",
        &[herald_core::Audience::Executives],
        herald_core::relay::ChannelOptions {
            smtp_host: "127.0.0.1".into(),
            smtp_port: 2525,
            email_from: "herald@example.com".into(),
            email_to: vec!["ceo@example.com".into(), "cto@example.com".into()],
            ..Default::default()
        },
        herald_core::relay::ChannelSecret::default(),
    );
    let recipients = f.desk.channel_reach(&mail, &wire()).unwrap();
    assert_eq!(
        (recipients.people, recipients.said.as_str()),
        (Some(2), "2 recipients")
    );
}

#[test]
fn a_mail_channel_that_signs_in_needs_its_password_and_one_that_does_not_saves_without() {
    let f = fixture();
    let mail = |username: &str| herald_desk::ChannelInput {
        channel: herald_core::relay::Channel {
            id: String::new(),
            name: format!("Mail {username}"),
            kind: ChannelKind::Email,
            audiences: vec![herald_core::Audience::Executives],
            enabled: true,
            disabled_reason: String::new(),
            options: herald_core::relay::ChannelOptions {
                smtp_host: "127.0.0.1".into(),
                smtp_port: 2525,
                smtp_security: herald_core::relay::SmtpSecurity::None,
                smtp_username: username.into(),
                email_from: "comms@example.com".into(),
                email_to: vec!["cto@example.com".into()],
                ..Default::default()
            },
        },
        secret: None,
    };
    // The form shows only a password field for mail: the error names it.
    let error = f.desk.save_channel(mail("relay-user")).unwrap_err();
    assert_eq!(error.fields[0].field, "secret.token");
    let saved = f.desk.save_channel(mail("")).unwrap();
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].channel.kind, ChannelKind::Email);
}
