//! Replay: an incident Herald exported (its JSON record) becomes a scenario.
//! Its IC syncs, severity and status changes, constraints and handoffs happen
//! again at the same times after the declaration, so a team can practise on
//! the incident it actually had.

use std::collections::BTreeSet;

use super::{DRILL_MARK, HandoffDirection, Inject, Injection, Scenario, ScenarioError};
use crate::incident::NewIncident;
use crate::postmortem::export::PostmortemRecord;
use crate::timeline::EventKind;

const LONGEST: i64 = 12 * 3600;
const MOST_EVENTS: usize = 200;
/// Time left after the last thing that happened, to finish the last update.
const TAIL: i64 = 10 * 60;

/// Reads an exported record (the `.json` file beside a postmortem) and
/// replays it. A file that is not one says where it stops making sense.
pub fn from_export(json: &str) -> Result<Scenario, ScenarioError> {
    let record: PostmortemRecord = serde_json::from_str(json).map_err(|e| ScenarioError {
        line: e.line().max(1),
        column: e.column().max(1),
        message: format!("this is not an incident exported by Herald: {e}"),
    })?;
    Ok(from_record(&record))
}

/// The scenario that replays `record`.
pub fn from_record(record: &PostmortemRecord) -> Scenario {
    let incident = &record.incident;
    let start = incident.started_at;
    let offset = |at: chrono::DateTime<chrono::Utc>| (at - start).num_seconds().clamp(0, LONGEST);
    let (title, severity, status, customer_visible) = record
        .timeline
        .iter()
        .find_map(|e| match &e.kind {
            EventKind::Declared {
                title,
                severity,
                status,
                customer_visible,
            } => Some((title.clone(), *severity, *status, *customer_visible)),
            _ => None,
        })
        .unwrap_or((
            incident.title.clone(),
            incident.severity,
            incident.status,
            incident.customer_visible,
        ));

    let mut events: Vec<Injection> = record
        .syncs
        .iter()
        .map(|sync| Injection {
            after: offset(sync.at),
            what: Inject::Sync {
                facts: sync.facts.clone(),
            },
        })
        .collect();
    // A sync moves the status itself; its status change is not a second event.
    let sync_times: BTreeSet<_> = record.syncs.iter().map(|s| s.at).collect();
    for event in &record.timeline {
        let what = match &event.kind {
            EventKind::SeverityChanged { to, .. } => Inject::Severity { to: *to },
            EventKind::StatusChanged { to, .. } if !sync_times.contains(&event.at) => {
                Inject::Status { to: *to }
            }
            EventKind::ConstraintAdded { text, .. } => Inject::Constraint {
                from: "The original incident".into(),
                text: text.clone(),
                avoid: Vec::new(),
            },
            EventKind::HandedOff { to, .. } if !to.trim().is_empty() => Inject::Handoff {
                direction: HandoffDirection::Give,
                person: to.clone(),
            },
            EventKind::TookOver { from, .. } if !from.trim().is_empty() => Inject::Handoff {
                direction: HandoffDirection::Take,
                person: from.clone(),
            },
            _ => continue,
        };
        events.push(Injection {
            after: offset(event.at),
            what,
        });
    }
    events.sort_by_key(|e| e.after);
    events.truncate(MOST_EVENTS);

    let end = incident
        .resolved_at
        .or_else(|| record.timeline.iter().map(|e| e.at).max())
        .map(offset)
        .unwrap_or(0);
    let last = events.last().map(|e| e.after).unwrap_or(0);
    let length = (end.max(last) + TAIL).min(LONGEST);
    let title = title.strip_prefix(DRILL_MARK).unwrap_or(&title).to_owned();
    Scenario {
        name: format!("Replay: {}", title.chars().take(100).collect::<String>()),
        summary: format!(
            "{} as it happened, declared {}.",
            if incident.external_id.is_empty() {
                "The incident"
            } else {
                incident.external_id.as_str()
            },
            start.format("%Y-%m-%d %H:%M UTC")
        ),
        length,
        incident: NewIncident {
            external_id: incident.external_id.clone(),
            link: incident.link.clone(),
            title,
            severity,
            status: if status == crate::terms::Status::Resolved {
                crate::terms::Status::Investigating
            } else {
                status
            },
            customer_visible,
            commander: incident.commander.clone(),
            comms_lead: String::new(),
        },
        events,
    }
}
