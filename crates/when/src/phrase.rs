//! Splits a token stream into its parts: at most one day, one time of day
//! and (in Spanish) one part of the day, or a lone "in 3 hours".
use chrono::{Duration, Weekday};

use super::clock::{parse_clock, Clock};
use super::date::{parse_date, DateSpec};
use super::duration::parse_span;
use super::error::{Conflict, TimeError};
use super::lexer::Tok;
use super::period::DayPeriod;
use super::{vocab, Lang};

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
        /// A part of the day written apart from the time ("mañana por la
        /// tarde a las 6"): it stands for am/pm.
        period: Option<DayPeriod>,
    },
}

pub(super) fn read(toks: &[Tok], input: &str, lang: Lang) -> Result<Phrase, TimeError> {
    let unrecognized = || TimeError::Unrecognized { input: clip(input) };
    let mut dates = Vec::new();
    let mut times = Vec::new();
    let mut periods = Vec::new();
    let mut elapsed = None;
    let mut i = 0;
    while i < toks.len() {
        let rest = &toks[i..];
        // Before the day words, so that "mañana por la mañana" is tomorrow
        // morning and "esta tarde" is not a weekday prefix.
        if let Some((period, used)) = vocab::period(rest, lang) {
            periods.push(period);
            i += used;
        } else if let Some((period, used)) = vocab::period_today(rest, lang) {
            periods.push(period);
            dates.push(DateSpec::Today);
            i += used;
        } else if rest[0].word().is_some_and(|w| vocab::filler(w, lang)) {
            i += 1;
        } else if let intro @ 1.. = vocab::span_intro(rest, lang) {
            let (span, used) = parse_span(&rest[intro..], lang)?.ok_or_else(unrecognized)?;
            if span.has_clock_units {
                if elapsed.is_some() {
                    return Err(unrecognized());
                }
                elapsed = Some(span.elapsed().ok_or(TimeError::OutOfRange)?);
            } else {
                dates.push(DateSpec::InDays(span.days));
            }
            i += intro + used;
        } else if let Some((date, used)) = parse_date(rest, lang)? {
            dates.push(date);
            i += used;
        } else if let Some((time, used)) = parse_clock(rest, lang)? {
            times.push(time);
            i += used;
        } else {
            return Err(unrecognized());
        }
    }

    if let Some(d) = elapsed {
        if !dates.is_empty() || !times.is_empty() || !periods.is_empty() {
            return Err(TimeError::Conflicting {
                reason: Conflict::ElapsedWithParts,
            });
        }
        return Ok(Phrase::Elapsed(d));
    }
    if times.len() > 1 || periods.len() > 1 {
        return Err(TimeError::Conflicting {
            reason: Conflict::TwoTimes { input: clip(input) },
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
        period: periods.pop(),
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
        reason: Conflict::TwoDays { input: clip(input) },
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
