//! The one place backend happenings become UI event names.

/// An alert was raised (payload: how many); the window refreshes its deadlines.
pub const ALERTS_RAISED: &str = "alerts-raised";
/// The lead chose "Open" on a notification (payload: the incident id).
pub const OPEN_INCIDENT: &str = "open-incident";
/// A delivery moved (sent, retried, failed); the incident view re-reads.
pub const DELIVERIES_CHANGED: &str = "deliveries-changed";
/// Something happened in the running drill; the window re-reads it.
pub const DRILL_CHANGED: &str = "drill-changed";
/// The drill ended (payload: the kept score card); the window shows it.
pub const DRILL_FINISHED: &str = "drill-finished";
/// A teammate's change landed in a shared incident (payload: its id); the
/// window re-reads it.
pub const TEAM_CHANGED: &str = "team-changed";
