//! The crash test: a child Herald publishes updates to two loopback channels
//! (a signed webhook and a write-only chat webhook) while the courier delivers
//! them, and is killed with SIGKILL at random moments, over and over. At the
//! end nothing committed is lost, the database is intact, the signed receiver
//! (deduplicating by `webhook-id`) has every update exactly once, and every
//! duplicate either receiver saw was a delivery whose outcome was unknown. The
//! signed receiver checks each signature as it arrives (a bad one answers 401,
//! which fails the delivery and so the test).
//!
//! The child is this same test binary, started with `HERALD_CRASH_CHILD` set.
//! It reports each committed update on its stdout, and the parent kills it only
//! after it has seen progress (a random number of commits, then a random few
//! milliseconds), so the test depends on what Herald did, never on how fast the
//! machine is. `HERALD_CRASH_KILLS` sets the number of kills (the benchmark
//! script's long mode uses 1,000).

#![allow(clippy::unwrap_used, clippy::print_stdout)]

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use herald_core::relay::{ChannelKind, ChannelOptions, ChannelSecret};
use herald_core::{Audience, NewIncident, Severity, Status};
use herald_desk::{
    ChannelInput, Desk, MemorySecrets, PublishRequest, SecretStore, SystemClock, reference_for,
};
use herald_relay::{Courier, Wire};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

const KILLS: usize = 120;
/// How long one child may take to report its commits before the test fails.
const PROGRESS_CAP: Duration = Duration::from_secs(60);
/// The prefix of the line a child prints after each committed publish.
const COMMITTED: &str = "HERALD-CRASH-COMMITTED ";
const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

/// The child: open the database, (first time) add the incident and channels,
/// then publish an update every few milliseconds while the courier delivers.
/// With `drain` set it publishes nothing and exits once the outbox is empty.
fn child(database: &Path, signed_url: &str, chat_url: &str, run: &str, drain: bool) {
    let desk = Arc::new(Desk::open(database, Arc::new(SystemClock)).unwrap());
    let secrets = Arc::new(MemorySecrets::default());
    desk.set_secrets(secrets.clone());
    let mut channels = desk.channels().unwrap();
    if channels.is_empty() {
        for (kind, name, url, token) in [
            (ChannelKind::SignedWebhook, "Receiver", signed_url, SECRET),
            (ChannelKind::Mattermost, "Chat", chat_url, ""),
        ] {
            desk.save_channel(ChannelInput {
                channel: herald_core::relay::Channel {
                    id: String::new(),
                    name: name.into(),
                    kind,
                    audiences: vec![Audience::IncidentChannel],
                    enabled: true,
                    disabled_reason: String::new(),
                    options: ChannelOptions::default(),
                },
                secret: Some(ChannelSecret {
                    url: url.into(),
                    token: token.into(),
                }),
            })
            .unwrap();
        }
        desk.declare_incident(NewIncident {
            external_id: "INC-CRASH".into(),
            link: String::new(),
            title: "Crash test".into(),
            severity: Severity::Sev2,
            status: Status::Investigating,
            customer_visible: false,
            commander: "Ana".into(),
            comms_lead: "Bo".into(),
        })
        .unwrap();
        channels = desk.channels().unwrap();
    }
    // The keychain outlives a process; this stand-in does not, so it is refilled.
    for view in &channels {
        let (url, token) = match view.channel.kind {
            ChannelKind::SignedWebhook => (signed_url, SECRET),
            _ => (chat_url, ""),
        };
        secrets
            .put(
                &reference_for(&view.channel.id),
                &ChannelSecret {
                    url: url.into(),
                    token: token.into(),
                },
            )
            .unwrap();
    }
    let incident = desk.board().unwrap().open[0].id.clone();
    let courier = Courier::start(
        desk.clone(),
        Arc::new(Wire::with_timeouts(
            Duration::from_secs(2),
            Duration::from_millis(400),
        )),
        || {},
    );
    if drain {
        let deadline = Instant::now() + Duration::from_secs(60);
        while !desk.busy_channels().unwrap().is_empty() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        courier.stop();
        return;
    }
    for n in 0.. {
        let text = format!("Update {n} of run {run}.");
        let draft = desk
            .save_draft(&incident, Audience::IncidentChannel, text.clone())
            .unwrap();
        desk.publish(
            &incident,
            PublishRequest {
                audience: Audience::IncidentChannel,
                revision: draft.revision,
                override_reason: None,
                components: Vec::new(),
                notify_subscribers: true,
            },
        )
        .unwrap();
        // Only now is the update durable: tell the parent, which may kill us.
        let mut out = std::io::stdout().lock();
        writeln!(out, "{COMMITTED}{text}").unwrap();
        out.flush().unwrap();
        drop(out);
        courier.wake();
        std::thread::sleep(Duration::from_millis(4));
    }
}

/// Waits until `child` has reported `wanted` committed updates, adding each to
/// `committed`; fails loudly, with what it saw, if that takes past the cap.
fn await_commits(child: &mut Child, wanted: usize, run: usize, committed: &mut Vec<String>) {
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    // The reader ends by itself when the child dies and its pipe closes.
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if let Some(text) = line.strip_prefix(COMMITTED)
                && tx.send(text.to_owned()).is_err()
            {
                break;
            }
        }
    });
    let cap = Instant::now() + PROGRESS_CAP;
    let mut seen = 0;
    while seen < wanted {
        let left = cap.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(text) => {
                committed.push(text);
                seen += 1;
            }
            Err(_) => {
                let status = child.try_wait().ok().flatten();
                let _ = child.kill();
                panic!(
                    "run {run}: the child reported {seen} of {wanted} commits within {PROGRESS_CAP:?} (exit status so far: {status:?})"
                );
            }
        }
    }
}

#[test]
fn killed_at_random_a_hundred_times_nothing_committed_is_lost() {
    if let Some(mode) = std::env::var_os("HERALD_CRASH_CHILD") {
        let arg = |name: &str| std::env::var(name).unwrap();
        child(
            Path::new(&arg("HERALD_CRASH_DB")),
            &arg("HERALD_CRASH_SIGNED"),
            &arg("HERALD_CRASH_CHAT"),
            &arg("HERALD_CRASH_RUN"),
            mode == "drain",
        );
        return;
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let server = rt.block_on(MockServer::start());
    // A short delay keeps requests in flight, so many kills land mid-send.
    rt.block_on(
        Mock::given(method("POST"))
            .respond_with(move |request: &wiremock::Request| {
                // Signatures are checked as they arrive: the verifier allows five
                // minutes of clock difference, and the long mode runs longer.
                if request.url.path() == "/signed"
                    && let Err(e) = standardwebhooks::Webhook::new(SECRET)
                        .unwrap()
                        .verify(&request.body, &request.headers)
                {
                    return ResponseTemplate::new(401).set_body_string(format!("{e:?}"));
                }
                ResponseTemplate::new(200).set_delay(Duration::from_millis(15))
            })
            .mount(&server),
    );
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("herald.sqlite");
    let signed_url = format!("{}/signed", server.uri());
    let chat_url = format!("{}/hooks/chat", server.uri());
    let me = std::env::current_exe().unwrap();
    let spawn = |run: usize, mode: &str| {
        Command::new(&me)
            .args([
                "--exact",
                "killed_at_random_a_hundred_times_nothing_committed_is_lost",
                "--nocapture",
            ])
            .env("HERALD_CRASH_CHILD", mode)
            .env("HERALD_CRASH_DB", &database)
            .env("HERALD_CRASH_SIGNED", &signed_url)
            .env("HERALD_CRASH_CHAT", &chat_url)
            .env("HERALD_CRASH_RUN", run.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    let kills: usize = std::env::var("HERALD_CRASH_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(KILLS);
    let started = Instant::now();
    let mut committed: Vec<String> = Vec::new();
    let mut integrity_failures = Vec::new();
    for run in 0..kills {
        let mut child = spawn(run, "publish");
        // Kill only after progress: one to three commits, then a random
        // moment, which lands mid-publish, mid-send or mid-settle.
        await_commits(&mut child, 1 + fastrand::usize(0..3), run, &mut committed);
        std::thread::sleep(Duration::from_millis(fastrand::u64(0..25)));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        let check = rusqlite::Connection::open(&database)
            .and_then(|c| c.query_row("PRAGMA quick_check", [], |r| r.get::<_, String>(0)));
        match check {
            Ok(ok) if ok == "ok" => {}
            other => integrity_failures.push(format!("after kill {run}: {other:?}")),
        }
    }
    let mut drain = spawn(kills, "drain");
    assert!(
        drain.wait().unwrap().success(),
        "the final run drains the outbox"
    );
    let elapsed = started.elapsed();

    let conn = rusqlite::Connection::open(&database).unwrap();
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    assert!(
        integrity_failures.is_empty(),
        "integrity failures: {integrity_failures:?}"
    );
    let updates: Vec<(String, String)> = conn
        .prepare("SELECT id, body FROM updates")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let deliveries = herald_store::deliveries::all(&conn).unwrap();
    let kinds: HashMap<String, String> = conn
        .prepare("SELECT id, kind FROM channels")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    // Every update a child reported as committed is still there.
    let stored: HashSet<&str> = updates.iter().map(|(_, body)| body.as_str()).collect();
    let lost: Vec<&String> = committed
        .iter()
        .filter(|text| !stored.contains(text.as_str()))
        .collect();
    assert!(
        lost.is_empty(),
        "{} committed updates were lost: {lost:?}",
        lost.len()
    );
    assert!(
        committed.len() >= kills && updates.len() >= committed.len(),
        "{} reported, {} stored, after {kills} kills",
        committed.len(),
        updates.len()
    );

    // Every committed update has both deliveries: the outbox row commits with it.
    let mut per_update: HashMap<&str, Vec<&herald_store::deliveries::Delivery>> = HashMap::new();
    for d in &deliveries {
        per_update.entry(d.update_id.as_str()).or_default().push(d);
    }
    for (id, _) in &updates {
        assert_eq!(
            per_update.get(id.as_str()).map(Vec::len),
            Some(2),
            "update {id}"
        );
    }

    let requests = rt.block_on(server.received_requests()).unwrap();
    let mut signed_seen: HashMap<String, usize> = HashMap::new();
    let mut chat_seen: HashMap<String, usize> = HashMap::new();
    for request in &requests {
        let body: serde_json::Value = serde_json::from_slice(&request.body).unwrap();
        if request.url.path() == "/signed" {
            let id = request
                .headers
                .get("webhook-id")
                .unwrap()
                .to_str()
                .unwrap()
                .to_owned();
            *signed_seen.entry(id).or_default() += 1;
        } else {
            let text = body["attachments"][0]["text"].as_str().unwrap().to_owned();
            *chat_seen.entry(text).or_default() += 1;
        }
    }
    let body_of: HashMap<&str, &str> = updates
        .iter()
        .map(|(id, body)| (id.as_str(), body.as_str()))
        .collect();
    let mut unknown = 0;
    let mut asked = 0;
    for d in &deliveries {
        if d.unknown_outcomes > 0 {
            unknown += 1;
        }
        match kinds[&d.channel_id].as_str() {
            "signed_webhook" => {
                assert_eq!(d.state, "delivered", "signed delivery {}", d.id);
                let seen = signed_seen.get(&d.id).copied().unwrap_or(0);
                assert!(seen >= 1, "the receiver never saw {}", d.id);
                assert!(
                    seen == 1 || d.unknown_outcomes > 0,
                    "{} seen {seen} times without an unknown outcome",
                    d.id
                );
            }
            _ => {
                let seen = chat_seen
                    .get(body_of[d.update_id.as_str()])
                    .copied()
                    .unwrap_or(0);
                match d.state.as_str() {
                    "delivered" => {
                        assert!(seen >= 1, "chat delivery {} never arrived", d.id);
                        assert!(
                            seen == 1 || d.unknown_outcomes > 0,
                            "{} seen {seen} times",
                            d.id
                        );
                    }
                    // The lead is asked; it may or may not have posted.
                    "needs_decision" => {
                        assert_eq!(d.decision, "unknown_outcome");
                        assert!(seen <= 1);
                        asked += 1;
                    }
                    other => panic!("chat delivery {} ended {other}", d.id),
                }
            }
        }
    }
    let distinct: HashSet<&String> = signed_seen.keys().collect();
    assert_eq!(
        distinct.len(),
        deliveries
            .iter()
            .filter(|d| kinds[&d.channel_id] == "signed_webhook")
            .count()
    );
    println!(
        "crash test: {kills} kills in {:.1} s, {} updates ({} seen committed), {} deliveries, {} unknown outcomes, {} put to the lead, {} requests received, lost {}, integrity failures {}",
        elapsed.as_secs_f64(),
        updates.len(),
        committed.len(),
        deliveries.len(),
        unknown,
        asked,
        requests.len(),
        lost.len(),
        integrity_failures.len()
    );
}
