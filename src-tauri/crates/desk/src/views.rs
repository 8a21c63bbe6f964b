//! What the UI is sent: read models built from the domain types.

use herald_core::{Incident, TimelineEvent};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The incident board: open incidents (worst first, then oldest) above the
/// resolved ones (most recently resolved first).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Board {
    pub open: Vec<Incident>,
    pub resolved: Vec<Incident>,
}

impl Board {
    pub fn from_incidents(incidents: Vec<Incident>) -> Board {
        let (mut open, mut resolved): (Vec<_>, Vec<_>) =
            incidents.into_iter().partition(|i| i.status.is_open());
        open.sort_by_key(|i| (i.severity, i.started_at));
        resolved.sort_by_key(|i| std::cmp::Reverse(i.resolved_at));
        Board { open, resolved }
    }
}

/// One incident with its whole timeline, oldest event first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct IncidentView {
    pub incident: Incident,
    pub timeline: Vec<TimelineEvent>,
}
