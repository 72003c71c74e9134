//! Daylight-saving transitions: gaps refused, repeats take the first instant.
use chrono_tz::America::{Chicago, New_York};
use chrono_tz::Australia::Sydney;
use chrono_tz::Europe::London;
use chrono_tz::Pacific::Auckland;

use super::{err, ok, utc, TimeError};

#[test]
fn spring_forward_gap_is_refused_and_named() {
    let e = err("2027-03-14 02:30", New_York);
    assert_eq!(
        e.to_string(),
        "2:00 AM to 3:00 AM on Sunday, March 14, 2027 doesn't exist in America/New_York: \
         clocks jump forward. Pick a time before 2:00 AM or from 3:00 AM."
    );
    assert!(matches!(e, TimeError::NonexistentLocalTime { tz, .. } if tz == New_York));
}

#[test]
fn gaps_in_other_zones() {
    let cases = [
        (
            Chicago,
            "3/14/2027 2:15am",
            "2:00 AM to 3:00 AM on Sunday, March 14, 2027",
        ),
        (
            London,
            "2027-03-28 01:30",
            "1:00 AM to 2:00 AM on Sunday, March 28, 2027",
        ),
        (
            Sydney,
            "2027-10-03 2:30am",
            "2:00 AM to 3:00 AM on Sunday, October 3, 2027",
        ),
        (
            Auckland,
            "Sep 26 2027 2:00am",
            "2:00 AM to 3:00 AM on Sunday, September 26, 2027",
        ),
    ];
    for (tz, input, span) in cases {
        let msg = err(input, tz).to_string();
        assert!(msg.starts_with(span), "{input:?} in {tz}: {msg}");
        assert!(msg.contains(tz.name()), "{msg}");
    }
}

#[test]
fn edges_of_the_gap_exist() {
    assert_eq!(
        ok("2027-03-14 1:59am", New_York, super::NOW).utc,
        utc("2027-03-14T06:59:00Z")
    );
    assert_eq!(
        ok("2027-03-14 3:00am", New_York, super::NOW).utc,
        utc("2027-03-14T07:00:00Z")
    );
    assert_eq!(
        ok("2027-09-26 1:59am", Auckland, super::NOW).utc,
        utc("2027-09-25T13:59:00Z")
    );
}

#[test]
fn fall_back_takes_the_earlier_instant_with_a_note() {
    let w = ok("2027-11-07 01:30", New_York, super::NOW);
    assert_eq!(w.utc, utc("2027-11-07T05:30:00Z")); // EDT, not 06:30Z EST
    assert_eq!(w.local.to_string(), "2027-11-07 01:30:00");
    assert_eq!(
        w.note.map(|n| n.to_string()).as_deref(),
        Some(
            "1:30 AM on Sunday, November 7, 2027 happens twice in America/New_York because \
             clocks fall back; using the first one (1:30 AM EDT), not the later one (1:30 AM EST)."
        )
    );
    let london = ok("2027-10-31 1:30am", London, super::NOW);
    assert_eq!(london.utc, utc("2027-10-31T00:30:00Z"));
    assert!(london.note.unwrap().to_string().contains("BST"));
    let sydney = ok("2027-04-04 2:30am", Sydney, super::NOW);
    assert_eq!(sydney.utc, utc("2027-04-03T15:30:00Z"));
    assert!(sydney.note.is_some());
}

#[test]
fn unambiguous_times_on_a_change_day_have_no_note() {
    let w = ok("2027-11-07 2:30am", New_York, super::NOW);
    assert_eq!(w.utc, utc("2027-11-07T07:30:00Z"));
    assert_eq!(w.note, None);
}

#[test]
fn in_hours_is_elapsed_time_across_spring_forward() {
    // 00:30 EST; three real hours later the wall clock reads 04:30 EDT.
    let w = ok("in 3 hours", New_York, "2027-03-14T05:30:00Z");
    assert_eq!(w.utc, utc("2027-03-14T08:30:00Z"));
    assert_eq!(w.local.to_string(), "2027-03-14 04:30:00");
}

#[test]
fn in_days_keeps_the_wall_clock_across_spring_forward() {
    // Noon EST to noon EDT the next day: only 23 real hours.
    let w = ok("in 1 day", New_York, "2027-03-13T17:00:00Z");
    assert_eq!(w.utc, utc("2027-03-14T16:00:00Z"));
    // A wall-clock time that lands in the gap is refused like any other.
    let gap = super::parse_at("in 1 day", New_York, "2027-03-13T07:30:00Z");
    assert!(matches!(gap, Err(TimeError::NonexistentLocalTime { .. })));
}

#[test]
fn relative_weekday_on_a_change_weekend() {
    // Saturday 2027-03-13 noon EST; "sunday 2:30am" falls in the gap.
    assert!(matches!(
        super::parse_at("sunday 2:30am", New_York, "2027-03-13T17:00:00Z"),
        Err(TimeError::NonexistentLocalTime { .. })
    ));
}

#[test]
fn a_gap_across_midnight_dates_both_edges() {
    // Samoa skipped Friday 2011-12-30 entirely when it crossed the date line.
    assert_eq!(
        err("2011-12-30 noon", chrono_tz::Pacific::Apia).to_string(),
        "12:00 AM on Friday, December 30, 2011 to 12:00 AM on Saturday, December 31, 2011 \
         doesn't exist in Pacific/Apia: clocks jump forward. Pick a time before 12:00 AM on \
         Friday, December 30, 2011 or from 12:00 AM on Saturday, December 31, 2011."
    );
}
