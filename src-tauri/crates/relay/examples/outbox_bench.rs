//! Outbox benchmark, printing numbers (run in release):
//! `cargo run --release -p herald-relay --example outbox_bench`
//!
//! 1. Throughput: 2,000 updates queued for one loopback channel, then drained
//!    by the courier over real HTTP, on a real SQLite file (synchronous=FULL).
//! 2. Publish → first attempt: 200 publishes, one at a time, timing from the
//!    publish call to the receiver seeing the request.

#![allow(clippy::unwrap_used, clippy::print_stdout)]

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use herald_core::relay::{Channel, ChannelKind, ChannelOptions, ChannelSecret};
use herald_core::{Audience, NewIncident, Severity, Status};
use herald_desk::{ChannelInput, Desk, MemorySecrets, PublishRequest, SystemClock};
use herald_relay::{Courier, Wire};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

/// Answers 200 and notes when each request arrived.
struct Stamp(Arc<Mutex<Vec<Instant>>>);

impl Respond for Stamp {
    fn respond(&self, _: &Request) -> ResponseTemplate {
        self.0.lock().unwrap().push(Instant::now());
        ResponseTemplate::new(200)
    }
}

fn setup(kind: ChannelKind, url: &str) -> (tempfile::TempDir, Arc<Desk>, String) {
    let dir = tempfile::tempdir().unwrap();
    let desk =
        Arc::new(Desk::open(&dir.path().join("herald.sqlite"), Arc::new(SystemClock)).unwrap());
    desk.set_secrets(Arc::new(MemorySecrets::default()));
    desk.save_channel(ChannelInput {
        channel: Channel {
            id: String::new(),
            name: "Receiver".into(),
            kind,
            audiences: vec![Audience::IncidentChannel],
            enabled: true,
            disabled_reason: String::new(),
            options: ChannelOptions::default(),
        },
        secret: Some(ChannelSecret {
            url: url.into(),
            token: SECRET.into(),
        }),
    })
    .unwrap();
    let incident = desk
        .declare_incident(NewIncident {
            external_id: "INC-B".into(),
            link: String::new(),
            title: "Benchmark".into(),
            severity: Severity::Sev2,
            status: Status::Investigating,
            customer_visible: false,
            commander: "Ana".into(),
            comms_lead: "Bo".into(),
        })
        .unwrap()
        .incident
        .id;
    (dir, desk, incident)
}

fn publish(desk: &Desk, incident: &str, text: String) {
    let draft = desk
        .save_draft(incident, Audience::IncidentChannel, text)
        .unwrap();
    desk.publish(
        incident,
        PublishRequest {
            audience: Audience::IncidentChannel,
            revision: draft.revision,
            override_reason: None,
            components: Vec::new(),
            notify_subscribers: true,
        },
    )
    .unwrap();
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let server = rt.block_on(MockServer::start());
    let arrivals = Arc::new(Mutex::new(Vec::new()));
    rt.block_on(
        Mock::given(wiremock::matchers::method("POST"))
            .respond_with(Stamp(arrivals.clone()))
            .mount(&server),
    );

    for (kind, label) in [
        (ChannelKind::SignedWebhook, "signed webhook"),
        (ChannelKind::Mattermost, "chat webhook"),
    ] {
        let (_dir, desk, incident) = setup(kind, &format!("{}/hooks/in", server.uri()));
        const QUEUED: usize = 2_000;
        for n in 0..QUEUED {
            publish(&desk, &incident, format!("Update {n}."));
        }
        arrivals.lock().unwrap().clear();
        let started = Instant::now();
        let courier = Courier::start(desk.clone(), Arc::new(Wire::default()), || {});
        while !desk.busy_channels().unwrap().is_empty() {
            std::thread::sleep(Duration::from_millis(5));
        }
        let elapsed = started.elapsed().as_secs_f64();
        courier.stop();
        println!(
            "outbox throughput ({label}, synchronous=FULL): {QUEUED} deliveries in {elapsed:.2} s = {:.0} deliveries/s",
            QUEUED as f64 / elapsed
        );
    }

    let (_dir, desk, incident) = setup(
        ChannelKind::SignedWebhook,
        &format!("{}/hooks/in", server.uri()),
    );
    let courier = Courier::start(desk.clone(), Arc::new(Wire::default()), || {});
    let mut latencies = Vec::new();
    for n in 0..200 {
        arrivals.lock().unwrap().clear();
        let started = Instant::now();
        publish(&desk, &incident, format!("Latency {n}."));
        courier.wake();
        loop {
            if let Some(at) = arrivals.lock().unwrap().first() {
                latencies.push(at.duration_since(started).as_secs_f64() * 1000.0);
                break;
            }
            std::thread::sleep(Duration::from_micros(200));
        }
        while !desk.busy_channels().unwrap().is_empty() {
            std::thread::sleep(Duration::from_millis(1));
        }
    }
    courier.stop();
    latencies.sort_by(f64::total_cmp);
    println!(
        "publish → first attempt: median {:.1} ms, p95 {:.1} ms, max {:.1} ms (200 publishes, publish transaction included)",
        percentile(&latencies, 0.5),
        percentile(&latencies, 0.95),
        latencies[latencies.len() - 1]
    );
}
