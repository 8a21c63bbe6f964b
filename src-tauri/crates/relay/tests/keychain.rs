//! The keychain against a real Secret Service: gnome-keyring on the private
//! D-Bus session that `.dev/with-keyring.sh` starts. And, in a child process
//! pointed at a bus that is not there, the plain "no keychain" refusal.

#![allow(clippy::unwrap_used)]

mod support;

use std::process::Command;
use std::sync::Arc;

use herald_core::Audience;
use herald_core::relay::{ChannelKind, ChannelSecret};
use herald_desk::{ErrorCode, SecretStore};
use herald_relay::Keychain;

#[test]
fn secrets_round_trip_through_the_real_keychain_and_only_a_reference_is_stored() {
    let reference = format!("herald/channel/test-{}", std::process::id());
    let secret = ChannelSecret {
        url: "https://hooks.slack.com/services/T0/B0/s3cr3t-ÿ".into(),
        token: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw".into(),
    };
    // A fresh `Keychain` each time, so every read goes to the Secret Service
    // rather than the session's memory of it.
    let fresh = Keychain::default;
    assert_eq!(fresh().get(&reference).unwrap(), None);
    fresh().put(&reference, &secret).unwrap();
    assert_eq!(fresh().get(&reference).unwrap(), Some(secret.clone()));
    let remembering = fresh();
    assert_eq!(remembering.get(&reference).unwrap(), Some(secret.clone()));
    remembering.delete(&reference).unwrap();
    assert_eq!(
        remembering.get(&reference).unwrap(),
        None,
        "a delete is not remembered past"
    );
    assert_eq!(fresh().get(&reference).unwrap(), None);
    fresh().delete(&reference).unwrap();

    // Through the desk: the channel row names the entry, never the secret.
    let f = support::fixture();
    f.desk.set_secrets(Arc::new(Keychain::default()));
    let id = f.webhook(ChannelKind::Slack, "Ops Slack", &secret.url);
    let view = f.desk.channels().unwrap().remove(0);
    assert_eq!(
        view.secret_hint.as_deref(),
        Some("https://hooks.slack.com/••••")
    );
    let conn = rusqlite::Connection::open(f.dir.path().join("herald.sqlite")).unwrap();
    let (options, reference): (String, String) = conn
        .query_row(
            "SELECT options, secret_ref FROM channels WHERE id = ?1",
            [&id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(!options.contains("s3cr3t"));
    assert_eq!(reference, format!("herald/channel/{id}"));
    assert_eq!(fresh().get(&reference).unwrap().unwrap().url, secret.url);
    f.desk.delete_channel(&id).unwrap();
    assert_eq!(
        fresh().get(&reference).unwrap(),
        None,
        "deleting the channel removes its secret"
    );
}

#[test]
fn without_a_keychain_herald_says_so_and_saves_nothing() {
    if std::env::var_os("HERALD_NO_KEYCHAIN_CHILD").is_some() {
        let f = support::fixture();
        f.desk.set_secrets(Arc::new(Keychain::default()));
        let error = f
            .desk
            .save_channel(herald_desk::ChannelInput {
                channel: herald_core::relay::Channel {
                    id: String::new(),
                    name: "Ops Slack".into(),
                    kind: ChannelKind::Slack,
                    audiences: vec![Audience::Internal],
                    enabled: true,
                    disabled_reason: String::new(),
                    options: Default::default(),
                },
                secret: Some(ChannelSecret {
                    url: "https://hooks.slack.com/services/T/B/c".into(),
                    token: String::new(),
                }),
            })
            .unwrap_err();
        assert_eq!(error.code, ErrorCode::KeychainUnavailable);
        assert!(
            error.message.contains("No OS keychain is reachable"),
            "{}",
            error.message
        );
        assert!(!error.message.contains("services/T/B/c"));
        assert!(f.desk.channels().unwrap().is_empty(), "nothing was saved");
        return;
    }
    let output = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "without_a_keychain_herald_says_so_and_saves_nothing",
        ])
        .env("HERALD_NO_KEYCHAIN_CHILD", "1")
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/herald-bus",
        )
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("1 passed"));
}
