//! The log a delivery leaves holds no secret: every response class is driven
//! against a receiver that echoes the secrets back in its answers (as real
//! services do in error bodies), the log is written by the same tracing
//! subscriber kind the app uses, and then grepped for every secret in every
//! form. The log must also say what happened, or this test proves nothing.

#![allow(clippy::unwrap_used)]

mod support;

use std::sync::Mutex;

use herald_core::relay::ChannelKind;
use herald_relay::Wire;
use support::{SIGNING_SECRET, fixture, runtime};
use wiremock::matchers::{method, path_regex};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[test]
fn no_secret_reaches_the_log_in_any_form() {
    let dir = tempfile::tempdir().unwrap();
    let log_path = dir.path().join("herald.log");
    let file = std::fs::File::create(&log_path).unwrap();
    tracing::subscriber::set_global_default(
        tracing_subscriber::fmt()
            .with_ansi(false)
            .with_writer(Mutex::new(file))
            .finish(),
    )
    .unwrap();

    let rt = runtime();
    let server = rt.block_on(MockServer::start());
    let chat_token = "T0AAA/B0BBB/ChatTokenXyz123";
    let page_key = "sp-key-SeCrEt-987654";
    // Each receiver echoes what it was sent, as error bodies often do: the
    // path, the token percent-encoded and JSON-escaped, the key.
    let chat_echo = format!(
        "bad hook /hooks/{chat_token} (token {}) \"{}\"",
        chat_token.replace('/', "%2F"),
        chat_token.replace('/', "\\/")
    );
    let page_echo = format!("key OAuth {page_key} rejected; {{\"key\":\"{page_key}\"}}");
    let signed_echo = format!("cannot verify with {SIGNING_SECRET}");
    rt.block_on(
        Mock::given(method("POST"))
            .and(path_regex("^/hooks/"))
            .respond_with(ResponseTemplate::new(400).set_body_string(chat_echo))
            .mount(&server),
    );
    rt.block_on(
        Mock::given(method("POST"))
            .and(path_regex("^/signed"))
            .respond_with(ResponseTemplate::new(500).set_body_string(signed_echo))
            .up_to_n_times(1)
            .mount(&server),
    );
    rt.block_on(
        Mock::given(method("POST"))
            .and(path_regex("^/signed"))
            .respond_with(ResponseTemplate::new(200))
            .mount(&server),
    );
    rt.block_on(
        Mock::given(method("POST"))
            .and(path_regex("^/pages/"))
            .respond_with(ResponseTemplate::new(401).set_body_string(page_echo))
            .mount(&server),
    );

    let f = fixture();
    let chat = f.webhook(
        ChannelKind::Mattermost,
        "Ops chat",
        &format!("{}/hooks/{chat_token}", server.uri()),
    );
    let signed = f.webhook(
        ChannelKind::SignedWebhook,
        "Receiver",
        &format!("{}/signed", server.uri()),
    );
    let page = f.channel(
        ChannelKind::Statuspage,
        "Status page",
        &[herald_core::Audience::IncidentChannel],
        herald_core::relay::ChannelOptions {
            statuspage_page_id: "abc123".into(),
            statuspage_api_base: server.uri(),
            ..Default::default()
        },
        herald_core::relay::ChannelSecret {
            url: String::new(),
            token: page_key.into(),
        },
    );
    f.publish("Checkout is failing for some customers.")
        .unwrap();
    for channel in [&chat, &signed, &page] {
        f.drain(channel, &Wire::default(), 4);
    }

    let log = std::fs::read_to_string(&log_path).unwrap();
    for said in [
        "outcome=\"failed\"",
        "outcome=\"retrying\"",
        "outcome=\"delivered\"",
        "channel=Ops chat",
        "channel=Status page",
    ] {
        assert!(log.contains(said), "the log does not say {said:?}:\n{log}");
    }
    let secrets = [
        chat_token.to_owned(),
        "ChatTokenXyz123".to_owned(),
        chat_token.replace('/', "%2F"),
        chat_token.replace('/', "\\/"),
        page_key.to_owned(),
        SIGNING_SECRET.to_owned(),
        SIGNING_SECRET.trim_start_matches("whsec_").to_owned(),
    ];
    for secret in &secrets {
        assert!(
            !log.contains(secret.as_str()),
            "{secret:?} is in the log:\n{log}"
        );
    }
}
