//! Spanish: the reader with `Lang::Es`, and the Spanish wording of errors,
//! notes and labels. Expected values are worked out by hand from the
//! calendar and the zones' rules, never by calling the code under test.
use chrono_tz::Tz;

use super::super::{parse_when_in, Lang, TimeError, When};
use super::utc;

mod duration;
mod format;
mod messages;
mod table;

fn es(input: &str, tz: Tz, now: &str) -> Result<When, TimeError> {
    parse_when_in(input, tz, utc(now), Lang::Es)
}

/// Parses in Spanish and expects success; the panic names the input.
fn es_ok(input: &str, tz: Tz, now: &str) -> When {
    es(input, tz, now).unwrap_or_else(|e| panic!("{input:?} in {tz}: {e:?}"))
}

/// Parses in Spanish and expects failure.
fn es_err(input: &str, tz: Tz, now: &str) -> TimeError {
    match es(input, tz, now) {
        Ok(w) => panic!("{input:?} in {tz} should fail, got {}", w.local),
        Err(e) => e,
    }
}
