//! Team sync: several Heralds share one incident.
//!
//! Each Herald keeps the shared incident as a Yjs document ([`SharedIncident`])
//! beside its own SQLite file and keeps working on it with no network; a
//! [`Link`] carries its changes to and from a y-sweet server (a maintained
//! Yjs server nobody here writes) whenever the server can be reached, and the
//! Yjs handshake on reconnect merges whatever both sides did apart.
//!
//! What is shared and how it merges:
//! - logs that only grow (the timeline, the updates ledger, IC syncs,
//!   snoozes): entries by id, never overwritten;
//! - fields (an ask's owner, a constraint's wording, a delivery's state):
//!   every writer's latest value is kept and the newest by time wins, the
//!   same on every Herald whatever order the edits arrived in;
//! - drafts: shared text, so two leads typing in one draft both keep their
//!   characters.
//!
//! Deadlines are not shared: each Herald derives them from the shared facts
//! with the pure core. Secrets, channel credentials and local settings never
//! enter the document.

mod draft;
mod link;
mod server;
mod share;
mod shared;
#[cfg(feature = "test-server")]
pub mod test_server;

pub use link::{Link, LinkState, Presence};
pub use server::Endpoint;
pub use share::Share;
pub use shared::{FieldValue, Log, SharedIncident};

/// What can go wrong while sharing. Messages never carry a token or a
/// token-bearing address.
#[derive(Debug, thiserror::Error)]
pub enum TeamError {
    #[error("the sync server at {0} could not be reached: {1}")]
    Unreachable(String, String),
    #[error("the sync server refused the team token (HTTP {0}); check the token in Settings")]
    Refused(u16),
    #[error("the sync server answered HTTP {0} to {1}")]
    Server(u16, &'static str),
    #[error("the sync server's answer could not be read: {0}")]
    Answer(String),
    #[error("the shared incident's saved state is damaged: {0}")]
    Damaged(String),
    #[error("{0}")]
    Desk(String),
}
