//! What the UI is sent: read models built from the domain types.

use herald_core::handoff::{Ask, Constraint};
use herald_core::postmortem::CommsMetrics;
use herald_core::{
    Audience, Deadline, Finding, IcSync, Incident, JudgedPromise, Obligation, Promise,
    PromiseSummary, ResolutionGate, SyncChange, TemplateKind, TimelineEvent, Update,
};
use serde::{Deserialize, Serialize};

use crate::{RoleHolding, UnreadableRecord};
use ts_rs::TS;

/// The incident board: open incidents (worst first, then oldest) above the
/// resolved ones (most recently resolved first).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Board {
    pub open: Vec<Incident>,
    pub resolved: Vec<Incident>,
    /// Every open incident's deadlines, soonest first; a running drill's
    /// follow the real ones (see `Launch::board`).
    pub deadlines: Vec<IncidentDeadline>,
    /// Promises with their own countdown (an ETA, or a "next update" sooner
    /// than the cadence), soonest first.
    pub promises: Vec<IncidentPromise>,
    /// Open obligation clocks with a trigger, soonest due first; a resolved
    /// incident's clocks keep counting.
    pub obligations: Vec<IncidentObligation>,
    /// Minutes before a deadline that it counts as "heads-up".
    pub heads_up_minutes: u32,
    /// Why desktop notifications are not getting through, if they are not.
    pub notification_problem: Option<String>,
    /// Comms punctuality over the incidents declared in the last 30 days.
    pub last_30_days: CommsSummary,
    /// Incidents (or their deadlines) stored but unreadable: skipped, and named.
    pub unreadable: Vec<UnreadableRecord>,
    /// Why the deadline watcher's last round failed, until one succeeds.
    pub watcher_problem: Option<String>,
}

/// A small roll-up of comms punctuality across incidents.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CommsSummary {
    pub incidents: u32,
    pub updates: u32,
    pub on_time: u32,
    pub late: u32,
    pub missed: u32,
    /// The longest silence to any audience in any of them, in seconds.
    #[ts(type = "number")]
    pub longest_silence: i64,
    /// The promises they made: kept, broken, ETA accuracy, and (as the
    /// median over the incidents) the start to the first customer update.
    pub promises: PromiseSummary,
}

/// An obligation clock counted down on the board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct IncidentObligation {
    pub incident_id: String,
    /// As [`IncidentDeadline::reference`].
    pub reference: String,
    pub obligation: Obligation,
}

/// A promise counted down on the board, beside the deadlines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct IncidentPromise {
    pub incident_id: String,
    /// As [`IncidentDeadline::reference`].
    pub reference: String,
    pub promise: Promise,
}

/// A deadline and the incident it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct IncidentDeadline {
    pub incident_id: String,
    /// What the incident is called where room is short (the window title,
    /// the countdown window): `Incident::reference`, so the UI keeps no copy
    /// of the rule. Empty when the incident itself could not be read.
    pub reference: String,
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
            promises: Vec::new(),
            obligations: Vec::new(),
            heads_up_minutes,
            notification_problem: None,
            last_30_days: CommsSummary::default(),
            unreadable: Vec::new(),
            watcher_problem: None,
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
    /// The latest IC sync, if there has been one.
    pub latest_sync: Option<IcSync>,
    /// What the latest sync changed compared with the one before it.
    pub sync_changes: Vec<SyncChange>,
    /// One draft per audience, in audience order.
    pub drafts: Vec<DraftView>,
    pub gate: ResolutionGate,
    /// Tone/constraints, open and closed, oldest first.
    pub constraints: Vec<Constraint>,
    /// Comms asks, whatever their state, oldest first.
    pub asks: Vec<Ask>,
    /// Who has held the role since when, and whether to suggest a handoff.
    pub role: RoleHolding,
    /// How many events the whole timeline has; `timeline` holds the newest.
    pub timeline_total: u32,
    /// Comms punctuality so far.
    pub metrics: CommsMetrics,
    /// The cadence chart as SVG text.
    pub chart: String,
    /// Where each published update went, oldest first.
    pub deliveries: Vec<crate::DeliveryView>,
    /// The channels updates can go to (no secrets, the keychain is not asked).
    pub channels: Vec<crate::ChannelView>,
    /// Every time an update gave its audience, judged now, oldest first.
    pub promises: Vec<JudgedPromise>,
    pub promise_summary: PromiseSummary,
    /// The incident's obligation clocks, oldest first.
    pub obligations: Vec<Obligation>,
    /// Who has been told what: each audience's facts as last told.
    pub told: herald_core::Told,
    /// Corrections of updates that went out, oldest first; each update's
    /// original text stays in `updates`.
    pub corrections: Vec<herald_core::Correction>,
}

/// One audience's working draft, checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DraftView {
    pub audience: Audience,
    pub body: String,
    /// Bumped on every save; reviews and publishing name the revision they saw.
    pub revision: u32,
    pub template_kind: TemplateKind,
    /// The lead has changed the text since it was generated.
    pub edited: bool,
    /// A newer IC sync exists than the one this draft was generated from.
    pub stale: bool,
    /// The current revision was marked "reviewed for accuracy and tone".
    pub reviewed: bool,
    pub review_required: bool,
    pub findings: Vec<Finding>,
    /// Characters in the body plus the footer, as the channel will count them.
    pub length: u32,
    /// The line Herald appends when publishing ("Next update by 15:05 UTC").
    pub footer: Option<String>,
}
