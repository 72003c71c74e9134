//! Day phrases: "2026-06-30", "6/30", "6/30/26", "June 30, 2026", "30th of
//! June", "today", "tonight", "tomorrow", "yesterday", "thursday", "next thursday".
use chrono::Weekday;

use super::error::TimeError;
use super::lexer::{show, Tok};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum DateSpec {
    /// A calendar date; without a year it means the next occurrence.
    Calendar {
        year: Option<i32>,
        month: u32,
        day: u32,
        /// The original text of a numeric date whose month and day could be
        /// swapped ("05/06"), so the reply can say how it was read.
        swappable: Option<String>,
    },
    Today,
    Tonight,
    Tomorrow,
    /// Read only so that the caller can say the time has passed.
    Yesterday,
    /// "in 2 days": a day offset that keeps the wall-clock time.
    InDays(i64),
    /// `next` is true for "next thursday".
    Weekday {
        day: Weekday,
        next: bool,
    },
}

/// Reads a day phrase at the start of `toks`; `None` if it is not one.
pub(super) fn parse_date(toks: &[Tok]) -> Result<Option<(DateSpec, usize)>, TimeError> {
    if let Some(found) = numeric(toks)? {
        return Ok(Some(found));
    }
    Ok(month_first(toks)
        .or_else(|| day_first(toks))
        .or_else(|| relative_word(toks))
        .or_else(|| weekday(toks)))
}

/// "2026-06-30", "2026/06/30", "6/30", "6/30/2026", "06/30/26".
fn numeric(toks: &[Tok]) -> Result<Option<(DateSpec, usize)>, TimeError> {
    let (Some(a), Some(sep), Some(b)) = (toks.first(), toks.get(1), toks.get(2)) else {
        return Ok(None);
    };
    let slash = sep.is_sym('/');
    if !(slash || sep.is_sym('-')) || a.digits() == 0 {
        return Ok(None);
    }
    // Year first: 2026-06-30 or 2026/06/30.
    if a.digits() == 4 {
        let (Some(month), Some(sep2), Some(day)) = (b.num(2), toks.get(3), toks.get(4)) else {
            return Ok(None);
        };
        if !sep2.is_sym(if slash { '/' } else { '-' }) {
            return Ok(None);
        }
        let Some(day) = day.num(2) else {
            return Ok(None);
        };
        let year = a.num(4).and_then(|y| i32::try_from(y).ok());
        return Ok(Some((calendar(year, month, day, None), 5)));
    }
    // Month first (US): only with slashes, so "6-8pm" is not a date.
    let (Some(month), Some(day), true) = (a.num(2), b.num(2), slash) else {
        return Ok(None);
    };
    let mut used = 3;
    let mut year = None;
    if toks.get(3).is_some_and(|t| t.is_sym('/')) {
        let y = toks.get(4);
        year = match (y.map(Tok::digits), y.and_then(|t| t.num(4))) {
            (Some(2), Some(yy)) => Some(2000 + yy as i32),
            (Some(4), Some(yyyy)) => Some(yyyy as i32),
            _ => {
                return Err(TimeError::InvalidDate {
                    reason: format!(
                        "I couldn't read the year in \"{}\". Write it like 6/30/2026 or 6/30/26.",
                        show(&toks[..toks.len().min(5)])
                    ),
                })
            }
        };
        used = 5;
    }
    let written = show(&toks[..used]);
    if month == 0 || month > 12 {
        let hint = if (1..=12).contains(&day) {
            format!(" Did you mean {day}/{month}?")
        } else {
            String::new()
        };
        return Err(TimeError::InvalidDate {
            reason: format!(
                "\"{written}\" isn't a date I can read: dates with slashes are month/day \
                 (6/30 is June 30).{hint} You can also spell the month out: \"June 30\"."
            ),
        });
    }
    let swappable = (day <= 12 && day != month).then_some(written);
    Ok(Some((calendar(year, month, day, swappable), used)))
}

/// "June 30", "Jun 30th, 2026".
fn month_first(toks: &[Tok]) -> Option<(DateSpec, usize)> {
    let month = month(toks.first()?.word()?)?;
    let day = toks.get(1)?.num(2)?;
    let mut used = 2 + ordinal(toks.get(2));
    let year = year(toks.get(used));
    used += usize::from(year.is_some());
    Some((calendar(year, month, day, None), used))
}

/// "30 June", "30th of June 2026".
fn day_first(toks: &[Tok]) -> Option<(DateSpec, usize)> {
    let day = toks.first()?.num(2)?;
    let mut used = 1 + ordinal(toks.get(1));
    if toks.get(used).is_some_and(|t| t.is_word("of")) {
        used += 1;
    }
    let month = month(toks.get(used)?.word()?)?;
    used += 1;
    let year = year(toks.get(used));
    used += usize::from(year.is_some());
    Some((calendar(year, month, day, None), used))
}

fn relative_word(toks: &[Tok]) -> Option<(DateSpec, usize)> {
    let spec = match toks.first()?.word()? {
        "today" => DateSpec::Today,
        "tonight" | "tonite" => DateSpec::Tonight,
        "tomorrow" | "tmrw" | "tmr" | "tomorow" | "tommorow" | "tommorrow" => DateSpec::Tomorrow,
        "yesterday" => DateSpec::Yesterday,
        _ => return None,
    };
    Some((spec, 1))
}

/// "thursday", "this thu", "coming thursday", "next thursday".
fn weekday(toks: &[Tok]) -> Option<(DateSpec, usize)> {
    let (next, used) = match toks.first()?.word()? {
        "next" => (true, 1),
        "this" | "coming" => (false, 1),
        _ => (false, 0),
    };
    let day = weekday_name(toks.get(used)?.word()?)?;
    Some((DateSpec::Weekday { day, next }, used + 1))
}

fn calendar(year: Option<i32>, month: u32, day: u32, swappable: Option<String>) -> DateSpec {
    DateSpec::Calendar {
        year,
        month,
        day,
        swappable,
    }
}

/// A four-digit year right after a written-out date.
fn year(tok: Option<&Tok>) -> Option<i32> {
    let tok = tok?;
    (tok.digits() == 4).then(|| tok.num(4).map(|y| y as i32))?
}

/// 1 if `tok` is an ordinal suffix ("30th"), else 0.
fn ordinal(tok: Option<&Tok>) -> usize {
    usize::from(
        tok.and_then(Tok::word)
            .is_some_and(|w| matches!(w, "st" | "nd" | "rd" | "th")),
    )
}

fn month(word: &str) -> Option<u32> {
    Some(match word {
        "jan" | "january" => 1,
        "feb" | "february" => 2,
        "mar" | "march" => 3,
        "apr" | "april" => 4,
        "may" => 5,
        "jun" | "june" => 6,
        "jul" | "july" => 7,
        "aug" | "august" => 8,
        "sep" | "sept" | "september" => 9,
        "oct" | "october" => 10,
        "nov" | "november" => 11,
        "dec" | "december" => 12,
        _ => return None,
    })
}

fn weekday_name(word: &str) -> Option<Weekday> {
    Some(match word {
        "mon" | "monday" => Weekday::Mon,
        "tue" | "tues" | "tuesday" => Weekday::Tue,
        "wed" | "weds" | "wednesday" => Weekday::Wed,
        "thu" | "thur" | "thurs" | "thursday" => Weekday::Thu,
        "fri" | "friday" => Weekday::Fri,
        "sat" | "saturday" => Weekday::Sat,
        "sun" | "sunday" => Weekday::Sun,
        _ => return None,
    })
}
