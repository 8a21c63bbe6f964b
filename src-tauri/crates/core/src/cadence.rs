//! Deadlines: when the next update for each audience is due.
//!
//! A deadline is a pure function of stored facts: the incident (severity, status,
//! start), the severity matrix, and per audience the last update and any snooze.
//! It never depends on "now", so recomputing it at any time gives the same answer.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::incident::Incident;
use crate::matrix::SeverityMatrix;
use crate::terms::Audience;

/// What is known about one audience when its deadline is computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AudienceFacts {
    /// When the last update for this audience went out, if any did.
    pub last_update: Option<DateTime<Utc>>,
    /// A snooze taken since that update: the deadline is not before this.
    pub snoozed_until: Option<DateTime<Utc>>,
}

/// When the next update for one audience is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Deadline {
    pub audience: Audience,
    pub due_at: DateTime<Utc>,
    /// The cadence this deadline was computed with, after any relaxing.
    pub cadence_minutes: u32,
    /// Whether long-incident mode relaxed the cadence.
    pub relaxed: bool,
    /// Whether a snooze pushed the deadline later than the cadence would.
    pub snoozed: bool,
}

/// Every audience's deadline for an incident, in audience order. Audiences whose
/// cadence is empty for the incident's severity and status have none, and a
/// resolved incident has none at all.
pub fn deadlines(
    incident: &Incident,
    matrix: &SeverityMatrix,
    facts: impl Fn(Audience) -> AudienceFacts,
) -> Vec<Deadline> {
    let policy = matrix.policy(incident.severity);
    let long_from =
        incident.started_at + Duration::minutes(i64::from(matrix.long_incident_after_minutes));
    Audience::ALL
        .into_iter()
        .filter_map(|audience| {
            let cadence = matrix.cadence(incident.severity, audience, incident.status)?;
            let known = facts(audience);
            let basis = known.last_update.unwrap_or(incident.started_at);
            // Long-incident mode is judged at the basis, not at "now", so a
            // deadline never moves just because time passed.
            let relaxed = policy.long_incident_factor > 1 && basis >= long_from;
            let minutes = if relaxed {
                cadence.saturating_mul(policy.long_incident_factor)
            } else {
                cadence
            };
            let by_cadence = basis + Duration::minutes(i64::from(minutes));
            let due_at = known
                .snoozed_until
                .map_or(by_cadence, |s| s.max(by_cadence));
            Some(Deadline {
                audience,
                due_at,
                cadence_minutes: minutes,
                relaxed,
                snoozed: due_at > by_cadence,
            })
        })
        .collect()
}

/// Whether the incident is in long-incident mode at `now` (for the UI to say so).
pub fn is_long_incident(incident: &Incident, matrix: &SeverityMatrix, now: DateTime<Utc>) -> bool {
    incident.status.is_open()
        && now - incident.started_at
            >= Duration::minutes(i64::from(matrix.long_incident_after_minutes))
}

/// One audience's deadline before and after a recomputation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DeadlineChange {
    pub audience: Audience,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
}

/// The audiences whose deadline moved, appeared or went away.
pub fn changes(before: &[Deadline], after: &[Deadline]) -> Vec<DeadlineChange> {
    let due = |list: &[Deadline], audience| {
        list.iter()
            .find(|d| d.audience == audience)
            .map(|d| d.due_at)
    };
    Audience::ALL
        .into_iter()
        .filter_map(|audience| {
            let (from, to) = (due(before, audience), due(after, audience));
            (from != to).then_some(DeadlineChange { audience, from, to })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::incident::NewIncident;
    use crate::terms::{Severity, Status};
    use chrono::TimeZone;

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 27, h, m, 0)
            .single()
            .unwrap()
    }

    fn incident(severity: Severity, status: Status) -> Incident {
        let input = NewIncident {
            external_id: "INC-1".into(),
            link: String::new(),
            title: "Checkout errors".into(),
            severity,
            status,
            customer_visible: true,
            commander: String::new(),
            comms_lead: String::new(),
        };
        Incident::declare("id".into(), input, &SeverityMatrix::default(), at(14, 0)).0
    }

    /// (audience, due HH:MM, relaxed) for each deadline: the shape the cases compare.
    fn due(list: &[Deadline]) -> Vec<(Audience, String, bool)> {
        list.iter()
            .map(|d| (d.audience, d.due_at.format("%H:%M").to_string(), d.relaxed))
            .collect()
    }

    struct Case {
        name: &'static str,
        severity: Severity,
        status: Status,
        customers_updated: Option<DateTime<Utc>>,
        customers_snoozed: Option<DateTime<Utc>>,
        matrix: fn(&mut SeverityMatrix),
        expect: Vec<(Audience, &'static str, bool)>,
    }

    fn check(case: Case) {
        let mut matrix = SeverityMatrix::default();
        (case.matrix)(&mut matrix);
        let incident = incident(case.severity, case.status);
        let list = deadlines(&incident, &matrix, |a| match a {
            Audience::Customers => AudienceFacts {
                last_update: case.customers_updated,
                snoozed_until: case.customers_snoozed,
            },
            _ => AudienceFacts::default(),
        });
        let expect: Vec<_> = case
            .expect
            .iter()
            .map(|(a, t, r)| (*a, (*t).to_owned(), *r))
            .collect();
        assert_eq!(due(&list), expect, "case: {}", case.name);
    }

    use Audience::*;

    #[test]
    fn deadlines_follow_the_matrix_the_last_update_and_snoozes() {
        let none: fn(&mut SeverityMatrix) = |_| {};
        let cases = vec![
            Case {
                name: "SEV1 investigating, nothing posted yet: declaration + cadence",
                severity: Severity::Sev1,
                status: Status::Investigating,
                customers_updated: None,
                customers_snoozed: None,
                matrix: none,
                expect: vec![
                    (Customers, "14:15", false),
                    (Executives, "14:30", false),
                    (Internal, "14:30", false),
                ],
            },
            Case {
                name: "SEV2 (severity change): slower cadence from the same basis",
                severity: Severity::Sev2,
                status: Status::Investigating,
                customers_updated: None,
                customers_snoozed: None,
                matrix: none,
                expect: vec![
                    (Customers, "14:30", false),
                    (Executives, "15:00", false),
                    (Internal, "15:00", false),
                ],
            },
            Case {
                name: "SEV2 monitoring (status change): customers every 60",
                severity: Severity::Sev2,
                status: Status::Monitoring,
                customers_updated: Some(at(14, 20)),
                customers_snoozed: None,
                matrix: none,
                expect: vec![
                    (Customers, "15:20", false),
                    (Executives, "15:00", false),
                    (Internal, "15:00", false),
                ],
            },
            Case {
                name: "update logged: the audience's clock restarts from it",
                severity: Severity::Sev1,
                status: Status::Investigating,
                customers_updated: Some(at(14, 12)),
                customers_snoozed: None,
                matrix: none,
                expect: vec![
                    (Customers, "14:27", false),
                    (Executives, "14:30", false),
                    (Internal, "14:30", false),
                ],
            },
            Case {
                name: "snooze: the deadline moves to the snooze, never earlier",
                severity: Severity::Sev1,
                status: Status::Investigating,
                customers_updated: None,
                customers_snoozed: Some(at(14, 25)),
                matrix: none,
                expect: vec![
                    (Customers, "14:25", false),
                    (Executives, "14:30", false),
                    (Internal, "14:30", false),
                ],
            },
            Case {
                name: "a snooze earlier than the cadence changes nothing",
                severity: Severity::Sev1,
                status: Status::Investigating,
                customers_updated: None,
                customers_snoozed: Some(at(14, 5)),
                matrix: none,
                expect: vec![
                    (Customers, "14:15", false),
                    (Executives, "14:30", false),
                    (Internal, "14:30", false),
                ],
            },
            Case {
                name: "long-incident mode: an update after 2 h relaxes ×2",
                severity: Severity::Sev1,
                status: Status::Investigating,
                customers_updated: Some(at(16, 10)),
                customers_snoozed: None,
                matrix: none,
                expect: vec![
                    (Customers, "16:40", true),
                    (Executives, "14:30", false),
                    (Internal, "14:30", false),
                ],
            },
            Case {
                name: "long-incident factor 1 means no relaxing",
                severity: Severity::Sev1,
                status: Status::Investigating,
                customers_updated: Some(at(16, 10)),
                customers_snoozed: None,
                matrix: |m| m.policies[0].long_incident_factor = 1,
                expect: vec![
                    (Customers, "16:25", false),
                    (Executives, "14:30", false),
                    (Internal, "14:30", false),
                ],
            },
            Case {
                name: "matrix edit: a new cadence and a new audience",
                severity: Severity::Sev3,
                status: Status::Identified,
                customers_updated: None,
                customers_snoozed: None,
                matrix: |m| {
                    m.policies[2].cadence.customers.identified = Some(20);
                    m.policies[2].cadence.executives.identified = Some(45);
                },
                expect: vec![
                    (Customers, "14:20", false),
                    (Executives, "14:45", false),
                    (Internal, "15:00", false),
                ],
            },
            Case {
                name: "SEV4 has no cadence",
                severity: Severity::Sev4,
                status: Status::Investigating,
                customers_updated: None,
                customers_snoozed: None,
                matrix: none,
                expect: vec![],
            },
            Case {
                name: "resolved: nothing is due",
                severity: Severity::Sev1,
                status: Status::Resolved,
                customers_updated: None,
                customers_snoozed: None,
                matrix: none,
                expect: vec![],
            },
        ];
        for case in cases {
            check(case);
        }
    }

    #[test]
    fn changes_name_only_what_moved() {
        let matrix = SeverityMatrix::default();
        let before = deadlines(
            &incident(Severity::Sev1, Status::Investigating),
            &matrix,
            |_| AudienceFacts::default(),
        );
        let after = deadlines(
            &incident(Severity::Sev3, Status::Investigating),
            &matrix,
            |_| AudienceFacts::default(),
        );
        assert_eq!(
            changes(&before, &after),
            vec![
                DeadlineChange {
                    audience: Customers,
                    from: Some(at(14, 15)),
                    to: Some(at(15, 0))
                },
                DeadlineChange {
                    audience: Executives,
                    from: Some(at(14, 30)),
                    to: None
                },
                DeadlineChange {
                    audience: Internal,
                    from: Some(at(14, 30)),
                    to: Some(at(15, 0))
                },
            ]
        );
        assert!(changes(&after, &after).is_empty());
    }

    #[test]
    fn long_incident_mode_starts_at_the_configured_age() {
        let matrix = SeverityMatrix::default();
        let open = incident(Severity::Sev1, Status::Identified);
        assert!(!is_long_incident(&open, &matrix, at(15, 59)));
        assert!(is_long_incident(&open, &matrix, at(16, 0)));
        let done = incident(Severity::Sev1, Status::Resolved);
        assert!(!is_long_incident(&done, &matrix, at(17, 0)));
    }
}
