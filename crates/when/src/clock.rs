//! Times of day: "6pm", "6:30 p.m.", "18:30", "1830", "noon", "midnight";
//! in Spanish also "18h", "18:00 h", "6 de la tarde", "mediodía".
use chrono::NaiveTime;

use super::error::{TimeError, TimeProblem};
use super::lexer::{show, Tok};
use super::period::clock_in;
use super::{vocab, Lang};

/// How the time was written; the resolver needs this for "tonight" and for
/// refusing bare hours like "at 6".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Form {
    /// Had am/pm (or, in Spanish, a part of the day: "de la tarde").
    Meridiem,
    /// Read as 24-hour time: "18:30", "6:30", "1830", "18", "6h".
    TwentyFour,
    /// A lone 1..=12 with no am/pm: morning or evening is unknown.
    BareHour,
    Noon,
    Midnight,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Clock {
    /// For `BareHour`, the hour as written (1..=12) read as 24-hour time.
    pub time: NaiveTime,
    pub form: Form,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Meridiem {
    Am,
    Pm,
}

/// Reads a time of day at the start of `toks`; returns it and how many
/// tokens it used, `None` if this is not a time at all.
pub(super) fn parse_clock(toks: &[Tok], lang: Lang) -> Result<Option<(Clock, usize)>, TimeError> {
    match toks.first() {
        Some(Tok::Word(w)) => Ok(named(w, lang).map(|c| (c, 1))),
        Some(Tok::Num { .. }) => numeric(toks, lang),
        _ => Ok(None),
    }
}

fn named(word: &str, lang: Lang) -> Option<Clock> {
    let form = vocab::named_time(word, lang)?;
    let time = if form == Form::Noon {
        hm(12, 0)
    } else {
        hm(0, 0)
    };
    Some(Clock { time, form })
}

fn numeric(toks: &[Tok], lang: Lang) -> Result<Option<(Clock, usize)>, TimeError> {
    let first = &toks[0];
    let mut used = 1;
    let (hour, mut minute, second, mut has_minutes) = match first.digits() {
        1 | 2 => {
            let hour = first.num(2).unwrap_or(u32::MAX);
            let sep = toks.get(1);
            let colon = sep.is_some_and(|t| t.is_sym(':'));
            let dot = sep.is_some_and(|t| t.is_sym('.'));
            match toks.get(2) {
                Some(m) if (colon || dot) && m.digits() == 2 => {
                    used = 3;
                    let minute = m.num(2).unwrap_or(u32::MAX);
                    let mut second = 0;
                    if colon && toks.get(3).is_some_and(|t| t.is_sym(':')) {
                        match toks.get(4) {
                            Some(s) if s.digits() == 2 => {
                                second = s.num(2).unwrap_or(u32::MAX);
                                used = 5;
                            }
                            _ => return Ok(None),
                        }
                    }
                    (hour, minute, second, true)
                }
                _ if colon || dot => return Ok(None),
                _ => (hour, 0, 0, false),
            }
        }
        // "1830", "630pm": hours and minutes run together.
        3 | 4 => {
            let v = first.num(4).unwrap_or(u32::MAX);
            (v / 100, v % 100, 0, true)
        }
        _ => return Ok(None),
    };

    // Spanish marks 24-hour time with "h": "18h", "18h30", "18:00 h".
    let marked = toks
        .get(used)
        .and_then(Tok::word)
        .is_some_and(|w| vocab::hour_marker(w, lang));
    if marked {
        used += 1;
        if let Some(m) = toks.get(used).filter(|m| !has_minutes && m.digits() == 2) {
            minute = m.num(2).unwrap_or(u32::MAX);
            has_minutes = true;
            used += 1;
        }
    }
    let meridiem = match vocab::meridiem(&toks[used..], lang).filter(|_| !marked) {
        Some((m, n)) => {
            used += n;
            Some(m)
        }
        None => None,
    };
    let mut written = show(&toks[..used]);
    let period = match vocab::period(&toks[used..], lang).filter(|_| !marked) {
        Some((p, n)) if meridiem.is_none() => {
            written = format!("{written} {} la {}", show(&toks[used..used + 1]), p.word());
            used += n;
            Some(p)
        }
        _ => None,
    };

    // "12 noon", "12 midnight", "12 del mediodía".
    if meridiem.is_none() && period.is_none() && !marked && !has_minutes && hour == 12 {
        let skip = vocab::before_named_time(&toks[used..], lang);
        let named = toks.get(used + skip).and_then(Tok::word);
        if let Some(c) = named.and_then(|w| self::named(w, lang)) {
            return Ok(Some((c, used + skip + 1)));
        }
    }

    if minute > 59 || second > 59 {
        return Err(TimeError::InvalidTime {
            reason: TimeProblem::Minutes { written },
        });
    }
    if let Some(p) = period {
        return match clock_in(p, hour, minute, second) {
            Some(c) => Ok(Some((c, used))),
            None => Err(TimeError::InvalidTime {
                reason: TimeProblem::Meridiem { written },
            }),
        };
    }
    let (hour, form) = match meridiem {
        Some(Meridiem::Am) => match hour {
            12 => (0, Form::Meridiem),
            1..=11 => (hour, Form::Meridiem),
            _ => return Err(bad_meridiem(&written)),
        },
        Some(Meridiem::Pm) => match hour {
            12 => (12, Form::Meridiem),
            1..=11 => (hour + 12, Form::Meridiem),
            // "18:30 pm" is redundant but not ambiguous.
            13..=23 => (hour, Form::Meridiem),
            _ => return Err(bad_meridiem(&written)),
        },
        None if hour > 23 => {
            return Err(TimeError::InvalidTime {
                reason: TimeProblem::Hours { written },
            })
        }
        None if marked => (hour, Form::TwentyFour),
        None if !has_minutes && (1..=12).contains(&hour) => (hour, Form::BareHour),
        None => (hour, Form::TwentyFour),
    };
    let time = NaiveTime::from_hms_opt(hour, minute, second).expect("checked ranges");
    Ok(Some((Clock { time, form }, used)))
}

fn bad_meridiem(written: &str) -> TimeError {
    TimeError::InvalidTime {
        reason: TimeProblem::Meridiem {
            written: written.to_string(),
        },
    }
}

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).expect("valid literal time")
}
