//! What the UI is sent: read models built from the domain types.

use herald_core::{Deadline, Incident, TimelineEvent, Update};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The incident board: open incidents (worst first, then oldest) above the
/// resolved ones (most recently resolved first).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Board {
    pub open: Vec<Incident>,
    pub resolved: Vec<Incident>,
    /// Every open incident's deadlines, soonest first.
    pub deadlines: Vec<IncidentDeadline>,
    /// Minutes before a deadline that it counts as "heads-up".
    pub heads_up_minutes: u32,
    /// Why desktop notifications are not getting through, if they are not.
    pub notification_problem: Option<String>,
}

/// A deadline and the incident it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct IncidentDeadline {
    pub incident_id: String,
    pub deadline: Deadline,
}

impl Board {
    pub fn from_incidents(
        incidents: Vec<Incident>,
        deadlines: Vec<IncidentDeadline>,
        heads_up_minutes: u32,
    ) -> Board {
        let (mut open, mut resolved): (Vec<_>, Vec<_>) =
            incidents.into_iter().partition(|i| i.status.is_open());
        open.sort_by_key(|i| (i.severity, i.started_at));
        resolved.sort_by_key(|i| std::cmp::Reverse(i.resolved_at));
        Board {
            open,
            resolved,
            deadlines,
            heads_up_minutes,
            notification_problem: None,
        }
    }
}

/// One incident with its whole timeline, oldest event first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct IncidentView {
    pub incident: Incident,
    pub timeline: Vec<TimelineEvent>,
    /// When each audience's next update is due, in audience order.
    pub deadlines: Vec<Deadline>,
    /// Updates that went out, newest first.
    pub updates: Vec<Update>,
    /// Minutes before a deadline that it counts as "heads-up".
    pub heads_up_minutes: u32,
    /// Whether the incident is old enough for long-incident mode.
    pub long_incident: bool,
}
