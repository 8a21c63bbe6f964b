//! Every adapter's exact request, sent over real HTTP and SMTP to loopback
//! servers that check it with the vendor's own code: slack_sdk (Slack and the
//! Slack-compatible Mattermost payload), google-apps-chat, standardwebhooks,
//! Microsoft's adaptivecards, Stoplight Prism over Discord's and Statuspage's
//! official OpenAPI files, and aiosmtpd receiving the mail. Each validator is
//! also shown a broken request, to prove it can say no.
//!
//! `setup_test` installs the tools: a venv at `.dev/venv` (or
//! `HERALD_VALIDATORS_PYTHON`) and `tests/validators/node_modules`.

#![allow(clippy::unwrap_used)]

mod support;

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

use herald_core::Audience;
use herald_core::relay::{
    ChannelKind, ChannelOptions, ChannelSecret, ComponentImpact, HttpRequest, Request,
    SmtpSecurity, StatuspageComponent,
};
use herald_desk::{Attempt, Transport};
use herald_relay::Wire;
use support::{SIGNING_SECRET, fixture_now as fixture};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../..")
}

fn validators_dir() -> PathBuf {
    root().join("tests/validators")
}

/// A child server, killed when dropped.
struct Server {
    child: Child,
    port: u16,
    extra: Option<u16>,
    _out: Option<tempfile::TempDir>,
    out_path: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Reads the child's stdout until a line starting with `prefix`; returns the number after it.
fn port_line(lines: &mut impl Iterator<Item = std::io::Result<String>>, prefix: &str) -> u16 {
    for line in lines {
        let line = line.unwrap();
        if let Some(rest) = line.strip_prefix(prefix) {
            return rest.trim().parse().unwrap();
        }
    }
    panic!("the validator stopped before saying {prefix:?}");
}

fn spawn(command: &mut Command) -> (Child, std::io::Lines<BufReader<ChildStdout>>) {
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|e| panic!("could not start {command:?} ({e}); run .dev/test.sh, whose setup installs the validators"));
    let lines = BufReader::new(child.stdout.take().unwrap()).lines();
    (child, lines)
}

fn python_receiver() -> Server {
    let python = std::env::var_os("HERALD_VALIDATORS_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join(".dev/venv/bin/python"));
    let out = tempfile::tempdir().unwrap();
    let (child, mut lines) = spawn(
        Command::new(python)
            .arg(validators_dir().join("receiver.py"))
            .arg(out.path())
            .arg(SIGNING_SECRET),
    );
    let smtp = port_line(&mut lines, "smtp ");
    let http = port_line(&mut lines, "http ");
    Server {
        child,
        port: http,
        extra: Some(smtp),
        out_path: out.path().to_owned(),
        _out: Some(out),
    }
}

fn teams_receiver() -> Server {
    let (child, mut lines) = spawn(Command::new("node").arg(validators_dir().join("teams.mjs")));
    let port = port_line(&mut lines, "http ");
    Server {
        child,
        port,
        extra: None,
        _out: None,
        out_path: PathBuf::new(),
    }
}

/// Prism serving `spec`. `dynamic` answers with data generated to the schema
/// (a Discord message id then matches the snowflake pattern), where static mode
/// answers the placeholder "string", which Herald rightly refuses to keep as a
/// Discord id.
fn prism(spec: &str, dynamic: bool) -> Server {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let (child, mut lines) = spawn(
        Command::new(validators_dir().join("node_modules/.bin/prism"))
            .args(["mock", "-h", "127.0.0.1", "-p", &port.to_string()])
            // A fixed seed: dynamic answers are random otherwise, and a random
            // Discord message id can be longer than any real snowflake, which
            // Herald rightly refuses to keep as a receipt.
            .args(
                dynamic
                    .then_some(["--dynamic", "--seed", "herald"])
                    .into_iter()
                    .flatten(),
            )
            .arg(validators_dir().join("specs").join(spec)),
    );
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut listening = false;
    for line in lines.by_ref() {
        if line.unwrap().contains("Prism is listening") {
            listening = true;
            break;
        }
        assert!(Instant::now() < deadline, "Prism did not start in time");
    }
    assert!(
        listening,
        "Prism stopped before listening on {spec} (its error is above)"
    );
    // Keep draining Prism's log so it never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    Server {
        child,
        port,
        extra: None,
        _out: None,
        out_path: PathBuf::new(),
    }
}

fn wire() -> Wire {
    Wire::with_timeouts(Duration::from_secs(5), Duration::from_secs(20))
}

/// Posts a hand-made body straight to a validator: the negative control.
fn post(url: &str, body: &str, headers: &[(&str, &str)]) -> Attempt {
    let mut all = vec![("content-type".to_owned(), "application/json".to_owned())];
    all.extend(
        headers
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned())),
    );
    wire().send(&Request::Http(HttpRequest {
        method: "POST",
        url: url.into(),
        headers: all,
        body: body.into(),
    }))
}

fn status(attempt: &Attempt) -> u16 {
    match attempt {
        Attempt::Answered(reply) => reply.status,
        other => panic!("no answer: {other:?}"),
    }
}

/// A realistic update that exercises escaping and splitting: markup
/// characters, right-to-left text, an emoji, and paragraphs past one section.
fn tricky_text() -> String {
    let paragraph = "Some customers see errors <500> & slow pages when signing in. ".repeat(22);
    format!("{paragraph}\n\nעדכון: אנחנו בודקים 🙏 — “quoted” text.\n\n{paragraph}")
}

fn assert_delivered(f: &support::Fixture, channel: &str) -> herald_desk::DeliveryView {
    f.drain(channel, &wire(), 5);
    let d = f.delivery(channel);
    assert_eq!(d.state, "delivered", "{}: {}", d.channel_name, d.last_error);
    d
}

#[test]
fn slack_and_mattermost_payloads_pass_slack_sdk() {
    let receiver = python_receiver();
    let base = format!("http://127.0.0.1:{}", receiver.port);
    let f = fixture();
    let slack = f.webhook(ChannelKind::Slack, "Ops Slack", &format!("{base}/slack"));
    let mattermost = f.webhook(
        ChannelKind::Mattermost,
        "Mattermost",
        &format!("{base}/mattermost"),
    );
    // Over 3,000 characters once escaped, so Slack gets two sections.
    f.publish(&tricky_text()).unwrap();
    let refused = f.publish(&tricky_text().repeat(2)).unwrap_err();
    assert!(
        refused.message.contains("4,000 characters"),
        "{}",
        refused.message
    );
    assert_delivered(&f, &slack);
    assert_delivered(&f, &mattermost);
    let log = std::fs::read_to_string(receiver.out_path.join("requests.jsonl")).unwrap();
    assert!(log.contains("\"problem\": \"\""), "{log}");

    let too_long_header = format!(
        r#"{{"text":"x","blocks":[{{"type":"header","text":{{"type":"plain_text","text":"{}"}}}}]}}"#,
        "h".repeat(151)
    );
    assert_eq!(
        status(&post(&format!("{base}/slack"), &too_long_header, &[])),
        400
    );
    let bad_attachment = r#"{"text":"x","attachments":[{"text":"y","color":"purple-ish"}]}"#;
    assert_eq!(
        status(&post(&format!("{base}/mattermost"), bad_attachment, &[])),
        400
    );
}

#[test]
fn google_chat_cards_parse_as_a_chat_message_and_signed_webhooks_verify() {
    let receiver = python_receiver();
    let base = format!("http://127.0.0.1:{}", receiver.port);
    let f = fixture();
    let chat = f.webhook(
        ChannelKind::GoogleChat,
        "Chat",
        &format!("{base}/chat?key=k&token=t"),
    );
    let signed = f.webhook(
        ChannelKind::SignedWebhook,
        "Receiver",
        &format!("{base}/signed"),
    );
    f.publish(&tricky_text()).unwrap();
    assert_delivered(&f, &chat);
    assert_delivered(&f, &signed);

    assert_eq!(
        status(&post(
            &format!("{base}/chat"),
            r#"{"text":"x","cardsV3":[]}"#,
            &[]
        )),
        400
    );
    let forged = [
        ("webhook-id", "msg_1"),
        ("webhook-timestamp", "1614265330"),
        (
            "webhook-signature",
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
        ),
    ];
    assert_eq!(
        status(&post(&format!("{base}/signed"), r#"{"test": 1}"#, &forged)),
        400
    );
}

#[test]
fn teams_cards_parse_with_microsofts_adaptive_cards_library() {
    let receiver = teams_receiver();
    let url = format!("http://127.0.0.1:{}/workflows", receiver.port);
    let f = fixture();
    let teams = f.channel(
        ChannelKind::Teams,
        "Teams",
        &[Audience::IncidentChannel],
        ChannelOptions::default(),
        ChannelSecret {
            url: url.clone(),
            token: String::new(),
        },
    );
    f.publish(&tricky_text()).unwrap();
    assert_delivered(&f, &teams);

    let wrong = r#"{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","contentUrl":null,"content":{"type":"AdaptiveCard","version":"1.4","body":[{"type":"FactSet","facts":"oops"},{"type":"Input.Text"}]}}]}"#;
    let attempt = post(&url, wrong, &[]);
    assert_eq!(status(&attempt), 400, "{attempt:?}");
}

#[test]
fn discord_webhooks_match_discords_openapi_schema() {
    let prism = prism("discord-openapi.json", true);
    let base = format!("http://127.0.0.1:{}", prism.port);
    let f = fixture();
    let discord = f.webhook(
        ChannelKind::Discord,
        "Discord",
        &format!("{base}/webhooks/223704706495545344/a-token"),
    );
    f.publish(&tricky_text()).unwrap();
    let delivered = assert_delivered(&f, &discord);
    assert!(
        !delivered.remote_id.is_empty(),
        "wait=true returns the message id"
    );

    let wrong =
        r#"{"embeds":[{"title":7,"color":"red"}],"allowed_mentions":{"parse":["everyone-ish"]}}"#;
    let attempt = post(
        &format!("{base}/webhooks/223704706495545344/a-token?wait=true"),
        wrong,
        &[],
    );
    assert_eq!(status(&attempt), 422, "{attempt:?}");
}

#[test]
fn statuspage_creates_then_updates_the_incident_per_its_openapi_schema() {
    let prism = prism("statuspage-openapi.yaml", false);
    let base = format!("http://127.0.0.1:{}", prism.port);
    let f = fixture();
    let page = f.channel(
        ChannelKind::Statuspage,
        "Status page",
        &[Audience::Customers],
        ChannelOptions {
            statuspage_page_id: "gytm4qzbx9t6".into(),
            statuspage_api_base: base.clone(),
            statuspage_components: vec![StatuspageComponent {
                id: "8kbf7d35c070".into(),
                name: "Login".into(),
            }],
            ..ChannelOptions::default()
        },
        ChannelSecret {
            url: String::new(),
            token: "89a229ce1a8dbcf9".into(),
        },
    );
    let impact = vec![ComponentImpact {
        id: "8kbf7d35c070".into(),
        status: "major_outage".into(),
    }];
    f.publish_to(
        Audience::Customers,
        "Some customers cannot sign in. We are investigating.",
        impact.clone(),
    )
    .unwrap();
    let created = assert_delivered(&f, &page);
    assert!(
        !created.remote_id.is_empty(),
        "the created incident's id is the receipt"
    );
    f.publish_to(
        Audience::Customers,
        "A fix is rolling out; sign-ins are recovering.",
        impact,
    )
    .unwrap();
    assert_delivered(&f, &page);

    // "Goes to": the page's subscriber count, read with a request Prism
    // validates against the spec (path, query enum, auth), summed over the
    // spec's example answer (5 + 1 + 5 + 6 + 0).
    let reach = f.desk.channel_reach(&page, &wire()).unwrap();
    assert_eq!(
        (reach.people, reach.said.as_str()),
        (Some(17), "17 subscribers")
    );

    let incidents = format!("{base}/pages/gytm4qzbx9t6/incidents");
    let no_name = r#"{"incident":{"status":"investigating","body":"x"}}"#;
    assert_eq!(
        status(&post(&incidents, no_name, &[("authorization", "OAuth k")])),
        422
    );
    let bad_status = r#"{"incident":{"name":"x","status":"on_fire"}}"#;
    assert_eq!(
        status(&post(
            &incidents,
            bad_status,
            &[("authorization", "OAuth k")]
        )),
        422
    );
    assert_eq!(
        status(&post(&incidents, r#"{"incident":{"name":"x"}}"#, &[])),
        401
    );
}

#[test]
fn email_reaches_a_real_smtp_server_as_multipart_with_a_fixed_message_id() {
    let receiver = python_receiver();
    let f = fixture();
    let mail = f.channel(
        ChannelKind::Email,
        "Exec mail",
        &[Audience::Executives],
        ChannelOptions {
            smtp_host: "127.0.0.1".into(),
            smtp_port: receiver.extra.unwrap(),
            smtp_security: SmtpSecurity::None,
            email_from: "comms@example.com".into(),
            email_to: vec!["cto@example.com".into(), "ceo@example.com".into()],
            ..ChannelOptions::default()
        },
        ChannelSecret::default(),
    );
    f.publish_to(
        Audience::Executives,
        "Sign-ins fail for 20% of users. Next update 15:00 UTC — «é».",
        Vec::new(),
    )
    .unwrap();
    let delivered = assert_delivered(&f, &mail);
    let new = receiver.out_path.join("mail/new");
    let files: Vec<_> = std::fs::read_dir(&new).unwrap().collect();
    assert_eq!(files.len(), 1);
    let message = std::fs::read_to_string(files[0].as_ref().unwrap().path()).unwrap();
    assert!(
        message.contains(&format!("Message-ID: <{}@example.com>", delivered.id)),
        "{message}"
    );
    assert!(message.contains("multipart/alternative"), "{message}");
    assert!(
        message.contains("text/plain") && message.contains("text/html"),
        "{message}"
    );
    assert!(message.contains("cto@example.com") && message.contains("ceo@example.com"));
}

#[test]
fn corrections_edit_in_place_per_discords_and_statuspages_openapi_schemas() {
    let discord_api = prism("discord-openapi.json", true);
    let statuspage_api = prism("statuspage-openapi.yaml", false);
    let f = fixture();
    let discord = f.channel(
        ChannelKind::Discord,
        "Discord",
        &[Audience::Customers],
        ChannelOptions::default(),
        ChannelSecret {
            url: format!(
                "http://127.0.0.1:{}/webhooks/223704706495545344/a-token",
                discord_api.port
            ),
            token: String::new(),
        },
    );
    let page = f.channel(
        ChannelKind::Statuspage,
        "Status page",
        &[Audience::Customers],
        ChannelOptions {
            statuspage_page_id: "gytm4qzbx9t6".into(),
            statuspage_api_base: format!("http://127.0.0.1:{}", statuspage_api.port),
            ..ChannelOptions::default()
        },
        ChannelSecret {
            url: String::new(),
            token: "89a229ce1a8dbcf9".into(),
        },
    );
    f.publish_to(
        Audience::Customers,
        "Card payments fail in the US.",
        Vec::new(),
    )
    .unwrap();
    let message = assert_delivered(&f, &discord);
    assert_delivered(&f, &page);

    f.correct(Audience::Customers, "Card payments fail in the EU.", false)
        .unwrap();
    // Each correction is its own delivery through the outbox, and Prism
    // answers it only if the edit request matches the vendor's schema.
    let edited = assert_delivered(&f, &discord);
    assert!(
        !edited.correction_id.is_empty(),
        "the correction's own delivery"
    );
    assert_ne!(edited.id, message.id);
    assert_eq!(
        edited.remote_id, message.remote_id,
        "Discord answers the edit with the same message"
    );
    let first_on_page = f
        .deliveries()
        .into_iter()
        .find(|d| d.channel_id == page && d.correction_id.is_empty())
        .unwrap();
    let page_edit = assert_delivered(&f, &page);
    assert!(!page_edit.correction_id.is_empty());
    // The create's answer named the incident update it made; that is the one
    // the correction edited (a follow-up would have patched the incident).
    let sql = rusqlite::Connection::open(f.dir.path().join("herald.sqlite")).unwrap();
    let made: String = sql
        .query_row(
            "SELECT remote_part FROM deliveries WHERE id = ?1",
            [&first_on_page.id],
            |r| r.get(0),
        )
        .unwrap();
    assert!(!made.is_empty(), "the incident update's id is kept");
    let incident: String = sql
        .query_row("SELECT remote_id FROM remote_incidents", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        incident, first_on_page.remote_id,
        "the page's incident is still the one the update created"
    );
}

#[test]
fn an_email_correction_replies_to_the_original_and_a_signed_correction_verifies() {
    let receiver = python_receiver();
    let f = fixture();
    let mail = f.channel(
        ChannelKind::Email,
        "Exec mail",
        &[Audience::Executives],
        ChannelOptions {
            smtp_host: "127.0.0.1".into(),
            smtp_port: receiver.extra.unwrap(),
            smtp_security: SmtpSecurity::None,
            email_from: "comms@example.com".into(),
            email_to: vec!["cto@example.com".into()],
            ..ChannelOptions::default()
        },
        ChannelSecret::default(),
    );
    let signed = f.channel(
        ChannelKind::SignedWebhook,
        "Receiver",
        &[Audience::Executives],
        ChannelOptions::default(),
        ChannelSecret {
            url: format!("http://127.0.0.1:{}/signed", receiver.port),
            token: SIGNING_SECRET.into(),
        },
    );
    f.publish_to(
        Audience::Executives,
        "Sign-ins fail for 20% of users.",
        Vec::new(),
    )
    .unwrap();
    let original = assert_delivered(&f, &mail);
    assert_delivered(&f, &signed);
    f.correct(Audience::Executives, "Sign-ins fail for 2% of users.", true)
        .unwrap();
    assert_delivered(&f, &mail);
    assert_delivered(&f, &signed);

    let new = receiver.out_path.join("mail/new");
    let mut messages: Vec<String> = std::fs::read_dir(&new)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    assert_eq!(messages.len(), 2);
    messages.sort_by_key(|m| m.contains("In-Reply-To"));
    let reply = &messages[1];
    let original_id = format!("<{}@example.com>", original.id);
    assert!(
        reply.contains(&format!("In-Reply-To: {original_id}"))
            && reply.contains(&format!("References: {original_id}")),
        "{reply}"
    );
    assert!(reply.contains("Subject: Correction: "), "{reply}");
    assert!(reply.contains("2% of users"), "{reply}");

    let log = std::fs::read_to_string(receiver.out_path.join("requests.jsonl")).unwrap();
    let last: serde_json::Value = serde_json::from_str(log.lines().last().unwrap()).unwrap();
    assert_eq!(last["problem"], "", "the receiver verified the signature");
    let body: serde_json::Value = serde_json::from_str(last["body"].as_str().unwrap()).unwrap();
    assert_eq!(body["type"], herald_core::relay::CORRECTED_EVENT);
    assert_eq!(body["data"]["body"], "Sign-ins fail for 2% of users.");
}
