//! Server settings as people read them: each setting's name and its value, as a value that
//! each front end shows in its own way (a channel as a mention in Discord, a number in the
//! console), and in plain words for the audit log.
use chrono::Duration;

use crate::domain::{DistanceUnit, ServerSettings};
use crate::i18n::Lang;
use crate::t;

/// One setting's value.
#[derive(Debug, Clone, PartialEq)]
pub enum SettingValue {
    Yes(bool),
    Unit(DistanceUnit),
    /// A channel, or (the id of the message saying) what happens when none is set.
    Channel(Option<i64>, &'static str),
    Role(Option<i64>),
    Leads(Vec<Duration>),
    PerDay(i64),
    /// Days after a rally ends.
    Days(i64),
    /// A web address, or none.
    Link(Option<String>),
    /// The language chosen, or (None) the server's in Discord, which is `effective`.
    Language {
        chosen: Option<Lang>,
        effective: Lang,
    },
}

impl SettingValue {
    /// The value in plain English words, as the audit log keeps it.
    pub fn words(&self) -> String {
        self.words_in(Lang::En)
    }

    /// The value in plain words of `lang`.
    pub fn words_in(&self, lang: Lang) -> String {
        match self {
            SettingValue::Yes(yes) => t!(lang, if *yes { "setting-yes" } else { "setting-no" }),
            SettingValue::Unit(unit) => unit.as_str().into(),
            SettingValue::Channel(Some(c), _) => t!(lang, "setting-channel", id = c.to_string()),
            SettingValue::Channel(None, unset) => t!(lang, unset),
            SettingValue::Role(Some(r)) => t!(lang, "setting-role", id = r.to_string()),
            SettingValue::Role(None) | SettingValue::Link(None) => t!(lang, "setting-none"),
            SettingValue::Leads(leads) => leads
                .iter()
                .map(|d| lead_words_in(*d, lang))
                .collect::<Vec<_>>()
                .join(", "),
            SettingValue::PerDay(n) => t!(lang, "setting-per-day", count = *n),
            SettingValue::Days(n) => t!(lang, "setting-days", count = *n),
            SettingValue::Link(Some(url)) => url.clone(),
            SettingValue::Language { chosen, effective } => {
                let name = |l: Lang| match l {
                    Lang::En => t!(lang, "setting-english"),
                    Lang::Es => t!(lang, "setting-spanish"),
                };
                match chosen {
                    Some(l) => name(*l),
                    None => t!(
                        lang,
                        "setting-language-discord",
                        language = name(*effective)
                    ),
                }
            }
        }
    }
}

/// Every setting as (the id of its name's message, value).
pub fn setting_lines(s: &ServerSettings) -> Vec<(&'static str, SettingValue)> {
    use SettingValue::*;
    vec![
        ("setting-require-approval", Yes(s.require_approval)),
        ("setting-moderator-role", Role(s.moderator_role_id)),
        ("setting-distance-unit", Unit(s.distance_unit)),
        (
            "setting-reminder-channel",
            Channel(s.reminder_channel_id, "setting-unset-reminder-channel"),
        ),
        (
            "setting-reminder-offsets",
            Leads(s.reminder_offsets.clone()),
        ),
        (
            "setting-announcement-channel",
            Channel(
                s.announcement_channel_id,
                "setting-unset-announcement-channel",
            ),
        ),
        (
            "setting-moderator-channel",
            Channel(s.moderator_channel_id, "setting-unset-moderator-channel"),
        ),
        ("setting-announcement-role", Role(s.announcement_role_id)),
        ("setting-daily-limit", PerDay(s.daily_limit)),
        ("setting-retention", Days(s.retention_days)),
        ("setting-public-page", Yes(s.public_page)),
        ("setting-invite-link", Link(s.invite_url.clone())),
        (
            "setting-language",
            Language {
                chosen: s.language,
                effective: s.lang(),
            },
        ),
    ]
}

/// The settings that differ, as "name: value" on each side, in English as the audit log
/// keeps them.
pub fn settings_diff(before: &ServerSettings, after: &ServerSettings) -> (String, String) {
    let (old, new) = (setting_lines(before), setting_lines(after));
    let mut was = Vec::new();
    let mut now = Vec::new();
    for ((name, a), (_, b)) in old.iter().zip(new.iter()) {
        if a != b {
            let name = t!(Lang::En, name);
            was.push(format!("{name}: {}", a.words()));
            now.push(format!("{name}: {}", b.words()));
        }
    }
    (was.join("; "), now.join("; "))
}

/// "1 day 2 hours", "30 minutes": a lead as people say it.
pub fn lead_words(lead: Duration) -> String {
    lead_words_in(lead, Lang::En)
}

/// How long before, in words of `lang`: "1 day 2 hours", "1 día y 2 horas".
pub fn lead_words_in(lead: Duration, lang: Lang) -> String {
    let mut minutes = lead.num_minutes().max(0);
    let units: [(i64, &str, &str); 3] = match lang {
        Lang::En => [
            (24 * 60, "day", "days"),
            (60, "hour", "hours"),
            (1, "minute", "minutes"),
        ],
        Lang::Es => [
            (24 * 60, "día", "días"),
            (60, "hora", "horas"),
            (1, "minuto", "minutos"),
        ],
    };
    let mut parts = Vec::new();
    for (size, one, many) in units {
        let n = minutes / size;
        minutes %= size;
        if n > 0 {
            parts.push(format!("{n} {}", if n == 1 { one } else { many }));
        }
    }
    match (lang, parts.len()) {
        (Lang::En, 0) => "less than a minute".into(),
        (Lang::Es, 0) => "menos de un minuto".into(),
        (Lang::En, _) => parts.join(" "),
        (Lang::Es, _) => {
            let last = parts.pop().unwrap_or_default();
            if parts.is_empty() {
                last
            } else {
                format!("{} y {last}", parts.join(" "))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leads_in_words() {
        assert_eq!(lead_words(Duration::hours(24)), "1 day");
        assert_eq!(lead_words(Duration::minutes(90)), "1 hour 30 minutes");
        assert_eq!(lead_words(Duration::minutes(15)), "15 minutes");
        assert_eq!(
            lead_words(Duration::days(2) + Duration::hours(1)),
            "2 days 1 hour"
        );
        let es = |d| lead_words_in(d, Lang::Es);
        assert_eq!(es(Duration::hours(24)), "1 día");
        assert_eq!(es(Duration::minutes(90)), "1 hora y 30 minutos");
        assert_eq!(
            es(Duration::days(2) + Duration::hours(1) + Duration::minutes(1)),
            "2 días 1 hora y 1 minuto"
        );
        assert_eq!(es(Duration::seconds(20)), "menos de un minuto");
    }

    #[test]
    fn settings_in_plain_words_carry_no_markup() {
        let s = ServerSettings {
            server_id: 1,
            require_approval: true,
            moderator_role_id: Some(55),
            distance_unit: DistanceUnit::Miles,
            reminder_channel_id: Some(7),
            reminder_offsets: vec![Duration::hours(24)],
            announcement_channel_id: None,
            moderator_channel_id: None,
            announcement_role_id: None,
            daily_limit: 5,
            retention_days: 30,
            public_page: false,
            public_slug: None,
            invite_url: None,
            language: None,
            discord_language: None,
        };
        let mut changed = s.clone();
        changed.reminder_channel_id = Some(8);
        changed.moderator_role_id = None;
        let (was, now) = settings_diff(&s, &changed);
        assert_eq!(was, "moderator role: role 55; reminder channel: channel 7");
        assert_eq!(now, "moderator role: none; reminder channel: channel 8");
    }
}
