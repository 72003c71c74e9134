//! What can go wrong reading a time, phrased for the person who typed it.
use chrono::NaiveDateTime;
use chrono_tz::Tz;

use super::format::{date_words, time_words};

/// Example forms shown whenever we cannot read the input at all.
pub const EXAMPLES: &str = "\"2026-06-30 18:00\", \"6/30 6pm\", \"June 30 at 6:30pm\", \
\"tomorrow 6pm\", \"next thursday 18:30\", \"saturday noon\" or \"in 3 hours\"";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimeError {
    #[error("Please give a date and start time, for example {EXAMPLES}.")]
    Empty,

    #[error("I couldn't read \"{input}\" as a date and time. Try {EXAMPLES}.")]
    Unrecognized { input: String },

    #[error("\"{input}\" has a day but no start time. Add one, for example \"{input} 6pm\".")]
    MissingTime { input: String },

    /// A date that is not on the calendar, or written in a form we refuse.
    #[error("{reason}")]
    InvalidDate { reason: String },

    /// A time of day that is not on the clock ("25:00", "13am").
    #[error("{reason}")]
    InvalidTime { reason: String },

    /// A bare hour such as "at 6": morning or evening?
    #[error("{}", ambiguous_hour(*.hour))]
    AmbiguousHour { hour: u32 },

    /// Two dates, two times, or a phrase that contradicts another.
    #[error("{reason}")]
    Conflicting { reason: String },

    /// The local time falls in a spring-forward gap.
    #[error("{}", gap_message(.start, .end, .tz))]
    NonexistentLocalTime {
        tz: Tz,
        /// First local time that is skipped.
        start: NaiveDateTime,
        /// First local time that exists again.
        end: NaiveDateTime,
    },

    #[error("That is further away than I can handle. Pick something within the next few years.")]
    OutOfRange,

    #[error(
        "I couldn't read \"{input}\" as a length of time. Use forms like \"24h\", \"90m\", \
         \"2d\", \"1h30m\" or \"90 minutes\"."
    )]
    InvalidDuration { input: String },
}

fn ambiguous_hour(hour: u32) -> String {
    if hour == 12 {
        "Is that 12 noon or 12 midnight? Write \"noon\" or \"midnight\" (or 12pm / 12am).".into()
    } else {
        format!(
            "Is that {hour} in the morning or the evening? Write \"{hour}am\" or \"{hour}pm\", \
             or use 24-hour time like \"{:02}:00\".",
            hour + 12
        )
    }
}

fn gap_message(start: &NaiveDateTime, end: &NaiveDateTime, tz: &Tz) -> String {
    let from = time_words(start.time());
    let to = time_words(end.time());
    let (span, before, after) = if start.date() == end.date() {
        let span = format!("{from} to {to} on {}", date_words(start.date()));
        (span, from, to)
    } else {
        // Rare: the gap crosses midnight, so each edge needs its own date.
        let before = format!("{from} on {}", date_words(start.date()));
        let after = format!("{to} on {}", date_words(end.date()));
        (format!("{before} to {after}"), before, after)
    };
    format!(
        "{span} doesn't exist in {}: clocks jump forward. Pick a time before {before} or from \
         {after}.",
        tz.name()
    )
}
