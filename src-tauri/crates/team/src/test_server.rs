//! For tests only (the `test-server` feature): the real y-sweet server,
//! started on loopback by the test. Its binary is `$HERALD_Y_SWEET` or
//! `y-sweet` on the PATH (`.ci/run` installs it with `cargo install y-sweet`).
//! Shared by this crate's tests and the end-to-end suite.

#![allow(clippy::panic, clippy::expect_used)]

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct YSweet {
    binary: PathBuf,
    pub store: tempfile::TempDir,
    pub port: u16,
    pub server_token: String,
    private_key: String,
    child: Option<Child>,
}

fn binary() -> PathBuf {
    let path = std::env::var_os("HERALD_Y_SWEET")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("y-sweet"));
    let found = Command::new(&path).arg("version").output();
    match found {
        Ok(out) if out.status.success() => path,
        other => panic!(
            "the y-sweet server is needed for the team sync tests: install it with \
             `cargo install y-sweet --locked` or set HERALD_Y_SWEET ({path:?}: {other:?})"
        ),
    }
}

impl std::fmt::Debug for YSweet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("YSweet")
            .field("port", &self.port)
            .finish_non_exhaustive()
    }
}

impl YSweet {
    pub fn start() -> YSweet {
        let binary = binary();
        let keys = Command::new(&binary)
            .args(["gen-auth", "--json"])
            .output()
            .expect("y-sweet gen-auth runs");
        let keys: serde_json::Value =
            serde_json::from_slice(&keys.stdout).expect("gen-auth prints JSON");
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free loopback port")
            .port();
        let mut server = YSweet {
            binary,
            store: tempfile::tempdir().expect("a store directory"),
            port,
            server_token: keys["server_token"]
                .as_str()
                .expect("server token")
                .to_owned(),
            private_key: keys["private_key"]
                .as_str()
                .expect("private key")
                .to_owned(),
            child: None,
        };
        server.resume();
        server
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Starts (again) on the same port and store, and waits until it answers.
    pub fn resume(&mut self) {
        let log = self.store.path().join("server.log");
        let child = Command::new(&self.binary)
            .arg("serve")
            .arg(self.store.path().join("docs"))
            .args(["--host", "127.0.0.1", "--port", &self.port.to_string()])
            // One argument: a key that starts with '-' would read as a flag.
            .arg(format!("--auth={}", self.private_key))
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).expect("a log file"))
            .spawn()
            .expect("y-sweet starts");
        self.child = Some(child);
        wait_ready(&self.url(), &log);
    }

    /// Stops the server as a crash would.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Drop for YSweet {
    fn drop(&mut self) {
        self.kill();
    }
}

fn wait_ready(url: &str, log: &Path) {
    let started = Instant::now();
    loop {
        let answer = ureq::get(format!("{url}/ready")).call();
        if matches!(answer, Ok(ref a) if a.status() == 200) {
            return;
        }
        if started.elapsed() > Duration::from_secs(60) {
            panic!(
                "y-sweet did not become ready at {url} in 60 s: last answer {answer:?}; its log:\n{}",
                std::fs::read_to_string(log).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Waits for `done` to hold, failing after `cap` with what `seen` shows.
pub fn wait_for(what: &str, cap: Duration, done: impl Fn() -> bool, seen: impl Fn() -> String) {
    let started = Instant::now();
    while !done() {
        if started.elapsed() > cap {
            panic!("waited {cap:?} for {what}; saw:\n{}", seen());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}
