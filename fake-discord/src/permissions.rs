//! Permission bits (Discord's documented values) and the channel permission calculation.

use crate::config::{ChannelSpec, GuildSpec, OverwriteTarget};

pub const CREATE_INSTANT_INVITE: u64 = 1 << 0;
pub const KICK_MEMBERS: u64 = 1 << 1;
pub const BAN_MEMBERS: u64 = 1 << 2;
pub const ADMINISTRATOR: u64 = 1 << 3;
pub const MANAGE_CHANNELS: u64 = 1 << 4;
pub const MANAGE_GUILD: u64 = 1 << 5;
pub const ADD_REACTIONS: u64 = 1 << 6;
pub const VIEW_CHANNEL: u64 = 1 << 10;
pub const SEND_MESSAGES: u64 = 1 << 11;
pub const MANAGE_MESSAGES: u64 = 1 << 13;
pub const EMBED_LINKS: u64 = 1 << 14;
pub const ATTACH_FILES: u64 = 1 << 15;
pub const READ_MESSAGE_HISTORY: u64 = 1 << 16;
pub const MENTION_EVERYONE: u64 = 1 << 17;
pub const USE_EXTERNAL_EMOJIS: u64 = 1 << 18;
pub const MANAGE_ROLES: u64 = 1 << 28;
pub const USE_APPLICATION_COMMANDS: u64 = 1 << 31;
pub const MANAGE_EVENTS: u64 = 1 << 33;
pub const SEND_MESSAGES_IN_THREADS: u64 = 1 << 38;

/// Every bit Discord defined as of API v10 (up to bit 50); what ADMINISTRATOR grants.
pub const ALL: u64 = (1 << 51) - 1;

/// What @everyone gets by default in the fake's guilds: enough to read, talk and use commands.
pub const EVERYONE_DEFAULT: u64 = CREATE_INSTANT_INVITE
    | ADD_REACTIONS
    | VIEW_CHANNEL
    | SEND_MESSAGES
    | EMBED_LINKS
    | ATTACH_FILES
    | READ_MESSAGE_HISTORY
    | USE_EXTERNAL_EMOJIS
    | USE_APPLICATION_COMMANDS
    | SEND_MESSAGES_IN_THREADS;

/// What the bot's own role grants: serenity checks these from its cache before sending.
pub const BOT_DEFAULT: u64 = VIEW_CHANNEL
    | SEND_MESSAGES
    | EMBED_LINKS
    | ATTACH_FILES
    | READ_MESSAGE_HISTORY
    | ADD_REACTIONS
    | USE_EXTERNAL_EMOJIS
    | SEND_MESSAGES_IN_THREADS;

/// Discord's documented algorithm: base from @everyone and roles, ADMINISTRATOR and owner
/// short-circuit, then @everyone, role and member overwrites of the channel.
pub fn compute(guild: &GuildSpec, user_id: u64, channel: Option<&ChannelSpec>) -> u64 {
    if user_id == guild.owner_id {
        return ALL;
    }
    let member_roles: &[u64] = guild
        .members
        .iter()
        .find(|m| m.user.id == user_id)
        .map(|m| m.roles.as_slice())
        .unwrap_or(&[]);
    let mut perms = guild.everyone_permissions;
    for role in &guild.roles {
        if member_roles.contains(&role.id) {
            perms |= role.permissions;
        }
    }
    if perms & ADMINISTRATOR != 0 {
        return ALL;
    }
    let Some(channel) = channel else {
        return perms;
    };
    let (mut role_allow, mut role_deny) = (0, 0);
    let (mut member_allow, mut member_deny) = (0, 0);
    for ow in &channel.overwrites {
        match ow.target {
            OverwriteTarget::Role(id) if id == guild.id => {
                perms = (perms & !ow.deny) | ow.allow;
            }
            OverwriteTarget::Role(id) if member_roles.contains(&id) => {
                role_allow |= ow.allow;
                role_deny |= ow.deny;
            }
            OverwriteTarget::Member(id) if id == user_id => {
                member_allow = ow.allow;
                member_deny = ow.deny;
            }
            _ => {}
        }
    }
    perms = (perms & !role_deny) | role_allow;
    (perms & !member_deny) | member_allow
}
