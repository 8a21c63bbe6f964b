//! Drills: practising the comms lead role on a scenario, on a simulated clock,
//! with nothing leaving the machine. This module is the pure part: the
//! scenario and its text format (`format.rs`), the shipped library
//! (`library.rs`), a scenario replayed from an exported incident
//! (`replay.rs`), and the score card worked out from the drill's record
//! (`score.rs`). Running one is the desk's business.

mod format;
mod library;
mod replay;
mod score;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::incident::NewIncident;
use crate::sync::SyncFacts;
use crate::terms::{Severity, Status};

pub use format::{FORMAT, ScenarioError, parse, to_toml};
pub use library::{SHIPPED, shipped};
pub use replay::{from_export, from_record};
pub use score::{ScoreCard, ScoreLine, score};

/// What every drill incident's title starts with, so the title bar, the
/// board, the tray, the compact window and every notification say it is a
/// drill without each of them having to remember to.
pub const DRILL_MARK: &str = "DRILL · ";

/// One drill: an incident to declare, then what happens to the lead and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Scenario {
    pub name: String,
    pub summary: String,
    /// Simulated seconds from the declaration to the end of the drill.
    #[ts(type = "number")]
    pub length: i64,
    /// The incident as declared; the comms lead is whoever runs the drill.
    pub incident: NewIncident,
    /// Oldest first.
    pub events: Vec<Injection>,
}

/// One thing that happens to the lead, `after` simulated seconds in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Injection {
    #[ts(type = "number")]
    pub after: i64,
    pub what: Inject,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Inject {
    /// The IC's state, as the lead would be told it in a sync.
    Sync {
        facts: SyncFacts,
    },
    Severity {
        to: Severity,
    },
    Status {
        to: Status,
    },
    /// Someone asks for news ("any update?"): executives, sales, support.
    Ping {
        from: String,
        text: String,
    },
    /// Someone pushes for an all-clear before the metrics have held.
    PushAllClear {
        from: String,
        text: String,
    },
    /// A rule on wording (often legal's), kept as a constraint on the incident.
    /// `avoid` lists words no update may use from then on; the score counts
    /// every update that did.
    Constraint {
        from: String,
        text: String,
        #[serde(default)]
        avoid: Vec<String>,
    },
    /// The sandbox answers the next requests with these HTTP statuses (a 429,
    /// then a 500, …) before it accepts again.
    ChannelFails {
        answers: Vec<u16>,
    },
    /// The lead hands the role to `person`, or takes it over from them.
    Handoff {
        direction: HandoffDirection,
        person: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum HandoffDirection {
    /// The lead copies a handoff for the next lead.
    Give,
    /// The lead takes over from the previous lead's handoff.
    Take,
}

impl Inject {
    /// The key that names this kind in a scenario file.
    pub fn key(&self) -> &'static str {
        match self {
            Self::Sync { .. } => "sync",
            Self::Severity { .. } => "severity",
            Self::Status { .. } => "status",
            Self::Ping { .. } => "ping",
            Self::PushAllClear { .. } => "push_all_clear",
            Self::Constraint { .. } => "constraint",
            Self::ChannelFails { .. } => "channel_fails",
            Self::Handoff { .. } => "handoff",
        }
    }

    /// What the timeline keeps as the event's `what`: the key, with a
    /// handoff's direction, since giving and taking are scored apart.
    pub fn timeline_key(&self) -> &'static str {
        match self {
            Self::Handoff {
                direction: HandoffDirection::Give,
                ..
            } => "handoff_give",
            Self::Handoff {
                direction: HandoffDirection::Take,
                ..
            } => "handoff_take",
            other => other.key(),
        }
    }

    /// The sentence the drill shows and keeps on the timeline when it happens.
    pub fn sentence(&self) -> String {
        match self {
            Self::Sync { facts } => format!(
                "The IC has news: {}",
                [&facts.customer_impact, &facts.known, &facts.doing]
                    .into_iter()
                    .filter(|t| !t.trim().is_empty())
                    .map(|t| t.trim())
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
            Self::Severity { to } => format!("The IC changes the severity to {}.", to.as_str()),
            Self::Status { to } => format!("The IC moves the incident to {}.", to.as_str()),
            Self::Ping { from, text } => format!("{from} asks: {text}"),
            Self::PushAllClear { from, text } => format!("{from} pushes for an all-clear: {text}"),
            Self::Constraint { from, text, .. } => {
                format!("{from} sets a rule on wording: {text}")
            }
            Self::ChannelFails { answers } => format!(
                "A channel starts failing: it will answer {}.",
                answers
                    .iter()
                    .map(u16::to_string)
                    .collect::<Vec<_>>()
                    .join(", then ")
            ),
            Self::Handoff {
                direction: HandoffDirection::Give,
                person,
            } => format!("Your shift ends: hand the role over to {person}."),
            Self::Handoff {
                direction: HandoffDirection::Take,
                person,
            } => format!("{person} hands the role over to you: take it over."),
        }
    }
}
