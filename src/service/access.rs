//! What the bot may do in a channel. The service asks before saving a channel in the settings
//! or announcing with a ping; each front end answers from what it knows (the Discord adapter
//! from its cache of the server's roles and channel overwrites; the console allows everything).
use std::sync::{Arc, RwLock};

/// A permission the bot needs in a channel. Its name, as Discord shows it in each language,
/// is in the catalogue (`crate::text::actions::permission`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BotPermission {
    ViewChannel,
    SendMessages,
    EmbedLinks,
    MentionEveryone,
}

/// What posting a rally card takes.
pub const POST_CARD: &[BotPermission] = &[
    BotPermission::ViewChannel,
    BotPermission::SendMessages,
    BotPermission::EmbedLinks,
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChannelProblem {
    /// Not a channel of that server (or one the bot can't know about).
    NotInServer,
    /// The front end knows nothing yet of that server's channels (Discord has not sent the
    /// server since the bot connected): the channel can't be shown to be the server's.
    CantTell,
    Missing(Vec<BotPermission>),
}

pub trait ChannelAccess: Send + Sync {
    /// Whether the bot holds `needed` in `channel_id` of `server_id`; `None` when it does.
    fn check(
        &self,
        server_id: i64,
        channel_id: i64,
        needed: &[BotPermission],
    ) -> Option<ChannelProblem>;
}

/// The front end's answer, set once it can give one (the Discord cache exists only after the
/// client is built).
#[derive(Clone, Default)]
pub struct AccessSlot(Arc<RwLock<Option<Arc<dyn ChannelAccess>>>>);

impl AccessSlot {
    pub fn set(&self, access: Arc<dyn ChannelAccess>) {
        *self.0.write().unwrap_or_else(|e| e.into_inner()) = Some(access);
    }

    /// `None` when allowed, or when no front end can tell.
    pub fn check(
        &self,
        server_id: i64,
        channel_id: i64,
        needed: &[BotPermission],
    ) -> Option<ChannelProblem> {
        let access = self.0.read().unwrap_or_else(|e| e.into_inner()).clone()?;
        access.check(server_id, channel_id, needed)
    }
}

impl super::Service {
    /// Refuses a channel the bot can't use for `needed`, naming what is missing.
    pub(crate) fn require_channel(
        &self,
        server_id: i64,
        channel: i64,
        needed: &[BotPermission],
    ) -> Result<(), crate::error::UserError> {
        use crate::error::UserError;
        match self.access.check(server_id, channel, needed) {
            None => Ok(()),
            // A channel not known to be this server's is never used: nothing crosses servers.
            Some(ChannelProblem::NotInServer | ChannelProblem::CantTell) => {
                Err(UserError::NotServerChannel { channel })
            }
            Some(ChannelProblem::Missing(missing)) => {
                Err(UserError::BotMissingPermissions { channel, missing })
            }
        }
    }
}
