//! Promises: read from every update as it is recorded (published, logged, or
//! taken over in a handoff), judged from what happened after, counted down
//! beside the cadence while open, and raised as alerts like a deadline.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use herald_core::promises::{After, judge, restorations};
use herald_core::templates::{Tz, parse_zone};
use herald_core::{
    AlertStage, Audience, Deadline, Incident, JudgedPromise, Promise, PromiseSummary, Update,
};
use herald_store::{
    Connection, StoreError, deadlines, incidents, promises, settings, timeline, updates,
};

use crate::{Desk, Error};

impl Desk {
    /// Reads the promises an update makes and keeps them with it. A customer
    /// update's clock times are read in the customers' zone (the zone its
    /// "Next update by" line is written in); others in the lead's.
    pub(crate) fn record_promises(&self, conn: &Connection, update: &Update) -> Result<(), Error> {
        let zone = if update.audience == Audience::Customers {
            parse_zone(&settings::customer_time_zone(conn)?).unwrap_or(Tz::UTC)
        } else {
            self.clock.zone()
        };
        for promise in Promise::from_update(update, zone) {
            promises::insert_if_new(conn, &promise)?;
        }
        Ok(())
    }
}

/// An incident's promises, judged at `now`, oldest first.
pub(crate) fn judged(
    conn: &Connection,
    incident: &Incident,
    now: DateTime<Utc>,
) -> Result<Vec<JudgedPromise>, StoreError> {
    let made = promises::for_incident(conn, &incident.id)?;
    if made.is_empty() {
        return Ok(Vec::new());
    }
    let sent: Vec<(Audience, DateTime<Utc>)> = updates::for_incident(conn, &incident.id)?
        .into_iter()
        .map(|u| (u.audience, u.posted_at))
        .collect();
    let restored = restorations(&timeline::for_incident(conn, &incident.id)?);
    let current: Vec<Deadline> = deadlines::for_incident(conn, &incident.id)?
        .into_iter()
        .map(|(d, _)| d)
        .collect();
    let after = After {
        updates: &sent,
        restored: &restored,
        promises: &made,
    };
    Ok(made
        .iter()
        .map(|promise| {
            let outcome = judge(promise, &after, now);
            let deadline = current.iter().find(|d| d.audience == promise.audience);
            let countdown =
                incident.status.is_open() && !outcome.settled() && promise.beside_cadence(deadline);
            JudgedPromise {
                promise: promise.clone(),
                outcome,
                countdown,
            }
        })
        .collect())
}

/// The summary of judged promises, with the incident's start to its first
/// customer update.
pub(crate) fn summary(
    judged: &[JudgedPromise],
    incident: &Incident,
    updates: &[Update],
) -> PromiseSummary {
    let pairs: Vec<_> = judged.iter().map(|j| (&j.promise, &j.outcome)).collect();
    PromiseSummary::of(&pairs, &first_public_update(incident, updates))
}

/// Seconds from the incident's start to its first customer update, if any.
pub(crate) fn first_public_update(incident: &Incident, updates: &[Update]) -> Vec<i64> {
    updates
        .iter()
        .filter(|u| u.audience == Audience::Customers)
        .map(|u| u.posted_at)
        .min()
        .map(|first| (first - incident.started_at).num_seconds().max(0))
        .into_iter()
        .collect()
}

/// The promises to count down and alert on now, across every open incident,
/// with the last alert stage raised for each.
pub(crate) fn live(
    conn: &Connection,
    now: DateTime<Utc>,
) -> Result<Vec<(Incident, Promise, Option<AlertStage>)>, StoreError> {
    let listing = promises::dated(conn)?;
    let mut stages: HashMap<String, Option<AlertStage>> = HashMap::new();
    let mut by_incident: Vec<String> = Vec::new();
    for (promise, stage) in listing.rows {
        if !by_incident.contains(&promise.incident_id) {
            by_incident.push(promise.incident_id.clone());
        }
        stages.insert(promise.id, stage);
    }
    let mut live = Vec::new();
    for incident_id in by_incident {
        let Ok(Some(incident)) = incidents::get(conn, &incident_id) else {
            continue;
        };
        if !incident.status.is_open() {
            continue;
        }
        for judged in judged(conn, &incident, now)? {
            if judged.countdown {
                let stage = stages.get(&judged.promise.id).copied().flatten();
                live.push((incident.clone(), judged.promise, stage));
            }
        }
    }
    live.sort_by_key(|(_, p, _)| p.due_at);
    Ok(live)
}
