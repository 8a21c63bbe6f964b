//! Declaring incidents, the board, and changing severity and status.

use herald_core::cadence::is_long_incident;
use herald_core::{EventKind, Incident, IncidentChange, NewIncident, Status, TimelineEvent};
use herald_store::{
    Transaction, deadlines, drafts, incidents, notes, settings, syncs, timeline, updates,
};

use herald_core::postmortem::{chart, metrics};

use crate::drafts::DraftContext;
use crate::gate::{closed_reason, current_gate};
use crate::handoff::role_holding;

use crate::views::CommsSummary;
use crate::views::{IncidentDeadline, IncidentObligation, IncidentPromise};
use crate::{Board, Desk, Error, IncidentView};

/// How many of the newest timeline events an incident view carries.
pub const TIMELINE_SHOWN: usize = 200;

impl Desk {
    /// Declares an incident from the form. Nothing is saved if any field is wrong
    /// or the external ID is already used.
    pub fn declare_incident(&self, input: NewIncident) -> Result<IncidentView, Error> {
        let input = input.validate()?;
        let now = self.clock.now();
        let id = self.new_id();
        self.write(|tx| {
            if incidents::external_id_taken(tx, &input.external_id)? {
                return Err(Error::conflict(
                    "external_id",
                    format!(
                        "An incident with the ID {} already exists; open it from the board instead.",
                        input.external_id
                    ),
                ));
            }
            let matrix = settings::severity_matrix(tx)?;
            let (incident, events) = Incident::declare(id.clone(), input, &matrix, now);
            incidents::insert(tx, &incident)?;
            self.record(tx, &incident, events, now)?;
            self.refresh_deadlines(tx, &incident, &matrix, "Declared", now)
        })?;
        self.incident(&id)
    }

    pub fn board(&self) -> Result<Board, Error> {
        let (all, deadlines, matrix) = self.store.read(|conn| {
            Ok((
                incidents::all(conn)?,
                deadlines::all(conn)?,
                settings::severity_matrix(conn)?,
            ))
        })?;
        let now = self.clock.now();
        let summary = self.store.read(|conn| last_30_days(conn, now))?;
        let unreadable = crate::health::records(&[&all.unreadable, &deadlines.unreadable]);
        let references: std::collections::HashMap<&str, String> = all
            .rows
            .iter()
            .map(|i| (i.id.as_str(), i.reference().into_owned()))
            .collect();
        let deadlines = deadlines
            .rows
            .into_iter()
            .map(|(incident_id, deadline, _)| IncidentDeadline {
                reference: references
                    .get(incident_id.as_str())
                    .cloned()
                    .unwrap_or_default(),
                incident_id,
                deadline,
            })
            .collect();
        let promised = self.store.read(|conn| crate::promises::live(conn, now))?;
        let clocks = self.store.read(crate::obligations::counting)?;
        let mut board = Board::from_incidents(all.rows, deadlines, matrix.heads_up_minutes);
        board.promises = promised
            .into_iter()
            .map(|(incident, promise, _)| IncidentPromise {
                reference: incident.reference().into_owned(),
                incident_id: incident.id,
                promise,
            })
            .collect();
        board.obligations = clocks
            .into_iter()
            .map(|(incident, obligation, _)| IncidentObligation {
                reference: incident.reference().into_owned(),
                incident_id: incident.id,
                obligation,
            })
            .collect();
        board.notification_problem = self.notification_problem();
        board.last_30_days = summary;
        board.unreadable = unreadable;
        board.watcher_problem = self.health.watcher_problem();
        Ok(board)
    }

    pub fn incident(&self, id: &str) -> Result<IncidentView, Error> {
        let now = self.clock.now();
        let (mut view, context, stored) = self
            .store
            .read(|conn| {
                let Some(incident) = incidents::get(conn, id)? else {
                    return Ok(None);
                };
                let matrix = settings::severity_matrix(conn)?;
                let events = timeline::for_incident(conn, id)?;
                let context = DraftContext::load(conn, incident.clone(), &events, now)?;
                let stored = drafts::for_incident(conn, id)?;
                let all_syncs = syncs::for_incident(conn, id)?;
                let sync_changes = match (all_syncs.first(), all_syncs.get(1)) {
                    (Some(latest), Some(before)) => latest.facts.changes_since(&before.facts),
                    _ => Vec::new(),
                };
                let metrics = metrics::compute(&incident, &events, now);
                let chart = chart::svg(&incident, &events, &metrics, now);
                let timeline_total = u32::try_from(events.len()).unwrap_or(u32::MAX);
                let updates = updates::for_incident(conn, id)?;
                let promises = crate::promises::judged(conn, &incident, now)?;
                let promise_summary = crate::promises::summary(&promises, &incident, &updates);
                let view = IncidentView {
                    deliveries: crate::deliveries::for_incident(conn, id)?,
                    channels: crate::channels::summaries(conn)?,
                    metrics,
                    chart,
                    timeline_total,
                    long_incident: is_long_incident(&incident, &matrix, now),
                    heads_up_minutes: matrix.heads_up_minutes,
                    // Checked below, once the store is free.
                    drafts: Vec::new(),
                    gate: context.gate.clone(),
                    told: context.matrix.clone(),
                    corrections: herald_store::corrections::for_incident(conn, id)?,
                    constraints: notes::constraints(conn, id)?,
                    asks: notes::asks(conn, id)?,
                    role: role_holding(
                        &incident,
                        &events,
                        &settings::handoff_preferences(conn)?,
                        now,
                    ),
                    latest_sync: context.latest_sync.clone(),
                    sync_changes,
                    // The window shows the newest events and pages back for more.
                    timeline: events[events.len().saturating_sub(TIMELINE_SHOWN)..].to_vec(),
                    deadlines: deadlines::for_incident(conn, id)?
                        .into_iter()
                        .map(|(d, _)| d)
                        .collect(),
                    updates,
                    promises,
                    promise_summary,
                    obligations: herald_store::obligations::for_incident(conn, id)?,
                    incident,
                };
                Ok(Some((view, context, stored)))
            })?
            .ok_or_else(|| Error::not_found("That incident"))?;
        // Every audience's draft is checked outside the store's lock: a long
        // paste must not hold the board, the alert check or the outbox.
        view.drafts = context.views(&stored, now);
        Ok(view)
    }

    /// Changes severity or status; the change and its timeline entries commit together.
    pub fn change_incident(&self, id: &str, change: IncidentChange) -> Result<IncidentView, Error> {
        let now = self.clock.now();
        self.write(|tx| {
            let incident = self.existing(tx, id)?;
            self.change_in(tx, incident, change, now).map(drop)
        })?;
        self.incident(id)
    }

    /// Applies a change inside a running transaction (the status select, an
    /// IC sync and the customers' resolution message all come here) and gives
    /// back the incident as changed. Resolving waits for the resolution gate.
    pub(crate) fn change_in(
        &self,
        tx: &Transaction<'_>,
        mut incident: Incident,
        change: IncidentChange,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Incident, Error> {
        if change == IncidentChange::Status(Status::Resolved) {
            let gate = current_gate(tx, &incident, now)?;
            if !gate.is_open() {
                return Err(Error::blocked("status", closed_reason(&gate, now)));
            }
        }
        let matrix = settings::severity_matrix(tx)?;
        let events = incident.apply(change, &matrix, now);
        if let Some(first) = events.first() {
            let cause = first.summary();
            incidents::update(tx, &incident)?;
            self.record(tx, &incident, events, now)?;
            self.refresh_deadlines(tx, &incident, &matrix, &cause, now)?;
        }
        Ok(incident)
    }

    /// Appends the events a change produced, all stamped with the change's time.
    pub(crate) fn record(
        &self,
        tx: &Transaction<'_>,
        incident: &Incident,
        events: Vec<EventKind>,
        at: chrono::DateTime<chrono::Utc>,
    ) -> Result<(), Error> {
        for kind in events {
            let event = TimelineEvent::new(self.new_id(), incident.id.clone(), at, kind);
            timeline::append(tx, &event)?;
        }
        Ok(())
    }
}

/// Punctuality over the incidents declared in the 30 days before `now`.
fn last_30_days(
    conn: &herald_store::Connection,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<CommsSummary, herald_store::StoreError> {
    let since = now - chrono::Duration::days(30);
    let mut summary = CommsSummary::default();
    let mut judged = Vec::new();
    let mut first_public = Vec::new();
    for incident in incidents::all(conn)?
        .rows
        .into_iter()
        .filter(|i| i.started_at >= since)
    {
        let events = timeline::for_incident(conn, &incident.id)?;
        let m = metrics::compute(&incident, &events, now);
        summary.incidents += 1;
        let updates = updates::for_incident(conn, &incident.id)?;
        first_public.extend(crate::promises::first_public_update(&incident, &updates));
        judged.extend(crate::promises::judged(conn, &incident, now)?);
        for a in &m.audiences {
            summary.updates += a.updates;
            summary.on_time += a.on_time;
            summary.late += a.late;
            summary.missed += a.missed;
            summary.longest_silence = summary.longest_silence.max(a.longest_silence);
        }
    }
    let pairs: Vec<_> = judged.iter().map(|j| (&j.promise, &j.outcome)).collect();
    summary.promises = herald_core::PromiseSummary::of(&pairs, &first_public);
    Ok(summary)
}
