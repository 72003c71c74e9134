//! Discord's timestamp markup for times. Kept apart from the `when` crate, which knows nothing
//! of Discord.
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use when::local_label;

/// The echo shown after a time is set: a Discord timestamp (rendered in each
/// reader's own zone) followed by the rally's local time in words.
pub fn describe(utc: DateTime<Utc>, tz: Tz) -> String {
    format!("{} ({})", discord_timestamp(utc, 'F'), local_label(utc, tz))
}

/// Discord's `<t:UNIX:STYLE>` markup; `style` is one of t T d D f F R.
pub fn discord_timestamp(utc: DateTime<Utc>, style: char) -> String {
    format!("<t:{}:{style}>", utc.timestamp())
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Utc};
    use chrono_tz::America::Chicago;

    use super::{describe, discord_timestamp};

    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().expect("test timestamp")
    }

    #[test]
    fn describe_pairs_discord_timestamp_with_local_words() {
        let t = utc("2026-12-06T00:00:00Z"); // 6 PM CST on December 5
        assert_eq!(
            describe(t, Chicago),
            "<t:1796515200:F> (Saturday, December 5, 2026 at 6:00 PM CST)"
        );
    }

    #[test]
    fn discord_timestamp_styles() {
        let t = utc("2027-11-07T05:30:00Z");
        assert_eq!(discord_timestamp(t, 'F'), "<t:1825565400:F>");
        assert_eq!(discord_timestamp(t, 'R'), "<t:1825565400:R>");
    }
}
