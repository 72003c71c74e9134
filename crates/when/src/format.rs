//! How times are shown back to users.
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;

/// "Saturday, December 5, 2026 at 6:00 PM CST": the date spelled out so that
/// month/day mix-ups are visible, plus the zone abbreviation.
pub fn local_label(utc: DateTime<Utc>, tz: Tz) -> String {
    utc.with_timezone(&tz)
        .format("%A, %B %-d, %Y at %-I:%M %p %Z")
        .to_string()
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
