//! The resolution gate as the lead works it: confirm the metrics held after
//! the hold, or override with a reason. Both go on the timeline.

use chrono::{DateTime, Utc};
use herald_core::{EventKind, GateState, Incident, ResolutionGate};
use herald_store::{Connection, StoreError, settings, timeline};

use crate::{Desk, Error, IncidentView};

/// Why the gate is closed and what opens it, for errors and the UI.
pub(crate) fn closed_reason(gate: &ResolutionGate, now: DateTime<Utc>) -> String {
    match gate.state {
        GateState::NotMonitoring => format!(
            "Not yet: move the incident to monitoring and let it hold for {} min before the all-clear, or override the resolution gate with a reason.",
            gate.hold_minutes
        ),
        GateState::Holding => {
            let left = gate
                .hold_until
                .map(|until| ((until - now).num_seconds().max(0) + 59) / 60)
                .unwrap_or(0);
            format!(
                "Not yet: the monitoring hold has {left} min to run. Confirm the metrics held once it has, or override the resolution gate with a reason."
            )
        }
        GateState::AwaitingConfirmation => {
            "Not yet: the hold has passed; confirm the metrics held first.".to_owned()
        }
        GateState::Open | GateState::Resolved => String::new(),
    }
}

/// The gate as it stands now, read from the stored matrix and timeline.
pub(crate) fn current_gate(
    conn: &Connection,
    incident: &Incident,
    now: DateTime<Utc>,
) -> Result<ResolutionGate, StoreError> {
    let matrix = settings::severity_matrix(conn)?;
    let events = timeline::for_incident(conn, &incident.id)?;
    Ok(ResolutionGate::compute(
        incident,
        matrix.policy(incident.severity).hold_minutes,
        &events,
        now,
    ))
}

impl Desk {
    /// The lead confirms the metrics held through the monitoring hold.
    pub fn confirm_metrics(&self, incident_id: &str) -> Result<IncidentView, Error> {
        let now = self.clock.now();
        self.write(|tx| {
            let incident = self.existing(tx, incident_id)?;
            let gate = current_gate(tx, &incident, now)?;
            if gate.state != GateState::AwaitingConfirmation {
                let message = match gate.state {
                    GateState::Open | GateState::Resolved => {
                        "The resolution gate is already open.".to_owned()
                    }
                    _ => closed_reason(&gate, now),
                };
                return Err(Error::blocked("gate", message));
            }
            let held_minutes = gate
                .monitoring_since
                .map(|since| u32::try_from((now - since).num_minutes()).unwrap_or(0))
                .unwrap_or(0);
            self.record(
                tx,
                &incident,
                vec![EventKind::MetricsConfirmed { held_minutes }],
                now,
            )
        })?;
        self.incident(incident_id)
    }

    /// Opens the gate early; the reason goes on the timeline.
    pub fn override_resolution_gate(
        &self,
        incident_id: &str,
        reason: &str,
    ) -> Result<IncidentView, Error> {
        let reason = checked_reason(reason)?;
        let now = self.clock.now();
        self.write(|tx| {
            let incident = self.existing(tx, incident_id)?;
            self.record(
                tx,
                &incident,
                vec![EventKind::ResolutionGateOverridden { reason }],
                now,
            )
        })?;
        self.incident(incident_id)
    }
}

/// An override reason: required, and short enough for a timeline line.
pub(crate) fn checked_reason(reason: &str) -> Result<String, Error> {
    let reason = reason.trim();
    let problem = if reason.is_empty() {
        Some("Give a reason for the override; it goes on the timeline.".to_owned())
    } else if reason.chars().count() > 500 {
        Some("Keep the reason to 500 characters or fewer.".to_owned())
    } else {
        None
    };
    match problem {
        Some(message) => {
            Err(herald_core::Invalid(vec![herald_core::FieldError::new("reason", message)]).into())
        }
        None => Ok(reason.to_owned()),
    }
}
