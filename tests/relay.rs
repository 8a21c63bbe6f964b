//! End-to-end: a channel set up in Settings → Channels with its secret in the
//! real keychain (gnome-keyring on the private session bus), and a published
//! update delivered to a loopback receiver that checks its signature.

#![allow(clippy::unwrap_used, clippy::print_stdout)]

use fantoccini::key::Key;
use herald_e2e::{App, MailServer, Profile, add_channel, declare};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

fn field(test_id: &str) -> String {
    format!("[data-testid=\"{test_id}\"]")
}

#[tokio::test]
async fn a_published_update_reaches_a_loopback_channel_and_shows_delivered() {
    let receiver = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/in"))
        .respond_with(ResponseTemplate::new(200))
        .mount(&receiver)
        .await;
    let profile = Profile::new();
    let app = App::launch(&profile).await;

    app.click("nav button:nth-child(2)").await;
    add_channel(
        &app,
        "signed_webhook",
        "Loopback receiver",
        "incident_channel",
    )
    .await;
    app.replace_text(
        &field("channel-secret-url"),
        &format!("{}/in", receiver.uri()),
    )
    .await;
    app.replace_text(&field("channel-secret-token"), SECRET)
        .await;
    app.click(&field("channel-save")).await;
    let hint = app.shows("secret-hint", "••••").await;
    assert_eq!(hint, "http://127.0.0.1/•••• · key ••••");
    app.click(&field("test-channel")).await;
    app.shows("test-result", "The test message was accepted")
        .await;
    app.screenshot("channels").await;

    declare(&app, "Login failures", "INC-700", "SEV2").await;
    app.click(&field("tab-incident_channel")).await;
    let targets = app
        .holds("publish-targets", "Goes to Loopback receiver")
        .await;
    assert!(targets.contains("(a signed webhook)"), "{targets}");
    app.replace_text(
        "#draft-incident_channel",
        "We are looking into failed logins.",
    )
    .await;
    app.click(&field("publish")).await;
    app.shows("publish-notice", "Published").await;
    app.shows("delivery-state", "delivered").await;
    app.shows("delivery", "Loopback receiver").await;
    app.screenshot("delivered").await;

    // The receiver saw the test and the update, each signed with the secret
    // the keychain holds.
    let requests = receiver.received_requests().await.unwrap();
    assert_eq!(requests.len(), 2, "{requests:?}");
    let hook = standardwebhooks::Webhook::new(SECRET).unwrap();
    for request in &requests {
        hook.verify(&request.body, &request.headers).unwrap();
    }
    let update: serde_json::Value = serde_json::from_slice(&requests[1].body).unwrap();
    assert_eq!(update["data"]["body"], "We are looking into failed logins.");
    app.quit().await;
    let url = format!("{}/in", receiver.uri());

    // Nothing secret reached the database file or its log.
    for file in ["herald.sqlite", "herald.sqlite-wal"] {
        let bytes = std::fs::read(profile.data_dir().join(file)).unwrap_or_default();
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("whsec_") && !text.contains(&url),
            "{file} holds a secret"
        );
    }
}

#[tokio::test]
async fn a_correction_edits_the_discord_message_and_replies_to_the_original_mail() {
    let message = "1180000000000000001";
    let discord = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/webhooks/1/tok"))
        .respond_with(
            ResponseTemplate::new(200).set_body_string(format!("{{\"id\":\"{message}\"}}")),
        )
        .mount(&discord)
        .await;
    Mock::given(method("PATCH"))
        .and(path(format!("/api/webhooks/1/tok/messages/{message}")))
        .respond_with(
            ResponseTemplate::new(200).set_body_string(format!("{{\"id\":\"{message}\"}}")),
        )
        .mount(&discord)
        .await;
    let mail = MailServer::start();
    let profile = Profile::new();
    let app = App::launch(&profile).await;

    app.click("nav button:nth-child(2)").await;
    add_channel(&app, "discord", "Community Discord", "customers").await;
    app.replace_text(
        &field("channel-secret-url"),
        &format!("{}/api/webhooks/1/tok", discord.uri()),
    )
    .await;
    app.click(&field("channel-save")).await;
    app.find("[data-testid=\"channel\"][data-name=\"Community Discord\"]")
        .await;
    add_channel(&app, "email", "Customer mail", "customers").await;
    app.replace_text(&field("smtp-host"), "127.0.0.1").await;
    app.replace_text(&field("smtp-port"), &mail.port.to_string())
        .await;
    app.click("[data-testid=\"smtp-security\"] option[value=\"none\"]")
        .await;
    app.replace_text(&field("email-from"), "comms@example.com")
        .await;
    app.replace_text(&field("email-to"), "customer@example.org")
        .await;
    app.click(&field("channel-save")).await;
    app.find("[data-testid=\"channel\"][data-name=\"Customer mail\"]")
        .await;

    declare(&app, "Card payments failing", "INC-710", "SEV2").await;
    app.replace_text(
        "#draft-customers",
        "Card payments are failing for customers in the US.",
    )
    .await;
    app.click(&field("reviewed")).await;
    app.click(&field("publish")).await;
    app.shows("publish-notice", "Published").await;
    let published = "[data-testid=\"published\"]";
    app.wait_for_text(published, "Community Discord").await;
    app.shows_times(published, "delivered", 2).await;

    // The lead corrects it: silent, from the keyboard.
    app.click(&field("correct-update")).await;
    app.replace_text(
        &field("correction-body"),
        "Card payments are failing for customers in the EU.",
    )
    .await;
    app.find(&field("correction-body"))
        .await
        .send_keys(&format!("{}{}{}", Key::Control, Key::Enter, Key::Null))
        .await
        .unwrap();
    let correction = app.shows("correction", "customers in the EU").await;
    assert!(correction.contains("silent"), "{correction}");
    app.shows_times("[data-testid=\"correction\"]", "delivered", 2)
        .await;
    app.screenshot("corrected").await;
    app.timeline("Update for customers corrected (silently)")
        .await;

    // Discord: the original message, edited in place.
    let requests = discord.received_requests().await.unwrap();
    let edit = requests
        .iter()
        .find(|r| r.method.as_str() == "PATCH")
        .expect("an edit reached the Discord-shaped receiver");
    assert_eq!(
        edit.url.path(),
        format!("/api/webhooks/1/tok/messages/{message}")
    );
    let body = String::from_utf8_lossy(&edit.body);
    assert!(body.contains("customers in the EU"), "{body}");

    // E-mail: a reply to the original's Message-ID.
    let messages = mail.messages();
    assert_eq!(messages.len(), 2, "{messages:?}");
    let original_id = messages[0]
        .lines()
        .find_map(|l| l.strip_prefix("Message-ID: "))
        .expect("the original has a Message-ID")
        .trim()
        .to_owned();
    let reply = &messages[1];
    assert!(
        reply.contains(&format!("In-Reply-To: {original_id}"))
            && reply.contains(&format!("References: {original_id}")),
        "{reply}"
    );
    assert!(reply.contains("customers in the EU"), "{reply}");
    app.quit().await;
}
