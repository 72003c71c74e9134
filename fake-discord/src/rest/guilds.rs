//! `/guilds/{id}/...`: members, channels, roles.

use axum::extract::{Path, State};
use axum::routing::get;
use axum::Router;
use serde_json::Value;

use super::{error, ok_json, snowflake, v10, ApiError, Reply, S};
use crate::config::GuildSpec;
use crate::payloads;
use crate::state::Shared;

pub(super) fn routes() -> Router<S> {
    Router::new()
        .route(
            &v10("/guilds/{guild_id}/members/{user_id}"),
            get(get_member),
        )
        .route(&v10("/guilds/{guild_id}/channels"), get(get_channels))
        .route(&v10("/guilds/{guild_id}/roles"), get(get_roles))
}

fn guild<'a>(s: &'a Shared, raw: &str) -> Result<&'a GuildSpec, ApiError> {
    let id = snowflake(raw)?;
    s.guild(id)
        .ok_or_else(|| error(404, 10004, "Unknown Guild"))
}

async fn get_member(State(s): State<S>, Path((g, u)): Path<(String, String)>) -> Reply {
    let g = guild(&s, &g)?;
    let member = g
        .find_member(snowflake(&u)?)
        .ok_or_else(|| error(404, 10007, "Unknown Member"))?;
    Ok(ok_json(payloads::member(member, &s.joined_at, None)))
}

async fn get_channels(State(s): State<S>, Path(g): Path<String>) -> Reply {
    let g = guild(&s, &g)?;
    let channels = g
        .channels
        .iter()
        .map(|c| payloads::guild_channel(c, Some(g.id)));
    Ok(ok_json(Value::Array(channels.collect())))
}

async fn get_roles(State(s): State<S>, Path(g): Path<String>) -> Reply {
    let g = guild(&s, &g)?;
    Ok(ok_json(Value::Array(payloads::roles(g, s.config.bot.id))))
}
