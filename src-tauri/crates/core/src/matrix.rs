//! The severity matrix: per severity, whether a comms lead is activated, the
//! update cadence per audience and status, and the hold before all-clear.
//! The shipped defaults are the table in PRODUCT.md.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::terms::{Audience, Severity, Status};
use crate::validation::{FieldError, Invalid};

/// Longest cadence or hold the matrix accepts: one day, in minutes.
pub const MAX_MINUTES: u32 = 24 * 60;

/// Largest long-incident factor: beyond ×8 a cadence stops being one.
pub const MAX_FACTOR: u32 = 8;

/// Whether a severity calls for a dedicated comms lead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CommsLead {
    Activated,
    Optional,
    NotActivated,
}

impl CommsLead {
    pub fn activates(self) -> bool {
        self == Self::Activated
    }
}

/// Minutes between updates while the incident is in each open status;
/// `None` means no scheduled updates for that status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StatusCadence {
    pub investigating: Option<u32>,
    pub identified: Option<u32>,
    pub monitoring: Option<u32>,
}

impl StatusCadence {
    const fn same(minutes: Option<u32>) -> Self {
        Self {
            investigating: minutes,
            identified: minutes,
            monitoring: minutes,
        }
    }

    /// The cadence for a status; a resolved incident has none.
    pub fn for_status(&self, status: Status) -> Option<u32> {
        match status {
            Status::Investigating => self.investigating,
            Status::Identified => self.identified,
            Status::Monitoring => self.monitoring,
            Status::Resolved => None,
        }
    }

    fn entries(&self) -> [(Status, Option<u32>); 3] {
        [
            (Status::Investigating, self.investigating),
            (Status::Identified, self.identified),
            (Status::Monitoring, self.monitoring),
        ]
    }
}

/// The cadence for every audience.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Cadence {
    pub customers: StatusCadence,
    pub executives: StatusCadence,
    pub internal: StatusCadence,
    pub incident_channel: StatusCadence,
}

impl Cadence {
    pub fn for_audience(&self, audience: Audience) -> &StatusCadence {
        match audience {
            Audience::Customers => &self.customers,
            Audience::Executives => &self.executives,
            Audience::Internal => &self.internal,
            Audience::IncidentChannel => &self.incident_channel,
        }
    }
}

/// Everything the matrix says about one severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SeverityPolicy {
    pub severity: Severity,
    pub comms_lead: CommsLead,
    pub cadence: Cadence,
    /// Minutes the incident must stay in monitoring before the all-clear.
    pub hold_minutes: u32,
    /// In long-incident mode the cadence is multiplied by this (1 = no change).
    #[serde(default = "default_long_incident_factor")]
    pub long_incident_factor: u32,
}

/// One policy per severity, SEV1 first, and the timings that apply to all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SeverityMatrix {
    pub policies: Vec<SeverityPolicy>,
    /// Minutes before a deadline that the heads-up comes.
    #[serde(default = "default_heads_up_minutes")]
    pub heads_up_minutes: u32,
    /// Minutes between reminders while an update is overdue.
    #[serde(default = "default_reminder_minutes")]
    pub reminder_minutes: u32,
    /// Age in minutes after which an incident is in long-incident mode.
    #[serde(default = "default_long_incident_after_minutes")]
    pub long_incident_after_minutes: u32,
}

// Defaults for fields added after the first matrices were saved; a matrix
// saved before them reads back with the shipped values.
fn default_long_incident_factor() -> u32 {
    2
}
fn default_heads_up_minutes() -> u32 {
    5
}
fn default_reminder_minutes() -> u32 {
    5
}
fn default_long_incident_after_minutes() -> u32 {
    120
}

impl Default for SeverityMatrix {
    /// The shipped defaults from PRODUCT.md (PagerDuty, GitLab and Dispatch practice).
    fn default() -> Self {
        let policy = |severity, comms_lead, customers: [Option<u32>; 3], exec, internal, hold| {
            SeverityPolicy {
                severity,
                comms_lead,
                cadence: Cadence {
                    customers: StatusCadence {
                        investigating: customers[0],
                        identified: customers[1],
                        monitoring: customers[2],
                    },
                    executives: StatusCadence::same(exec),
                    internal: StatusCadence::same(internal),
                    incident_channel: StatusCadence::same(None),
                },
                hold_minutes: hold,
                long_incident_factor: default_long_incident_factor(),
            }
        };
        use CommsLead::*;
        use Severity::*;
        Self {
            policies: vec![
                policy(
                    Sev1,
                    Activated,
                    [Some(15), Some(30), Some(30)],
                    Some(30),
                    Some(30),
                    30,
                ),
                policy(
                    Sev2,
                    Activated,
                    [Some(30), Some(30), Some(60)],
                    Some(60),
                    Some(60),
                    30,
                ),
                policy(
                    Sev3,
                    Optional,
                    [Some(60), Some(60), Some(60)],
                    None,
                    Some(60),
                    15,
                ),
                policy(Sev4, NotActivated, [None, None, None], None, None, 0),
            ],
            heads_up_minutes: default_heads_up_minutes(),
            reminder_minutes: default_reminder_minutes(),
            long_incident_after_minutes: default_long_incident_after_minutes(),
        }
    }
}

/// Fallback for a severity missing from a stored matrix: no comms lead, no cadence.
const QUIET: Cadence = Cadence {
    customers: StatusCadence::same(None),
    executives: StatusCadence::same(None),
    internal: StatusCadence::same(None),
    incident_channel: StatusCadence::same(None),
};

impl SeverityMatrix {
    /// The policy for a severity. A valid matrix has all four; should one be
    /// missing, the quiet policy applies rather than a panic.
    pub fn policy(&self, severity: Severity) -> SeverityPolicy {
        self.policies
            .iter()
            .find(|p| p.severity == severity)
            .copied()
            .unwrap_or(SeverityPolicy {
                severity,
                comms_lead: CommsLead::NotActivated,
                cadence: QUIET,
                hold_minutes: 0,
                long_incident_factor: 1,
            })
    }

    /// Minutes between updates for an audience at a severity and status.
    pub fn cadence(&self, severity: Severity, audience: Audience, status: Status) -> Option<u32> {
        self.policy(severity)
            .cadence
            .for_audience(audience)
            .for_status(status)
    }

    /// Checks the matrix as edited in Settings: each severity exactly once, in
    /// order, and every number of minutes between 1 (0 for the hold) and a day.
    /// Field names look like `sev1.cadence.customers.investigating`.
    pub fn validate(&self) -> Result<(), Invalid> {
        let mut errors = Vec::new();
        let severities: Vec<Severity> = self.policies.iter().map(|p| p.severity).collect();
        if severities != Severity::ALL {
            errors.push(FieldError::new(
                "policies",
                "The matrix needs exactly one row for each of SEV1, SEV2, SEV3 and SEV4, in that order.",
            ));
        }
        for policy in &self.policies {
            let sev = policy.severity.as_str();
            let key = sev.to_lowercase();
            for audience in Audience::ALL {
                let cadence = policy.cadence.for_audience(audience);
                for (status, minutes) in cadence.entries() {
                    if let Some(m) = minutes
                        && !(1..=MAX_MINUTES).contains(&m)
                    {
                        let audience_key = audience.as_str();
                        errors.push(FieldError::new(
                            format!("{key}.cadence.{audience_key}.{}", status.as_str()),
                            format!(
                                "{sev} {} cadence while {}: use 1 to {MAX_MINUTES} minutes, or leave it empty for none.",
                                audience.label(),
                                status.as_str()
                            ),
                        ));
                    }
                }
            }
            if !(1..=MAX_FACTOR).contains(&policy.long_incident_factor) {
                errors.push(FieldError::new(
                    format!("{key}.long_incident_factor"),
                    format!("{sev} long-incident factor: use 1 (no change) to {MAX_FACTOR}."),
                ));
            }
            if policy.hold_minutes > MAX_MINUTES {
                errors.push(FieldError::new(
                    format!("{key}.hold_minutes"),
                    format!("{sev} hold before all-clear: use 0 to {MAX_MINUTES} minutes."),
                ));
            }
        }
        for (field, value, label, least) in [
            (
                "heads_up_minutes",
                self.heads_up_minutes,
                "Heads-up before a deadline",
                1,
            ),
            (
                "reminder_minutes",
                self.reminder_minutes,
                "Reminder while overdue",
                1,
            ),
            (
                "long_incident_after_minutes",
                self.long_incident_after_minutes,
                "Long-incident mode after",
                1,
            ),
        ] {
            if !(least..=MAX_MINUTES).contains(&value) {
                errors.push(FieldError::new(
                    field,
                    format!("{label}: use {least} to {MAX_MINUTES} minutes."),
                ));
            }
        }
        Invalid::check(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Audience::*;
    use Severity::*;
    use Status::*;

    /// The PRODUCT.md table, row by row: (severity, audience, status, minutes).
    #[test]
    fn shipped_defaults_match_the_product_table() {
        let m = SeverityMatrix::default();
        let expect: &[(Severity, Audience, Status, Option<u32>)] = &[
            (Sev1, Customers, Investigating, Some(15)),
            (Sev1, Customers, Identified, Some(30)),
            (Sev1, Customers, Monitoring, Some(30)),
            (Sev1, Executives, Investigating, Some(30)),
            (Sev1, Internal, Monitoring, Some(30)),
            (Sev2, Customers, Investigating, Some(30)),
            (Sev2, Customers, Identified, Some(30)),
            (Sev2, Customers, Monitoring, Some(60)),
            (Sev2, Executives, Identified, Some(60)),
            (Sev2, Internal, Investigating, Some(60)),
            (Sev3, Customers, Monitoring, Some(60)),
            (Sev3, Executives, Investigating, None),
            (Sev3, Internal, Identified, Some(60)),
            (Sev4, Customers, Investigating, None),
            (Sev4, Internal, Investigating, None),
            (Sev1, IncidentChannel, Investigating, None),
            (Sev1, Customers, Resolved, None),
        ];
        for &(sev, audience, status, minutes) in expect {
            assert_eq!(
                m.cadence(sev, audience, status),
                minutes,
                "{sev:?} {audience:?} {status:?}"
            );
        }
        let leads: Vec<_> = Severity::ALL
            .iter()
            .map(|&s| m.policy(s).comms_lead)
            .collect();
        assert_eq!(
            leads,
            [
                CommsLead::Activated,
                CommsLead::Activated,
                CommsLead::Optional,
                CommsLead::NotActivated
            ]
        );
        let holds: Vec<_> = Severity::ALL
            .iter()
            .map(|&s| m.policy(s).hold_minutes)
            .collect();
        assert_eq!(holds, [30, 30, 15, 0]);
        assert_eq!(
            (
                m.heads_up_minutes,
                m.reminder_minutes,
                m.long_incident_after_minutes
            ),
            (5, 5, 120)
        );
        assert_eq!(m.validate(), Ok(()));
    }

    #[test]
    fn a_matrix_saved_before_the_cadence_timings_reads_back_with_the_defaults() {
        let mut old = serde_json::to_value(SeverityMatrix::default()).unwrap();
        for key in [
            "heads_up_minutes",
            "reminder_minutes",
            "long_incident_after_minutes",
        ] {
            old.as_object_mut().unwrap().remove(key);
        }
        for policy in old["policies"].as_array_mut().unwrap() {
            policy
                .as_object_mut()
                .unwrap()
                .remove("long_incident_factor");
        }
        let read: SeverityMatrix = serde_json::from_value(old).unwrap();
        assert_eq!(read, SeverityMatrix::default());
    }

    #[test]
    fn validation_names_the_bad_cell() {
        let mut m = SeverityMatrix::default();
        m.policies[0].cadence.customers.investigating = Some(0);
        m.policies[2].hold_minutes = MAX_MINUTES + 1;
        m.policies[1].cadence.incident_channel.monitoring = Some(MAX_MINUTES + 1);
        m.policies[3].long_incident_factor = 0;
        m.heads_up_minutes = 0;
        let Err(Invalid(errors)) = m.validate() else {
            panic!("expected errors")
        };
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "sev1.cadence.customers.investigating",
                "sev2.cadence.incident_channel.monitoring",
                "sev3.hold_minutes",
                "sev4.long_incident_factor",
                "heads_up_minutes"
            ]
        );
        assert!(
            errors[0]
                .message
                .starts_with("SEV1 customers cadence while investigating")
        );
    }

    #[test]
    fn a_matrix_missing_a_severity_is_refused_and_reads_as_quiet() {
        let mut m = SeverityMatrix::default();
        m.policies.pop();
        assert!(m.validate().is_err());
        assert_eq!(m.policy(Sev4).comms_lead, CommsLead::NotActivated);
        assert_eq!(m.cadence(Sev4, Customers, Investigating), None);
    }
}
