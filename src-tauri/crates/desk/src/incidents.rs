//! Declaring incidents, the board, and changing severity and status.

use herald_core::cadence::is_long_incident;
use herald_core::{EventKind, Incident, IncidentChange, NewIncident, TimelineEvent};
use herald_store::{
    Transaction, deadlines, drafts, incidents, notes, settings, syncs, timeline, updates,
};

use crate::drafts::DraftContext;
use crate::handoff::role_holding;

use crate::views::IncidentDeadline;
use crate::{Board, Desk, Error, IncidentView};

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
            let deadlines = deadlines::all(conn)?
                .into_iter()
                .map(|(incident_id, deadline, _)| IncidentDeadline {
                    incident_id,
                    deadline,
                })
                .collect();
            Ok((
                incidents::all(conn)?,
                deadlines,
                settings::severity_matrix(conn)?,
            ))
        })?;
        let mut board = Board::from_incidents(all, deadlines, matrix.heads_up_minutes);
        board.notification_problem = self.notification_problem();
        Ok(board)
    }

    pub fn incident(&self, id: &str) -> Result<IncidentView, Error> {
        let now = self.clock.now();
        self.store
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
                Ok(Some(IncidentView {
                    long_incident: is_long_incident(&incident, &matrix, now),
                    heads_up_minutes: matrix.heads_up_minutes,
                    drafts: context.views(&stored, now),
                    gate: context.gate.clone(),
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
                    timeline: events,
                    deadlines: deadlines::for_incident(conn, id)?
                        .into_iter()
                        .map(|(d, _)| d)
                        .collect(),
                    updates: updates::for_incident(conn, id)?,
                    incident,
                }))
            })?
            .ok_or_else(|| Error::not_found("That incident"))
    }

    /// Changes severity or status; the change and its timeline entries commit together.
    pub fn change_incident(&self, id: &str, change: IncidentChange) -> Result<IncidentView, Error> {
        let now = self.clock.now();
        self.write(|tx| {
            let mut incident = self.existing(tx, id)?;
            if let IncidentChange::Status(to) = change {
                return self.change_status_in(tx, incident, to, now);
            }
            let matrix = settings::severity_matrix(tx)?;
            let events = incident.apply(change, &matrix, now);
            if let Some(first) = events.first() {
                let cause = first.summary();
                incidents::update(tx, &incident)?;
                self.record(tx, &incident, events, now)?;
                self.refresh_deadlines(tx, &incident, &matrix, &cause, now)?;
            }
            Ok::<(), Error>(())
        })?;
        self.incident(id)
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
