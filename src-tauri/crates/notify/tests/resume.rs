//! Resume from suspend, heard the real way: logind's `PrepareForSleep(false)`,
//! emitted by python-dbusmock's `logind` template on a private bus standing in
//! for the system bus.

// A failed unwrap is a failed test, with the error in the message.
#![allow(clippy::unwrap_used)]

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use herald_notify::ResumeListener;

/// A child process killed when the test ends, pass or fail.
struct Owned(Child);

impl Drop for Owned {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn config() -> String {
    format!(
        "{}/../../../.dev/dbus-session.conf",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn emit_prepare_for_sleep(address: &str, sleeping: bool) {
    let status = Command::new("gdbus")
        .env("DBUS_SYSTEM_BUS_ADDRESS", address)
        .args([
            "call",
            "--system",
            "-d",
            "org.freedesktop.login1",
            "-o",
            "/org/freedesktop/login1",
        ])
        .args([
            "-m",
            "org.freedesktop.DBus.Mock.EmitSignal",
            "org.freedesktop.login1.Manager",
        ])
        .args(["PrepareForSleep", "b", &format!("[<{sleeping}>]")])
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn a_resume_announced_by_logind_reaches_the_callback() {
    // A private bus to play the system bus.
    let mut daemon = Command::new("dbus-daemon")
        .args([
            "--nofork",
            "--print-address=1",
            &format!("--config-file={}", config()),
        ])
        .stdout(Stdio::piped())
        .spawn()
        .expect("dbus-daemon (Debian package dbus) is installed");
    let mut address = String::new();
    BufReader::new(daemon.stdout.take().unwrap())
        .read_line(&mut address)
        .unwrap();
    let address = address.trim().to_owned();
    let _daemon = Owned(daemon);

    let _logind = Owned(
        Command::new("/usr/bin/python3")
            .args(["-m", "dbusmock", "--template", "logind"])
            .env("DBUS_SYSTEM_BUS_ADDRESS", &address)
            .stdout(Stdio::null())
            .spawn()
            .unwrap(),
    );

    let (woke, wakes) = mpsc::channel();
    let started = Instant::now();
    let listener = loop {
        // logind's mock takes a moment to claim its name.
        match ResumeListener::start(Some(&address), {
            let woke = woke.clone();
            move || {
                let _ = woke.send(());
            }
        }) {
            Ok(listener) => break listener,
            Err(e) => {
                assert!(started.elapsed() < Duration::from_secs(10), "{e}");
                std::thread::sleep(Duration::from_millis(100));
            }
        }
    };
    // The subscription is in place once the proxy exists; give the mock its name too.
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let probe = Command::new("gdbus")
            .env("DBUS_SYSTEM_BUS_ADDRESS", &address)
            .args([
                "introspect",
                "--system",
                "-d",
                "org.freedesktop.login1",
                "-o",
                "/org/freedesktop/login1",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .unwrap();
        if probe.success() {
            break;
        }
        assert!(Instant::now() < deadline, "the logind mock never came up");
        std::thread::sleep(Duration::from_millis(100));
    }

    // Going to sleep is not a resume.
    emit_prepare_for_sleep(&address, true);
    assert!(wakes.recv_timeout(Duration::from_millis(500)).is_err());

    // Waking up is, and it is heard within three seconds.
    emit_prepare_for_sleep(&address, false);
    wakes.recv_timeout(Duration::from_secs(3)).unwrap();
    drop(listener);
}

#[test]
fn no_bus_at_all_is_a_clear_error() {
    let err =
        ResumeListener::start(Some("unix:path=/nonexistent/herald-test-bus"), || {}).unwrap_err();
    assert!(err.contains("cannot reach the bus"), "{err}");
}
