//! The main table: input, zone and the exact UTC instant expected.
use chrono_tz::America::{Chicago, Denver, Los_Angeles, New_York, Phoenix};
use chrono_tz::Australia::Sydney;
use chrono_tz::Europe::London;
use chrono_tz::Pacific::{Auckland, Honolulu};
use chrono_tz::Tz;

use super::{ok, utc, NOW};

/// (zone, input, expected UTC), all at `NOW` = Sat 2026-11-28 17:00Z.
/// Local "now": New York 12:00 EST, Chicago 11:00, Denver/Phoenix 10:00,
/// Los Angeles 09:00, Honolulu 07:00, London 17:00 (all Saturday),
/// Sydney 04:00 and Auckland 06:00 on Sunday 2026-11-29.
const CASES: &[(Tz, &str, &str)] = &[
    // ISO forms.
    (New_York, "2026-06-30 18:00", "2026-06-30T22:00:00Z"),
    (New_York, "2026-06-30T18:00", "2026-06-30T22:00:00Z"),
    (New_York, "2026-06-30 6pm", "2026-06-30T22:00:00Z"),
    (New_York, "2026/06/30 18:00:00", "2026-06-30T22:00:00Z"),
    (New_York, "2027-06-30 midnight", "2027-06-30T04:00:00Z"),
    // US forms; no year means the next occurrence (June 30 2026 has passed).
    (Chicago, "6/30 6pm", "2027-06-30T23:00:00Z"),
    (Chicago, "6/30/2026 18:30", "2026-06-30T23:30:00Z"),
    (Denver, "06/30/26 6:30 pm", "2026-07-01T00:30:00Z"),
    (Phoenix, "June 30 6:30pm", "2027-07-01T01:30:00Z"),
    (Los_Angeles, "Jun 30 at 6pm", "2027-07-01T01:00:00Z"),
    (Honolulu, "June 30, 2026 6pm", "2026-07-01T04:00:00Z"),
    (London, "30 June 6pm", "2027-06-30T17:00:00Z"),
    (London, "30th of June 2027 at 18:00", "2027-06-30T17:00:00Z"),
    (Denver, "6/30 midnight", "2027-06-30T06:00:00Z"),
    (New_York, "Tue June 30 2026 6pm", "2026-06-30T22:00:00Z"),
    (New_York, "6pm on Sept. 5th", "2027-09-05T22:00:00Z"),
    // Year rollover: later this year stays; earlier today's time rolls over.
    (New_York, "Dec 25 noon", "2026-12-25T17:00:00Z"),
    (New_York, "11/28 1pm", "2026-11-28T18:00:00Z"),
    (New_York, "11/28 11am", "2027-11-28T16:00:00Z"),
    (New_York, "2/29 6pm", "2028-02-29T23:00:00Z"),
    // Relative days.
    (New_York, "today 6pm", "2026-11-28T23:00:00Z"),
    (New_York, "tomorrow 6pm", "2026-11-29T23:00:00Z"),
    // Read so that the caller can refuse it as past, not as unreadable.
    (New_York, "yesterday 6pm", "2026-11-27T23:00:00Z"),
    (New_York, "6pm tomorrow", "2026-11-29T23:00:00Z"),
    (New_York, "  Tomorrow   AT  6 PM ", "2026-11-29T23:00:00Z"),
    (Sydney, "today 6pm", "2026-11-29T07:00:00Z"),
    (Sydney, "tomorrow 6pm", "2026-11-30T07:00:00Z"),
    (New_York, "tonight", "2026-11-29T01:00:00Z"),
    (Sydney, "tonight", "2026-11-29T09:00:00Z"),
    (Chicago, "tonight 8:30", "2026-11-29T02:30:00Z"),
    (Chicago, "tonight 8", "2026-11-29T02:00:00Z"),
    (Los_Angeles, "tonight midnight", "2026-11-29T08:00:00Z"),
    (Los_Angeles, "tonight 1am", "2026-11-29T09:00:00Z"),
    // Weekdays; "next X" is the first X after today.
    (New_York, "saturday 6pm", "2026-11-28T23:00:00Z"),
    (New_York, "saturday 11am", "2026-12-05T16:00:00Z"),
    (New_York, "saturday noon", "2026-11-28T17:00:00Z"),
    (New_York, "next saturday 6pm", "2026-12-05T23:00:00Z"),
    (New_York, "sunday 6pm", "2026-11-29T23:00:00Z"),
    (New_York, "next sunday 6pm", "2026-11-29T23:00:00Z"),
    (New_York, "next thursday 18:30", "2026-12-03T23:30:00Z"),
    (Sydney, "saturday 10am", "2026-12-04T23:00:00Z"),
    (Sydney, "sunday 3am", "2026-12-05T16:00:00Z"),
    (Auckland, "monday 9:15am", "2026-11-29T20:15:00Z"),
    (London, "friday 18:30", "2026-12-04T18:30:00Z"),
    (Honolulu, "thursday noon", "2026-12-03T22:00:00Z"),
    (Denver, "this wednesday 7pm", "2026-12-03T02:00:00Z"),
    // Bare times: today if not yet passed (to the minute), else tomorrow.
    (Chicago, "noon", "2026-11-28T18:00:00Z"),
    (Chicago, "11am", "2026-11-28T17:00:00Z"),
    (Chicago, "10am", "2026-11-29T16:00:00Z"),
    (New_York, "midnight", "2026-11-29T05:00:00Z"),
    (New_York, "6pm", "2026-11-28T23:00:00Z"),
    (New_York, "6 pm", "2026-11-28T23:00:00Z"),
    (New_York, "6:30 p.m.", "2026-11-28T23:30:00Z"),
    (New_York, "6:30PM", "2026-11-28T23:30:00Z"),
    (London, "6.30pm", "2026-11-28T18:30:00Z"),
    (New_York, "18:30", "2026-11-28T23:30:00Z"),
    (New_York, "1830", "2026-11-28T23:30:00Z"),
    (New_York, "at 18", "2026-11-28T23:00:00Z"),
    // 12am is midnight, 12pm is noon.
    (New_York, "12am tomorrow", "2026-11-29T05:00:00Z"),
    (New_York, "tomorrow midnight", "2026-11-29T05:00:00Z"),
    (New_York, "12pm tomorrow", "2026-11-29T17:00:00Z"),
    (New_York, "tomorrow 12 noon", "2026-11-29T17:00:00Z"),
    (New_York, "tomorrow 12:30am", "2026-11-29T05:30:00Z"),
    (New_York, "tomorrow 12:30pm", "2026-11-29T17:30:00Z"),
    // Offsets from now.
    (New_York, "in 3 hours", "2026-11-28T20:00:00Z"),
    (New_York, "in 90 minutes", "2026-11-28T18:30:00Z"),
    (New_York, "in 1h30m", "2026-11-28T18:30:00Z"),
    (New_York, "in 2 days", "2026-11-30T17:00:00Z"),
    (New_York, "in 2 days at 6pm", "2026-11-30T23:00:00Z"),
    (Phoenix, "in a week", "2026-12-05T17:00:00Z"),
    // Zones without DST: no gap on the US change date.
    (Phoenix, "2027-03-14 02:30", "2027-03-14T09:30:00Z"),
];

#[test]
fn table_gives_exact_instants() {
    assert!(CASES.len() >= 40);
    let failures: Vec<String> = CASES
        .iter()
        .filter_map(|&(tz, input, want)| {
            let got = ok(input, tz, NOW).utc;
            (got != utc(want)).then(|| format!("{input:?} in {tz}: got {got}, want {want}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn local_is_the_wall_clock_asked_for() {
    let w = ok("6/30/2026 18:30", Chicago, NOW);
    assert_eq!(w.local.to_string(), "2026-06-30 18:30:00");
    assert_eq!(w.tz, Chicago);
    assert_eq!(w.note, None);
}

#[test]
fn date_without_year_rolls_into_next_year_near_new_year() {
    let now = "2026-12-30T15:00:00Z"; // 10:00 EST, Wednesday
    assert_eq!(
        ok("1/5 6pm", New_York, now).utc,
        utc("2027-01-05T23:00:00Z")
    );
    assert_eq!(
        ok("Dec 30 11am", New_York, now).utc,
        utc("2026-12-30T16:00:00Z")
    );
    assert_eq!(
        ok("Dec 30 9am", New_York, now).utc,
        utc("2027-12-30T14:00:00Z")
    );
    // Weekdays cross the year boundary too: the coming Monday is 2027-01-04.
    assert_eq!(
        ok("monday 6pm", New_York, now).utc,
        utc("2027-01-04T23:00:00Z")
    );
}

#[test]
fn seconds_of_now_are_dropped() {
    let now = "2026-11-28T17:00:42Z";
    assert_eq!(
        ok("in 90 minutes", New_York, now).utc,
        utc("2026-11-28T18:30:00Z")
    );
    // 12:00 is the current minute, so it has not passed.
    assert_eq!(ok("noon", New_York, now).utc, utc("2026-11-28T17:00:00Z"));
}

#[test]
fn swappable_numeric_date_is_month_first_and_says_so() {
    let w = ok("05/06 6pm", New_York, NOW);
    assert_eq!(w.utc, utc("2027-05-06T22:00:00Z"));
    assert_eq!(
        w.note.map(|n| n.to_string()).as_deref(),
        Some("\"05/06\" read as May 6, 2027 (month/day).")
    );
    assert_eq!(
        super::super::local_label(w.utc, New_York),
        "Thursday, May 6, 2027 at 6:00 PM EDT"
    );
    // Nothing to say when the order cannot be in doubt.
    assert_eq!(ok("6/6 6pm", New_York, NOW).note, None);
    assert_eq!(ok("6/30 6pm", New_York, NOW).note, None);
}
