//! The echo shown to users.
use chrono_tz::America::Phoenix;
use chrono_tz::Australia::Sydney;
use chrono_tz::Europe::London;

use super::super::{date_label_in, day_month_in, local_label, Lang};
use super::utc;

#[test]
fn local_label_uses_zone_abbreviations() {
    let t = utc("2027-07-01T01:30:00Z");
    assert_eq!(
        local_label(t, Phoenix),
        "Wednesday, June 30, 2027 at 6:30 PM MST"
    );
    assert_eq!(
        local_label(t, London),
        "Thursday, July 1, 2027 at 2:30 AM BST"
    );
    assert_eq!(
        local_label(utc("2026-11-29T07:05:00Z"), Sydney),
        "Sunday, November 29, 2026 at 6:05 PM AEDT"
    );
    assert_eq!(
        local_label(utc("2026-12-01T00:00:00Z"), London),
        "Tuesday, December 1, 2026 at 12:00 AM GMT"
    );
}

#[test]
fn days_are_spelled_in_each_language() {
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 12).unwrap();
    assert_eq!(date_label_in(day, Lang::En), "Saturday, December 12, 2026");
    assert_eq!(
        date_label_in(day, Lang::Es),
        "sábado, 12 de diciembre de 2026"
    );
    assert_eq!(day_month_in(day, Lang::En, false), "December 12");
    assert_eq!(day_month_in(day, Lang::En, true), "December 12, 2026");
    assert_eq!(day_month_in(day, Lang::Es, false), "12 de diciembre");
    assert_eq!(day_month_in(day, Lang::Es, true), "12 de diciembre de 2026");
}
