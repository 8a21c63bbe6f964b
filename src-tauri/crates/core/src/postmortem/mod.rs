//! After (and during) the incident: comms punctuality metrics, the cadence
//! chart, and the postmortem export. Pure functions of the stored record.

pub mod chart;
pub mod export;
pub mod metrics;

pub use export::{PostmortemRecord, Receipt};
pub use metrics::{AudienceMetrics, CommsMetrics};
