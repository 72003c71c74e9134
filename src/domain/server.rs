//! A server's settings and the unit its distances are shown in.
use super::geo::KM_PER_MILE;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DistanceUnit {
    Miles,
    Kilometres,
}

impl DistanceUnit {
    pub fn to_km(self, value: f64) -> f64 {
        match self {
            DistanceUnit::Miles => value * KM_PER_MILE,
            DistanceUnit::Kilometres => value,
        }
    }

    pub fn from_km(self, km: f64) -> f64 {
        match self {
            DistanceUnit::Miles => km / KM_PER_MILE,
            DistanceUnit::Kilometres => km,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            DistanceUnit::Miles => "mi",
            DistanceUnit::Kilometres => "km",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "mi" | "mile" | "miles" => Some(DistanceUnit::Miles),
            "km" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => {
                Some(DistanceUnit::Kilometres)
            }
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerSettings {
    pub server_id: i64,
    pub require_approval: bool,
    pub moderator_role_id: Option<i64>,
    pub distance_unit: DistanceUnit,
    pub reminder_channel_id: Option<i64>,
    /// How long before a rally's start its channel reminders go out, largest first.
    pub reminder_offsets: Vec<chrono::Duration>,
    /// Where `/rallymod announce` posts when no channel is named.
    pub announcement_channel_id: Option<i64>,
    /// Where new submissions are posted for moderators.
    pub moderator_channel_id: Option<i64>,
    /// The role an announcement may ping.
    pub announcement_role_id: Option<i64>,
    /// Rallies one member may create here per day.
    pub daily_limit: i64,
    /// Days after a rally ends that who answered it is kept.
    pub retention_days: i64,
    /// Whether the server's public web pages and calendar feeds are on.
    pub public_page: bool,
    /// The unguessable part of their address, made the first time they are turned on.
    pub public_slug: Option<String>,
    /// A Discord invite the pages show as "join the organisers".
    pub invite_url: Option<String>,
    /// The language moderators chose for posts no one asked for; `None` follows Discord's.
    pub language: Option<crate::i18n::Lang>,
    /// The server's language as Discord last told it (its preferred locale).
    pub discord_language: Option<crate::i18n::Lang>,
}

impl ServerSettings {
    /// The language of the server's channel posts, and of direct messages to people who have
    /// not used the bot: the moderators' choice, else Discord's, else English.
    pub fn lang(&self) -> crate::i18n::Lang {
        self.language.or(self.discord_language).unwrap_or_default()
    }
}
