//! The resolution gate: all-clear wording and the move to "resolved" wait until
//! the incident has held in monitoring for the severity's hold time and the lead
//! has confirmed the metrics held, or the lead has overridden it with a reason.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::incident::Incident;
use crate::terms::Status;
use crate::timeline::{EventKind, TimelineEvent};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum GateState {
    /// The incident is not in monitoring, so the hold has not started.
    NotMonitoring,
    /// In monitoring, waiting out the hold (until `hold_until`).
    Holding,
    /// The hold has passed; the lead has still to confirm the metrics held.
    AwaitingConfirmation,
    /// Confirmed or overridden since the last status change: all-clear may go out.
    Open,
    /// Already resolved.
    Resolved,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ResolutionGate {
    pub state: GateState,
    pub hold_minutes: u32,
    pub monitoring_since: Option<DateTime<Utc>>,
    pub hold_until: Option<DateTime<Utc>>,
    /// Opened by an override rather than a confirmation.
    pub overridden: bool,
}

impl ResolutionGate {
    /// Whether "resolved" wording and the move to resolved are allowed.
    pub fn is_open(&self) -> bool {
        matches!(self.state, GateState::Open | GateState::Resolved)
    }

    /// Works the gate out from the incident's timeline (oldest event first).
    pub fn compute(
        incident: &Incident,
        hold_minutes: u32,
        timeline: &[TimelineEvent],
        now: DateTime<Utc>,
    ) -> ResolutionGate {
        let mut last_status_change = incident.started_at;
        let mut entered_monitoring =
            (incident.status == Status::Monitoring).then_some(incident.started_at);
        let mut opened: Option<bool> = None;
        for event in timeline {
            // Another lead's confirmation is their judgement, made on their
            // clock: this lead confirms (or overrides) for themselves.
            if event.imported {
                continue;
            }
            match &event.kind {
                EventKind::StatusChanged { to, .. } => {
                    last_status_change = event.at;
                    opened = None;
                    entered_monitoring = (*to == Status::Monitoring).then_some(event.at);
                }
                EventKind::MetricsConfirmed { .. } if event.at >= last_status_change => {
                    opened = Some(false);
                }
                EventKind::ResolutionGateOverridden { .. } if event.at >= last_status_change => {
                    opened = Some(true);
                }
                _ => {}
            }
        }
        let monitoring_since = (incident.status == Status::Monitoring)
            .then_some(entered_monitoring)
            .flatten();
        let hold_until =
            monitoring_since.map(|since| since + Duration::minutes(i64::from(hold_minutes)));
        let state = if incident.status == Status::Resolved {
            GateState::Resolved
        } else if opened.is_some() {
            GateState::Open
        } else {
            match hold_until {
                None => GateState::NotMonitoring,
                Some(until) if now < until => GateState::Holding,
                Some(_) => GateState::AwaitingConfirmation,
            }
        };
        ResolutionGate {
            state,
            hold_minutes,
            monitoring_since,
            hold_until,
            overridden: opened == Some(true),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::incident::{IncidentChange, NewIncident};
    use crate::matrix::SeverityMatrix;
    use crate::terms::Severity;
    use chrono::TimeZone;

    fn at(minute: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap() + Duration::minutes(minute)
    }

    fn event(minute: i64, kind: EventKind) -> TimelineEvent {
        TimelineEvent::new(format!("e{minute}"), "i".into(), at(minute), kind)
    }

    fn incident() -> Incident {
        let input = NewIncident {
            external_id: String::new(),
            link: String::new(),
            title: "t".into(),
            severity: Severity::Sev1,
            status: Status::Investigating,
            customer_visible: true,
            commander: String::new(),
            comms_lead: String::new(),
        };
        Incident::declare("i".into(), input, &SeverityMatrix::default(), at(0)).0
    }

    #[test]
    fn the_gate_holds_then_waits_for_confirmation_then_opens() {
        let mut incident = incident();
        let gate = |i: &Incident, events: &[TimelineEvent], minute| {
            ResolutionGate::compute(i, 30, events, at(minute)).state
        };
        assert_eq!(gate(&incident, &[], 5), GateState::NotMonitoring);
        let matrix = SeverityMatrix::default();
        incident.apply(IncidentChange::Status(Status::Monitoring), &matrix, at(10));
        let mut events = vec![event(
            10,
            EventKind::StatusChanged {
                from: Status::Investigating,
                to: Status::Monitoring,
            },
        )];
        assert_eq!(gate(&incident, &events, 39), GateState::Holding);
        let holding = ResolutionGate::compute(&incident, 30, &events, at(39));
        assert_eq!(holding.hold_until, Some(at(40)));
        assert_eq!(
            gate(&incident, &events, 40),
            GateState::AwaitingConfirmation
        );
        events.push(event(41, EventKind::MetricsConfirmed { held_minutes: 31 }));
        let open = ResolutionGate::compute(&incident, 30, &events, at(41));
        assert!(open.is_open() && !open.overridden);
    }

    #[test]
    fn leaving_monitoring_closes_the_gate_again_and_an_override_opens_it_anywhere() {
        let mut incident = incident();
        let matrix = SeverityMatrix::default();
        incident.apply(IncidentChange::Status(Status::Identified), &matrix, at(50));
        let mut events = vec![
            event(
                10,
                EventKind::StatusChanged {
                    from: Status::Investigating,
                    to: Status::Monitoring,
                },
            ),
            event(45, EventKind::MetricsConfirmed { held_minutes: 35 }),
            event(
                50,
                EventKind::StatusChanged {
                    from: Status::Monitoring,
                    to: Status::Identified,
                },
            ),
        ];
        let gate = ResolutionGate::compute(&incident, 30, &events, at(60));
        assert_eq!(gate.state, GateState::NotMonitoring);
        assert_eq!(gate.monitoring_since, None);
        events.push(event(
            61,
            EventKind::ResolutionGateOverridden {
                reason: "IC call".into(),
            },
        ));
        let gate = ResolutionGate::compute(&incident, 30, &events, at(61));
        assert!(gate.is_open() && gate.overridden);
    }
}
