//! Inputs that must be refused, with a message saying what to fix.
use chrono_tz::America::New_York;

use super::{err, TimeError};

#[test]
fn nonsense_lists_example_forms() {
    for input in ["blah", "next", "soon-ish", "6-8pm", "june", "tomorrow 6pm!"] {
        let e = err(input, New_York);
        assert!(
            matches!(e, TimeError::Unrecognized { .. }),
            "{input:?}: {e:?}"
        );
        let msg = e.to_string();
        assert!(
            msg.contains("tomorrow 6pm") && msg.contains("in 3 hours"),
            "{msg}"
        );
    }
    assert_eq!(err("   ", New_York), TimeError::Empty);
}

#[test]
fn date_without_time_asks_for_one() {
    for input in ["2026-06-30", "tomorrow", "June 30", "next thursday"] {
        let e = err(input, New_York);
        assert!(
            matches!(e, TimeError::MissingTime { .. }),
            "{input:?}: {e:?}"
        );
    }
    assert_eq!(
        err("2026-06-30", New_York).to_string(),
        "\"2026-06-30\" has a day but no start time. Add one, for example \"2026-06-30 6pm\"."
    );
}

#[test]
fn impossible_dates() {
    let cases = [
        (
            "2/30 6pm",
            "February 30 doesn't exist: February has at most 29 days. Check the date.",
        ),
        (
            "2027-02-29 6pm",
            "February 29, 2027 doesn't exist: 2027 isn't a leap year.",
        ),
        (
            "April 31 6pm",
            "April 31 doesn't exist: April has 30 days. Check the date.",
        ),
        (
            "2026-13-01 6pm",
            "There is no month 13: months go from 1 (January) to 12 (December).",
        ),
    ];
    for (input, want) in cases {
        assert_eq!(err(input, New_York).to_string(), want, "{input:?}");
    }
    let swapped = err("30/06 6pm", New_York).to_string();
    assert!(
        swapped.contains("month/day") && swapped.contains("Did you mean 6/30?"),
        "{swapped}"
    );
    assert!(matches!(
        err("6/30/2 6pm", New_York),
        TimeError::InvalidDate { .. }
    ));
}

#[test]
fn impossible_times() {
    for input in [
        "25:00",
        "tomorrow 25:00",
        "6:75pm",
        "13am",
        "0pm",
        "tomorrow 2460",
    ] {
        let e = err(input, New_York);
        assert!(
            matches!(e, TimeError::InvalidTime { .. }),
            "{input:?}: {e:?}"
        );
    }
    assert_eq!(
        err("25:00", New_York).to_string(),
        "\"25:00\" isn't a time of day: hours go from 0 to 23 (or 1 to 12 with am/pm)."
    );
}

#[test]
fn bare_hours_are_ambiguous() {
    assert_eq!(
        err("tomorrow at 6", New_York),
        TimeError::AmbiguousHour { hour: 6 }
    );
    assert_eq!(
        err("tomorrow at 6", New_York).to_string(),
        "Is that 6 in the morning or the evening? Write \"6am\" or \"6pm\", or use 24-hour \
         time like \"18:00\"."
    );
    assert_eq!(
        err("June 30 12", New_York),
        TimeError::AmbiguousHour { hour: 12 }
    );
    assert_eq!(
        err("tonight 12", New_York),
        TimeError::AmbiguousHour { hour: 12 }
    );
}

#[test]
fn conflicting_parts() {
    for input in [
        "tomorrow 6pm friday",
        "6pm 7pm",
        "in 3 hours tomorrow",
        "tonight 9am",
        "next saturday June 30 6pm",
    ] {
        let e = err(input, New_York);
        assert!(
            matches!(e, TimeError::Conflicting { .. }),
            "{input:?}: {e:?}"
        );
    }
    assert_eq!(
        err("Sat 2026-06-30 6pm", New_York).to_string(),
        "June 30, 2026 is a Tuesday, not a Saturday. Check the date."
    );
}

#[test]
fn far_offsets_are_out_of_range() {
    assert_eq!(err("in 99999999999 weeks", New_York), TimeError::OutOfRange);
    assert_eq!(
        err("in 99999999999999999999 hours", New_York),
        TimeError::OutOfRange
    );
}
