//! Announcing a rally: where its card goes and whom it may ping. Only here does rallybot ping
//! anyone: the server's announcement role, or @everyone when a moderator explicitly asks and
//! the bot holds the permission for it.
use super::access::{BotPermission, POST_CARD};
use super::Service;
use crate::domain::{Actor, RallyView};
use crate::error::{Result, UserError};

/// What the moderator asked for with `ping:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PingChoice {
    /// The announcement role.
    Role,
    Everyone,
    Nobody,
}

impl PingChoice {
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "role" => Some(PingChoice::Role),
            "everyone" | "@everyone" => Some(PingChoice::Everyone),
            "none" | "nobody" | "off" => Some(PingChoice::Nobody),
            _ => None,
        }
    }
}

/// Whom the announcement pings: exactly this, and nothing a user typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ping {
    Role(i64),
    Everyone,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Announcement {
    pub view: RallyView,
    /// None: the console, which has no channels to choose from.
    pub channel: Option<i64>,
    pub ping: Option<Ping>,
}

impl Service {
    /// Decides where and with which ping a rally is announced. The channel is the one named,
    /// else the server's announcement channel, else `here`. Without `ping:` the announcement
    /// role is pinged when one is set.
    pub async fn plan_announcement(
        &self,
        actor: &Actor,
        rally: i64,
        channel: Option<i64>,
        ping: Option<PingChoice>,
        here: Option<i64>,
    ) -> Result<Announcement> {
        let view = self.announcement(actor, rally).await?;
        let settings = self.store.server_settings(actor.server_id).await?;
        let channel = channel.or(settings.announcement_channel_id).or(here);
        let ping = match ping {
            None => settings.announcement_role_id.map(Ping::Role),
            Some(PingChoice::Nobody) => None,
            Some(PingChoice::Role) => Some(Ping::Role(
                settings
                    .announcement_role_id
                    .ok_or(UserError::NoAnnouncementRole)?,
            )),
            Some(PingChoice::Everyone) => Some(Ping::Everyone),
        };
        if let Some(channel) = channel {
            let mut needed = POST_CARD.to_vec();
            if ping == Some(Ping::Everyone) {
                needed.push(BotPermission::MentionEveryone);
            }
            self.require_channel(actor.server_id, channel, &needed)?;
        }
        Ok(Announcement {
            view,
            channel,
            ping,
        })
    }
}
