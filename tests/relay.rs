//! End-to-end: a channel set up in Settings → Channels with its secret in the
//! real keychain (gnome-keyring on the private session bus), and a published
//! update delivered to a loopback receiver that checks its signature.

#![allow(clippy::unwrap_used, clippy::print_stdout)]

use herald_e2e::{App, Profile, declare};
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
    app.click(&field("add-channel")).await;
    app.click("[data-testid=\"channel-kind\"] option[value=\"signed_webhook\"]")
        .await;
    app.replace_text(&field("channel-name"), "Loopback receiver")
        .await;
    app.click(&field("channel-audience-incident_channel")).await;
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
    app.shows("publish-targets", "Goes to Loopback receiver")
        .await;
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
