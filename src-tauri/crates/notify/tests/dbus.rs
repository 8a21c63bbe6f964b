//! The real notifier against a notification server on a private session bus
//! (python-dbusmock's `notification_daemon`): what reaches the server, with
//! and without action support, what happens with no server, and a click.
//!
//! Needs a session bus: `.dev/test.sh` runs it under `dbus-run-session`.

// A failed unwrap is a failed test, with the error in the message.
#![allow(clippy::unwrap_used)]

use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use herald_core::{AlertStage, AlertText, Audience};
use herald_desk::{Alert, Notifier};
use herald_notify::{AlertAction, DesktopNotifier};

struct MockServer(Child);

impl Drop for MockServer {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl MockServer {
    fn start(capabilities: &str) -> MockServer {
        let child = Command::new("/usr/bin/python3")
            .args([
                "-m",
                "dbusmock",
                "--template",
                "notification_daemon",
                "--parameters",
            ])
            .arg(format!("{{\"capabilities\": \"{capabilities}\"}}"))
            .stdout(Stdio::null())
            .spawn()
            .expect("python3-dbusmock is installed (Debian package python3-dbusmock)");
        let server = MockServer(child);
        let deadline = Instant::now() + Duration::from_secs(10);
        while notify_rust::get_capabilities()
            .map(|c| c.join(" "))
            .ok()
            .as_deref()
            != Some(capabilities)
        {
            assert!(
                Instant::now() < deadline,
                "the mock notification server never answered"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }

    /// Every Notify call the server received, as gdbus prints them.
    fn notify_calls(&self) -> String {
        gdbus(&["org.freedesktop.DBus.Mock.GetMethodCalls", "Notify"])
    }
}

fn gdbus(method_and_args: &[&str]) -> String {
    let out = Command::new("gdbus")
        .args([
            "call",
            "--session",
            "--dest",
            "org.freedesktop.Notifications",
        ])
        .args([
            "--object-path",
            "/org/freedesktop/Notifications",
            "--method",
        ])
        .args(method_and_args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn alert(stage: AlertStage, summary: &str, critical: bool) -> Alert {
    Alert {
        incident_id: "incident-1".into(),
        audience: Audience::Customers,
        stage,
        text: AlertText {
            summary: summary.into(),
            body: "Checkout errors (SEV1, identified): post the next customers update. Missed by 12 min.".into(),
            critical,
        },
        promise_id: None,
        obligation_id: None,
    }
}

#[test]
fn alerts_reach_the_notification_server_and_a_click_comes_back() {
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none() {
        panic!("no session bus: run under dbus-run-session, as .dev/test.sh does");
    }
    let (clicked, clicks) = mpsc::channel();
    let notifier = DesktopNotifier::new(move |alert, action| {
        let _ = clicked.send((alert.audience, alert.stage, action));
    });

    // No server on the bus: a clear error, which the desk records and shows.
    let due = alert(AlertStage::Due, "Customers update due now — INC-5", true);
    let err = notifier.notify(&due).unwrap_err();
    assert!(err.contains("notification service did not answer"), "{err}");

    // A server with actions: critical urgency, the body, and both actions.
    {
        let server = MockServer::start("body actions");
        notifier.notify(&due).unwrap();
        let calls = server.notify_calls();
        assert!(calls.contains("'Herald'"), "{calls}");
        assert!(
            calls.contains("'Customers update due now — INC-5'"),
            "{calls}"
        );
        assert!(calls.contains("Missed by 12 min."), "{calls}");
        assert!(
            calls.contains("['open', 'Open', 'snooze', 'Snooze 5 min']"),
            "{calls}"
        );
        assert!(calls.contains("'urgency': <byte 0x02>"), "{calls}");

        // A promise cannot be snoozed away: its alert offers only "Open".
        let promised = Alert {
            promise_id: Some("u/1".into()),
            ..alert(
                AlertStage::Due,
                "Update promised to customers is due now — INC-5",
                true,
            )
        };
        notifier.notify(&promised).unwrap();
        let calls = server.notify_calls();
        assert!(
            calls.contains("<'Update promised to customers is due now — INC-5'>")
                && calls.contains("<['open', 'Open']>"),
            "{calls}"
        );

        // An update that did not reach a channel is critical too, with the reason.
        herald_notify::notify_delivery_problem(&herald_desk::DeliveryProblem {
            incident_id: "i1".into(),
            incident_title: "Login <b>failures</b> & more".into(),
            audience: Audience::Customers,
            channel: "Ops Slack".into(),
            problem: "the service refused the message (HTTP 400)".into(),
        })
        .unwrap();
        let calls = server.notify_calls();
        assert!(calls.contains("'Not delivered to Ops Slack'"), "{calls}");
        assert!(
            calls.contains(
                "Login &lt;b&gt;failures&lt;/b&gt; &amp; more (customers): the service refused the message (HTTP 400)"
            ),
            "{calls}"
        );

        // The lead clicks "Snooze 5 min" on notification 1.
        gdbus(&[
            "org.freedesktop.DBus.Mock.EmitSignal",
            "org.freedesktop.Notifications",
            "ActionInvoked",
            "us",
            "[<uint32 1>, <'snooze'>]",
        ]);
        let click = clicks.recv_timeout(Duration::from_secs(5)).unwrap();
        assert_eq!(
            click,
            (Audience::Customers, AlertStage::Due, AlertAction::Snooze)
        );
    }

    // A server without actions: no buttons offered; a heads-up is not critical.
    let server = MockServer::start("body");
    let heads_up = alert(
        AlertStage::HeadsUp,
        "Customers update due in 5 min — INC-5",
        false,
    );
    notifier.notify(&heads_up).unwrap();
    let calls = server.notify_calls();
    assert!(
        calls.contains("'Customers update due in 5 min — INC-5'"),
        "{calls}"
    );
    assert!(calls.contains("@as []"), "no actions offered: {calls}");
    assert!(calls.contains("'urgency': <byte 0x01>"), "{calls}");
}
