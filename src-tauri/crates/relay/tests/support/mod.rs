//! Shared set-up for the relay tests: a desk on a real SQLite file with an
//! in-memory secret store, an incident, and helpers to add channels and publish.

#![allow(dead_code)]

use std::sync::{Arc, Mutex};
use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, TimeZone, Utc};
use herald_core::relay::{Backoff, Channel, ChannelKind, ChannelOptions, ChannelSecret};
use herald_core::{Audience, NewIncident, Severity, Status};
use herald_desk::{
    ChannelInput, Clock, DeliveryProblem, DeliveryView, Desk, ManualClock, MemorySecrets, Next,
    PublishRequest, Transport,
};

pub const SIGNING_SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

pub struct Fixture {
    pub desk: Arc<Desk>,
    pub clock: Arc<ManualClock>,
    pub dir: tempfile::TempDir,
    pub incident: String,
    pub problems: Arc<Mutex<Vec<DeliveryProblem>>>,
}

pub fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 14, 0, 0)
        .single()
        .unwrap()
}

pub fn fixture() -> Fixture {
    fixture_at(start())
}

/// A fixture whose clock starts at the real time: receivers that check
/// timestamps (Standard Webhooks allows five minutes) need it.
pub fn fixture_now() -> Fixture {
    fixture_at(herald_desk::SystemClock.now())
}

fn fixture_at(at: DateTime<Utc>) -> Fixture {
    let mut f = without_incident();
    f.clock.advance(at - f.clock.now());
    f.incident = f
        .desk
        .declare_incident(NewIncident {
            external_id: "INC-7".into(),
            link: "https://incidents.example.com/INC-7".into(),
            title: "Login failures".into(),
            severity: Severity::Sev1,
            status: Status::Investigating,
            customer_visible: true,
            commander: "Ana".into(),
            comms_lead: "Bo Chen".into(),
        })
        .unwrap()
        .incident
        .id;
    f
}

/// A desk with no incident yet (`incident` is empty), for the lead who takes
/// one over; its clock starts where `fixture()`'s does.
pub fn without_incident() -> Fixture {
    let at = start();
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(ManualClock::new(at));
    let desk = Arc::new(Desk::open(&dir.path().join("herald.sqlite"), clock.clone()).unwrap());
    desk.set_secrets(Arc::new(MemorySecrets::default()));
    desk.set_backoff(Backoff {
        base: StdDuration::from_secs(2),
        cap: StdDuration::from_secs(60),
    });
    let problems = Arc::new(Mutex::new(Vec::new()));
    let seen = problems.clone();
    desk.set_on_delivery_problem(Arc::new(move |p| seen.lock().unwrap().push(p.clone())));
    Fixture {
        desk,
        clock,
        dir,
        incident: String::new(),
        problems,
    }
}

impl Fixture {
    /// Adds a channel for `audiences` and returns its id.
    pub fn channel(
        &self,
        kind: ChannelKind,
        name: &str,
        audiences: &[Audience],
        options: ChannelOptions,
        secret: ChannelSecret,
    ) -> String {
        let list = self
            .desk
            .save_channel(ChannelInput {
                channel: Channel {
                    id: String::new(),
                    name: name.into(),
                    kind,
                    audiences: audiences.to_vec(),
                    enabled: true,
                    disabled_reason: String::new(),
                    options,
                },
                secret: Some(secret),
            })
            .unwrap();
        list.iter()
            .find(|c| c.channel.name == name)
            .unwrap()
            .channel
            .id
            .clone()
    }

    pub fn webhook(&self, kind: ChannelKind, name: &str, url: &str) -> String {
        let token = if kind == ChannelKind::SignedWebhook {
            SIGNING_SECRET
        } else {
            ""
        };
        self.channel(
            kind,
            name,
            &[Audience::IncidentChannel],
            ChannelOptions::default(),
            ChannelSecret {
                url: url.into(),
                token: token.into(),
            },
        )
    }

    /// Publishes `text` to the incident channel (no review, guardrails off).
    pub fn publish(&self, text: &str) -> Result<(), herald_desk::Error> {
        self.publish_to(Audience::IncidentChannel, text, Vec::new())
    }

    pub fn publish_to(
        &self,
        audience: Audience,
        text: &str,
        components: Vec<herald_core::relay::ComponentImpact>,
    ) -> Result<(), herald_desk::Error> {
        let draft = self
            .desk
            .save_draft(&self.incident, audience, text.into())?;
        let mut revision = draft.revision;
        if draft.review_required {
            self.desk.review_draft(&self.incident, audience, revision)?;
            revision = self
                .desk
                .incident(&self.incident)?
                .drafts
                .iter()
                .find(|d| d.audience == audience)
                .unwrap()
                .revision;
        }
        self.desk
            .publish(
                &self.incident,
                PublishRequest {
                    audience,
                    revision,
                    override_reason: None,
                    components,
                    notify_subscribers: true,
                },
            )
            .map(drop)
    }

    /// Corrects the newest update for `audience` with `text`.
    pub fn correct(
        &self,
        audience: Audience,
        text: &str,
        notify: bool,
    ) -> Result<herald_desk::IncidentView, herald_desk::Error> {
        let update = self
            .desk
            .incident(&self.incident)?
            .updates
            .into_iter()
            .find(|u| u.audience == audience)
            .unwrap();
        self.desk.correct_update(
            &self.incident,
            herald_core::CorrectionRequest {
                update_id: update.id,
                body: text.into(),
                notify,
                override_reason: None,
            },
        )
    }

    pub fn deliveries(&self) -> Vec<DeliveryView> {
        self.desk.incident(&self.incident).unwrap().deliveries
    }

    pub fn delivery(&self, channel: &str) -> DeliveryView {
        self.deliveries()
            .into_iter()
            .rev()
            .find(|d| d.channel_id == channel)
            .unwrap()
    }

    /// Works one channel's queue the way a lane does, with the manual clock
    /// jumped to each wait, until it is idle or `max_steps` attempts are made.
    pub fn drain(&self, channel: &str, transport: &dyn Transport, max_steps: usize) -> usize {
        let mut attempts = 0;
        while attempts < max_steps {
            match self.desk.next_delivery(channel).unwrap() {
                Next::Send(job) => {
                    self.desk.deliver(&job, transport).unwrap();
                    attempts += 1;
                }
                Next::WaitUntil(at) => self.clock.advance(at - self.clock.now()),
                Next::Idle => break,
            }
        }
        attempts
    }

    pub fn advance(&self, by: Duration) {
        self.clock.advance(by);
    }
}

/// A tokio runtime for wiremock, driven on its own worker thread so the
/// blocking transport can be called from the test thread.
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap()
}
