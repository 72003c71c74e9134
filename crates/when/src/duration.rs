//! Lengths of time: "24h", "15m", "2d", "1h30m", "90 minutes", "an hour".
use chrono::Duration;

use super::error::TimeError;
use super::lexer::{lex, Tok};

/// A parsed length, split so "in 2 days" can keep the wall-clock time while
/// "in 3 hours" stays an exact elapsed duration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Span {
    /// Whole days (weeks included).
    pub days: i64,
    /// Seconds from hour/minute/second units.
    pub seconds: i64,
    /// True if any hour, minute or second unit was used.
    pub has_clock_units: bool,
}

impl Span {
    /// The whole span as elapsed time, a day being 24 hours.
    pub fn elapsed(&self) -> Option<Duration> {
        Duration::try_days(self.days)?.checked_add(&Duration::try_seconds(self.seconds)?)
    }
}

/// Parses a length of time such as "24h", "1h30m", "2d" or "90 minutes".
/// A day counts as 24 hours. A bare number without a unit is refused.
pub fn parse_duration(input: &str) -> Result<Duration, TimeError> {
    let bad = || TimeError::InvalidDuration {
        input: input.trim().to_string(),
    };
    let toks = lex(input);
    match parse_span(&toks)? {
        Some((span, used)) if used == toks.len() => span.elapsed().ok_or(TimeError::OutOfRange),
        _ => Err(bad()),
    }
}

/// Reads one or more "<count> <unit>" pairs at the start of `toks`,
/// optionally joined by "and".
pub(super) fn parse_span(toks: &[Tok]) -> Result<Option<(Span, usize)>, TimeError> {
    let mut span = Span {
        days: 0,
        seconds: 0,
        has_clock_units: false,
    };
    let mut used = 0;
    let mut pairs = 0;
    loop {
        let mut at = used;
        if pairs > 0 && toks.get(at).is_some_and(|t| t.is_word("and")) {
            at += 1;
        }
        let count = match toks.get(at) {
            Some(Tok::Num { value, .. }) => {
                i64::try_from(*value).map_err(|_| TimeError::OutOfRange)?
            }
            Some(Tok::Word(w)) if w == "a" || w == "an" => 1,
            _ => break,
        };
        let Some(unit) = toks.get(at + 1).and_then(Tok::word).and_then(unit) else {
            break;
        };
        let overflow = || TimeError::OutOfRange;
        match unit {
            Unit::Days(n) => {
                let add = count.checked_mul(n).ok_or_else(overflow)?;
                span.days = span.days.checked_add(add).ok_or_else(overflow)?;
            }
            Unit::Seconds(n) => {
                let add = count.checked_mul(n).ok_or_else(overflow)?;
                span.seconds = span.seconds.checked_add(add).ok_or_else(overflow)?;
                span.has_clock_units = true;
            }
        }
        used = at + 2;
        pairs += 1;
    }
    Ok((pairs > 0).then_some((span, used)))
}

enum Unit {
    Days(i64),
    Seconds(i64),
}

fn unit(word: &str) -> Option<Unit> {
    Some(match word {
        "s" | "sec" | "secs" | "second" | "seconds" => Unit::Seconds(1),
        "m" | "min" | "mins" | "minute" | "minutes" => Unit::Seconds(60),
        "h" | "hr" | "hrs" | "hour" | "hours" => Unit::Seconds(3600),
        "d" | "day" | "days" => Unit::Days(1),
        "w" | "wk" | "wks" | "week" | "weeks" => Unit::Days(7),
        _ => return None,
    })
}
