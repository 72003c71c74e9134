//! Day phrases: "2026-06-30", "6/30", "6/30/26", "June 30, 2026", "30th of
//! June", "today", "tonight", "tomorrow", "yesterday", "thursday", "next
//! thursday"; in Spanish "30/6", "30 de junio de 2027", "primero de julio",
//! "mañana", "pasado mañana", "el próximo jueves", "jueves que viene".
use chrono::Weekday;

use super::error::{DateProblem, TimeError};
use super::lexer::{show, Tok};
use super::note::DateOrder;
use super::{vocab, Lang};

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
        /// The order a numeric date was read in.
        order: DateOrder,
    },
    Today,
    Tonight,
    Tomorrow,
    /// "pasado mañana".
    DayAfterTomorrow,
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
pub(super) fn parse_date(toks: &[Tok], lang: Lang) -> Result<Option<(DateSpec, usize)>, TimeError> {
    if let Some(found) = numeric(toks, lang)? {
        return Ok(Some(found));
    }
    Ok(month_first(toks, lang)
        .or_else(|| day_first(toks, lang))
        .or_else(|| vocab::relative_day(toks, lang))
        .or_else(|| weekday(toks, lang)))
}

/// "2026-06-30", "2026/06/30"; then two numbers with slashes, month first
/// in US English ("6/30/2026") and day first in Spanish ("30/06/2026").
fn numeric(toks: &[Tok], lang: Lang) -> Result<Option<(DateSpec, usize)>, TimeError> {
    let (Some(a), Some(sep), Some(b)) = (toks.first(), toks.get(1), toks.get(2)) else {
        return Ok(None);
    };
    let slash = sep.is_sym('/');
    if !(slash || sep.is_sym('-')) || a.digits() == 0 {
        return Ok(None);
    }
    let order = match lang {
        Lang::En => DateOrder::MonthDay,
        Lang::Es => DateOrder::DayMonth,
    };
    // Year first: 2026-06-30 or 2026/06/30, in every language.
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
        return Ok(Some((calendar(year, month, day, None, order), 5)));
    }
    // Only with slashes, so "6-8pm" is not a date.
    let (Some(first), Some(second), true) = (a.num(2), b.num(2), slash) else {
        return Ok(None);
    };
    let (month, day) = match order {
        DateOrder::MonthDay => (first, second),
        DateOrder::DayMonth => (second, first),
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
                    reason: DateProblem::BadYear {
                        written: show(&toks[..toks.len().min(5)]),
                        order,
                    },
                })
            }
        };
        used = 5;
    }
    let written = show(&toks[..used]);
    if month == 0 || month > 12 {
        return Err(TimeError::InvalidDate {
            reason: DateProblem::MonthOutOfRange {
                written,
                order,
                first,
                second,
            },
        });
    }
    let swappable = (day <= 12 && day != month).then_some(written);
    Ok(Some((calendar(year, month, day, swappable, order), used)))
}

/// "June 30", "Jun 30th, 2026"; in Spanish also "junio 30".
fn month_first(toks: &[Tok], lang: Lang) -> Option<(DateSpec, usize)> {
    let month = vocab::month(toks.first()?.word()?, lang)?;
    let day = toks.get(1)?.num(2)?;
    // The number may belong to something else: "mar 18:00" and "mar 18h" are
    // martes at 18:00, "mar 30 de junio" is martes 30 de junio.
    let time_follows = toks.get(2).is_some_and(|t| {
        t.is_sym(':') || t.is_sym('.') || t.word().is_some_and(|w| vocab::hour_marker(w, lang))
    });
    if time_follows || day_first(&toks[1..], lang).is_some() {
        return None;
    }
    let mut used = 2 + ordinal(toks.get(2), lang);
    let year = year(toks.get(used));
    used += usize::from(year.is_some());
    Some((calendar(year, month, day, None, DateOrder::MonthDay), used))
}

/// "30 June", "30th of June 2026", "30 de junio de 2027", "1º de julio".
fn day_first(toks: &[Tok], lang: Lang) -> Option<(DateSpec, usize)> {
    let first = toks.first()?;
    let day = first
        .num(2)
        .or_else(|| vocab::day_word(first.word()?, lang))?;
    let mut used = 1 + ordinal(toks.get(1), lang);
    if is_word(toks.get(used), |w| vocab::day_of_month(w, lang)) {
        used += 1;
    }
    let month = vocab::month(toks.get(used)?.word()?, lang)?;
    used += 1;
    // "de 2027": the joining word counts only if a year follows it.
    let joined = usize::from(is_word(toks.get(used), |w| vocab::month_of_year(w, lang)));
    let year = year(toks.get(used + joined));
    if year.is_some() {
        used += joined + 1;
    }
    Some((calendar(year, month, day, None, DateOrder::DayMonth), used))
}

/// "thursday", "this thu", "next thursday", "el próximo jueves", "jueves
/// que viene".
fn weekday(toks: &[Tok], lang: Lang) -> Option<(DateSpec, usize)> {
    let prefix = toks
        .first()?
        .word()
        .and_then(|w| vocab::weekday_prefix(w, lang));
    let used = usize::from(prefix.is_some());
    let day = vocab::weekday(toks.get(used)?.word()?, lang)?;
    let suffix = vocab::weekday_suffix(&toks[used + 1..], lang);
    let next = prefix == Some(true) || suffix > 0;
    Some((DateSpec::Weekday { day, next }, used + 1 + suffix))
}

fn calendar(
    year: Option<i32>,
    month: u32,
    day: u32,
    swappable: Option<String>,
    order: DateOrder,
) -> DateSpec {
    DateSpec::Calendar {
        year,
        month,
        day,
        swappable,
        order,
    }
}

/// A four-digit year right after a written-out date.
fn year(tok: Option<&Tok>) -> Option<i32> {
    let tok = tok?;
    (tok.digits() == 4).then(|| tok.num(4).map(|y| y as i32))?
}

/// 1 if `tok` is an ordinal suffix ("30th", "1º"), else 0.
fn ordinal(tok: Option<&Tok>, lang: Lang) -> usize {
    usize::from(is_word(tok, |w| vocab::ordinal(w, lang)))
}

fn is_word(tok: Option<&Tok>, test: impl Fn(&str) -> bool) -> bool {
    tok.and_then(Tok::word).is_some_and(test)
}
