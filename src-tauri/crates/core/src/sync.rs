//! IC syncs: the 30-second pull of the incident commander's state that every
//! audience's draft is written from.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::terms::Status;
use crate::validation::{FieldError, Invalid};

/// Longest answer to one sync question; a sync is a few sentences, not a report.
pub const MAX_ANSWER: usize = 2_000;

/// How sure the IC is of the ETA. Only `confirmed` may be told to customers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EtaConfidence {
    #[default]
    None,
    Low,
    Medium,
    High,
    Confirmed,
}

impl EtaConfidence {
    pub const ALL: [EtaConfidence; 5] = [
        Self::None,
        Self::Low,
        Self::Medium,
        Self::High,
        Self::Confirmed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Low => "low",
            Self::Medium => "medium",
            Self::High => "high",
            Self::Confirmed => "confirmed",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == text)
    }
}

/// What the IC said, as the lead typed it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct SyncFacts {
    /// What is affected ("checkout in the EU").
    pub affected: String,
    /// What customers experience ("payments fail with an error").
    pub customer_impact: String,
    /// What we know so far.
    pub known: String,
    /// What we are doing about it.
    pub doing: String,
    /// The ETA as the IC gave it ("about 16:00", "an hour").
    pub eta: String,
    pub eta_confidence: EtaConfidence,
    /// The status the IC reports; saving the sync moves the incident to it.
    pub status: Status,
}

/// One stored sync.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct IcSync {
    pub id: String,
    pub incident_id: String,
    pub at: DateTime<Utc>,
    pub facts: SyncFacts,
}

/// One answer that differs from the previous sync.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SyncChange {
    /// The field's name in [`SyncFacts`].
    pub field: String,
    pub from: String,
    pub to: String,
}

impl SyncFacts {
    /// Trims every answer and checks its length. Empty answers are allowed: early
    /// in an incident "what we know" is often nothing yet.
    pub fn validate(&self) -> Result<SyncFacts, Invalid> {
        let clean = SyncFacts {
            affected: self.affected.trim().to_owned(),
            customer_impact: self.customer_impact.trim().to_owned(),
            known: self.known.trim().to_owned(),
            doing: self.doing.trim().to_owned(),
            eta: self.eta.trim().to_owned(),
            ..self.clone()
        };
        let mut errors = Vec::new();
        for (field, value) in clean.answers() {
            let length = value.chars().count();
            if length > MAX_ANSWER {
                errors.push(FieldError::new(
                    field,
                    format!("This answer is {length} characters; keep it to {MAX_ANSWER}."),
                ));
            }
        }
        if clean.eta_confidence != EtaConfidence::None && clean.eta.is_empty() {
            errors.push(FieldError::new(
                "eta",
                "Give the ETA, or set its confidence to none.",
            ));
        }
        Invalid::check(errors).map(|()| clean)
    }

    fn answers(&self) -> [(&'static str, &str); 5] {
        [
            ("affected", &self.affected),
            ("customer_impact", &self.customer_impact),
            ("known", &self.known),
            ("doing", &self.doing),
            ("eta", &self.eta),
        ]
    }

    /// The answers that changed since `previous`, in form order.
    pub fn changes_since(&self, previous: &SyncFacts) -> Vec<SyncChange> {
        let mut changes: Vec<SyncChange> = self
            .answers()
            .into_iter()
            .zip(previous.answers())
            .filter(|((_, now), (_, before))| now != before)
            .map(|((field, now), (_, before))| SyncChange {
                field: field.to_owned(),
                from: before.to_owned(),
                to: now.to_owned(),
            })
            .collect();
        let small = [
            (
                "eta_confidence",
                previous.eta_confidence.as_str(),
                self.eta_confidence.as_str(),
            ),
            ("status", previous.status.as_str(), self.status.as_str()),
        ];
        for (field, before, now) in small {
            if before != now {
                changes.push(SyncChange {
                    field: field.to_owned(),
                    from: before.to_owned(),
                    to: now.to_owned(),
                });
            }
        }
        changes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts() -> SyncFacts {
        SyncFacts {
            affected: " Checkout ".into(),
            customer_impact: "Payments fail".into(),
            known: String::new(),
            doing: "Rolling back".into(),
            eta: String::new(),
            eta_confidence: EtaConfidence::None,
            status: Status::Investigating,
        }
    }

    #[test]
    fn answers_are_trimmed_and_bounded_and_an_eta_needs_a_value() {
        assert_eq!(facts().validate().unwrap().affected, "Checkout");
        let long = SyncFacts {
            known: "x".repeat(MAX_ANSWER + 1),
            eta_confidence: EtaConfidence::High,
            ..facts()
        };
        let Err(Invalid(errors)) = long.validate() else {
            panic!("accepted")
        };
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["known", "eta"]);
    }

    #[test]
    fn changes_list_only_what_differs_in_form_order() {
        let before = facts().validate().unwrap();
        let after = SyncFacts {
            doing: "Failing over".into(),
            status: Status::Identified,
            ..before.clone()
        };
        let changes = after.changes_since(&before);
        let fields: Vec<_> = changes.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(fields, ["doing", "status"]);
        assert_eq!(changes[0].from, "Rolling back");
        assert!(before.changes_since(&before).is_empty());
    }
}
