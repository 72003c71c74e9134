//! Times of day: "6pm", "6:30 p.m.", "18:30", "1830", "noon", "midnight".
use chrono::NaiveTime;

use super::error::TimeError;
use super::lexer::{show, Tok};

/// How the time was written; the resolver needs this for "tonight" and for
/// refusing bare hours like "at 6".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Form {
    /// Had am/pm.
    Meridiem,
    /// Read as 24-hour time: "18:30", "6:30", "1830", "18".
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

#[derive(Clone, Copy, PartialEq, Eq)]
enum Meridiem {
    Am,
    Pm,
}

/// Reads a time of day at the start of `toks`; returns it and how many
/// tokens it used, `None` if this is not a time at all.
pub(super) fn parse_clock(toks: &[Tok]) -> Result<Option<(Clock, usize)>, TimeError> {
    match toks.first() {
        Some(Tok::Word(w)) => Ok(named(w).map(|c| (c, 1))),
        Some(Tok::Num { .. }) => numeric(toks),
        _ => Ok(None),
    }
}

fn named(word: &str) -> Option<Clock> {
    match word {
        "noon" | "midday" => Some(Clock {
            time: hm(12, 0),
            form: Form::Noon,
        }),
        "midnight" => Some(Clock {
            time: hm(0, 0),
            form: Form::Midnight,
        }),
        _ => None,
    }
}

fn numeric(toks: &[Tok]) -> Result<Option<(Clock, usize)>, TimeError> {
    let first = &toks[0];
    let mut used = 1;
    let (hour, minute, second, has_minutes) = match first.digits() {
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

    let meridiem = match toks.get(used).and_then(Tok::word) {
        Some("am" | "a") => Some(Meridiem::Am),
        Some("pm" | "p") => Some(Meridiem::Pm),
        _ => None,
    };
    if meridiem.is_some() {
        used += 1;
    }
    let written = show(&toks[..used]);

    // "12 noon", "12 midnight".
    if meridiem.is_none() && !has_minutes && hour == 12 {
        if let Some(c) = toks.get(used).and_then(Tok::word).and_then(named) {
            return Ok(Some((c, used + 1)));
        }
    }

    if minute > 59 || second > 59 {
        return Err(TimeError::InvalidTime {
            reason: format!("\"{written}\" isn't a time of day: minutes go from 00 to 59."),
        });
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
                reason: format!(
                    "\"{written}\" isn't a time of day: hours go from 0 to 23 \
                     (or 1 to 12 with am/pm)."
                ),
            })
        }
        None if !has_minutes && (1..=12).contains(&hour) => (hour, Form::BareHour),
        None => (hour, Form::TwentyFour),
    };
    let time = NaiveTime::from_hms_opt(hour, minute, second).expect("checked ranges");
    Ok(Some((Clock { time, form }, used)))
}

fn bad_meridiem(written: &str) -> TimeError {
    TimeError::InvalidTime {
        reason: format!(
            "\"{written}\" isn't a time of day: with am/pm the hour goes from 1 to 12 \
             (12am is midnight, 12pm is noon). Or use 24-hour time like 18:30."
        ),
    }
}

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).expect("valid literal time")
}
