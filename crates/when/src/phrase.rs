//! Splits a token stream into its parts: at most one day, one time of day,
//! or a lone "in 3 hours".
use chrono::{Duration, Weekday};

use super::clock::{parse_clock, Clock};
use super::date::{parse_date, DateSpec};
use super::duration::parse_span;
use super::error::TimeError;
use super::lexer::Tok;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Phrase {
    /// "in 3 hours": an exact elapsed time from now.
    Elapsed(Duration),
    /// A day and/or a time of day (at least one of them).
    Parts {
        date: Option<DateSpec>,
        time: Option<Clock>,
        /// A weekday written next to a calendar date ("Sat June 30"); it must
        /// agree with the date.
        weekday_check: Option<Weekday>,
    },
}

/// Words that carry no meaning here: "June 30 at 6pm", "6pm on Friday",
/// and the "T" of "2026-06-30T18:00".
const FILLER: &[&str] = &["at", "on", "t", "the"];

pub(super) fn read(toks: &[Tok], input: &str) -> Result<Phrase, TimeError> {
    let unrecognized = || TimeError::Unrecognized { input: clip(input) };
    let mut dates = Vec::new();
    let mut times = Vec::new();
    let mut elapsed = None;
    let mut i = 0;
    while i < toks.len() {
        let rest = &toks[i..];
        if rest[0].word().is_some_and(|w| FILLER.contains(&w)) {
            i += 1;
        } else if rest[0].is_word("in") {
            let (span, used) = parse_span(&rest[1..])?.ok_or_else(unrecognized)?;
            if span.has_clock_units {
                if elapsed.is_some() {
                    return Err(unrecognized());
                }
                elapsed = Some(span.elapsed().ok_or(TimeError::OutOfRange)?);
            } else {
                dates.push(DateSpec::InDays(span.days));
            }
            i += 1 + used;
        } else if let Some((date, used)) = parse_date(rest)? {
            dates.push(date);
            i += used;
        } else if let Some((time, used)) = parse_clock(rest)? {
            times.push(time);
            i += used;
        } else {
            return Err(unrecognized());
        }
    }

    if let Some(d) = elapsed {
        if !dates.is_empty() || !times.is_empty() {
            return Err(TimeError::Conflicting {
                reason: "\"in ... hours/minutes\" counts from now, so it can't be combined with \
                         a day or time. Use it alone (\"in 3 hours\") or give a day and time \
                         (\"tomorrow 6pm\")."
                    .into(),
            });
        }
        return Ok(Phrase::Elapsed(d));
    }
    if times.len() > 1 {
        return Err(TimeError::Conflicting {
            reason: format!(
                "I found more than one time of day in \"{}\". Give just one start time.",
                clip(input)
            ),
        });
    }
    let (date, weekday_check) = combine_dates(dates, input)?;
    let time = times.pop();
    if date.is_none() && time.is_none() {
        return Err(unrecognized());
    }
    Ok(Phrase::Parts {
        date,
        time,
        weekday_check,
    })
}

/// One day phrase, or a calendar date plus a plain weekday that names it.
fn combine_dates(
    mut dates: Vec<DateSpec>,
    input: &str,
) -> Result<(Option<DateSpec>, Option<Weekday>), TimeError> {
    if dates.len() <= 1 {
        return Ok((dates.pop(), None));
    }
    if let [a, b] = dates.as_slice() {
        match (a, b) {
            (DateSpec::Weekday { day, next: false }, cal @ DateSpec::Calendar { .. })
            | (cal @ DateSpec::Calendar { .. }, DateSpec::Weekday { day, next: false }) => {
                return Ok((Some(cal.clone()), Some(*day)));
            }
            _ => {}
        }
    }
    Err(TimeError::Conflicting {
        reason: format!(
            "I found more than one day in \"{}\". Give just one, e.g. \"June 30 6pm\" or \
             \"next thursday 18:30\".",
            clip(input)
        ),
    })
}

/// The input as echoed in error messages, trimmed and kept short.
pub(super) fn clip(input: &str) -> String {
    const MAX: usize = 80;
    let trimmed = input.split_whitespace().collect::<Vec<_>>().join(" ");
    if trimmed.chars().count() <= MAX {
        trimmed
    } else {
        trimmed.chars().take(MAX).chain(['…']).collect()
    }
}
