//! What the lead keeps on an incident for the next lead: tone and constraints
//! ("no RCA speculation"), and open comms asks with an owner and a state.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::validation::{FieldError, Invalid};

const MAX_NOTE: usize = 1_000;
const MAX_OWNER: usize = 200;

/// A tone rule or constraint for everything said about the incident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Constraint {
    pub id: String,
    pub incident_id: String,
    pub text: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// When it stopped applying; closed constraints stay for the record.
    pub closed_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AskState {
    Open,
    Done,
    Dropped,
}

impl AskState {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Done => "done",
            Self::Dropped => "dropped",
        }
    }

    pub fn parse(text: &str) -> Option<AskState> {
        [Self::Open, Self::Done, Self::Dropped]
            .into_iter()
            .find(|s| s.as_str() == text)
    }
}

/// Something someone needs from comms ("support needs an approved holding line").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Ask {
    pub id: String,
    pub incident_id: String,
    pub text: String,
    /// Who owns getting it done.
    pub owner: String,
    pub state: AskState,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The lead's input for a constraint or an ask.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NoteInput {
    pub text: String,
    /// The ask's owner; ignored for constraints.
    pub owner: String,
}

impl NoteInput {
    pub fn validate(&self) -> Result<NoteInput, Invalid> {
        let clean = NoteInput {
            text: self.text.trim().to_owned(),
            owner: self.owner.trim().to_owned(),
        };
        let mut errors = Vec::new();
        if clean.text.is_empty() {
            errors.push(FieldError::new("text", "Write what it is."));
        } else if clean.text.chars().count() > MAX_NOTE {
            errors.push(FieldError::new(
                "text",
                format!("Keep it to {MAX_NOTE} characters."),
            ));
        }
        if clean.owner.chars().count() > MAX_OWNER {
            errors.push(FieldError::new(
                "owner",
                format!("Keep the owner to {MAX_OWNER} characters."),
            ));
        }
        Invalid::check(errors).map(|()| clean)
    }
}
