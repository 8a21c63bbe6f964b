//! Declaring incidents, the board, and changing severity and status.

use herald_core::{EventKind, Incident, IncidentChange, NewIncident, TimelineEvent};
use herald_store::{Transaction, incidents, settings, timeline};

use crate::{Board, Desk, Error, IncidentView};

impl Desk {
    /// Declares an incident from the form. Nothing is saved if any field is wrong
    /// or the external ID is already used.
    pub fn declare_incident(&self, input: NewIncident) -> Result<IncidentView, Error> {
        let input = input.validate()?;
        let now = self.clock.now();
        let id = self.new_id();
        self.store.write(|tx| {
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
            self.record(tx, &incident, events, now)
        })?;
        self.incident(&id)
    }

    pub fn board(&self) -> Result<Board, Error> {
        let all = self.store.read(incidents::all)?;
        Ok(Board::from_incidents(all))
    }

    pub fn incident(&self, id: &str) -> Result<IncidentView, Error> {
        self.store
            .read(|conn| {
                let incident = incidents::get(conn, id)?;
                let timeline = timeline::for_incident(conn, id)?;
                Ok((incident, timeline))
            })
            .map_err(Error::from)
            .and_then(|(incident, timeline)| match incident {
                Some(incident) => Ok(IncidentView { incident, timeline }),
                None => Err(Error::not_found("That incident")),
            })
    }

    /// Changes severity or status; the change and its timeline entries commit together.
    pub fn change_incident(&self, id: &str, change: IncidentChange) -> Result<IncidentView, Error> {
        let now = self.clock.now();
        self.store.write(|tx| {
            let mut incident =
                incidents::get(tx, id)?.ok_or_else(|| Error::not_found("That incident"))?;
            let matrix = settings::severity_matrix(tx)?;
            let events = incident.apply(change, &matrix, now);
            if !events.is_empty() {
                incidents::update(tx, &incident)?;
                self.record(tx, &incident, events, now)?;
            }
            Ok::<(), Error>(())
        })?;
        self.incident(id)
    }

    /// Appends the events a change produced, all stamped with the change's time.
    fn record(
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
