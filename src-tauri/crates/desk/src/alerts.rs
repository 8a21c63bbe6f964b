//! Raising deadline alerts: which are owed now, sending them through the
//! notifier port, and recording each on the timeline. The loop that calls this
//! lives in `watcher.rs`.

use std::fmt::Debug;

use chrono::{DateTime, Utc};
use herald_core::alerts::{self, AlertText};
use herald_core::{AlertStage, Audience, EventKind};
use herald_store::{deadlines, incidents, settings};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Desk, Error};

/// One alert to show the lead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Alert {
    pub incident_id: String,
    pub audience: Audience,
    pub stage: AlertStage,
    pub text: AlertText,
}

/// Where alerts go: desktop notifications in the app, a recorder in tests.
pub trait Notifier: Send + Sync + Debug {
    /// Shows the alert; an error says why it could not be shown (no
    /// notification server, say), in words the lead can read.
    fn notify(&self, alert: &Alert) -> Result<(), String>;
}

impl Desk {
    /// Raises every alert owed now: sends each through `notifier`, then records
    /// its stage (so it is not sent again) and a timeline entry saying whether
    /// the desktop notification got through. Returns what was raised.
    pub fn raise_due_alerts(&self, notifier: &dyn Notifier) -> Result<Vec<Alert>, Error> {
        let now = self.clock.now();
        let owed = self.owed_alerts(now)?;
        let mut raised = Vec::with_capacity(owed.len());
        for (alert, deadline) in owed {
            // Sent outside the database lock: a slow notification server must
            // never hold up the lead's own writes.
            let outcome = notifier.notify(&alert);
            self.write(|tx| {
                let Some(incident) = incidents::get(tx, &alert.incident_id)? else {
                    return Ok::<(), Error>(());
                };
                deadlines::mark_alerted(tx, &incident.id, &deadline, alert.stage)?;
                let event = EventKind::AlertSent {
                    audience: alert.audience,
                    stage: alert.stage,
                    summary: alert.text.summary.clone(),
                    delivered: outcome.is_ok(),
                    problem: outcome.clone().err(),
                };
                self.record(tx, &incident, vec![event], now)
            })?;
            if let Err(problem) = outcome {
                self.set_notification_problem(Some(problem));
            } else {
                self.set_notification_problem(None);
            }
            raised.push(alert);
        }
        Ok(raised)
    }

    fn owed_alerts(
        &self,
        now: DateTime<Utc>,
    ) -> Result<Vec<(Alert, herald_core::Deadline)>, Error> {
        Ok(self.store.read(|conn| {
            let matrix = settings::severity_matrix(conn)?;
            let mut owed = Vec::new();
            for (incident_id, deadline, sent) in deadlines::all(conn)? {
                let Some(stage) = alerts::owed(deadline.due_at, &matrix, sent, now) else {
                    continue;
                };
                let Some(incident) = incidents::get(conn, &incident_id)? else {
                    continue;
                };
                let text = alerts::text(&incident, &deadline, stage, now);
                owed.push((
                    Alert {
                        incident_id,
                        audience: deadline.audience,
                        stage,
                        text,
                    },
                    deadline,
                ));
            }
            Ok(owed)
        })?)
    }

    /// The next instant any deadline enters a new alert stage, if any deadline exists.
    pub fn next_alert_at(&self) -> Result<Option<DateTime<Utc>>, Error> {
        let now = self.clock.now();
        Ok(self.store.read(|conn| {
            let matrix = settings::severity_matrix(conn)?;
            Ok(deadlines::all(conn)?
                .into_iter()
                .map(|(_, d, _)| alerts::next_stage_at(d.due_at, &matrix, now))
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
