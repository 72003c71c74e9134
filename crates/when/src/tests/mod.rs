//! Tests for time parsing. All use a fixed "now"; none read the clock.
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::{parse_when, TimeError, When};

mod dst;
mod duration;
mod errors;
mod es;
mod format;
mod offset;
mod table;

/// Saturday 2026-11-28: noon in New York, already Sunday in Sydney/Auckland.
const NOW: &str = "2026-11-28T17:00:00Z";

fn utc(s: &str) -> DateTime<Utc> {
    s.parse().expect("test timestamp")
}

fn parse_at(input: &str, tz: Tz, now: &str) -> Result<When, TimeError> {
    parse_when(input, tz, utc(now))
}

fn parse(input: &str, tz: Tz) -> Result<When, TimeError> {
    parse_at(input, tz, NOW)
}

/// Parses and expects success; the panic message names the input.
fn ok(input: &str, tz: Tz, now: &str) -> When {
    parse_at(input, tz, now).unwrap_or_else(|e| panic!("{input:?} in {tz}: {e}"))
}

/// Parses and expects failure; returns the user-facing message.
fn err(input: &str, tz: Tz) -> TimeError {
    match parse(input, tz) {
        Ok(w) => panic!("{input:?} in {tz} should fail, got {}", w.utc),
        Err(e) => e,
    }
}
