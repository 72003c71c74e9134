//! How values are written in Discord: times as timestamps each reader sees in their own zone,
//! channels, roles and people as mentions (which never ping: allowed mentions stay empty), and
//! typed text escaped so it shows as typed.
use chrono::{DateTime, Utc};

use super::escape::markdown;
use crate::domain::LocalTime;
use crate::text::Style;
use when::local_label;

pub struct Discord;

/// Discord's `<t:UNIX:STYLE>` markup; `style` is one of t T d D f F R.
pub fn timestamp(utc: DateTime<Utc>, style: char) -> String {
    format!("<t:{}:{style}>", utc.timestamp())
}

impl Style for Discord {
    fn time(&self, t: LocalTime) -> String {
        format!("{} ({})", timestamp(t.at, 'F'), local_label(t.at, t.zone))
    }
    fn relative(&self, t: LocalTime) -> Option<String> {
        Some(timestamp(t.at, 'R'))
    }
    fn channel(&self, id: i64) -> String {
        format!("<#{id}>")
    }
    fn role(&self, id: i64) -> String {
        format!("<@&{id}>")
    }
    fn user(&self, id: i64) -> String {
        format!("<@{id}>")
    }
    fn text(&self, s: &str) -> String {
        markdown(s)
    }
}

/// Discord's markup for a reader of `0`: the same timestamps and mentions, the rally's local
/// time spelled out in their language.
pub struct DiscordIn(pub crate::i18n::Lang);

impl Style for DiscordIn {
    fn time(&self, t: LocalTime) -> String {
        format!(
            "{} ({})",
            timestamp(t.at, 'F'),
            when::local_label_in(t.at, t.zone, self.0)
        )
    }
    fn relative(&self, t: LocalTime) -> Option<String> {
        Discord.relative(t)
    }
    fn channel(&self, id: i64) -> String {
        Discord.channel(id)
    }
    fn role(&self, id: i64) -> String {
        Discord.role(id)
    }
    fn user(&self, id: i64) -> String {
        Discord.user(id)
    }
    fn text(&self, s: &str) -> String {
        Discord.text(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_time_is_a_timestamp_with_the_local_words() {
        let at = Utc.with_ymd_and_hms(2026, 12, 6, 0, 0, 0).unwrap();
        let t = LocalTime {
            at,
            zone: chrono_tz::America::Chicago,
        };
        assert_eq!(
            Discord.time(t),
            "<t:1796515200:F> (Saturday, December 5, 2026 at 6:00 PM CST)"
        );
        assert_eq!(Discord.relative(t).unwrap(), "<t:1796515200:R>");
        assert_eq!(Discord.text("<@&1> *x*"), r"\<@&1\> \*x\*");
        assert_eq!(
            DiscordIn(crate::i18n::Lang::Es).time(t),
            "<t:1796515200:F> (sábado, 5 de diciembre de 2026, 18:00 (CST))"
        );
    }
}
