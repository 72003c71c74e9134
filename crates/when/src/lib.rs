//! when: natural-language local times in a rally's own time zone.
//!
//! Everything here is pure: `now` is passed in, so results are reproducible.
//! Input is read case-insensitively as wall-clock time in the rally's zone.
//!
//! Rules for phrases that could mean more than one thing:
//! - Seconds of `now` are dropped first; "passed" means strictly before the
//!   current minute.
//! - A time alone ("6pm", "noon", "midnight") is today if not yet passed,
//!   otherwise tomorrow; so "midnight" alone is the coming midnight.
//! - "midnight" with a day ("june 30 midnight", "tomorrow midnight") is 00:00
//!   at the start of that day; with "tonight" it is the midnight ending tonight.
//! - "12am" is 00:00, "12pm" is 12:00. "6:30"/"18:30"/"1830" without am/pm are
//!   24-hour times; a bare hour 1-12 ("at 6") is refused as ambiguous, while
//!   13-23 ("at 18") is read as 24-hour.
//! - "tonight" alone is 8 PM today. With it, a bare or 24-hour hour 1-11 is PM
//!   ("tonight 8:30" = 20:30); midnight and times before 6 AM are the early
//!   hours of the next date; 6 AM to noon is refused.
//! - "thursday" / "this thursday" is the coming Thursday: today if today is
//!   Thursday and the time has not passed, else within the next 7 days.
//!   "next thursday" is the first Thursday after today (1 to 7 days ahead),
//!   never today.
//! - A date without a year ("6/30", "June 30") is its next occurrence: this
//!   year if that date and time has not passed, else the next year it exists.
//! - "05/06" is month/day (May 6) in English; when month and day could be
//!   swapped the `note` says how it was read. A day-first date must spell
//!   the month out.
//! - "in 2 days" / "in 1 week" keeps the current wall-clock time (or takes a
//!   given one: "in 2 days at 6pm"). "in 3 hours", "in 90 minutes" and any
//!   span with hours or minutes are exact elapsed time, so across a DST change
//!   the wall clock moves by more or less than the number given.
//! - "yesterday" is read (as the day before today) so that the caller refuses
//!   it as past rather than as unreadable.
//! - An ISO date and time with a UTC offset ("2026-06-30T18:00-04:00", "...Z")
//!   is that instant, shown in the rally's zone; the note says so when the
//!   offset differs from the zone's own.
//! - A date with no time of day is refused: a rally needs a start time.
//! - A local time inside a spring-forward gap is refused, naming the gap; one
//!   repeated by a fall-back takes the earlier instant and says so in `note`.
//! - Whether the result is in the past or too far ahead is for the caller.
//!
//! Spanish (`Lang::Es`, see [`parse_when_in`]) follows every rule above, with
//! these differences of language:
//! - Numeric dates are day first: "5/6" is 5 June, "30/06/2027" is June 30;
//!   "6/30" is refused (there is no month 30), never read month first.
//! - "de la mañana" / "de la tarde" / "de la noche" / "de la madrugada"
//!   stand for am/pm; "las 12 de la mañana" is noon and "las 12 de la noche"
//!   midnight, as Spanish says them. Written apart from the time ("mañana
//!   por la tarde a las 6", "esta tarde a las 5") they do the same, and a
//!   time outside them is refused ("por la mañana a las 18:00").
//! - "18h", "18:00 h", "18h30" are 24-hour times.
//! - "esta noche" is "tonight"; "próximo sábado" and "sábado que viene" are
//!   "next saturday"; "pasado mañana" is the day after tomorrow.
//! - Accents and case do not matter ("sabado", "Miércoles"), and English
//!   words that cannot be taken for Spanish ones are read too.
//!
//! Errors and notes are typed values ([`TimeError`], [`Note`]); each can be
//! worded in English or Spanish with `message(lang)`. Their `Display` is the
//! English wording.

mod clock;
mod date;
mod duration;
mod error;
mod format;
mod lexer;
mod note;
mod offset;
mod period;
mod phrase;
mod resolve;
mod vocab;
mod wording;
mod zone;

#[cfg(test)]
mod tests;

use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;

pub use duration::{parse_duration, parse_duration_in};
pub use error::{Conflict, DateProblem, TimeError, TimeProblem};
pub use format::{date_label_in, day_month_in, local_label, local_label_in};
pub use note::{DateOrder, Note};
pub use period::DayPeriod;

/// The language people type in and read replies in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Es,
}

/// A parsed rally time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct When {
    pub utc: DateTime<Utc>,
    pub tz: Tz,
    /// The wall-clock time in `tz` that the user asked for.
    pub local: NaiveDateTime,
    /// How an ambiguous input was read, to show the user.
    pub note: Option<Note>,
}

/// Reads `input` as a local time in `tz`, relative to `now` where needed.
/// English: [`parse_when_in`] with [`Lang::En`].
pub fn parse_when(input: &str, tz: Tz, now: DateTime<Utc>) -> Result<When, TimeError> {
    parse_when_in(input, tz, now, Lang::En)
}

/// Reads `input`, typed in `lang`, as a local time in `tz`. The rules above
/// hold in every language; Spanish reads numeric dates day first ("5/6" is
/// 5 June) and also takes the English words that cannot be mistaken for
/// Spanish ones.
pub fn parse_when_in(
    input: &str,
    tz: Tz,
    now: DateTime<Utc>,
    lang: Lang,
) -> Result<When, TimeError> {
    if let Some(when) = offset::explicit(input, tz) {
        return Ok(when);
    }
    let toks = lexer::lex(input);
    if toks.is_empty() {
        return Err(TimeError::Empty);
    }
    let phrase = phrase::read(&toks, input, lang)?;
    resolve::resolve(phrase, input, tz, now)
}
