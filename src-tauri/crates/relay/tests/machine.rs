//! When the machine itself fails: an outcome that cannot be recorded (a full
//! disk) is retried with the same outcome while the courier runs, so the
//! channel does not stop, nothing is sent twice and the lead is told; a
//! delivery left `sending` is settled while running; a delivery can be
//! claimed only once. Write failures are injected with a SQLite trigger on
//! the real file, which fails exactly the statement a full disk would.

#![allow(clippy::unwrap_used)]

mod support;

use std::sync::Arc;
use std::time::{Duration as StdDuration, Instant};

use herald_core::relay::ChannelKind;
use herald_relay::{Courier, Wire};
use support::{fixture_now, runtime};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

const BLOCK_SETTLE: &str = "CREATE TRIGGER block_settle BEFORE UPDATE OF state ON deliveries \
     WHEN OLD.state = 'sending' BEGIN SELECT RAISE(ABORT, 'database or disk is full (test)'); END";

fn wait_for(what: &str, mut done: impl FnMut() -> Option<String>) {
    let cap = Instant::now() + StdDuration::from_secs(30);
    let mut last = String::new();
    while Instant::now() < cap {
        match done() {
            None => return,
            Some(seen) => last = seen,
        }
        std::thread::sleep(StdDuration::from_millis(20));
    }
    panic!("{what}: still {last}");
}

#[test]
fn an_outcome_that_cannot_be_recorded_is_retried_and_the_channel_keeps_going() {
    let rt = runtime();
    let server = rt.block_on(MockServer::start());
    rt.block_on(
        Mock::given(method("POST"))
            .respond_with(ResponseTemplate::new(200).set_body_string("ok"))
            .mount(&server),
    );
    let f = fixture_now();
    let hook = f.webhook(
        ChannelKind::Mattermost,
        "Chat",
        &format!("{}/hooks/x", server.uri()),
    );
    let sql = rusqlite::Connection::open(f.dir.path().join("herald.sqlite")).unwrap();
    sql.execute_batch(BLOCK_SETTLE).unwrap();
    let courier = Courier::start(f.desk.clone(), Arc::new(Wire::default()), || {});
    f.publish("First.").unwrap();
    courier.wake();
    wait_for("the lead is told", || {
        let problems = f.problems.lock().unwrap();
        match problems
            .iter()
            .find(|p| p.problem.contains("could not record"))
        {
            Some(_) => None,
            None => Some(format!("{problems:?}")),
        }
    });
    assert_eq!(f.delivery(&hook).state, "sending");
    sql.execute_batch("DROP TRIGGER block_settle").unwrap();
    wait_for("the first is recorded as delivered", || {
        let d = f.delivery(&hook);
        (d.state != "delivered").then_some(d.state)
    });
    // The lane did not stop: the next update goes out too.
    f.publish("Second.").unwrap();
    courier.wake();
    wait_for("the second is delivered", || {
        let states: Vec<String> = f.deliveries().into_iter().map(|d| d.state).collect();
        (states != ["delivered", "delivered"]).then(|| format!("{states:?}"))
    });
    courier.stop();
    let requests = rt.block_on(server.received_requests()).unwrap();
    assert_eq!(requests.len(), 2, "each update sent once");
    let problems = f.problems.lock().unwrap();
    assert_eq!(
        problems
            .iter()
            .filter(|p| p.problem.contains("could not record"))
            .count(),
        1,
        "told once: {problems:?}"
    );
    assert!(
        problems[0].problem.contains("disk is full"),
        "{:?}",
        problems[0]
    );
}

#[test]
fn a_delivery_left_sending_is_settled_while_running_and_is_claimed_only_once() {
    let f = fixture_now();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let chat = f.webhook(
        ChannelKind::Mattermost,
        "Chat",
        &format!("http://127.0.0.1:{port}/hooks/x"),
    );
    f.publish("First.").unwrap();
    let sql = rusqlite::Connection::open(f.dir.path().join("herald.sqlite")).unwrap();
    let id: String = sql
        .query_row("SELECT id FROM deliveries", [], |r| r.get(0))
        .unwrap();
    // Two processes on one file claim the same delivery: only one wins.
    let now = f.desk.now();
    assert!(herald_store::deliveries::start_attempt(&sql, &id, now).unwrap());
    let other = rusqlite::Connection::open(f.dir.path().join("herald.sqlite")).unwrap();
    assert!(!herald_store::deliveries::start_attempt(&other, &id, now).unwrap());
    // Left `sending` with no lane on it: the lane settles it as an unknown
    // outcome (a chat webhook: the lead is asked) instead of stopping.
    assert!(matches!(
        f.desk.next_delivery(&chat).unwrap(),
        herald_desk::Next::Idle
    ));
    let asked = f.delivery(&chat);
    assert_eq!(asked.state, "needs_decision");
    assert_eq!(asked.decision, "unknown_outcome");
    assert!(
        asked.last_error.contains("interrupted"),
        "{}",
        asked.last_error
    );
}
