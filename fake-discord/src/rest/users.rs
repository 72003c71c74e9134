//! `/users/...`: the bot's own user, other users, and opening DMs.

use axum::extract::{Path, State};
use axum::routing::{get, post};
use axum::{Extension, Router};
use serde_json::Value;

use super::{error, ok_json, snowflake, v10, Parsed, Reply, S};
use crate::config::UserSpec;
use crate::payloads;
use crate::state::{Shared, World};

pub(super) fn routes() -> Router<S> {
    Router::new()
        .route(&v10("/users/{user_id}"), get(get_user))
        .route(&v10("/users/@me/channels"), post(create_dm))
}

/// The bot's DM channel with `user`, created on first use (Discord returns the same channel
/// every time).
pub(crate) fn open_dm(shared: &Shared, world: &mut World, user: &UserSpec) -> u64 {
    if let Some(&c) = world.dm_by_user.get(&user.id) {
        return c;
    }
    if shared.configured_user(user.id).is_none() {
        world.extra_users.insert(user.id, user.clone());
    }
    let channel_id = shared.ids.next();
    world.dm_by_user.insert(user.id, channel_id);
    world.dm_channels.insert(channel_id, user.id);
    channel_id
}

async fn get_user(State(s): State<S>, Path(user_id): Path<String>) -> Reply {
    if user_id == "@me" {
        return Ok(ok_json(payloads::current_user(&s.config.bot)));
    }
    let user_id = snowflake(&user_id)?;
    let world = s.world();
    let user = s
        .user(&world, user_id)
        .ok_or_else(|| error(404, 10013, "Unknown User"))?;
    Ok(ok_json(payloads::user(&user)))
}

/// `POST /users/@me/channels` with `{ "recipient_id": ... }`. Unknown ids get a made-up user,
/// so tests can DM anyone; closed DMs fail later, on send (as on Discord).
async fn create_dm(State(s): State<S>, Extension(parsed): Extension<Parsed>) -> Reply {
    let recipient = parsed
        .json
        .as_ref()
        .and_then(|b| b.get("recipient_id"))
        .and_then(|v| match v {
            Value::String(s) => s.parse::<u64>().ok(),
            Value::Number(n) => n.as_u64(),
            _ => None,
        })
        .ok_or_else(|| error(400, 50033, "Invalid Recipient(s)"))?;
    if recipient == s.config.bot.id {
        return Err(error(400, 50007, "Cannot send messages to this user"));
    }
    let mut world = s.world();
    let user = s
        .user(&world, recipient)
        .unwrap_or_else(|| UserSpec::new(recipient, format!("user{recipient}")));
    let channel_id = open_dm(&s, &mut world, &user);
    Ok(ok_json(payloads::private_channel(channel_id, &user, None)))
}
