//! Reminder offsets.
use chrono::Duration;

use super::super::parse_duration;
use super::TimeError;

#[test]
fn accepted_forms() {
    let cases = [
        ("24h", Duration::hours(24)),
        ("1h", Duration::hours(1)),
        ("15m", Duration::minutes(15)),
        ("2d", Duration::days(2)),
        ("1h30m", Duration::minutes(90)),
        ("1h 30m", Duration::minutes(90)),
        ("90 minutes", Duration::minutes(90)),
        ("1 hour and 30 minutes", Duration::minutes(90)),
        ("an hour", Duration::hours(1)),
        ("1 week", Duration::days(7)),
        (" 2 D ", Duration::days(2)),
        ("45 mins", Duration::minutes(45)),
        ("3 hrs", Duration::hours(3)),
    ];
    for (input, want) in cases {
        assert_eq!(parse_duration(input), Ok(want), "{input:?}");
    }
}

#[test]
fn refused_forms() {
    for input in ["", "90", "abc", "1h30", "-1h", "1.5h", "tomorrow", "in 2h"] {
        assert!(
            matches!(
                parse_duration(input),
                Err(TimeError::InvalidDuration { .. })
            ),
            "{input:?}"
        );
    }
    assert_eq!(
        parse_duration("soon").unwrap_err().to_string(),
        "I couldn't read \"soon\" as a length of time. Use forms like \"24h\", \"90m\", \
         \"2d\", \"1h30m\" or \"90 minutes\"."
    );
}
