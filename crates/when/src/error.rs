//! What can go wrong reading a time. Every variant carries data, not text,
//! so that each language can word it for the person who typed it (see
//! `wording`); `Display` is the English wording.
use std::fmt;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use chrono_tz::Tz;

use super::note::DateOrder;
use super::period::DayPeriod;
use super::wording;
use super::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimeError {
    Empty,

    Unrecognized {
        input: String,
    },

    MissingTime {
        input: String,
    },

    /// A date that is not on the calendar, or written in a form we refuse.
    InvalidDate {
        reason: DateProblem,
    },

    /// A time of day that is not on the clock ("25:00", "13am").
    InvalidTime {
        reason: TimeProblem,
    },

    /// A bare hour such as "at 6": morning or evening?
    AmbiguousHour {
        hour: u32,
    },

    /// Two dates, two times, or a phrase that contradicts another.
    Conflicting {
        reason: Conflict,
    },

    /// The local time falls in a spring-forward gap.
    NonexistentLocalTime {
        tz: Tz,
        /// First local time that is skipped.
        start: NaiveDateTime,
        /// First local time that exists again.
        end: NaiveDateTime,
    },

    OutOfRange,

    InvalidDuration {
        input: String,
    },
}

/// Why a date was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateProblem {
    /// The year after a numeric date is neither two nor four digits.
    BadYear {
        written: String,
        order: DateOrder,
    },
    /// A numeric date whose month part is not 1 to 12 ("30/06" in English);
    /// `first` and `second` are the two numbers in the order written.
    MonthOutOfRange {
        written: String,
        order: DateOrder,
        first: u32,
        second: u32,
    },
    NoSuchMonth {
        month: u32,
    },
    /// February 29 of a year that is not a leap year.
    NotLeapYear {
        year: i32,
    },
    /// A day past the end of its month; `at_most` when no year was given and
    /// the month is February (29 days at most).
    NoSuchDay {
        month: u32,
        day: u32,
        max: u32,
        at_most: bool,
    },
}

/// Why a time of day was refused; `written` is the time as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimeProblem {
    Minutes {
        written: String,
    },
    Hours {
        written: String,
    },
    /// An hour that does not go with its am/pm ("13am", "0pm").
    Meridiem {
        written: String,
    },
}

/// Parts of a phrase that contradict each other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Conflict {
    /// "in 3 hours" next to a day or a time of day.
    ElapsedWithParts,
    TwoTimes {
        input: String,
    },
    TwoDays {
        input: String,
    },
    /// "tonight" with a morning time ("tonight 9am").
    TonightMorning {
        time: NaiveTime,
    },
    /// A weekday that is not the date's ("Sat 2026-06-30").
    WrongWeekday {
        date: NaiveDate,
        named: Weekday,
    },
    /// A part of the day that does not hold the time ("por la mañana a las
    /// 18:00").
    PeriodMismatch {
        time: NaiveTime,
        period: DayPeriod,
    },
}

impl TimeError {
    /// The error worded for the user, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => wording::en::error(self),
            Lang::Es => wording::es::error(self),
        }
    }
}

/// The English wording.
impl fmt::Display for TimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for TimeError {}
