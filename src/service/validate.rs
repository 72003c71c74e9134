//! Checks on user text and times. Each failure is its own `UserError`.
use chrono::{DateTime, Months, Utc};
use chrono_tz::Tz;

use crate::domain::limits::{ADDRESS_MAX, DETAILS_MAX, MAX_MONTHS_AHEAD, REASON_MAX, TITLE_MAX};
use crate::domain::LocalTime;
use crate::error::{Field, UserError};

/// Trims the title and checks it is 1 to 100 characters with no control characters.
pub fn title(raw: &str) -> Result<String, UserError> {
    let title = raw.trim();
    if title.is_empty() {
        return Err(UserError::TitleEmpty);
    }
    no_control_chars(title, Field::Title, false)?;
    let len = title.chars().count();
    if len > TITLE_MAX {
        return Err(UserError::TitleTooLong { len });
    }
    Ok(title.to_string())
}

/// Details may span lines, so newlines are allowed; other control characters are not.
pub fn details(raw: &str) -> Result<String, UserError> {
    let details = raw.trim();
    no_control_chars(details, Field::Details, true)?;
    let len = details.chars().count();
    if len > DETAILS_MAX {
        return Err(UserError::DetailsTooLong { len });
    }
    Ok(details.to_string())
}

pub fn address(raw: &str) -> Result<String, UserError> {
    let address = raw.trim();
    no_control_chars(address, Field::Address, false)?;
    let len = address.chars().count();
    if len > ADDRESS_MAX {
        return Err(UserError::AddressTooLong { len });
    }
    Ok(address.to_string())
}

pub fn reason(raw: &str) -> Result<String, UserError> {
    let reason = raw.trim();
    no_control_chars(reason, Field::Reason, true)?;
    let len = reason.chars().count();
    if len > REASON_MAX {
        return Err(UserError::ReasonTooLong { len });
    }
    Ok(reason.to_string())
}

fn no_control_chars(text: &str, field: Field, newlines: bool) -> Result<(), UserError> {
    // Format characters such as zero-width spaces and bidi overrides hide text, so they count too.
    let bad = |c: char| {
        (c.is_control() && !(newlines && (c == '\n' || c == '\r')))
            || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
    };
    if text.chars().any(bad) {
        return Err(UserError::ControlCharacters { field });
    }
    Ok(())
}

/// The start must be ahead of `now` and at most two years away.
pub fn start(starts_at: DateTime<Utc>, tz: Tz, now: DateTime<Utc>) -> Result<(), UserError> {
    if starts_at <= now {
        return Err(UserError::StartInPast {
            when: LocalTime {
                at: starts_at,
                zone: tz,
            },
        });
    }
    let latest = now + Months::new(MAX_MONTHS_AHEAD);
    if starts_at > latest {
        return Err(UserError::StartTooFar {
            when: LocalTime {
                at: starts_at,
                zone: tz,
            },
        });
    }
    Ok(())
}

pub fn end(
    starts_at: DateTime<Utc>,
    ends_at: Option<DateTime<Utc>>,
    tz: Tz,
) -> Result<(), UserError> {
    match ends_at {
        Some(end) if end <= starts_at => Err(UserError::EndNotAfterStart {
            start: LocalTime {
                at: starts_at,
                zone: tz,
            },
            end: LocalTime { at: end, zone: tz },
        }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    #[test]
    fn title_is_trimmed_and_bounded() {
        assert_eq!(title("  March for Housing  ").unwrap(), "March for Housing");
        assert_eq!(title("   "), Err(UserError::TitleEmpty));
        assert_eq!(title(""), Err(UserError::TitleEmpty));
        let hundred = "é".repeat(100);
        assert_eq!(
            title(&hundred).unwrap(),
            hundred,
            "100 characters is allowed"
        );
        assert_eq!(
            title(&"é".repeat(101)),
            Err(UserError::TitleTooLong { len: 101 })
        );
    }

    #[test]
    fn control_characters_are_refused_per_field() {
        assert_eq!(
            title("Rally\nfor all"),
            Err(UserError::ControlCharacters {
                field: Field::Title
            })
        );
        assert_eq!(
            title("Rally\u{202E}lla rof"),
            Err(UserError::ControlCharacters {
                field: Field::Title
            })
        );
        assert_eq!(
            address("1 Main St\t"),
            Ok("1 Main St".to_string()),
            "surrounding whitespace is trimmed"
        );
        assert_eq!(
            address("1 Main\tSt"),
            Err(UserError::ControlCharacters {
                field: Field::Address
            })
        );
        assert!(details("Bring water.\nWear green.").is_ok());
        assert_eq!(
            details("Bring\u{0007}water"),
            Err(UserError::ControlCharacters {
                field: Field::Details
            })
        );
    }

    #[test]
    fn lengths_are_counted_in_characters() {
        assert!(details(&"x".repeat(1000)).is_ok());
        assert_eq!(
            details(&"x".repeat(1001)),
            Err(UserError::DetailsTooLong { len: 1001 })
        );
        assert!(address(&"x".repeat(200)).is_ok());
        assert_eq!(
            address(&"x".repeat(201)),
            Err(UserError::AddressTooLong { len: 201 })
        );
        assert_eq!(
            reason(&"x".repeat(501)),
            Err(UserError::ReasonTooLong { len: 501 })
        );
    }

    #[test]
    fn mentions_in_text_are_kept_verbatim() {
        // Front ends send with allowed mentions empty, so the text itself need not change.
        assert_eq!(title("@everyone come!").unwrap(), "@everyone come!");
    }

    #[test]
    fn start_must_be_ahead_and_within_two_years() {
        let tz = chrono_tz::America::Chicago;
        let now = Utc.with_ymd_and_hms(2026, 11, 28, 12, 0, 0).unwrap();
        assert!(start(now + Duration::minutes(1), tz, now).is_ok());
        assert!(matches!(
            start(now, tz, now),
            Err(UserError::StartInPast { .. })
        ));
        assert!(matches!(
            start(now - Duration::days(1), tz, now),
            Err(UserError::StartInPast { .. })
        ));
        let two_years = Utc.with_ymd_and_hms(2028, 11, 28, 12, 0, 0).unwrap();
        assert!(start(two_years, tz, now).is_ok());
        assert!(matches!(
            start(two_years + Duration::seconds(1), tz, now),
            Err(UserError::StartTooFar { .. })
        ));
    }

    #[test]
    fn end_must_follow_start() {
        let tz = chrono_tz::America::Chicago;
        let s = Utc.with_ymd_and_hms(2026, 12, 5, 18, 0, 0).unwrap();
        assert!(end(s, None, tz).is_ok());
        assert!(end(s, Some(s + Duration::hours(2)), tz).is_ok());
        let err = end(s, Some(s), tz).unwrap_err();
        assert!(matches!(err, UserError::EndNotAfterStart { .. }));
        assert!(err.to_string().contains("December 5, 2026"), "{err}");
    }
}
