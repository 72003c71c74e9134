//! `/channels/{id}` and its messages.

use axum::extract::{Path, State};
use axum::routing::get;
use axum::{Extension, Router};
use serde_json::{json, Value};

use super::messages::{self, NewMessage};
use super::{error, no_content, ok_json, snowflake, v10, validate, ApiError, Parsed, Reply, S};
use crate::payloads;
use crate::permissions::{compute, SEND_MESSAGES, VIEW_CHANNEL};
use crate::state::{ChannelRef, Shared, World};
use crate::store::MessageSource;

pub(super) fn routes() -> Router<S> {
    Router::new()
        .route(&v10("/channels/{channel_id}"), get(get_channel))
        .route(
            &v10("/channels/{channel_id}/messages"),
            axum::routing::post(create_message),
        )
        .route(
            &v10("/channels/{channel_id}/messages/{message_id}"),
            get(get_message).patch(edit_message).delete(delete_message),
        )
}

/// Checks the bot may see (and with `send`, post in) the channel, in Discord's error terms.
pub(super) fn access<'a>(
    shared: &'a Shared,
    world: &World,
    channel_id: u64,
    send: bool,
) -> Result<ChannelRef<'a>, ApiError> {
    if world.missing_access.contains(&channel_id) {
        return Err(error(403, 50001, "Missing Access"));
    }
    let channel = shared
        .channel(world, channel_id)
        .ok_or_else(|| error(404, 10003, "Unknown Channel"))?;
    match &channel {
        ChannelRef::Guild(g, c) => {
            let perms = compute(g, shared.config.bot.id, Some(c));
            if perms & VIEW_CHANNEL == 0 {
                return Err(error(403, 50001, "Missing Access"));
            }
            if send && perms & SEND_MESSAGES == 0 {
                return Err(error(403, 50013, "Missing Permissions"));
            }
        }
        ChannelRef::Dm { recipient } => {
            if send && world.dms_closed.contains(recipient) {
                return Err(error(403, 50007, "Cannot send messages to this user"));
            }
        }
    }
    Ok(channel)
}

fn last_message_id(world: &World, channel_id: u64) -> Option<u64> {
    world
        .messages
        .iter()
        .rev()
        .find(|m| m.channel_id == channel_id && !m.deleted)
        .map(|m| m.id)
}

pub(super) fn channel_json(
    shared: &Shared,
    world: &World,
    channel: &ChannelRef<'_>,
    channel_id: u64,
) -> Value {
    match channel {
        ChannelRef::Guild(g, c) => {
            let mut v = payloads::guild_channel(c, Some(g.id));
            if v.get("last_message_id").is_some() {
                v["last_message_id"] = payloads::opt_id(last_message_id(world, channel_id));
            }
            v
        }
        ChannelRef::Dm { recipient } => {
            let user = shared
                .user(world, *recipient)
                .expect("DM recipients are known users");
            payloads::private_channel(channel_id, &user, last_message_id(world, channel_id))
        }
    }
}

async fn get_channel(State(s): State<S>, Path(channel_id): Path<String>) -> Reply {
    let channel_id = snowflake(&channel_id)?;
    let world = s.world();
    let channel = access(&s, &world, channel_id, false)?;
    Ok(ok_json(channel_json(&s, &world, &channel, channel_id)))
}

async fn create_message(
    State(s): State<S>,
    Path(channel_id): Path<String>,
    Extension(parsed): Extension<Parsed>,
) -> Reply {
    let channel_id = snowflake(&channel_id)?;
    let body = parsed.json.clone().unwrap_or_else(|| json!({}));
    let mut world = s.world();
    let guild_id = match access(&s, &world, channel_id, true)? {
        ChannelRef::Guild(g, _) => Some(g.id),
        ChannelRef::Dm { .. } => None,
    };
    validate::message(&body, parsed.files.len(), true)?;
    // Discord: with `enforce_nonce`, a nonce the same author used recently returns that
    // message instead of creating a second one.
    if body.get("enforce_nonce") == Some(&json!(true)) {
        if let Some(nonce) = messages::nonce_of(&body) {
            let earlier = world.messages.iter().find(|m| {
                m.channel_id == channel_id
                    && !m.deleted
                    && m.nonce.as_deref() == Some(nonce.as_str())
            });
            if let Some(m) = earlier.cloned() {
                return Ok(ok_json(messages::to_json(&s, &world, &m)));
            }
        }
    }
    let new = NewMessage {
        channel_id,
        guild_id,
        source: MessageSource::Channel,
        kind: 0,
        webhook_id: None,
        interaction_metadata: None,
        extra_flags: 0,
    };
    let m = messages::create(&s, &mut world, &body, &parsed, new);
    Ok(ok_json(messages::to_json(&s, &world, &m)))
}

fn ids(channel_id: &str, message_id: &str) -> Result<(u64, u64), ApiError> {
    Ok((snowflake(channel_id)?, snowflake(message_id)?))
}

fn unknown_message() -> ApiError {
    error(404, 10008, "Unknown Message")
}

async fn get_message(State(s): State<S>, Path((c, m)): Path<(String, String)>) -> Reply {
    let (channel_id, message_id) = ids(&c, &m)?;
    let world = s.world();
    access(&s, &world, channel_id, false)?;
    let m = world
        .message(message_id)
        .filter(|m| m.channel_id == channel_id && !m.deleted)
        .ok_or_else(unknown_message)?;
    Ok(ok_json(messages::to_json(&s, &world, m)))
}

async fn edit_message(
    State(s): State<S>,
    Path((c, m)): Path<(String, String)>,
    Extension(parsed): Extension<Parsed>,
) -> Reply {
    let (channel_id, message_id) = ids(&c, &m)?;
    let body = parsed.json.clone().unwrap_or_else(|| json!({}));
    let mut world = s.world();
    access(&s, &world, channel_id, false)?;
    validate::message(&body, parsed.files.len(), false)?;
    let bot = s.config.bot.id;
    let stored = world
        .message_mut(message_id)
        .filter(|m| m.channel_id == channel_id && !m.deleted)
        .ok_or_else(unknown_message)?;
    if stored.author_id != bot {
        return Err(error(
            403,
            50005,
            "Cannot edit a message authored by another user",
        ));
    }
    messages::edit(&s, stored, &body, &parsed);
    let stored = stored.clone();
    Ok(ok_json(messages::to_json(&s, &world, &stored)))
}

async fn delete_message(State(s): State<S>, Path((c, m)): Path<(String, String)>) -> Reply {
    let (channel_id, message_id) = ids(&c, &m)?;
    let mut world = s.world();
    access(&s, &world, channel_id, false)?;
    let m = world
        .message_mut(message_id)
        .filter(|m| m.channel_id == channel_id && !m.deleted)
        .ok_or_else(unknown_message)?;
    m.deleted = true;
    Ok(no_content())
}
