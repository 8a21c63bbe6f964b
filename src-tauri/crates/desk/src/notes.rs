//! Tone/constraints and open comms asks: added, reworded and closed by the
//! lead, each change on the timeline.

use herald_core::EventKind;
use herald_core::handoff::{Ask, AskState, Constraint, NoteInput};
use herald_store::notes;

use crate::{Desk, Error, IncidentView};

impl Desk {
    pub fn add_constraint(
        &self,
        incident_id: &str,
        input: NoteInput,
    ) -> Result<IncidentView, Error> {
        let input = input.validate()?;
        let now = self.clock.now();
        let id = self.new_id();
        self.write(|tx| {
            let incident = self.existing(tx, incident_id)?;
            notes::save_constraint(
                tx,
                &Constraint {
                    id: id.clone(),
                    incident_id: incident.id.clone(),
                    text: input.text.clone(),
                    created_at: now,
                    updated_at: now,
                    closed_at: None,
                },
            )?;
            let event = EventKind::ConstraintAdded {
                constraint_id: id,
                text: input.text,
            };
            self.record(tx, &incident, vec![event], now)
        })?;
        self.incident(incident_id)
    }

    /// Rewords a constraint, or closes it (`closed`), keeping it for the record.
    pub fn change_constraint(
        &self,
        incident_id: &str,
        constraint_id: &str,
        input: NoteInput,
        closed: bool,
    ) -> Result<IncidentView, Error> {
        let input = input.validate()?;
        let now = self.clock.now();
        self.write(|tx| {
            let incident = self.existing(tx, incident_id)?;
            let mut constraint = notes::constraints(tx, incident_id)?
                .into_iter()
                .find(|c| c.id == constraint_id)
                .ok_or_else(|| Error::not_found("That constraint"))?;
            constraint.text = input.text.clone();
            constraint.updated_at = now;
            constraint.closed_at = closed.then_some(constraint.closed_at.unwrap_or(now));
            notes::save_constraint(tx, &constraint)?;
            let event = EventKind::ConstraintChanged {
                constraint_id: constraint.id,
                text: input.text,
                closed,
            };
            self.record(tx, &incident, vec![event], now)
        })?;
        self.incident(incident_id)
    }

    pub fn add_ask(&self, incident_id: &str, input: NoteInput) -> Result<IncidentView, Error> {
        let input = input.validate()?;
        let now = self.clock.now();
        let id = self.new_id();
        self.write(|tx| {
            let incident = self.existing(tx, incident_id)?;
            notes::save_ask(
                tx,
                &Ask {
                    id: id.clone(),
                    incident_id: incident.id.clone(),
                    text: input.text.clone(),
                    owner: input.owner.clone(),
                    state: AskState::Open,
                    created_at: now,
                    updated_at: now,
                },
            )?;
            let event = EventKind::AskAdded {
                ask_id: id,
                text: input.text,
                owner: input.owner,
            };
            self.record(tx, &incident, vec![event], now)
        })?;
        self.incident(incident_id)
    }

    /// Rewords or reassigns an ask, or marks it done or dropped.
    pub fn change_ask(
        &self,
        incident_id: &str,
        ask_id: &str,
        input: NoteInput,
        state: AskState,
    ) -> Result<IncidentView, Error> {
        let input = input.validate()?;
        let now = self.clock.now();
        self.write(|tx| {
            let incident = self.existing(tx, incident_id)?;
            let mut ask = notes::asks(tx, incident_id)?
                .into_iter()
                .find(|a| a.id == ask_id)
                .ok_or_else(|| Error::not_found("That ask"))?;
            ask.text = input.text.clone();
            ask.owner = input.owner.clone();
            ask.state = state;
            ask.updated_at = now;
            notes::save_ask(tx, &ask)?;
            let event = EventKind::AskChanged {
                ask_id: ask.id,
                text: input.text,
                owner: input.owner,
                state,
            };
            self.record(tx, &incident, vec![event], now)
        })?;
        self.incident(incident_id)
    }
}
