//! Lengths of time: "24h", "15m", "2d", "1h30m", "90 minutes", "an hour";
//! in Spanish also "30 minutos", "2 horas y media", "una semana".
use chrono::Duration;

use super::error::TimeError;
use super::lexer::{lex, Tok};
use super::vocab::{self, Unit};
use super::Lang;

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
    parse_duration_in(input, Lang::En)
}

/// [`parse_duration`] for text typed in `lang`: with Spanish, "30 minutos",
/// "2 horas", "1 día", "media hora" and "1 hora y media" as well.
pub fn parse_duration_in(input: &str, lang: Lang) -> Result<Duration, TimeError> {
    let bad = || TimeError::InvalidDuration {
        input: input.trim().to_string(),
    };
    let toks = lex(input);
    match parse_span(&toks, lang)? {
        Some((span, used)) if used == toks.len() => span.elapsed().ok_or(TimeError::OutOfRange),
        _ => Err(bad()),
    }
}

/// Reads one or more "<count> <unit>" pairs at the start of `toks`,
/// optionally joined by "and" ("y").
pub(super) fn parse_span(toks: &[Tok], lang: Lang) -> Result<Option<(Span, usize)>, TimeError> {
    let mut span = Span {
        days: 0,
        seconds: 0,
        has_clock_units: false,
    };
    let word = |i: usize| toks.get(i).and_then(Tok::word);
    let mut used = 0;
    let mut pairs = 0;
    loop {
        let mut at = used;
        if pairs > 0 && word(at).is_some_and(|w| vocab::joiner(w, lang)) {
            at += 1;
        }
        // "media hora": half of the unit that follows, in seconds.
        let (count, halves) = match toks.get(at) {
            Some(Tok::Num { value, .. }) => (
                i64::try_from(*value).map_err(|_| TimeError::OutOfRange)?,
                false,
            ),
            Some(Tok::Word(w)) if vocab::half(w, lang) => (1, true),
            Some(Tok::Word(w)) => match vocab::count_word(w, lang) {
                Some(n) => (n, false),
                None => break,
            },
            _ => break,
        };
        let Some(unit) = word(at + 1).and_then(|w| vocab::unit(w, lang)) else {
            break;
        };
        let overflow = || TimeError::OutOfRange;
        match unit {
            Unit::Days(_) if halves => break,
            Unit::Days(n) => {
                let add = count.checked_mul(n).ok_or_else(overflow)?;
                span.days = span.days.checked_add(add).ok_or_else(overflow)?;
            }
            Unit::Seconds(n) => {
                let mut add = count.checked_mul(n).ok_or_else(overflow)?;
                // "2 horas y media": a half of this unit on top.
                let and_a_half = word(at + 2).is_some_and(|w| vocab::joiner(w, lang))
                    && word(at + 3).is_some_and(|w| vocab::half(w, lang));
                if halves {
                    add = n / 2;
                } else if and_a_half {
                    add = add.checked_add(n / 2).ok_or_else(overflow)?;
                    at += 2;
                }
                span.seconds = span.seconds.checked_add(add).ok_or_else(overflow)?;
                span.has_clock_units = true;
            }
        }
        used = at + 2;
        pairs += 1;
    }
    Ok((pairs > 0).then_some((span, used)))
}
