//! What the reader tells the user about how it read an input. Kept as data,
//! not text, so that each language can word it (see `wording`).
use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;

use super::wording;
use super::Lang;

/// The order of the two numbers in a date like "05/06".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrder {
    /// US English: 05/06 is May 6.
    MonthDay,
    /// Spanish: 05/06 is 5 June.
    DayMonth,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// A numeric date whose day and month could be swapped ("05/06"), and
    /// the date it was read as.
    NumericDate {
        written: String,
        date: NaiveDate,
        order: DateOrder,
    },
    /// A local time that a fall-back repeats; `first` was taken.
    RepeatedTime {
        tz: Tz,
        local: NaiveDateTime,
        first: DateTime<Utc>,
        second: DateTime<Utc>,
    },
    /// An ISO time whose own UTC offset is not the zone's at that instant.
    ForeignOffset {
        input: String,
        offset: FixedOffset,
        utc: DateTime<Utc>,
        tz: Tz,
    },
    /// Two notes on one reading (a numeric date that lands on a repeated
    /// hour), in the order they apply.
    Both(Box<Note>, Box<Note>),
}

impl Note {
    /// The note worded for the user, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => wording::en::note(self),
            Lang::Es => wording::es::note(self),
        }
    }
}

/// The English wording.
impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}
