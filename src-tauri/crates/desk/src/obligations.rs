//! Obligation clocks: the lead adds one from a preset (or types it), sets its
//! trigger when it happens (or after the fact), and records it sent with
//! evidence or not required with the reason. Open clocks with a trigger count
//! down on the board and in the cockpit and raise the deadline alerts; they
//! keep counting after the incident is resolved, as a 72-hour notice does.

use chrono::{DateTime, Utc};
use herald_core::obligations::check_presets;
use herald_core::{
    AlertStage, EventKind, Incident, Obligation, ObligationDecision, ObligationInput,
    ObligationPreset, ObligationState,
};
use herald_store::{Connection, StoreError, incidents, obligations, settings};

use crate::{Desk, Error, IncidentView};

impl Desk {
    /// The clocks the lead can add in one step (Settings edits them).
    pub fn obligation_presets(&self) -> Result<Vec<ObligationPreset>, Error> {
        Ok(self.store.read(settings::obligation_presets)?)
    }

    /// Saves the presets; every one must be a clock that could be added.
    pub fn save_obligation_presets(
        &self,
        presets: Vec<ObligationPreset>,
    ) -> Result<Vec<ObligationPreset>, Error> {
        check_presets(&presets)?;
        self.write(|tx| Ok::<(), Error>(settings::save_obligation_presets(tx, &presets)?))?;
        self.obligation_presets()
    }

    /// Puts a clock on the incident.
    pub fn add_obligation(
        &self,
        incident_id: &str,
        input: ObligationInput,
    ) -> Result<IncidentView, Error> {
        let now = self.clock.now();
        let input = input.validate(now)?;
        self.write(|tx| {
            let incident = self.existing(tx, incident_id)?;
            let clock = Obligation {
                id: self.new_id(),
                incident_id: incident.id.clone(),
                name: input.name,
                owner: input.owner,
                rule: input.rule,
                link: input.link,
                within_minutes: input.within_minutes,
                triggered_at: input.triggered_at,
                state: ObligationState::Open,
                note: String::new(),
                decided_at: None,
                created_at: now,
                updated_at: now,
            };
            obligations::save(tx, &clock)?;
            let mut events = vec![EventKind::ObligationAdded {
                obligation_id: clock.id.clone(),
                name: clock.name.clone(),
                within_minutes: clock.within_minutes,
            }];
            if clock.triggered_at.is_some() {
                events.push(changed(&clock));
            }
            self.record(tx, &incident, events, now)
        })?;
        self.incident(incident_id)
    }

    /// Changes a clock's details or sets its trigger.
    pub fn edit_obligation(
        &self,
        incident_id: &str,
        obligation_id: &str,
        input: ObligationInput,
    ) -> Result<IncidentView, Error> {
        let now = self.clock.now();
        let input = input.validate(now)?;
        self.write(|tx| {
            let (incident, mut clock) = self.existing_clock(tx, incident_id, obligation_id)?;
            clock.name = input.name;
            clock.owner = input.owner;
            clock.rule = input.rule;
            clock.link = input.link;
            clock.within_minutes = input.within_minutes;
            clock.triggered_at = input.triggered_at;
            clock.updated_at = now;
            obligations::save(tx, &clock)?;
            self.record(tx, &incident, vec![changed(&clock)], now)
        })?;
        self.incident(incident_id)
    }

    /// Records a clock sent (with evidence), not required (with the reason),
    /// or open again.
    pub fn decide_obligation(
        &self,
        incident_id: &str,
        obligation_id: &str,
        decision: ObligationDecision,
    ) -> Result<IncidentView, Error> {
        let now = self.clock.now();
        let decision = decision.validate()?;
        self.write(|tx| {
            let (incident, mut clock) = self.existing_clock(tx, incident_id, obligation_id)?;
            clock.state = decision.state;
            clock.note = decision.note.clone();
            clock.decided_at = (decision.state != ObligationState::Open).then_some(now);
            clock.updated_at = now;
            obligations::save(tx, &clock)?;
            let event = EventKind::ObligationDecided {
                obligation_id: clock.id.clone(),
                name: clock.name.clone(),
                state: clock.state,
                note: clock.note.clone(),
            };
            self.record(tx, &incident, vec![event], now)
        })?;
        self.incident(incident_id)
    }

    fn existing_clock(
        &self,
        conn: &Connection,
        incident_id: &str,
        obligation_id: &str,
    ) -> Result<(Incident, Obligation), Error> {
        let incident = self.existing(conn, incident_id)?;
        let clock = obligations::get(conn, obligation_id)?
            .filter(|c| c.incident_id == incident.id)
            .ok_or_else(|| Error::not_found("That obligation clock"))?;
        Ok((incident, clock))
    }
}

/// The timeline's note of a clock's (new) due time.
fn changed(clock: &Obligation) -> EventKind {
    EventKind::ObligationChanged {
        obligation_id: clock.id.clone(),
        name: clock.name.clone(),
        due_at: clock.due_at(),
    }
}

/// Every clock still counting, with its incident and the alert stage raised
/// for it, soonest due first. Resolved incidents' clocks count too.
pub(crate) fn counting(
    conn: &Connection,
) -> Result<Vec<(Incident, Obligation, Option<AlertStage>)>, StoreError> {
    let mut out = Vec::new();
    for (clock, stage) in obligations::counting(conn)?.rows {
        if let Ok(Some(incident)) = incidents::get(conn, &clock.incident_id) {
            out.push((incident, clock, stage));
        }
    }
    out.sort_by_key(|(_, c, _)| c.due_at());
    Ok(out)
}

/// The next instants the counting clocks need the watcher.
pub(crate) fn due_times(conn: &Connection) -> Result<Vec<DateTime<Utc>>, StoreError> {
    Ok(counting(conn)?
        .into_iter()
        .filter_map(|(_, c, _)| c.due_at())
        .collect())
}
