//! Where "now" comes from. Scheduled work and validation take it from a clock so tests and the
//! console can move time by hand.
use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};

pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
}

#[derive(Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock moved by hand: either frozen at a start time or following the system clock, in both
/// cases shifted by whatever `advance` and `set` added.
#[derive(Debug)]
pub struct ManualClock {
    origin: Option<DateTime<Utc>>,
    offset: Mutex<Duration>,
}

impl ManualClock {
    /// Frozen at `start` until moved.
    pub fn new(start: DateTime<Utc>) -> Self {
        ManualClock {
            origin: Some(start),
            offset: Mutex::new(Duration::zero()),
        }
    }

    /// Runs with the system clock, plus any shift.
    pub fn following_system() -> Self {
        ManualClock {
            origin: None,
            offset: Mutex::new(Duration::zero()),
        }
    }

    fn offset(&self) -> std::sync::MutexGuard<'_, Duration> {
        self.offset.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn advance(&self, by: Duration) -> DateTime<Utc> {
        *self.offset() += by;
        self.now()
    }

    pub fn set(&self, to: DateTime<Utc>) {
        let base = self.origin.unwrap_or_else(Utc::now);
        *self.offset() = to - base;
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        self.origin.unwrap_or_else(Utc::now) + *self.offset()
    }
}
