//! The Spanish label: 24-hour clock, lower-case names, the zone's abbreviation.
use chrono_tz::America::{Chicago, Phoenix};
use chrono_tz::Europe::{London, Madrid};

use super::super::super::{local_label, local_label_in, Lang};
use super::super::utc;

#[test]
fn local_label_in_spanish() {
    let cases = [
        (
            utc("2026-12-11T00:00:00Z"),
            Chicago,
            "jueves, 10 de diciembre de 2026, 18:00 (CST)",
        ),
        (
            utc("2027-07-01T01:30:00Z"),
            Phoenix,
            "miércoles, 30 de junio de 2027, 18:30 (MST)",
        ),
        (
            utc("2027-07-01T01:30:00Z"),
            Madrid,
            "jueves, 1 de julio de 2027, 3:30 (CEST)",
        ),
        (
            utc("2026-12-01T00:00:00Z"),
            London,
            "martes, 1 de diciembre de 2026, 0:00 (GMT)",
        ),
        (
            utc("2027-09-05T16:05:00Z"),
            Madrid,
            "domingo, 5 de septiembre de 2027, 18:05 (CEST)",
        ),
    ];
    for (t, tz, want) in cases {
        assert_eq!(local_label_in(t, tz, Lang::Es), want);
    }
    let t = utc("2027-07-01T01:30:00Z");
    assert_eq!(
        local_label_in(t, Phoenix, Lang::En),
        local_label(t, Phoenix)
    );
}
