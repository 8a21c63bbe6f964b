//! What Herald could not do by itself, kept so the window can say so instead
//! of falling silent: stored rows that do not read back (the board, the tray
//! and the watcher skip them and name them), and watcher rounds that failed.
//! Each distinct problem is written to its incident's timeline once.

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;

use herald_core::{EventKind, TimelineEvent};
use herald_store::{Unreadable, timeline};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Desk;

/// An incident, or one of its records, that is stored but cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct UnreadableRecord {
    pub incident_id: String,
    pub reason: String,
}

#[derive(Debug, Default)]
pub(crate) struct Health {
    /// Why the last watcher round failed, until one succeeds.
    watcher: Mutex<Option<String>>,
    /// When the current run of failed watcher rounds began, and its first reason.
    outage: Mutex<Option<(chrono::DateTime<chrono::Utc>, String)>>,
    /// Problems already written to a timeline: (incident id, reason).
    recorded: Mutex<HashSet<(String, String)>>,
    /// Alerts shown on the desktop whose record did not commit, with how the
    /// notification went: retried each round, never shown twice.
    shown: Mutex<HashMap<ShownKey, Result<(), String>>>,
}

/// One alert stage of one deadline or promise: (incident id, audience or
/// promise, due at, stage).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct ShownKey(String, String, i64, String);

impl ShownKey {
    pub(crate) fn of(alert: &crate::Alert, subject: &crate::alerts::Subject) -> ShownKey {
        ShownKey(
            alert.incident_id.clone(),
            subject.key(),
            subject.due_at().map_or(0, |due| due.timestamp_millis()),
            alert.stage.to_text(),
        )
    }
}

impl Health {
    pub(crate) fn shown_unrecorded(&self, key: &ShownKey) -> Option<Result<(), String>> {
        self.shown
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(key)
            .cloned()
    }

    pub(crate) fn remember_shown(&self, key: ShownKey, outcome: Result<(), String>) {
        self.shown
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(key, outcome);
    }

    pub(crate) fn forget_shown(&self, key: &ShownKey) {
        self.shown
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(key);
    }

    pub(crate) fn watcher_problem(&self) -> Option<String> {
        self.watcher
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }
}

/// Each unreadable incident once, in the order first met.
pub(crate) fn records(lists: &[&[Unreadable]]) -> Vec<UnreadableRecord> {
    let mut out: Vec<UnreadableRecord> = Vec::new();
    for row in lists.iter().flat_map(|l| l.iter()) {
        if !out.iter().any(|r| r.incident_id == row.id) {
            out.push(UnreadableRecord {
                incident_id: row.id.clone(),
                reason: row.reason.clone(),
            });
        }
    }
    out
}

impl Desk {
    /// Records the outcome of one watcher round; returns whether the problem
    /// shown to the lead changed (so the window can be told).
    ///
    /// When rounds start failing the start is remembered; when one succeeds
    /// again, the gap goes on every open incident's timeline, so the record
    /// says when alerts could not be checked and why.
    pub(crate) fn watcher_round(&self, problem: Option<String>) -> bool {
        let now = self.clock.now();
        // The gap goes on the timeline before the board stops showing the
        // problem, so whoever sees the banner clear finds the record there.
        {
            let mut outage = self.health.outage.lock().unwrap_or_else(|p| p.into_inner());
            match (&problem, outage.take()) {
                (Some(why), None) => *outage = Some((now, why.clone())),
                (Some(_), started) => *outage = started,
                (None, Some((since, why))) => {
                    drop(outage);
                    self.record_outage(since, now, &why);
                }
                (None, None) => {}
            }
        }
        let changed = {
            let mut current = self
                .health
                .watcher
                .lock()
                .unwrap_or_else(|p| p.into_inner());
            let changed = *current != problem;
            *current = problem.clone();
            changed
        };
        if changed {
            match &problem {
                Some(why) => tracing::error!(problem = %why, "deadline watcher round failed"),
                None => tracing::info!("deadline watcher recovered"),
            }
        }
        changed
    }

    fn record_outage(
        &self,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        why: &str,
    ) {
        let hhmm = |t: chrono::DateTime<chrono::Utc>| t.format("%H:%M:%S").to_string();
        let problem = format!(
            "deadline alerts could not be checked or recorded from {} to {} UTC ({why}); any alert owed then was raised when it recovered",
            hhmm(since),
            hhmm(until)
        );
        // Best effort: the board already said so while it lasted.
        let _ = self.write(|tx| {
            for incident in herald_store::incidents::all(tx)?.rows {
                if !incident.status.is_open() {
                    continue;
                }
                let event = TimelineEvent::new(
                    self.new_id(),
                    incident.id.clone(),
                    until,
                    EventKind::HeraldProblem {
                        problem: problem.clone(),
                    },
                );
                timeline::append(tx, &event)?;
            }
            Ok(())
        });
    }

    /// Puts each problem on its incident's timeline, once per Herald run. A
    /// failed write is left for the next round: the board banner still shows it.
    pub(crate) fn record_problems(&self, records: &[UnreadableRecord]) {
        for record in records {
            let key = (record.incident_id.clone(), record.reason.clone());
            if self
                .health
                .recorded
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .contains(&key)
            {
                continue;
            }
            tracing::warn!(incident = %record.incident_id, reason = %record.reason, "skipped an unreadable record");
            let event = TimelineEvent::new(
                self.new_id(),
                record.incident_id.clone(),
                self.clock.now(),
                EventKind::HeraldProblem {
                    problem: format!(
                        "part of this incident could not be read, so Herald skipped it: {}",
                        record.reason
                    ),
                },
            );
            let written = self
                .write(|tx| timeline::append(tx, &event).map_err(crate::Error::from))
                .is_ok();
            if written {
                self.health
                    .recorded
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .insert(key);
            }
        }
    }
}
