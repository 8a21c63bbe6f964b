//! Timeline events: the record of everything that happened to an incident,
//! written automatically with every change so the postmortem writes itself.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::terms::{Severity, Status};

/// What happened. Stored as JSON; the `type` tag is also kept in its own column
/// so the timeline can be filtered by kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EventKind {
    Declared {
        title: String,
        severity: Severity,
        status: Status,
        customer_visible: bool,
    },
    CommsLeadActivated {
        severity: Severity,
    },
    SeverityChanged {
        from: Severity,
        to: Severity,
    },
    StatusChanged {
        from: Status,
        to: Status,
    },
}

impl EventKind {
    /// The tag stored in the `kind` column.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Declared { .. } => "declared",
            Self::CommsLeadActivated { .. } => "comms_lead_activated",
            Self::SeverityChanged { .. } => "severity_changed",
            Self::StatusChanged { .. } => "status_changed",
        }
    }

    /// One plain sentence for the timeline view and exports.
    pub fn summary(&self) -> String {
        match self {
            Self::Declared {
                title,
                severity,
                status,
                customer_visible,
            } => format!(
                "Declared {} \"{title}\" ({}, {})",
                severity.as_str(),
                status.as_str(),
                if *customer_visible {
                    "customer-visible"
                } else {
                    "not customer-visible"
                }
            ),
            Self::CommsLeadActivated { severity } => {
                format!("Comms lead role activated ({})", severity.as_str())
            }
            Self::SeverityChanged { from, to } => {
                format!("Severity {} → {}", from.as_str(), to.as_str())
            }
            Self::StatusChanged { from, to } => {
                format!("Status {} → {}", from.as_str(), to.as_str())
            }
        }
    }
}

/// One entry on an incident's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TimelineEvent {
    /// Globally unique (UUID), so timelines from two Heralds can be merged.
    pub id: String,
    pub incident_id: String,
    pub at: DateTime<Utc>,
    pub kind: EventKind,
    /// `kind.summary()`, carried along so the UI never rebuilds sentences.
    pub summary: String,
}

impl TimelineEvent {
    pub fn new(id: String, incident_id: String, at: DateTime<Utc>, kind: EventKind) -> Self {
        let summary = kind.summary();
        Self {
            id,
            incident_id,
            at,
            kind,
            summary,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_read_as_sentences() {
        let cases = [
            (
                EventKind::Declared {
                    title: "Checkout errors".into(),
                    severity: Severity::Sev2,
                    status: Status::Investigating,
                    customer_visible: true,
                },
                "declared",
                "Declared SEV2 \"Checkout errors\" (investigating, customer-visible)",
            ),
            (
                EventKind::SeverityChanged {
                    from: Severity::Sev2,
                    to: Severity::Sev1,
                },
                "severity_changed",
                "Severity SEV2 → SEV1",
            ),
            (
                EventKind::StatusChanged {
                    from: Status::Identified,
                    to: Status::Monitoring,
                },
                "status_changed",
                "Status identified → monitoring",
            ),
            (
                EventKind::CommsLeadActivated {
                    severity: Severity::Sev1,
                },
                "comms_lead_activated",
                "Comms lead role activated (SEV1)",
            ),
        ];
        for (kind, name, summary) in cases {
            assert_eq!(kind.name(), name);
            assert_eq!(kind.summary(), summary);
            let json = serde_json::to_value(&kind).unwrap();
            assert_eq!(json["type"], name, "the stored tag matches the column");
        }
    }
}
