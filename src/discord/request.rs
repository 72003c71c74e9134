//! Interaction to plain request: who is asking, and what they typed as path and options.
use serenity::all::{
    ChannelId, CommandData, CommandDataOption, CommandDataOptionValue, GuildId, Member,
    Permissions, User,
};

use crate::commands::Invocation;
use crate::domain::{Caller, Origin};
use crate::i18n::lang_of_locale;

/// The caller as Discord describes them: who, in which server and channel, with which
/// permissions there. Moderator status is decided by the service.
pub fn caller(
    guild_id: Option<GuildId>,
    channel_id: ChannelId,
    member: Option<&Member>,
    user: &User,
) -> Caller {
    let permissions = member
        .and_then(|m| m.permissions)
        .unwrap_or(Permissions::empty());
    Caller {
        user_id: id(user.id.get()),
        origin: Origin {
            server_id: guild_id.map(|g| id(g.get())),
            channel_id: Some(id(channel_id.get())),
            server_name: None,
        },
        // Administrators hold every permission, Manage Events included.
        manage_events: permissions.contains(Permissions::MANAGE_EVENTS)
            || permissions.contains(Permissions::ADMINISTRATOR),
        role_ids: member
            .map(|m| m.roles.iter().map(|r| id(r.get())).collect())
            .unwrap_or_default(),
        lang: Default::default(),
        server_lang: None,
    }
}

/// The languages of an interaction: the person's client (`locale`) and their server's
/// preferred locale (`guild_locale`), as Discord sends them.
pub struct Locales<'a> {
    pub user: &'a str,
    pub server: Option<&'a str>,
}

/// The caller, with their server's name from the cache (coalitions show servers by name) and
/// their languages.
pub fn caller_in(
    ctx: &serenity::all::Context,
    guild_id: Option<GuildId>,
    channel_id: ChannelId,
    member: Option<&Member>,
    user: &User,
    locales: Locales,
) -> Caller {
    let mut who = caller(guild_id, channel_id, member, user);
    who.lang = lang_of_locale(locales.user);
    who.server_lang = locales.server.map(lang_of_locale);
    who.origin.server_name = guild_id.and_then(|g| ctx.cache.guild(g).map(|g| g.name.clone()));
    who
}

/// Snowflakes fit in 63 bits; the store keeps them as i64.
pub fn id(snowflake: u64) -> i64 {
    i64::try_from(snowflake).unwrap_or(i64::MAX)
}

/// The command path ("rally", "create") and its options, every value as text, typed in the
/// language of the asker's Discord (`locale`, which Discord sends with every interaction).
pub fn invocation(data: &CommandData, locale: &str) -> Invocation {
    let mut inv = Invocation {
        path: vec![data.name.clone()],
        lang: lang_of_locale(locale),
        ..Default::default()
    };
    collect(&data.options, &mut inv);
    inv
}

fn collect(options: &[CommandDataOption], inv: &mut Invocation) {
    for option in options {
        match &option.value {
            CommandDataOptionValue::SubCommand(inner)
            | CommandDataOptionValue::SubCommandGroup(inner) => {
                inv.path.push(option.name.clone());
                collect(inner, inv);
            }
            value => {
                if let Some(text) = value_text(value) {
                    inv.options.insert(option.name.clone(), text);
                }
            }
        }
    }
}

fn value_text(value: &CommandDataOptionValue) -> Option<String> {
    Some(match value {
        CommandDataOptionValue::String(s) => s.clone(),
        CommandDataOptionValue::Integer(i) => i.to_string(),
        CommandDataOptionValue::Number(n) => n.to_string(),
        CommandDataOptionValue::Boolean(b) => b.to_string(),
        CommandDataOptionValue::Role(r) => r.get().to_string(),
        CommandDataOptionValue::Channel(c) => c.get().to_string(),
        CommandDataOptionValue::User(u) => u.get().to_string(),
        CommandDataOptionValue::Autocomplete { value, .. } => value.clone(),
        _ => return None,
    })
}

/// For autocomplete: the option being typed and what has been typed so far.
pub fn focused(data: &CommandData) -> Option<(String, String)> {
    data.autocomplete()
        .map(|f| (f.name.to_string(), f.value.to_string()))
}

#[cfg(test)]
mod tests;
