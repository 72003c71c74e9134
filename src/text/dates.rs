//! A day without a time, in the reader's language: "December 5, 2026", "5 de diciembre de
//! 2026". (Times of day go through `when::local_label_in`.)
use chrono::{Datelike, NaiveDate};

use crate::i18n::Lang;
use crate::t;

/// "December 5, 2026"; in Spanish "5 de diciembre de 2026".
pub fn date(day: NaiveDate, lang: Lang) -> String {
    let month = format!("month-{}", day.month());
    t!(
        lang,
        "date",
        day = day.day(),
        month = t!(lang, &month),
        year = day.year()
    )
}

/// "Saturday, December 5, 2026"; in Spanish "sábado, 5 de diciembre de 2026".
pub fn weekday_date(day: NaiveDate, lang: Lang) -> String {
    let weekday = format!("weekday-{}", day.weekday().number_from_monday());
    t!(
        lang,
        "date-weekday",
        weekday = t!(lang, &weekday),
        date = date(day, lang)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_days_read_as_they_always_did_and_spanish_ones_in_spanish() {
        let mut day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        // A whole year: every month and weekday has its words.
        while day.year() == 2026 {
            assert_eq!(date(day, Lang::En), day.format("%B %-d, %Y").to_string());
            assert_eq!(
                weekday_date(day, Lang::En),
                day.format("%A, %B %-d, %Y").to_string()
            );
            assert!(!date(day, Lang::Es).contains("month-"));
            assert!(!weekday_date(day, Lang::Es).contains("weekday-"));
            day = day.succ_opt().unwrap();
        }
        let day = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
        assert_eq!(date(day, Lang::Es), "5 de diciembre de 2026");
        assert_eq!(
            weekday_date(day, Lang::Es),
            "sábado, 5 de diciembre de 2026"
        );
    }
}
