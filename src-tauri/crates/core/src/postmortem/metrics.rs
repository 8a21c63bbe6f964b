//! Comms punctuality, worked out from the timeline alone: when each audience
//! first heard from us, which deadlines were met, missed or answered late, how
//! late, and the longest silence. Pure: the end of an open incident is passed in.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::incident::Incident;
use crate::terms::Audience;
use crate::timeline::{EventKind, TimelineEvent};

/// One audience's punctuality. Durations are whole seconds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AudienceMetrics {
    pub audience: Audience,
    /// From declaration to the first update, if there was one.
    #[ts(type = "number | null")]
    pub first_update_after: Option<i64>,
    pub updates: u32,
    /// Updates sent by the deadline they answered.
    pub on_time: u32,
    /// Updates sent after the deadline they answered.
    pub late: u32,
    /// Deadlines that passed before an update answered them (late updates
    /// included) or before they were moved.
    pub missed: u32,
    #[ts(type = "number | null")]
    pub mean_lateness: Option<i64>,
    #[ts(type = "number | null")]
    pub worst_lateness: Option<i64>,
    /// The longest time with no update, from declaration to the end.
    #[ts(type = "number")]
    pub longest_silence: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CommsMetrics {
    /// Audiences that had a deadline or an update, in audience order.
    pub audiences: Vec<AudienceMetrics>,
    pub reviews: u32,
    pub guardrail_overrides: u32,
    pub gate_overrides: u32,
    pub handoffs: u32,
}

/// One update as the metrics see it: when, for whom, against which deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Answered {
    pub audience: Audience,
    pub at: DateTime<Utc>,
    pub due: Option<DateTime<Utc>>,
}

impl Answered {
    pub fn late(&self) -> bool {
        self.due.is_some_and(|due| self.at > due)
    }
}

/// Walks the timeline once: each update, the deadline it answered, and every
/// deadline instant that was set.
pub fn walk(events: &[TimelineEvent]) -> (Vec<Answered>, Vec<(Audience, DateTime<Utc>)>) {
    let mut due: BTreeMap<Audience, DateTime<Utc>> = BTreeMap::new();
    let mut answered = Vec::new();
    let mut deadlines = Vec::new();
    for event in events {
        match &event.kind {
            EventKind::UpdateLogged { audience, .. }
            | EventKind::UpdatePublished { audience, .. } => {
                answered.push(Answered {
                    audience: *audience,
                    at: event.at,
                    due: due.get(audience).copied(),
                });
            }
            EventKind::DeadlinesChanged { changes, .. } => {
                for change in changes {
                    match change.to {
                        Some(to) => {
                            due.insert(change.audience, to);
                            deadlines.push((change.audience, to));
                        }
                        None => {
                            due.remove(&change.audience);
                        }
                    }
                }
            }
            _ => {}
        }
    }
    (answered, deadlines)
}

/// The metrics for one incident. `end` is when it resolved, or now if open.
pub fn compute(incident: &Incident, events: &[TimelineEvent], end: DateTime<Utc>) -> CommsMetrics {
    let end = incident.resolved_at.unwrap_or(end);
    let (answered, _) = walk(events);
    let mut audiences = Vec::new();
    for audience in Audience::ALL {
        let mine: Vec<&Answered> = answered.iter().filter(|a| a.audience == audience).collect();
        let missed = missed(events, audience, end);
        let had_deadline = events.iter().any(|e| match &e.kind {
            EventKind::DeadlinesChanged { changes, .. } => changes
                .iter()
                .any(|c| c.audience == audience && c.to.is_some()),
            _ => false,
        });
        if mine.is_empty() && !had_deadline {
            continue;
        }
        let lateness: Vec<i64> = mine
            .iter()
            .filter(|a| a.late())
            .filter_map(|a| a.due.map(|due| (a.at - due).num_seconds()))
            .collect();
        let mut marks: Vec<DateTime<Utc>> = vec![incident.started_at];
        marks.extend(mine.iter().map(|a| a.at));
        marks.push(end.max(incident.started_at));
        let longest_silence = marks
            .windows(2)
            .map(|w| (w[1] - w[0]).num_seconds())
            .max()
            .unwrap_or(0);
        audiences.push(AudienceMetrics {
            audience,
            first_update_after: mine
                .first()
                .map(|a| (a.at - incident.started_at).num_seconds()),
            updates: count(mine.len()),
            on_time: count(mine.iter().filter(|a| !a.late()).count()),
            late: count(lateness.len()),
            missed,
            mean_lateness: (!lateness.is_empty())
                .then(|| lateness.iter().sum::<i64>() / lateness.len() as i64),
            worst_lateness: lateness.iter().copied().max(),
            longest_silence,
        });
    }
    let tally =
        |test: fn(&EventKind) -> bool| count(events.iter().filter(|e| test(&e.kind)).count());
    CommsMetrics {
        audiences,
        reviews: tally(|k| matches!(k, EventKind::DraftReviewed { .. })),
        guardrail_overrides: tally(|k| matches!(k, EventKind::GuardrailsOverridden { .. })),
        gate_overrides: tally(|k| matches!(k, EventKind::ResolutionGateOverridden { .. })),
        handoffs: tally(|k| matches!(k, EventKind::HandedOff { .. } | EventKind::TookOver { .. })),
    }
}

/// Deadline instants that passed while they were still the deadline.
fn missed(events: &[TimelineEvent], audience: Audience, end: DateTime<Utc>) -> u32 {
    let mut current: Option<DateTime<Utc>> = None;
    let mut missed = 0;
    for event in events {
        let replaced = match &event.kind {
            EventKind::UpdateLogged { audience: a, .. }
            | EventKind::UpdatePublished { audience: a, .. } => *a == audience,
            EventKind::DeadlinesChanged { changes, .. } => {
                changes.iter().any(|c| c.audience == audience)
            }
            _ => false,
        };
        if replaced {
            if current.is_some_and(|due| due < event.at) {
                missed += 1;
                // An update answers the passed deadline; do not count it twice
                // when the recomputation right after moves it.
                current = None;
            }
            if let EventKind::DeadlinesChanged { changes, .. } = &event.kind
                && let Some(change) = changes.iter().find(|c| c.audience == audience)
            {
                current = change.to;
            }
        }
    }
    if current.is_some_and(|due| due < end) {
        missed += 1;
    }
    missed
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cadence::DeadlineChange;
    use crate::incident::NewIncident;
    use crate::matrix::SeverityMatrix;
    use crate::terms::{Severity, Status};
    use chrono::{Duration, TimeZone};

    fn at(minute: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 27, 13, 0, 0).unwrap() + Duration::minutes(minute)
    }

    fn incident() -> Incident {
        let input = NewIncident {
            external_id: "INC-1".into(),
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

    /// A tiny script: `D m` sets the customer deadline at minute m, `U m`
    /// is a customer update at minute m, `S m->n` a snooze moving it.
    fn script(steps: &[(&str, i64, i64)]) -> Vec<TimelineEvent> {
        let mut due: Option<DateTime<Utc>> = None;
        let mut events = Vec::new();
        let mut push = |minute: i64, kind: EventKind| {
            events.push(TimelineEvent::new(
                format!("e{}", events.len()),
                "i".into(),
                at(minute),
                kind,
            ));
        };
        for &(step, a, b) in steps {
            match step {
                "due" => {
                    push(
                        a,
                        EventKind::DeadlinesChanged {
                            cause: "x".into(),
                            changes: vec![DeadlineChange {
                                audience: Audience::Customers,
                                from: due,
                                to: Some(at(b)),
                            }],
                        },
                    );
                    due = Some(at(b));
                }
                "update" => push(
                    a,
                    EventKind::UpdatePublished {
                        update_id: format!("u{a}"),
                        audience: Audience::Customers,
                        author: String::new(),
                    },
                ),
                _ => unreachable!(),
            }
        }
        events
    }

    #[test]
    fn punctuality_cases() {
        // (name, script, end minute, expected (updates, on_time, late, missed, mean, worst, silence, first))
        type Case = (
            &'static str,
            Vec<(&'static str, i64, i64)>,
            i64,
            (
                u32,
                u32,
                u32,
                u32,
                Option<i64>,
                Option<i64>,
                i64,
                Option<i64>,
            ),
        );
        let cases: Vec<Case> = vec![
            (
                "no updates, deadline passed",
                vec![("due", 0, 15)],
                40,
                (0, 0, 0, 1, None, None, 40 * 60, None),
            ),
            (
                "no updates, deadline ahead",
                vec![("due", 0, 15)],
                10,
                (0, 0, 0, 0, None, None, 10 * 60, None),
            ),
            (
                "on time then late by 5",
                vec![
                    ("due", 0, 15),
                    ("update", 10, 0),
                    ("due", 10, 25),
                    ("update", 30, 0),
                    ("due", 30, 45),
                ],
                40,
                (2, 1, 1, 1, Some(300), Some(300), 20 * 60, Some(600)),
            ),
            (
                "two late updates, mean and worst",
                vec![
                    ("due", 0, 15),
                    ("update", 17, 0),
                    ("due", 17, 32),
                    ("update", 38, 0),
                    ("due", 38, 53),
                ],
                50,
                (2, 0, 2, 2, Some(240), Some(360), 21 * 60, Some(17 * 60)),
            ),
            (
                "a deadline moved after it passed is missed once",
                vec![
                    ("due", 0, 15),
                    ("due", 20, 30),
                    ("update", 25, 0),
                    ("due", 25, 40),
                ],
                30,
                (1, 1, 0, 1, None, None, 25 * 60, Some(25 * 60)),
            ),
        ];
        for (name, steps, end, expected) in cases {
            let m = compute(&incident(), &script(&steps), at(end));
            let c = &m.audiences[0];
            assert_eq!(
                (
                    c.updates,
                    c.on_time,
                    c.late,
                    c.missed,
                    c.mean_lateness,
                    c.worst_lateness,
                    c.longest_silence,
                    c.first_update_after
                ),
                expected,
                "{name}"
            );
        }
    }

    #[test]
    fn reviews_overrides_and_handoffs_are_counted() {
        let kinds = vec![
            EventKind::DraftReviewed {
                audience: Audience::Customers,
                revision: 1,
            },
            EventKind::DraftReviewed {
                audience: Audience::Executives,
                revision: 2,
            },
            EventKind::GuardrailsOverridden {
                audience: Audience::Customers,
                rules: vec![],
                reason: "r".into(),
            },
            EventKind::ResolutionGateOverridden { reason: "r".into() },
            EventKind::HandedOff {
                from: "a".into(),
                to: "b".into(),
                format: "markdown".into(),
            },
            EventKind::TookOver {
                from: "a".into(),
                to: "b".into(),
            },
        ];
        let events: Vec<_> = kinds
            .into_iter()
            .enumerate()
            .map(|(n, k)| TimelineEvent::new(format!("e{n}"), "i".into(), at(1), k))
            .collect();
        let m = compute(&incident(), &events, at(5));
        assert_eq!(
            (
                m.reviews,
                m.guardrail_overrides,
                m.gate_overrides,
                m.handoffs
            ),
            (2, 1, 1, 2)
        );
        assert!(m.audiences.is_empty(), "no deadline, no update: no row");
    }
}
