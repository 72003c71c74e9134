//! JSON objects shaped after Discord's API documentation (v10) and the fields serenity 0.12.5's
//! models require.

mod command;
pub(crate) mod message;

pub(crate) use command::command;
pub(crate) use message::message;

use serde_json::{json, Value};

use crate::config::{
    ChannelKind, ChannelSpec, GuildSpec, MemberSpec, OverwriteTarget, RoleSpec, UserSpec,
};

pub(crate) fn id(v: u64) -> Value {
    Value::String(v.to_string())
}

pub(crate) fn opt_id(v: Option<u64>) -> Value {
    v.map_or(Value::Null, id)
}

/// A user object as other users see it.
pub(crate) fn user(u: &UserSpec) -> Value {
    json!({
        "id": id(u.id),
        "username": u.name,
        "discriminator": "0",
        "global_name": u.global_name,
        "avatar": null,
        "bot": u.bot,
        "system": false,
        "banner": null,
        "accent_color": null,
        "public_flags": 0,
        "avatar_decoration_data": null,
    })
}

/// The bot's own user (READY, `GET /users/@me`).
pub(crate) fn current_user(u: &UserSpec) -> Value {
    let mut v = user(u);
    let map = v.as_object_mut().expect("user is an object");
    map.insert("verified".into(), json!(true));
    map.insert("mfa_enabled".into(), json!(false));
    map.insert("email".into(), Value::Null);
    map.insert("locale".into(), json!("en-US"));
    map.insert("flags".into(), json!(0));
    map.insert("premium_type".into(), json!(0));
    v
}

fn role_json(r: &RoleSpec, tags: Value) -> Value {
    json!({
        "id": id(r.id),
        "name": r.name,
        "color": r.color,
        "colors": { "primary_color": r.color, "secondary_color": null, "tertiary_color": null },
        "hoist": r.hoist,
        "icon": null,
        "unicode_emoji": null,
        "position": r.position,
        "permissions": r.permissions.to_string(),
        "managed": r.managed,
        "mentionable": r.mentionable,
        "flags": 0,
        "tags": tags,
    })
}

/// Every role of a guild, @everyone (id = guild id) first.
pub(crate) fn roles(g: &GuildSpec, bot_id: u64) -> Vec<Value> {
    let everyone = RoleSpec {
        position: 0,
        ..RoleSpec::new(g.id, "@everyone", g.everyone_permissions)
    };
    let bot_roles: Vec<u64> = g
        .find_member(bot_id)
        .map(|m| m.roles.clone())
        .unwrap_or_default();
    std::iter::once(role_json(&everyone, json!({})))
        .chain(g.roles.iter().map(|r| {
            let tags = if r.managed && bot_roles.contains(&r.id) {
                json!({ "bot_id": id(bot_id) })
            } else {
                json!({})
            };
            role_json(r, tags)
        }))
        .collect()
}

/// A guild member; `permissions` is added for interactions only, as Discord does.
pub(crate) fn member(m: &MemberSpec, joined_at: &str, permissions: Option<u64>) -> Value {
    let mut v = json!({
        "user": user(&m.user),
        "nick": m.nick,
        "avatar": null,
        "banner": null,
        "roles": m.roles.iter().map(|r| id(*r)).collect::<Vec<_>>(),
        "joined_at": joined_at,
        "premium_since": null,
        "deaf": false,
        "mute": false,
        "flags": 0,
        "pending": false,
        "communication_disabled_until": null,
        "unusual_dm_activity_until": null,
    });
    if let Some(p) = permissions {
        v["permissions"] = json!(p.to_string());
    }
    v
}

/// A guild channel; `guild_id` is left out inside GUILD_CREATE, as Discord does.
pub(crate) fn guild_channel(c: &ChannelSpec, guild_id: Option<u64>) -> Value {
    let overwrites: Vec<Value> = c
        .overwrites
        .iter()
        .map(|o| {
            let (target, kind) = match o.target {
                OverwriteTarget::Role(r) => (r, 0),
                OverwriteTarget::Member(m) => (m, 1),
            };
            json!({ "id": id(target), "type": kind, "allow": o.allow.to_string(), "deny": o.deny.to_string() })
        })
        .collect();
    let mut v = json!({
        "id": id(c.id),
        "type": c.kind.code(),
        "position": c.position,
        "permission_overwrites": overwrites,
        "name": c.name,
        "parent_id": opt_id(c.parent_id),
        "flags": 0,
    });
    let map = v.as_object_mut().expect("channel is an object");
    if let Some(g) = guild_id {
        map.insert("guild_id".into(), id(g));
    }
    match c.kind {
        ChannelKind::Voice | ChannelKind::Stage => {
            map.insert("bitrate".into(), json!(64_000));
            map.insert("user_limit".into(), json!(0));
            map.insert("rtc_region".into(), Value::Null);
            map.insert("nsfw".into(), json!(false));
            map.insert("rate_limit_per_user".into(), json!(0));
            map.insert("last_message_id".into(), Value::Null);
        }
        ChannelKind::Category => {}
        ChannelKind::Text | ChannelKind::Announcement | ChannelKind::Forum => {
            map.insert("topic".into(), json!(c.topic));
            map.insert("nsfw".into(), json!(false));
            map.insert("rate_limit_per_user".into(), json!(0));
            map.insert("last_message_id".into(), Value::Null);
            map.insert("last_pin_timestamp".into(), Value::Null);
            map.insert("default_auto_archive_duration".into(), json!(4320));
        }
    }
    if c.kind == ChannelKind::Forum {
        map.insert("available_tags".into(), json!([]));
        map.insert("default_reaction_emoji".into(), Value::Null);
        map.insert("default_sort_order".into(), Value::Null);
        map.insert("default_forum_layout".into(), json!(0));
    }
    v
}

/// A DM channel with `recipient`.
pub(crate) fn private_channel(
    channel_id: u64,
    recipient: &UserSpec,
    last_message_id: Option<u64>,
) -> Value {
    json!({
        "id": id(channel_id),
        "type": 1,
        "last_message_id": opt_id(last_message_id),
        "flags": 0,
        "recipients": [user(recipient)],
    })
}

/// The channel object inside an interaction (a partial channel with permissions).
pub(crate) fn interaction_channel(c: &ChannelSpec, guild_id: u64, permissions: u64) -> Value {
    let mut v = guild_channel(c, Some(guild_id));
    v["permissions"] = json!(permissions.to_string());
    v
}

/// The GUILD_CREATE payload: a guild object plus the gateway-only fields.
pub(crate) fn guild_create(
    g: &GuildSpec,
    bot_id: u64,
    joined_at: &str,
    large_threshold: u64,
) -> Value {
    let system_channel = g.first_text_channel().map(|c| c.id);
    json!({
        "id": id(g.id),
        "name": g.name,
        "icon": null,
        "icon_hash": null,
        "splash": null,
        "discovery_splash": null,
        "owner_id": id(g.owner_id),
        "afk_channel_id": null,
        "afk_timeout": 300,
        "widget_enabled": false,
        "widget_channel_id": null,
        "verification_level": 0,
        "default_message_notifications": 1,
        "explicit_content_filter": 0,
        "roles": roles(g, bot_id),
        "emojis": [],
        "features": [],
        "mfa_level": 0,
        "application_id": null,
        "system_channel_id": opt_id(system_channel),
        "system_channel_flags": 0,
        "rules_channel_id": null,
        "max_presences": null,
        "max_members": 500_000,
        "vanity_url_code": null,
        "description": null,
        "banner": null,
        "premium_tier": 0,
        "premium_subscription_count": 0,
        "preferred_locale": g.preferred_locale,
        "public_updates_channel_id": null,
        "max_video_channel_users": 25,
        "max_stage_video_channel_users": 50,
        "nsfw_level": 0,
        "stickers": [],
        "premium_progress_bar_enabled": false,
        "safety_alerts_channel_id": null,
        "incidents_data": null,
        "joined_at": joined_at,
        "large": g.members.len() as u64 > large_threshold,
        "unavailable": false,
        "member_count": g.members.len(),
        "voice_states": [],
        "members": g.members.iter().map(|m| member(m, joined_at, None)).collect::<Vec<_>>(),
        "channels": g.channels.iter().map(|c| guild_channel(c, None)).collect::<Vec<_>>(),
        "threads": [],
        "presences": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
        "soundboard_sounds": [],
    })
}

/// The READY payload.
pub(crate) struct ReadyArgs<'a> {
    pub bot: &'a UserSpec,
    pub guild_ids: &'a [u64],
    pub session_id: &'a str,
    pub resume_gateway_url: &'a str,
    pub shard: Option<[u32; 2]>,
    pub application_id: u64,
    pub application_flags: u64,
}

pub(crate) fn ready(a: &ReadyArgs<'_>) -> Value {
    let mut v = json!({
        "v": 10,
        "user": current_user(a.bot),
        "guilds": a.guild_ids.iter().map(|g| json!({ "id": id(*g), "unavailable": true })).collect::<Vec<_>>(),
        "session_id": a.session_id,
        "session_type": "normal",
        "resume_gateway_url": a.resume_gateway_url,
        "private_channels": [],
        "relationships": [],
        "presences": [],
        "application": { "id": id(a.application_id), "flags": a.application_flags },
        "_trace": ["[\"fake-discord\"]"],
    });
    if let Some(shard) = a.shard {
        v["shard"] = json!(shard);
    }
    v
}
