//! Relay: the outward channels an update is delivered to.
//!
//! Pure rules only: what a channel is, the exact request each kind sends, the
//! limits a message must fit before it is queued, how a response is classed
//! and how long to wait before the next attempt. The relay crate does the IO.

mod channel;
mod correction;
mod limits;
mod outcome;
mod payload;
mod reach;
pub mod safe;
mod signing;

pub use channel::{
    COMPONENT_STATUSES, Channel, ChannelKind, ChannelOptions, ChannelSecret, ComponentImpact,
    SmtpSecurity, StatuspageComponent,
};
pub use correction::CORRECTED_EVENT;
pub use limits::{LimitError, check_limits, text_limit};
pub use outcome::{Backoff, Reply, Verdict, classify, classify_smtp};
pub use payload::{
    CorrectionOf, Email, HttpRequest, Outgoing, Request, SmtpServer, clip, find_stamped, render,
    render_test, statuspage_lookup,
};
pub use reach::{Reach, known_reach, statuspage_subscriber_count, subscriber_reach, unavailable};
pub use signing::{SigningError, sign};
