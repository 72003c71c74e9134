//! How times are shown back to users.
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;

use super::wording;
use super::Lang;

/// "Saturday, December 5, 2026 at 6:00 PM CST": the date spelled out so that
/// month/day mix-ups are visible, plus the zone abbreviation.
pub fn local_label(utc: DateTime<Utc>, tz: Tz) -> String {
    utc.with_timezone(&tz)
        .format("%A, %B %-d, %Y at %-I:%M %p %Z")
        .to_string()
}

/// [`local_label`] in `lang`; in Spanish "jueves, 10 de diciembre de 2026,
/// 18:00 (CST)": 24-hour clock, lower-case day and month names.
pub fn local_label_in(utc: DateTime<Utc>, tz: Tz, lang: Lang) -> String {
    match lang {
        Lang::En => local_label(utc, tz),
        Lang::Es => wording::es::label(utc, tz),
    }
}

/// A day spelled out in `lang`: "Sunday, March 14, 2027", "domingo, 14 de marzo de 2027".
pub fn date_label_in(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::En => date_words(date),
        Lang::Es => wording::es::weekday_date(date),
    }
}

/// A day without its weekday, in `lang`, with its year when `year`: "March 14" or
/// "March 14, 2027"; "14 de marzo" or "14 de marzo de 2027".
pub fn day_month_in(date: NaiveDate, lang: Lang, year: bool) -> String {
    match (lang, year) {
        (Lang::En, true) => month_day_words(date),
        (Lang::En, false) => date.format("%B %-d").to_string(),
        (Lang::Es, true) => wording::es::day_month_year(date),
        (Lang::Es, false) => wording::es::day_month(date),
    }
}

/// "Sunday, March 14, 2027".
pub(super) fn date_words(date: NaiveDate) -> String {
    date.format("%A, %B %-d, %Y").to_string()
}

/// "2:00 AM".
pub(super) fn time_words(time: NaiveTime) -> String {
    time.format("%-I:%M %p").to_string()
}

/// "May 6" or "May 6, 2026".
pub(super) fn month_day_words(date: NaiveDate) -> String {
    date.format("%B %-d, %Y").to_string()
}
