//! The echo shown to users.
use chrono_tz::America::Phoenix;
use chrono_tz::Australia::Sydney;
use chrono_tz::Europe::London;

use super::super::local_label;
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
