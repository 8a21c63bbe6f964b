//! The drill's simulated clock: real time from another clock, sped up 5× or
//! 10×, or paused. The drill's desk reads it like any other clock, so
//! deadlines, alerts, the gate's hold and the outbox's backoff all run on
//! drill time without knowing it.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, Utc};
use herald_core::templates::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Clock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Speed {
    Paused,
    Real,
    Five,
    Ten,
}

impl Speed {
    fn factor(self) -> i32 {
        match self {
            Self::Paused => 0,
            Self::Real => 1,
            Self::Five => 5,
            Self::Ten => 10,
        }
    }
}

#[derive(Debug)]
struct Anchor {
    real: DateTime<Utc>,
    simulated: DateTime<Utc>,
    speed: Speed,
}

#[derive(Debug)]
pub struct SimClock {
    real: Arc<dyn Clock>,
    anchor: Mutex<Anchor>,
}

impl SimClock {
    /// A clock that reads `start` now and runs at `speed` from here.
    pub fn new(real: Arc<dyn Clock>, start: DateTime<Utc>, speed: Speed) -> Self {
        let anchor = Anchor {
            real: real.now(),
            simulated: start,
            speed,
        };
        Self {
            real,
            anchor: Mutex::new(anchor),
        }
    }

    fn at(anchor: &Anchor, real: DateTime<Utc>) -> DateTime<Utc> {
        let elapsed = (real - anchor.real).max(Duration::zero());
        anchor.simulated + elapsed * anchor.speed.factor()
    }

    /// Changes speed from this instant on; the time read so far stays.
    pub fn set_speed(&self, speed: Speed) {
        let real = self.real.now();
        let mut anchor = self.anchor.lock().unwrap_or_else(|p| p.into_inner());
        let simulated = Self::at(&anchor, real);
        *anchor = Anchor {
            real,
            simulated,
            speed,
        };
    }

    pub fn speed(&self) -> Speed {
        self.anchor.lock().unwrap_or_else(|p| p.into_inner()).speed
    }

    /// How long `simulated` drill time takes in real time at this speed;
    /// none while paused.
    pub fn real_wait(&self, simulated: Duration) -> Option<Duration> {
        match self.speed().factor() {
            0 => None,
            factor => Some(simulated / factor),
        }
    }
}

impl Clock for SimClock {
    fn now(&self) -> DateTime<Utc> {
        let real = self.real.now();
        let anchor = self.anchor.lock().unwrap_or_else(|p| p.into_inner());
        Self::at(&anchor, real)
    }

    fn zone(&self) -> Tz {
        self.real.zone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ManualClock;
    use chrono::TimeZone;

    #[test]
    fn the_drill_clock_runs_at_its_speed_and_keeps_its_time_when_paused() {
        let start = Utc
            .with_ymd_and_hms(2026, 1, 1, 9, 0, 0)
            .single()
            .unwrap_or_default();
        let real = Arc::new(ManualClock::new(start + Duration::days(300)));
        let clock = SimClock::new(real.clone(), start, Speed::Ten);
        real.advance(Duration::seconds(6));
        assert_eq!(clock.now(), start + Duration::minutes(1));
        clock.set_speed(Speed::Paused);
        real.advance(Duration::hours(1));
        assert_eq!(clock.now(), start + Duration::minutes(1), "paused");
        assert_eq!(clock.real_wait(Duration::minutes(1)), None);
        clock.set_speed(Speed::Five);
        real.advance(Duration::seconds(12));
        assert_eq!(clock.now(), start + Duration::minutes(2));
        assert_eq!(
            clock.real_wait(Duration::minutes(1)),
            Some(Duration::seconds(12))
        );
        clock.set_speed(Speed::Real);
        real.advance(Duration::seconds(30));
        assert_eq!(clock.now(), start + Duration::seconds(150));
    }
}
