//! The closed vocabularies of the domain: severity, status and audience.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How bad an incident is. SEV1 is the worst; the derived order follows that,
/// so sorting puts SEV1 first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "UPPERCASE")]
pub enum Severity {
    Sev1,
    Sev2,
    Sev3,
    Sev4,
}

impl Severity {
    pub const ALL: [Severity; 4] = [Self::Sev1, Self::Sev2, Self::Sev3, Self::Sev4];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Sev1 => "SEV1",
            Self::Sev2 => "SEV2",
            Self::Sev3 => "SEV3",
            Self::Sev4 => "SEV4",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }
}

/// Where the incident stands, in the status-page vocabulary.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS,
)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Investigating,
    Identified,
    Monitoring,
    Resolved,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Self::Investigating,
        Self::Identified,
        Self::Monitoring,
        Self::Resolved,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Investigating => "investigating",
            Self::Identified => "identified",
            Self::Monitoring => "monitoring",
            Self::Resolved => "resolved",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }

    pub fn is_open(self) -> bool {
        self != Self::Resolved
    }
}

/// Who a message is written for; each has its own tab, voice and cadence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    Customers,
    Executives,
    Internal,
    IncidentChannel,
}

impl Audience {
    pub const ALL: [Audience; 4] = [
        Self::Customers,
        Self::Executives,
        Self::Internal,
        Self::IncidentChannel,
    ];

    /// The stored and serialized form.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Customers => "customers",
            Self::Executives => "executives",
            Self::Internal => "internal",
            Self::IncidentChannel => "incident_channel",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == text)
    }

    /// How the audience reads in a sentence.
    pub fn label(self) -> &'static str {
        match self {
            Self::Customers => "customers",
            Self::Executives => "executives",
            Self::Internal => "internal",
            Self::IncidentChannel => "incident channel",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severity_and_status_round_trip_through_text() {
        for s in Severity::ALL {
            assert_eq!(Severity::parse(s.as_str()), Some(s));
            assert_eq!(serde_json::to_value(s).ok(), Some(s.as_str().into()));
        }
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_str()), Some(s));
            assert_eq!(serde_json::to_value(s).ok(), Some(s.as_str().into()));
        }
        for a in Audience::ALL {
            assert_eq!(Audience::parse(a.as_str()), Some(a));
            assert_eq!(serde_json::to_value(a).ok(), Some(a.as_str().into()));
        }
        assert_eq!(Severity::parse("sev1"), None);
        assert_eq!(Status::parse("fixed"), None);
    }

    #[test]
    fn sev1_sorts_before_sev4() {
        let mut all = vec![
            Severity::Sev3,
            Severity::Sev1,
            Severity::Sev4,
            Severity::Sev2,
        ];
        all.sort();
        assert_eq!(all, Severity::ALL.to_vec());
    }
}
