//! Handoff: the package passed when the comms lead role changes hands. A
//! human text in the lead's chosen format, followed by a machine block the next
//! lead's Herald takes over from.

pub mod admission;
pub mod notes;
pub mod package;
pub mod text;

pub use notes::{Ask, AskState, Constraint, NoteInput};
pub use package::{
    DraftSnapshot, HandoffError, HandoffPackage, RECEIPT_STATES, Receipt, decode, encode,
};
pub use text::{AudienceState, HandoffFacts, HandoffFormat, Undelivered, both_zones, render};

/// The whole handoff as copied: the text, a blank line, the machine block.
pub fn compose(
    facts: &HandoffFacts<'_>,
    format: HandoffFormat,
    package: &HandoffPackage,
) -> String {
    format!("{}\n\n{}\n", render(facts, format), encode(package))
}
