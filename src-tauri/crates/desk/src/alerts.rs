//! Raising deadline alerts: which are owed now, sending them through the
//! notifier port, and recording each on the timeline. The loop that calls this
//! lives in `watcher.rs`.

use std::fmt::Debug;

use chrono::{DateTime, Utc};
use herald_core::alerts::{self, AlertText};
use herald_core::{AlertStage, Audience, Deadline, EventKind, Obligation, Promise};
use herald_store::{deadlines, incidents, obligations, promises, settings};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::health::{ShownKey, UnreadableRecord};
use crate::{Desk, Error};

/// An alert owed now, with what it is about.
type Owed = (Alert, Subject);

/// What an alert is about: an audience's deadline, or a promise made to it.
#[derive(Debug, Clone)]
pub(crate) enum Subject {
    Deadline(Deadline),
    Promise(Promise),
    Obligation(Obligation),
}

impl Subject {
    /// What names it among the incident's alerts: the audience, or the promise.
    pub(crate) fn key(&self) -> String {
        match self {
            Self::Deadline(d) => d.audience.as_str().to_owned(),
            Self::Promise(p) => p.id.clone(),
            Self::Obligation(o) => o.id.clone(),
        }
    }

    pub(crate) fn due_at(&self) -> Option<DateTime<Utc>> {
        match self {
            Self::Deadline(d) => Some(d.due_at),
            Self::Promise(p) => p.due_at,
            Self::Obligation(o) => o.due_at(),
        }
    }
}

/// One alert to show the lead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Alert {
    pub incident_id: String,
    pub audience: Audience,
    pub stage: AlertStage,
    pub text: AlertText,
    /// Set when the alert is for a promise rather than the cadence deadline.
    pub promise_id: Option<String>,
    /// Set when the alert is for an obligation clock.
    pub obligation_id: Option<String>,
}

/// Where alerts go: desktop notifications in the app, a recorder in tests.
pub trait Notifier: Send + Sync + Debug {
    /// Shows the alert; an error says why it could not be shown (no
    /// notification server, say), in words the lead can read.
    fn notify(&self, alert: &Alert) -> Result<(), String>;
}

impl Desk {
    /// Raises every alert owed now: shows each through `notifier`, then records
    /// its stage (so it is not sent again) and a timeline entry saying whether
    /// the desktop notification got through. Returns what was raised.
    ///
    /// The notification comes first, so a full disk or a locked database can
    /// never swallow an alert; an alert shown but not yet recorded is kept in
    /// memory, so the next round retries the record without showing it again.
    /// The first failed record is returned as the error after every owed alert
    /// has been shown. Rows that do not read back are skipped and reported.
    pub fn raise_due_alerts(&self, notifier: &dyn Notifier) -> Result<Vec<Alert>, Error> {
        let now = self.clock.now();
        let (owed, unreadable) = self.owed_alerts(now)?;
        self.record_problems(&unreadable);
        let mut raised = Vec::with_capacity(owed.len());
        let mut failed: Option<Error> = None;
        for (alert, subject) in owed {
            let key = ShownKey::of(&alert, &subject);
            let earlier = self.health.shown_unrecorded(&key);
            let outcome = match earlier {
                Some(outcome) => outcome,
                None => {
                    // Sent outside the database lock: a slow notification server
                    // must never hold up the lead's own writes.
                    let outcome = notifier.notify(&alert);
                    self.set_notification_problem(outcome.clone().err());
                    raised.push(alert.clone());
                    outcome
                }
            };
            match self.record_alert(&alert, &subject, &outcome, now) {
                Ok(()) => self.health.forget_shown(&key),
                Err(e) => {
                    self.health.remember_shown(key, outcome);
                    failed.get_or_insert(e);
                }
            }
        }
        match failed {
            None => Ok(raised),
            Some(e) => Err(e),
        }
    }

    fn record_alert(
        &self,
        alert: &Alert,
        subject: &Subject,
        outcome: &Result<(), String>,
        now: DateTime<Utc>,
    ) -> Result<(), Error> {
        self.write(|tx| {
            let Some(incident) = incidents::get(tx, &alert.incident_id)? else {
                return Ok::<(), Error>(());
            };
            match subject {
                Subject::Deadline(deadline) => {
                    deadlines::mark_alerted(tx, &incident.id, deadline, alert.stage)?;
                }
                Subject::Promise(promise) => promises::mark_alerted(tx, &promise.id, alert.stage)?,
                Subject::Obligation(clock) => {
                    obligations::mark_alerted(tx, &clock.id, alert.stage)?;
                }
            }
            let event = EventKind::AlertSent {
                audience: alert.audience,
                stage: alert.stage,
                summary: alert.text.summary.clone(),
                delivered: outcome.is_ok(),
                problem: outcome.clone().err(),
            };
            self.record(tx, &incident, vec![event], now)
        })
    }

    /// The alerts owed now, and the stored rows that could not be read.
    fn owed_alerts(&self, now: DateTime<Utc>) -> Result<(Vec<Owed>, Vec<UnreadableRecord>), Error> {
        Ok(self.store.read(|conn| {
            let matrix = settings::severity_matrix(conn)?;
            let listing = deadlines::all(conn)?;
            let mut unreadable = listing.unreadable;
            let mut owed = Vec::new();
            for (incident_id, deadline, sent) in listing.rows {
                let Some(stage) = alerts::owed(deadline.due_at, &matrix, sent, now) else {
                    continue;
                };
                let incident = match incidents::get(conn, &incident_id) {
                    Ok(Some(incident)) => incident,
                    Ok(None) => continue,
                    Err(e) => {
                        unreadable.push(herald_store::Unreadable {
                            id: incident_id,
                            reason: e.to_string(),
                        });
                        continue;
                    }
                };
                let text = alerts::text(&incident, &deadline, stage, now);
                owed.push((
                    Alert {
                        incident_id,
                        audience: deadline.audience,
                        stage,
                        text,
                        promise_id: None,
                        obligation_id: None,
                    },
                    Subject::Deadline(deadline),
                ));
            }
            for (incident, promise, sent) in crate::promises::live(conn, now)? {
                let Some(due) = promise.due_at else {
                    continue;
                };
                let Some(stage) = alerts::owed(due, &matrix, sent, now) else {
                    continue;
                };
                let text = herald_core::promises::alert_text(&incident, &promise, due, stage, now);
                owed.push((
                    Alert {
                        incident_id: incident.id.clone(),
                        audience: promise.audience,
                        stage,
                        text,
                        promise_id: Some(promise.id.clone()),
                        obligation_id: None,
                    },
                    Subject::Promise(promise),
                ));
            }
            for (incident, clock, sent) in crate::obligations::counting(conn)? {
                let Some(due) = clock.due_at() else {
                    continue;
                };
                let Some(stage) = alerts::owed(due, &matrix, sent, now) else {
                    continue;
                };
                let text = herald_core::obligations::alert_text(&incident, &clock, due, stage, now);
                owed.push((
                    Alert {
                        incident_id: incident.id.clone(),
                        // A clock is owed to a regulator or a customer's
                        // contract, not an audience; the incident's channel
                        // is where the lead works it.
                        audience: Audience::IncidentChannel,
                        stage,
                        text,
                        promise_id: None,
                        obligation_id: Some(clock.id.clone()),
                    },
                    Subject::Obligation(clock),
                ));
            }
            Ok((owed, crate::health::records(&[&unreadable])))
        })?)
    }

    /// The next instant any deadline enters a new alert stage, if any deadline exists.
    pub fn next_alert_at(&self) -> Result<Option<DateTime<Utc>>, Error> {
        let now = self.clock.now();
        Ok(self.store.read(|conn| {
            let matrix = settings::severity_matrix(conn)?;
            let promised = crate::promises::live(conn, now)?
                .into_iter()
                .filter_map(|(_, p, _)| p.due_at)
                .chain(crate::obligations::due_times(conn)?);
            Ok(deadlines::all(conn)?
                .rows
                .into_iter()
                .map(|(_, d, _)| d.due_at)
                .chain(promised)
                .map(|due| alerts::next_stage_at(due, &matrix, now))
                .min())
        })?)
    }

    /// Why desktop notifications are not getting through, or `None` when the
    /// last one did.
    pub fn notification_problem(&self) -> Option<String> {
        self.notification_problem
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    fn set_notification_problem(&self, problem: Option<String>) {
        *self
            .notification_problem
            .lock()
            .unwrap_or_else(|p| p.into_inner()) = problem;
    }
}
