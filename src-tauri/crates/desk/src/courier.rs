//! The outbox's moving part, written against a `Transport` port: take the head
//! of a channel's queue, make one attempt, and settle the delivery by the
//! answer. The relay crate runs this on threads with a real transport.

use std::fmt::Debug;
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use herald_core::relay::{
    self, Backoff, Channel, ChannelKind, ChannelSecret, CorrectionOf, Outgoing, Reply, Request,
    Verdict, classify, classify_smtp,
};
use herald_core::{Audience, EventKind};
use herald_store::deliveries::{self, Delivery, Settle};
use herald_store::{Transaction, channels, corrections, incidents, updates};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::secrets::reference_for;
use crate::{Desk, Error};

/// What one attempt came to, as the transport saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attempt {
    /// The target answered over HTTP.
    Answered(Reply),
    /// The mail server answered with this reply code.
    Smtp { code: u16, message: String },
    /// Nothing reached the target (refused connection, name lookup, TLS): safe to try again.
    NotSent(String),
    /// The request may have reached the target, but no answer came back.
    Unknown(String),
}

/// Sends one request. The real one speaks HTTP and SMTP; it never follows a
/// redirect and bounds every wait.
pub trait Transport: Send + Sync + Debug {
    fn send(&self, request: &Request) -> Attempt;
}

/// The verdict for an attempt whose outcome is known.
pub fn verdict_of(kind: ChannelKind, attempt: &Attempt) -> Verdict {
    match attempt {
        Attempt::Answered(reply) => classify(kind, reply),
        Attempt::Smtp { code, message } => classify_smtp(*code, message),
        Attempt::NotSent(why) => Verdict::Retry {
            reason: format!("could not reach the service ({why})"),
        },
        Attempt::Unknown(why) => Verdict::Retry {
            reason: format!("no answer from the service ({why})"),
        },
    }
}

/// Takes any trace of the secret out of a message before it is stored or shown.
pub fn scrub(text: &str, secret: &ChannelSecret) -> String {
    let mut parts = vec![secret.url.clone(), secret.token.clone()];
    if let Ok(url) = url::Url::parse(&secret.url) {
        parts.push(url.path().to_owned());
        // Webhook tokens sit in the path's last segments (Slack's
        // T…/B…/token) or a query value: every tail of the path is scrubbed.
        if let Some(segments) = url.path_segments() {
            let segments: Vec<&str> = segments.collect();
            for i in 0..segments.len() {
                parts.push(segments[i..].join("/"));
            }
        }
        if let Some(query) = url.query() {
            parts.push(query.to_owned());
        }
        parts.extend(url.query_pairs().map(|(_, value)| value.into_owned()));
    }
    // Each part also as a server or library may echo it: JSON-escaped (with
    // or without escaped slashes) and percent-encoded.
    let mut forms = Vec::new();
    for part in parts.into_iter().filter(|p| p.len() >= 6) {
        let json = serde_json::to_string(&part).unwrap_or_default();
        let json = json.trim_matches('"').to_owned();
        forms.push(json.replace('/', "\\/"));
        forms.push(json);
        forms.push(url::form_urlencoded::byte_serialize(part.as_bytes()).collect());
        forms.push(part);
    }
    forms.sort_by_key(|p| std::cmp::Reverse(p.len()));
    forms.dedup();
    let mut clean = text.to_owned();
    for form in &forms {
        clean = clean.replace(form.as_str(), "••••");
    }
    clean
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_echoed_form_of_a_secret_is_scrubbed() {
        let secret = ChannelSecret {
            url: "https://hooks.example.com/services/T000/B000/XXXXsecretTOKEN?sig=q1w2e3r4t5"
                .into(),
            token: "p@ss word/1".into(),
        };
        let echoes = [
            "https://hooks.example.com/services/T000/B000/XXXXsecretTOKEN?sig=q1w2e3r4t5",
            r#"{"url":"https:\/\/hooks.example.com\/services\/T000\/B000\/XXXXsecretTOKEN"}"#,
            "invalid_token: XXXXsecretTOKEN",
            "GET /services%2FT000%2FB000%2FXXXXsecretTOKEN",
            "sig q1w2e3r4t5 expired",
            "password p%40ss+word%2F1 refused",
            r#"{"password":"p@ss word\/1"}"#,
        ];
        for echo in echoes {
            let clean = scrub(echo, &secret);
            for leaked in ["XXXXsecretTOKEN", "q1w2e3r4t5", "p@ss", "p%40ss"] {
                assert!(!clean.contains(leaked), "{echo:?} became {clean:?}");
            }
        }
    }
}

/// One attempt ready to go.
#[derive(Debug, Clone)]
pub struct Job {
    pub delivery_id: String,
    pub channel: Channel,
    request: Request,
    secret: ChannelSecret,
    /// Look the delivery up before sending (a Statuspage outcome was unknown).
    reconcile: bool,
}

/// What one attempt came to, before it is recorded.
#[derive(Debug, Clone)]
pub enum Outcome {
    Attempted(Attempt),
    /// A Statuspage lookup answered but could not be read.
    LookupUnreadable(String),
}

/// What a channel's queue holds for its lane.
#[derive(Debug)]
pub enum Next {
    Send(Box<Job>),
    /// The head waits for its next attempt (backoff or Retry-After).
    WaitUntil(DateTime<Utc>),
    /// Nothing to send: the queue is empty or the channel is switched off.
    Idle,
}

/// A delivery the lead must hear about: a native notification is raised for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DeliveryProblem {
    pub incident_id: String,
    pub incident_title: String,
    pub audience: Audience,
    pub channel: String,
    pub problem: String,
}

/// What the shell runs for each delivery problem.
pub type ProblemHook = Arc<dyn Fn(&DeliveryProblem) + Send + Sync>;

/// The decision a delivery waits on.
const STALE: &str = "stale";
const UNKNOWN: &str = "unknown_outcome";
const RECONCILE: &str = "reconcile";

impl Desk {
    /// Settles deliveries caught mid-send when Herald stopped: resent where the
    /// target deduplicates, looked up where it can be read, and otherwise put
    /// to the lead as "may have posted — resend?".
    pub fn recover_deliveries(&self) -> Result<usize, Error> {
        let now = self.clock.now();
        let stuck = self.store.read(deliveries::in_flight)?;
        for delivery in &stuck {
            let kind = self
                .store
                .read(|conn| channels::get(conn, &delivery.channel_id))?
                .map(|c| c.kind);
            if let Some(kind) = kind {
                self.unknown_outcome(delivery, kind, "Herald stopped while sending", now)?;
            }
        }
        Ok(stuck.len())
    }

    /// Channels with deliveries on their way, for the courier to start lanes.
    pub fn busy_channels(&self) -> Result<Vec<String>, Error> {
        Ok(self.store.read(deliveries::busy_channels)?)
    }

    /// The next thing to do on one channel's queue. Due heads are marked
    /// `sending` before this returns, so a crash during the attempt is seen
    /// at the next start.
    pub fn next_delivery(&self, channel_id: &str) -> Result<Next, Error> {
        loop {
            let now = self.clock.now();
            let stale_after = self.relay_settings()?.stale_after_minutes;
            let (head, channel) = self.store.read(|conn| {
                Ok::<_, herald_store::StoreError>((
                    deliveries::head(conn, channel_id)?,
                    channels::get(conn, channel_id)?,
                ))
            })?;
            let (Some(head), Some(channel)) = (head, channel) else {
                return Ok(Next::Idle);
            };
            if !channel.enabled {
                return Ok(Next::Idle);
            }
            if head.state == "sending" {
                // Only this channel's one lane asks, and only after settling
                // its last job: a head still `sending` was left by an attempt
                // whose outcome was never recorded (a lane that died, a
                // settle that failed and was abandoned). Settle it as unknown
                // now rather than stop the channel until the next start.
                self.unknown_outcome(
                    &head,
                    channel.kind,
                    "a send was interrupted before its outcome was recorded",
                    now,
                )?;
                continue;
            }
            if now - head.created_at > Duration::minutes(i64::from(stale_after)) {
                let why = format!(
                    "still not delivered after {stale_after} minutes ({}); resend or discard",
                    if head.last_error.is_empty() {
                        "no answer yet"
                    } else {
                        &head.last_error
                    }
                );
                self.needs_decision(&head, &channel, STALE, &why, false, now)?;
                continue;
            }
            if head.next_attempt_at > now {
                return Ok(Next::WaitUntil(head.next_attempt_at));
            }
            let secret = match self.secrets().get(&reference_for(&channel.id)) {
                Ok(Some(secret)) => secret,
                Ok(None) => {
                    self.fail(&head, &channel, "its secret is missing from the keychain; paste it again in Settings → Channels", now)?;
                    continue;
                }
                Err(e) => {
                    // A locked keychain is passing: try again shortly.
                    self.retry_at(&head, now + Duration::seconds(30), &e.0, false, now)?;
                    continue;
                }
            };
            let out = self.outgoing(&head, &channel)?;
            let request = match relay::render(&channel, &secret, &out, now.timestamp()) {
                Ok(request) => request,
                Err(why) => {
                    self.fail(&head, &channel, &why, now)?;
                    continue;
                }
            };
            if !self.write(|tx| Ok(deliveries::start_attempt(tx, &head.id, now)?))? {
                // Claimed by someone else between the read and the claim.
                continue;
            }
            return Ok(Next::Send(Box::new(Job {
                delivery_id: head.id.clone(),
                reconcile: head.decision == RECONCILE,
                channel,
                request,
                secret,
            })));
        }
    }

    /// Makes the attempt through `transport` and settles the delivery by its
    /// outcome. Returns whether it was delivered.
    pub fn deliver(&self, job: &Job, transport: &dyn Transport) -> Result<bool, Error> {
        let outcome = self.attempt(job, transport);
        self.settle_outcome(job, &outcome)
    }

    /// Makes the attempt (a Statuspage lookup first when an earlier outcome
    /// was unknown) without writing anything: what happened is returned, so a
    /// settle that fails (a full disk) can be retried without sending again.
    pub fn attempt(&self, job: &Job, transport: &dyn Transport) -> Outcome {
        if job.reconcile {
            let lookup = relay::statuspage_lookup(&job.channel, &job.secret);
            match transport.send(&Request::Http(lookup)) {
                Attempt::Answered(reply) if (200..300).contains(&reply.status) => {
                    let found = if reply.truncated {
                        Err("the status page's incident list was larger than Herald reads".into())
                    } else {
                        relay::find_stamped(&reply.body, &job.delivery_id)
                    };
                    match found {
                        Ok(Some(remote)) => {
                            return Outcome::Attempted(Attempt::Answered(Reply {
                                status: 200,
                                retry_after: None,
                                body: serde_json::json!({ "id": remote }).to_string(),
                                truncated: false,
                            }));
                        }
                        // Read, and not there: sending it is safe.
                        Ok(None) => {}
                        // Unread, it may be there: ask rather than open a second incident.
                        Err(why) => return Outcome::LookupUnreadable(why),
                    }
                }
                other => {
                    // Unread, the outcome stays unknown: never resend blind.
                    let verdict = verdict_of(job.channel.kind, &other);
                    let why = verdict.reason().unwrap_or("the lookup found nothing");
                    return Outcome::Attempted(Attempt::Unknown(format!(
                        "could not look it up: {why}"
                    )));
                }
            }
        }
        Outcome::Attempted(transport.send(&job.request))
    }

    /// Records what an attempt came to. Safe to call again after a failure:
    /// it writes in one transaction, and nothing is sent.
    pub fn settle_outcome(&self, job: &Job, outcome: &Outcome) -> Result<bool, Error> {
        match outcome {
            Outcome::Attempted(attempt) => self.settle(job, attempt),
            Outcome::LookupUnreadable(why) => self.lookup_unreadable(job, why),
        }
    }

    /// Tells the lead an outcome could not be recorded: the delivery stays
    /// `sending` while the courier keeps trying to record it.
    pub fn report_unsettled(&self, job: &Job, error: &Error) {
        tracing::error!(
            delivery = %job.delivery_id,
            channel = %job.channel.name,
            error = %scrub(&error.message, &job.secret),
            "could not record a delivery's outcome; retrying"
        );
        let found = self.store.read(|conn| {
            let Some(delivery) = deliveries::get(conn, &job.delivery_id)? else {
                return Ok(None);
            };
            let update = updates::get(conn, &delivery.update_id)?;
            let incident = incidents::get(conn, &delivery.incident_id)?;
            Ok(update.zip(incident))
        });
        let (incident_id, incident_title, audience) = match found {
            Ok(Some((update, incident))) => (incident.id, incident.title, update.audience),
            _ => (
                String::new(),
                "an incident".to_owned(),
                herald_core::Audience::Customers,
            ),
        };
        self.report_problem(&DeliveryProblem {
            incident_id,
            incident_title,
            audience,
            channel: job.channel.name.clone(),
            problem: format!(
                "Herald could not record what happened to this delivery ({}); it keeps trying, and nothing will be sent twice",
                scrub(&error.message, &job.secret)
            ),
        });
    }

    /// The Statuspage lookup answered but could not be read: the update may be
    /// on the page already, so the lead decides.
    fn lookup_unreadable(&self, job: &Job, why: &str) -> Result<bool, Error> {
        let now = self.clock.now();
        let Some(delivery) = self.delivery_of(job)? else {
            return Ok(false);
        };
        let message = format!("{}; it may have posted — resend?", scrub(why, &job.secret));
        self.needs_decision(&delivery, &job.channel, UNKNOWN, &message, true, now)?;
        Ok(false)
    }

    /// The job's delivery as stored now; gone if it was deleted meanwhile.
    fn delivery_of(&self, job: &Job) -> Result<Option<Delivery>, Error> {
        Ok(self
            .store
            .read(|conn| deliveries::get(conn, &job.delivery_id))?)
    }

    fn settle(&self, job: &Job, attempt: &Attempt) -> Result<bool, Error> {
        let now = self.clock.now();
        let Some(delivery) = self.delivery_of(job)? else {
            return Ok(false);
        };
        let channel = &job.channel;
        let scrubbed = |text: &str| scrub(text, &job.secret);
        // One line per attempt for the log, secrets scrubbed like everything
        // the lead sees; the URL itself is never logged, only the channel's name.
        let log = |outcome: &str, reason: &str| {
            tracing::info!(
                delivery = %job.delivery_id,
                channel = %channel.name,
                kind = channel.kind.label(),
                attempt = delivery.attempts,
                outcome,
                reason = %scrubbed(reason),
                "delivery attempt"
            );
        };
        if let Attempt::Unknown(why) = attempt {
            log("unknown", why);
            self.unknown_outcome(&delivery, channel.kind, &scrubbed(why), now)?;
            return Ok(false);
        }
        let verdict = verdict_of(channel.kind, attempt);
        log(verdict.label(), verdict.reason().unwrap_or(""));
        match verdict {
            Verdict::Delivered {
                remote_id,
                link,
                remote_part,
            } => {
                self.write(|tx| {
                    let receipt = deliveries::Receipt {
                        remote_id: &remote_id,
                        remote_link: &link,
                        remote_part: &remote_part,
                    };
                    deliveries::delivered(tx, &delivery.id, receipt, now)?;
                    // A correction's answer is the edited incident update, not
                    // the incident: the page's incident stays as the update made it.
                    let creates = delivery.correction_id.is_empty();
                    if channel.kind == ChannelKind::Statuspage && creates && !remote_id.is_empty() {
                        channels::set_remote_incident(
                            tx,
                            &channel.id,
                            &delivery.incident_id,
                            &remote_id,
                        )?;
                    }
                    Ok(())
                })?;
                return Ok(true);
            }
            Verdict::WaitThenRetry { seconds, reason } => {
                let wait = Duration::milliseconds((seconds * 1000.0) as i64);
                let why = format!("{reason}; retrying in {} s", wait.num_seconds().max(1));
                self.retry_at(&delivery, now + wait, &why, false, now)?;
            }
            Verdict::Retry { reason } => {
                let wait = self.backoff().delay(delivery.attempts, fastrand::f64());
                let wait = Duration::from_std(wait).unwrap_or(Duration::zero());
                self.retry_at(&delivery, now + wait, &scrubbed(&reason), false, now)?;
            }
            Verdict::Failed { reason } => self.fail(&delivery, channel, &scrubbed(&reason), now)?,
            Verdict::Disable { reason } => {
                let reason = scrubbed(&reason);
                self.write(|tx| Ok(channels::disable(tx, &channel.id, &reason, now)?))?;
                self.fail(&delivery, channel, &reason, now)?;
            }
        }
        Ok(false)
    }

    /// No answer after sending: where a resend is safe, try again with the
    /// same id (or look it up first); otherwise the lead decides.
    fn unknown_outcome(
        &self,
        delivery: &Delivery,
        kind: ChannelKind,
        why: &str,
        now: DateTime<Utc>,
    ) -> Result<(), Error> {
        if kind.resend_is_safe() {
            let decision = if kind == ChannelKind::Statuspage {
                RECONCILE
            } else {
                ""
            };
            let why =
                format!("{why}; the outcome is unknown, so Herald checks before sending again");
            self.retrying(&delivery.id, now, &why, decision, true, now)
        } else {
            let channel = self.channel_of(delivery)?;
            let message = format!("{why}; it may have posted — resend?");
            self.needs_decision(delivery, &channel, UNKNOWN, &message, true, now)
        }
    }

    fn retry_at(
        &self,
        delivery: &Delivery,
        at: DateTime<Utc>,
        why: &str,
        unknown_outcome: bool,
        now: DateTime<Utc>,
    ) -> Result<(), Error> {
        let stale_after = Duration::minutes(i64::from(self.relay_settings()?.stale_after_minutes));
        if at - delivery.created_at > stale_after {
            let channel = self.channel_of(delivery)?;
            let message = format!(
                "{why}; the next try would be past the {} minute window — resend or discard",
                stale_after.num_minutes()
            );
            return self.needs_decision(delivery, &channel, STALE, &message, unknown_outcome, now);
        }
        self.retrying(&delivery.id, at, why, "", unknown_outcome, now)
    }

    fn channel_of(&self, delivery: &Delivery) -> Result<Channel, Error> {
        self.store
            .read(|conn| channels::get(conn, &delivery.channel_id))?
            .ok_or_else(|| Error::not_found("That channel"))
    }

    /// Back in the queue, due at `at`, with why it was not delivered yet.
    fn retrying(
        &self,
        delivery_id: &str,
        at: DateTime<Utc>,
        why: &str,
        decision: &str,
        unknown_outcome: bool,
        now: DateTime<Utc>,
    ) -> Result<(), Error> {
        self.write(|tx| {
            Ok(deliveries::settle(
                tx,
                delivery_id,
                &Settle {
                    state: "retrying",
                    next_attempt_at: at,
                    last_error: why,
                    decision,
                    unknown_outcome,
                },
                now,
            )?)
        })
    }

    fn fail(
        &self,
        delivery: &Delivery,
        channel: &Channel,
        why: &str,
        now: DateTime<Utc>,
    ) -> Result<(), Error> {
        self.stop(delivery, channel, "failed", "", why, false, now)
    }

    fn needs_decision(
        &self,
        delivery: &Delivery,
        channel: &Channel,
        decision: &str,
        why: &str,
        unknown_outcome: bool,
        now: DateTime<Utc>,
    ) -> Result<(), Error> {
        self.stop(
            delivery,
            channel,
            "needs_decision",
            decision,
            why,
            unknown_outcome,
            now,
        )
    }

    /// Ends automatic delivery: records the state and a timeline event, then
    /// tells the shell so the lead gets a notification.
    #[allow(clippy::too_many_arguments)]
    fn stop(
        &self,
        delivery: &Delivery,
        channel: &Channel,
        state: &str,
        decision: &str,
        why: &str,
        unknown_outcome: bool,
        now: DateTime<Utc>,
    ) -> Result<(), Error> {
        let problem = self.write(|tx| {
            deliveries::settle(
                tx,
                &delivery.id,
                &Settle {
                    state,
                    next_attempt_at: now,
                    last_error: why,
                    decision,
                    unknown_outcome,
                },
                now,
            )?;
            self.delivery_event(
                tx,
                delivery,
                channel,
                |update_id, audience| EventKind::DeliveryProblem {
                    update_id,
                    audience,
                    channel: channel.name.clone(),
                    problem: why.to_owned(),
                },
                now,
            )
        })?;
        if let Some(problem) = problem {
            self.report_problem(&problem);
        }
        Ok(())
    }

    /// Records a delivery event on the incident's timeline; returns the
    /// problem to report.
    fn delivery_event(
        &self,
        tx: &Transaction<'_>,
        delivery: &Delivery,
        channel: &Channel,
        event: impl FnOnce(String, Audience) -> EventKind,
        now: DateTime<Utc>,
    ) -> Result<Option<DeliveryProblem>, Error> {
        let Some(incident) = incidents::get(tx, &delivery.incident_id)? else {
            return Ok(None);
        };
        let Some(update) = updates::get(tx, &delivery.update_id)? else {
            return Ok(None);
        };
        let kind = event(update.id.clone(), update.audience);
        let problem = match &kind {
            EventKind::DeliveryProblem { problem, .. } => Some(DeliveryProblem {
                incident_id: incident.id.clone(),
                incident_title: incident.title.clone(),
                audience: update.audience,
                channel: channel.name.clone(),
                problem: problem.clone(),
            }),
            _ => None,
        };
        self.record(tx, &incident, vec![kind], now)?;
        Ok(problem)
    }

    /// Everything the adapters render from, read fresh for each attempt.
    fn outgoing(&self, delivery: &Delivery, channel: &Channel) -> Result<Outgoing, Error> {
        self.store
            .read(|conn| {
                let incident = incidents::get(conn, &delivery.incident_id)?;
                let update = updates::get(conn, &delivery.update_id)?;
                let remote = channels::remote_incident(conn, &channel.id, &delivery.incident_id)?;
                let Some((incident, update)) = incident.zip(update) else {
                    return Ok::<_, herald_store::StoreError>(None);
                };
                let mut out = Outgoing {
                    remote_incident: remote.unwrap_or_default(),
                    components: delivery.components.clone(),
                    notify_subscribers: delivery.notify_subscribers,
                    ..Outgoing::for_update(delivery.id.clone(), &incident, &update)
                };
                if !delivery.correction_id.is_empty() {
                    let Some(correction) = corrections::get(conn, &delivery.correction_id)? else {
                        return Ok(None);
                    };
                    // The update's own delivery here: what the correction edits or answers.
                    let first = deliveries::for_incident(conn, &delivery.incident_id)?
                        .into_iter()
                        .find(|d| {
                            d.update_id == delivery.update_id
                                && d.channel_id == delivery.channel_id
                                && d.correction_id.is_empty()
                        });
                    out.body = herald_core::text::clean_multiline(&correction.body);
                    out.correction = Some(CorrectionOf {
                        delivery_id: first.as_ref().map(|d| d.id.clone()).unwrap_or_default(),
                        remote_id: first
                            .as_ref()
                            .map(|d| d.remote_id.clone())
                            .unwrap_or_default(),
                        remote_part: first.map(|d| d.remote_part).unwrap_or_default(),
                        posted_at: update.posted_at,
                    });
                }
                Ok(Some(out))
            })?
            .ok_or_else(|| Error::not_found("That update"))
    }

    /// The lead's "resend": back in the queue, due now.
    pub fn resend_delivery(&self, delivery_id: &str) -> Result<(), Error> {
        self.decide(delivery_id, "resent")
    }

    /// The lead's "discard": this update will not go to that channel.
    pub fn discard_delivery(&self, delivery_id: &str) -> Result<(), Error> {
        self.decide(delivery_id, "discarded")
    }

    fn decide(&self, delivery_id: &str, action: &str) -> Result<(), Error> {
        let now = self.clock.now();
        self.write(|tx| {
            let delivery = deliveries::get(tx, delivery_id)?
                .ok_or_else(|| Error::not_found("That delivery"))?;
            if !matches!(delivery.state.as_str(), "failed" | "needs_decision") {
                return Err(Error::conflict(
                    "delivery",
                    "That delivery is not waiting on a decision any more; the list has been refreshed.",
                ));
            }
            let channel = channels::get(tx, &delivery.channel_id)?
                .ok_or_else(|| Error::not_found("That channel"))?;
            if action == "resent" {
                if !channel.enabled {
                    return Err(Error::blocked(
                        "channel",
                        format!("Turn the channel {} back on in Settings → Channels before resending.", channel.name),
                    ));
                }
                deliveries::requeue(tx, &delivery.id, now)?;
            } else {
                deliveries::settle(
                    tx,
                    &delivery.id,
                    &Settle {
                        state: "discarded",
                        next_attempt_at: now,
                        last_error: &delivery.last_error,
                        decision: "",
                        unknown_outcome: false,
                    },
                    now,
                )?;
            }
            self.delivery_event(tx, &delivery, &channel, |update_id, audience| {
                EventKind::DeliveryDecided {
                    update_id,
                    audience,
                    channel: channel.name.clone(),
                    action: action.to_owned(),
                }
            }, now)?;
            Ok(())
        })
    }

    /// Sets the backoff; tests shorten it so retries happen in milliseconds.
    pub fn set_backoff(&self, backoff: Backoff) {
        *self.backoff.write().unwrap_or_else(|p| p.into_inner()) = backoff;
    }

    fn backoff(&self) -> Backoff {
        *self.backoff.read().unwrap_or_else(|p| p.into_inner())
    }

    /// Sets what runs for each delivery problem (the shell raises a notification).
    pub fn set_on_delivery_problem(&self, hook: ProblemHook) {
        *self.on_problem.write().unwrap_or_else(|p| p.into_inner()) = Some(hook);
    }

    fn report_problem(&self, problem: &DeliveryProblem) {
        let hook = self
            .on_problem
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        if let Some(hook) = hook {
            hook(problem);
        }
    }
}
