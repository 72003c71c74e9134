//! ISO times with their own UTC offset name an instant, whatever the zone.
use chrono_tz::America::{Chicago, New_York};
use chrono_tz::Asia::Tokyo;

use super::{err, ok, utc, NOW};

#[test]
fn an_offset_fixes_the_instant() {
    let cases = [
        ("2026-12-25T10:00:00-05:00", "2026-12-25T15:00:00Z"),
        ("2026-12-25 10:00:00-05:00", "2026-12-25T15:00:00Z"),
        ("2026-12-25T10:00-05:00", "2026-12-25T15:00:00Z"),
        ("2026-12-25 10:00 -05:00", "2026-12-25T15:00:00Z"),
        ("2026-12-25T10:00:00-0500", "2026-12-25T15:00:00Z"),
        ("2026-12-25T15:00:00Z", "2026-12-25T15:00:00Z"),
        ("2026-12-25 15:00z", "2026-12-25T15:00:00Z"),
        ("2026-12-25T10:00:00+09:00", "2026-12-25T01:00:00Z"),
    ];
    for (input, want) in cases {
        for tz in [Chicago, New_York, Tokyo] {
            let w = ok(input, tz, NOW);
            assert_eq!(w.utc, utc(want), "{input:?} in {tz}");
            assert_eq!(w.local, w.utc.with_timezone(&tz).naive_local(), "{input}");
            assert_eq!(w.tz, tz);
        }
    }
}

#[test]
fn the_note_speaks_only_when_the_offset_is_not_the_zones() {
    let same = ok("2026-12-25T10:00:00-05:00", New_York, NOW);
    assert_eq!(same.note, None);
    let other = ok("2026-12-25T10:00:00-05:00", Chicago, NOW);
    let note = other.note.expect("a note about the offset").to_string();
    assert!(
        note.contains("-05:00") && note.contains("9:00 AM CST"),
        "{note}"
    );
}

#[test]
fn a_bad_offset_or_date_is_still_refused() {
    for input in [
        "2026-12-25T10:00:00-25:00",
        "2026-13-25T10:00:00-05:00",
        "2026-02-30T10:00Z",
    ] {
        err(input, New_York);
    }
}
