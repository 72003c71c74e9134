//! The bot's channel permissions from serenity's cache: the server's roles, the bot's own
//! member and the channel's overwrites, as GUILD_CREATE delivered them.
use std::sync::Arc;

use serenity::all::{Cache, ChannelId, GuildId, Permissions};

use crate::service::access::{BotPermission, ChannelAccess, ChannelProblem};

pub struct CacheAccess(pub Arc<Cache>);

fn bit(p: BotPermission) -> Permissions {
    match p {
        BotPermission::ViewChannel => Permissions::VIEW_CHANNEL,
        BotPermission::SendMessages => Permissions::SEND_MESSAGES,
        BotPermission::EmbedLinks => Permissions::EMBED_LINKS,
        BotPermission::MentionEveryone => Permissions::MENTION_EVERYONE,
    }
}

impl ChannelAccess for CacheAccess {
    fn check(
        &self,
        server_id: i64,
        channel_id: i64,
        needed: &[BotPermission],
    ) -> Option<ChannelProblem> {
        let me = self.0.current_user().id;
        let Some(guild) = self.0.guild(GuildId::new(server_id as u64)) else {
            return Some(ChannelProblem::CantTell);
        };
        let Some(channel) = guild.channels.get(&ChannelId::new(channel_id as u64)) else {
            return Some(ChannelProblem::NotInServer);
        };
        // Without our own member we can't tell; Discord will say when we post.
        let member = guild.members.get(&me)?;
        let held = guild.user_permissions_in(channel, member);
        let missing: Vec<BotPermission> = needed
            .iter()
            .copied()
            .filter(|p| !held.contains(bit(*p)) && !held.administrator())
            .collect();
        (!missing.is_empty()).then_some(ChannelProblem::Missing(missing))
    }
}
