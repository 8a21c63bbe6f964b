//! Where time comes from. The system clock in the app, a settable one in tests.

use std::fmt::Debug;

use chrono::{DateTime, Utc};
use herald_core::templates::{Tz, parse_zone};

pub trait Clock: Send + Sync + Debug {
    fn now(&self) -> DateTime<Utc>;

    /// The zone the lead reads times in (handoffs show it beside UTC).
    fn zone(&self) -> Tz {
        Tz::UTC
    }
}

/// The wall clock. The one place in Herald allowed to read it.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    #[allow(clippy::disallowed_methods)]
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }

    /// The OS's zone (TZ, /etc/localtime, or the platform's setting); UTC when
    /// it cannot be read or named.
    fn zone(&self) -> Tz {
        iana_time_zone::get_timezone()
            .ok()
            .and_then(|name| parse_zone(&name).ok())
            .unwrap_or(Tz::UTC)
    }
}

/// A clock that only moves when told to: for tests, and later for drills on a
/// simulated clock.
#[derive(Debug)]
pub struct ManualClock(std::sync::Mutex<DateTime<Utc>>);

impl ManualClock {
    pub fn new(start: DateTime<Utc>) -> Self {
        Self(std::sync::Mutex::new(start))
    }

    pub fn advance(&self, by: chrono::Duration) {
        let mut now = self.0.lock().unwrap_or_else(|p| p.into_inner());
        *now += by;
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap_or_else(|p| p.into_inner())
    }
}
