//! Turns the parts of a phrase into a concrete local date-time, then UTC.
use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Utc};
use chrono_tz::Tz;

use super::clock::{Clock, Form};
use super::date::DateSpec;
use super::error::{Conflict, DateProblem, TimeError};
use super::note::Note;
use super::period::constrain;
use super::phrase::{clip, Phrase};
use super::zone::to_utc;
use super::When;

/// "tonight" with no time means this.
const TONIGHT_DEFAULT_HOUR: u32 = 20;
/// With "tonight", times before this hour belong to the early hours of the
/// next calendar day ("tonight 1am"); times from here to noon are refused.
const NIGHT_ENDS_HOUR: u32 = 6;

pub(super) fn resolve(
    phrase: Phrase,
    input: &str,
    tz: Tz,
    now: DateTime<Utc>,
) -> Result<When, TimeError> {
    // Rallies are scheduled to the minute; seconds of "now" would only leak
    // into "in 3 hours" and the "has it passed" checks.
    let now = now
        .with_second(0)
        .and_then(|t| t.with_nanosecond(0))
        .expect("second 0 always exists");
    let now_local = now.with_timezone(&tz).naive_local();

    let (date, time, spec_note) = match phrase {
        Phrase::Elapsed(d) => {
            let utc = now.checked_add_signed(d).ok_or(TimeError::OutOfRange)?;
            let local = utc.with_timezone(&tz).naive_local();
            return Ok(When {
                utc,
                tz,
                local,
                note: None,
            });
        }
        Phrase::Parts {
            date,
            time,
            weekday_check,
            period,
        } => {
            let time = match (time, period) {
                (Some(clock), Some(p)) => Some(constrain(clock, p)?),
                (time, _) => time,
            };
            let (date, time, note) = day_and_time(date, time, input, now_local)?;
            if let Some(named) = weekday_check.filter(|wd| *wd != date.weekday()) {
                return Err(TimeError::Conflicting {
                    reason: Conflict::WrongWeekday { date, named },
                });
            }
            (date, time, note)
        }
    };

    let local = date.and_time(time);
    let (utc, zone_note) = to_utc(local, tz)?;
    let note = match (spec_note, zone_note) {
        (Some(a), Some(b)) => Some(Note::Both(Box::new(a), Box::new(b))),
        (a, b) => a.or(b),
    };
    Ok(When {
        utc,
        tz,
        local,
        note,
    })
}

/// The local date and time a phrase names, plus a note on how a numeric
/// date was read.
fn day_and_time(
    date: Option<DateSpec>,
    time: Option<Clock>,
    input: &str,
    now_local: NaiveDateTime,
) -> Result<(NaiveDate, NaiveTime, Option<Note>), TimeError> {
    let today = now_local.date();
    match (date, time) {
        (Some(DateSpec::Tonight), clock) => {
            let (date, time) = tonight(clock, today)?;
            Ok((date, time, None))
        }
        (Some(DateSpec::InDays(n)), None) => Ok((add_days(today, n)?, now_local.time(), None)),
        (Some(_), None) => Err(TimeError::MissingTime { input: clip(input) }),
        (None, Some(clock)) => {
            let time = plain(clock)?;
            let date = if today.and_time(time) >= now_local {
                today
            } else {
                add_days(today, 1)?
            };
            Ok((date, time, None))
        }
        (Some(spec), Some(clock)) => {
            let time = plain(clock)?;
            let (date, note) = day_of(spec, time, now_local)?;
            Ok((date, time, note))
        }
        (None, None) => unreachable!("phrase::read never yields an empty phrase"),
    }
}

/// A time of day outside "tonight": a bare hour is refused as ambiguous.
fn plain(clock: Clock) -> Result<NaiveTime, TimeError> {
    match clock.form {
        Form::BareHour => Err(TimeError::AmbiguousHour {
            hour: clock.time.hour(),
        }),
        _ => Ok(clock.time),
    }
}

/// "tonight" is this evening: no time means 8 PM, "tonight 8" and
/// "tonight 8:30" are PM, and midnight or a time before 6 AM is the early
/// hours of tomorrow's date.
fn tonight(clock: Option<Clock>, today: NaiveDate) -> Result<(NaiveDate, NaiveTime), TimeError> {
    let Some(clock) = clock else {
        let time = NaiveTime::from_hms_opt(TONIGHT_DEFAULT_HOUR, 0, 0).expect("valid hour");
        return Ok((today, time));
    };
    let hour = clock.time.hour();
    let time = match clock.form {
        Form::BareHour if hour == 12 => return Err(TimeError::AmbiguousHour { hour }),
        Form::BareHour | Form::TwentyFour if (1..12).contains(&hour) => {
            clock.time.with_hour(hour + 12).expect("hour below 24")
        }
        _ => clock.time,
    };
    if clock.form == Form::Midnight || time.hour() < NIGHT_ENDS_HOUR {
        Ok((add_days(today, 1)?, time))
    } else if time.hour() < 12 {
        Err(TimeError::Conflicting {
            reason: Conflict::TonightMorning { time },
        })
    } else {
        Ok((today, time))
    }
}

/// The date a day phrase names, given the time of day it goes with.
fn day_of(
    spec: DateSpec,
    time: NaiveTime,
    now_local: NaiveDateTime,
) -> Result<(NaiveDate, Option<Note>), TimeError> {
    let today = now_local.date();
    let date = match spec {
        DateSpec::Calendar {
            year,
            month,
            day,
            swappable,
            order,
        } => {
            let date = match year {
                Some(y) => NaiveDate::from_ymd_opt(y, month, day)
                    .ok_or_else(|| invalid_date(Some(y), month, day))?,
                None => next_occurrence(month, day, time, now_local)?,
            };
            let note = swappable.map(|written| Note::NumericDate {
                written,
                date,
                order,
            });
            return Ok((date, note));
        }
        DateSpec::Today | DateSpec::Tonight => today,
        DateSpec::Tomorrow => add_days(today, 1)?,
        DateSpec::DayAfterTomorrow => add_days(today, 2)?,
        DateSpec::Yesterday => today.pred_opt().ok_or(TimeError::OutOfRange)?,
        DateSpec::InDays(n) => add_days(today, n)?,
        DateSpec::Weekday { day, next } => {
            let ahead =
                (7 + day.num_days_from_monday() - today.weekday().num_days_from_monday()) % 7;
            let passed = today.and_time(time) < now_local;
            let ahead = if ahead == 0 && (next || passed) {
                7
            } else {
                ahead
            };
            add_days(today, i64::from(ahead))?
        }
    };
    Ok((date, None))
}

/// The first date with this month and day, from today on, whose time has not
/// yet passed.
fn next_occurrence(
    month: u32,
    day: u32,
    time: NaiveTime,
    now_local: NaiveDateTime,
) -> Result<NaiveDate, TimeError> {
    // 2000 is a leap year: this rejects days that never exist.
    if NaiveDate::from_ymd_opt(2000, month, day).is_none() {
        return Err(invalid_date(None, month, day));
    }
    let year = now_local.year();
    // February 29 may be up to eight years away (e.g. 2096 to 2104).
    (year..=year + 8)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .find(|d| d.and_time(time) >= now_local)
        .ok_or(TimeError::OutOfRange)
}

fn add_days(date: NaiveDate, n: i64) -> Result<NaiveDate, TimeError> {
    u64::try_from(n)
        .ok()
        .and_then(|n| date.checked_add_days(Days::new(n)))
        .ok_or(TimeError::OutOfRange)
}

fn invalid_date(year: Option<i32>, month: u32, day: u32) -> TimeError {
    let reason = if !(1..=12).contains(&month) {
        DateProblem::NoSuchMonth { month }
    } else if let (Some(year), 2, 29) = (year, month, day) {
        DateProblem::NotLeapYear { year }
    } else {
        DateProblem::NoSuchDay {
            month,
            day,
            max: days_in_month(year.unwrap_or(2000), month),
            at_most: year.is_none() && month == 2,
        }
    };
    TimeError::InvalidDate { reason }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    (28..=31)
        .rev()
        .find(|d| NaiveDate::from_ymd_opt(year, month, *d).is_some())
        .unwrap_or(28)
}
