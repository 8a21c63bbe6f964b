//! Promises: every time the company gave an audience (the "Next update by" a
//! message ends with, and every ETA), recorded with the update that made it
//! and judged from what happened after: kept, broken or superseded, and how
//! early or late. Judging is a pure function of the stored facts and `now`.

pub mod find;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::alerts::{AlertStage, AlertText, capitalised};
use crate::cadence::Deadline;
use crate::incident::Incident;
use crate::terms::Audience;

/// An update one minute after the time it promised is still on time: the
/// promise was written to the minute.
const GRACE_SECONDS: i64 = 60;

/// What was promised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PromiseKind {
    /// "Next update by 15:05": when the audience hears from us again.
    NextUpdate,
    /// "A fix should be live by 16:00": when the problem ends.
    Eta,
}

impl PromiseKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NextUpdate => "next_update",
            Self::Eta => "eta",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [Self::NextUpdate, Self::Eta]
            .into_iter()
            .find(|k| k.as_str() == text)
    }
}

/// One promise, as recorded with the update that made it. Named
/// `CommsPromise` in TypeScript, where `Promise` is taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(rename = "CommsPromise")]
pub struct Promise {
    /// The update's id and the promise's place in it ("<update>/1"), so the
    /// same update read twice (a handoff, say) gives the same promises.
    pub id: String,
    pub incident_id: String,
    pub update_id: String,
    pub audience: Audience,
    pub kind: PromiseKind,
    /// The sentence that made it.
    pub said: String,
    /// The promised instant, when the words give one ("shortly" does not).
    pub due_at: Option<DateTime<Utc>>,
    pub made_at: DateTime<Utc>,
}

impl Promise {
    /// The promises an update makes, with their ids.
    pub fn from_update(update: &crate::update::Update, zone: chrono_tz::Tz) -> Vec<Promise> {
        find::find(&update.body, update.posted_at, zone)
            .into_iter()
            .enumerate()
            .map(|(n, found)| Promise {
                id: format!("{}/{}", update.id, n + 1),
                incident_id: update.incident_id.clone(),
                update_id: update.id.clone(),
                audience: update.audience,
                kind: found.kind,
                said: found.said,
                due_at: found.due_at,
                made_at: update.posted_at,
            })
            .collect()
    }

    /// Whether the promise needs a countdown of its own: an ETA always; a
    /// "next update" only when it is not the cadence deadline already shown
    /// (the lead promised sooner, or the cadence changed since).
    pub fn beside_cadence(&self, deadline: Option<&Deadline>) -> bool {
        match (self.kind, self.due_at, deadline) {
            (_, None, _) => false,
            (PromiseKind::Eta, Some(_), _) => true,
            (PromiseKind::NextUpdate, Some(_), None) => true,
            (PromiseKind::NextUpdate, Some(due), Some(d)) => {
                (due - d.due_at).num_seconds().abs() > GRACE_SECONDS
            }
        }
    }
}

/// Where a promise stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PromiseState {
    /// Its time has not come.
    Open,
    Kept,
    /// Its time passed first: settled late, or not yet settled at all.
    Broken,
    /// A newer ETA to the same audience replaced it before its time.
    Superseded,
    /// The words gave no time to hold it to ("shortly").
    Undated,
}

/// A promise judged at one instant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PromiseOutcome {
    pub state: PromiseState,
    /// When it was settled: the next update, the fix, or the newer ETA.
    pub settled_at: Option<DateTime<Utc>>,
    /// Seconds after the promised time it was settled (negative when early);
    /// for a broken promise not yet settled, how late it is so far.
    #[ts(type = "number | null")]
    pub late_by: Option<i64>,
    /// The promise that replaced it.
    pub superseded_by: Option<String>,
}

impl PromiseOutcome {
    fn of(state: PromiseState) -> PromiseOutcome {
        PromiseOutcome {
            state,
            settled_at: None,
            late_by: None,
            superseded_by: None,
        }
    }

    /// Whether nothing will change it any more.
    pub fn settled(&self) -> bool {
        self.settled_at.is_some() || self.state == PromiseState::Undated
    }
}

/// A promise with its judgement, as the window and the postmortem show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct JudgedPromise {
    pub promise: Promise,
    pub outcome: PromiseOutcome,
    /// Whether it is counted down beside the cadence (see
    /// [`Promise::beside_cadence`]): open, dated, and not the deadline itself.
    pub countdown: bool,
}

/// The instants the incident reached monitoring or resolved: when a fix was
/// in place, which is what an ETA promises.
pub fn restorations(events: &[crate::timeline::TimelineEvent]) -> Vec<DateTime<Utc>> {
    use crate::terms::Status;
    use crate::timeline::EventKind;
    events
        .iter()
        .filter(|e| match &e.kind {
            EventKind::StatusChanged { to, .. } | EventKind::Declared { status: to, .. } => {
                matches!(to, Status::Monitoring | Status::Resolved)
            }
            _ => false,
        })
        .map(|e| e.at)
        .collect()
}

/// What happened after the promises: the facts they are judged by.
#[derive(Debug, Clone, Copy)]
pub struct After<'a> {
    /// Every update of the incident: its audience and when it went out.
    pub updates: &'a [(Audience, DateTime<Utc>)],
    /// Each time the incident reached monitoring or resolved: the fix in place.
    pub restored: &'a [DateTime<Utc>],
    /// Every promise of the incident, to find the ETA that replaced one.
    pub promises: &'a [Promise],
}

/// Judges one promise at `now`.
pub fn judge(promise: &Promise, after: &After<'_>, now: DateTime<Utc>) -> PromiseOutcome {
    match promise.kind {
        PromiseKind::NextUpdate => judge_next_update(promise, after, now),
        PromiseKind::Eta => judge_eta(promise, after, now),
    }
}

fn settled_at(due: DateTime<Utc>, at: DateTime<Utc>) -> PromiseOutcome {
    let late = (at - due).num_seconds();
    PromiseOutcome {
        state: if late <= GRACE_SECONDS {
            PromiseState::Kept
        } else {
            PromiseState::Broken
        },
        settled_at: Some(at),
        late_by: Some(late),
        superseded_by: None,
    }
}

fn unsettled(due: DateTime<Utc>, now: DateTime<Utc>) -> PromiseOutcome {
    let late = (now - due).num_seconds();
    if late > GRACE_SECONDS {
        PromiseOutcome {
            late_by: Some(late),
            ..PromiseOutcome::of(PromiseState::Broken)
        }
    } else {
        PromiseOutcome::of(PromiseState::Open)
    }
}

/// Kept by the audience's next update, if it came in time.
fn judge_next_update(promise: &Promise, after: &After<'_>, now: DateTime<Utc>) -> PromiseOutcome {
    let Some(due) = promise.due_at else {
        return PromiseOutcome::of(PromiseState::Undated);
    };
    let next = after
        .updates
        .iter()
        .filter(|(audience, at)| *audience == promise.audience && *at > promise.made_at)
        .map(|(_, at)| *at)
        .min();
    match next {
        Some(at) => settled_at(due, at),
        None => unsettled(due, now),
    }
}

/// Kept by the fix arriving in time; superseded by a newer ETA to the same
/// audience given before this one's time and before the fix.
fn judge_eta(promise: &Promise, after: &After<'_>, now: DateTime<Utc>) -> PromiseOutcome {
    let restored = after
        .restored
        .iter()
        .copied()
        .filter(|at| *at >= promise.made_at)
        .min();
    let deadline_for_revising = promise
        .due_at
        .map(|due| due + Duration::seconds(GRACE_SECONDS));
    let replaced = after
        .promises
        .iter()
        .filter(|p| {
            p.kind == PromiseKind::Eta
                && p.audience == promise.audience
                && p.id != promise.id
                && p.made_at > promise.made_at
                && restored.is_none_or(|r| p.made_at < r)
                && deadline_for_revising.is_none_or(|d| p.made_at <= d)
        })
        .min_by_key(|p| p.made_at);
    if let Some(newer) = replaced {
        return PromiseOutcome {
            state: PromiseState::Superseded,
            settled_at: Some(newer.made_at),
            late_by: None,
            superseded_by: Some(newer.id.clone()),
        };
    }
    let Some(due) = promise.due_at else {
        return PromiseOutcome::of(PromiseState::Undated);
    };
    match restored {
        Some(at) => settled_at(due, at),
        None => unsettled(due, now),
    }
}

/// The incident's promises, summed up for the postmortem and the roll-up.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PromiseSummary {
    pub made: u32,
    pub kept: u32,
    pub broken: u32,
    pub superseded: u32,
    pub open: u32,
    pub undated: u32,
    /// Kept out of kept and broken, in percent; none when nothing was judged.
    pub kept_percent: Option<u32>,
    /// The median distance, in seconds, between an ETA and the fix it
    /// promised, over the ETAs the fix settled.
    #[ts(type = "number | null")]
    pub median_eta_error: Option<i64>,
    /// Seconds from the incident's start to its first customer update.
    #[ts(type = "number | null")]
    pub first_public_update: Option<i64>,
}

impl PromiseSummary {
    /// Sums the judged promises of one or more incidents. `first_public`
    /// lists each incident's start-to-first-customer-update, in seconds.
    pub fn of(judged: &[(&Promise, &PromiseOutcome)], first_public: &[i64]) -> PromiseSummary {
        let mut summary = PromiseSummary::default();
        let mut eta_errors = Vec::new();
        for (promise, outcome) in judged {
            summary.made += 1;
            match outcome.state {
                PromiseState::Open => summary.open += 1,
                PromiseState::Kept => summary.kept += 1,
                PromiseState::Broken => summary.broken += 1,
                PromiseState::Superseded => summary.superseded += 1,
                PromiseState::Undated => summary.undated += 1,
            }
            if let (PromiseKind::Eta, Some(_), Some(late)) =
                (promise.kind, outcome.settled_at, outcome.late_by)
            {
                eta_errors.push(late.abs());
            }
        }
        let judged = summary.kept + summary.broken;
        summary.kept_percent = (judged > 0).then(|| (summary.kept * 100 + judged / 2) / judged);
        summary.median_eta_error = median(&mut eta_errors);
        summary.first_public_update = median(&mut first_public.to_vec());
        summary
    }
}

fn median(values: &mut [i64]) -> Option<i64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let mid = values.len() / 2;
    Some(if values.len() % 2 == 1 {
        values[mid]
    } else {
        (values[mid - 1] + values[mid]) / 2
    })
}

/// What the alert for a promise about to be broken says.
pub fn alert_text(
    incident: &Incident,
    promise: &Promise,
    due: DateTime<Utc>,
    stage: AlertStage,
    now: DateTime<Utc>,
) -> AlertText {
    let who = promise.audience.label();
    let reference = incident.reference();
    let minutes = |d: Duration| d.num_minutes().max(0);
    let what = match promise.kind {
        PromiseKind::NextUpdate => format!("Update promised to {who}"),
        PromiseKind::Eta => format!("ETA given to {who}"),
    };
    let (summary, critical) = match stage {
        AlertStage::HeadsUp => (
            format!(
                "{what} is due in {} min — {reference}",
                minutes(due - now).max(1)
            ),
            false,
        ),
        AlertStage::Due => (format!("{what} is due now — {reference}"), true),
        AlertStage::Overdue(_) => (
            format!("{what} is {} min late — {reference}", minutes(now - due)),
            true,
        ),
    };
    let ask = match promise.kind {
        PromiseKind::NextUpdate => format!("post the {who} update you promised, or say when"),
        PromiseKind::Eta => "confirm the fix is in, or give a new time".to_owned(),
    };
    let body = format!(
        "{} ({}, {}): you said “{}”. {}.",
        incident.title,
        incident.severity.as_str(),
        incident.status.as_str(),
        promise.said.trim_end_matches(['.', '!']),
        capitalised(&ask)
    );
    AlertText {
        summary,
        body,
        critical,
    }
}

#[cfg(test)]
mod tests;
