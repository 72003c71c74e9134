//! Application commands, global and per guild: bulk overwrite, create (upsert by name),
//! list, get, edit, delete.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Extension, Json, Router};
use serde_json::{json, Value};

use super::validate::{self, FormErrors};
use super::{error, no_content, ok_json, snowflake, v10, ApiError, Parsed, Reply, S};
use crate::payloads;
use crate::state::{Shared, World};
use crate::store::StoredCommand;

pub(super) fn routes() -> Router<S> {
    Router::new()
        .route(
            &v10("/applications/{app}/commands"),
            get(list_global).put(overwrite_global).post(create_global),
        )
        .route(
            &v10("/applications/{app}/commands/{command_id}"),
            get(get_global).patch(edit_global).delete(delete_global),
        )
        .route(
            &v10("/applications/{app}/guilds/{guild_id}/commands"),
            get(list_guild).put(overwrite_guild).post(create_guild),
        )
        .route(
            &v10("/applications/{app}/guilds/{guild_id}/commands/{command_id}"),
            get(get_guild).patch(edit_guild).delete(delete_guild),
        )
}

/// The command list a path designates: checks the application id and guild.
fn scope(s: &Shared, app: &str, guild: Option<&str>) -> Result<Option<u64>, ApiError> {
    if snowflake(app)? != s.config.application_id {
        return Err(error(404, 10002, "Unknown Application"));
    }
    guild
        .map(|g| {
            let id = snowflake(g)?;
            s.guild(id)
                .map(|_| id)
                .ok_or_else(|| error(404, 10004, "Unknown Guild"))
        })
        .transpose()
}

fn list(world: &mut World, guild: Option<u64>) -> &mut Vec<StoredCommand> {
    match guild {
        Some(g) => world.guild_commands.entry(g).or_default(),
        None => &mut world.global_commands,
    }
}

fn unknown_command() -> ApiError {
    error(404, 10063, "Unknown application command")
}

fn kind(body: &Value) -> u64 {
    body.get("type").and_then(Value::as_u64).unwrap_or(1)
}

fn name(body: &Value) -> String {
    body.get("name")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned()
}

fn render(s: &Shared, commands: &[StoredCommand]) -> Value {
    Value::Array(
        commands
            .iter()
            .map(|c| payloads::command(c, s.config.application_id))
            .collect(),
    )
}

// Handlers per scope; the logic below takes `guild: Option<u64>`.

async fn list_global(State(s): State<S>, Path(app): Path<String>) -> Reply {
    list_all(&s, &app, None)
}

async fn list_guild(State(s): State<S>, Path((app, guild)): Path<(String, String)>) -> Reply {
    list_all(&s, &app, Some(&guild))
}

async fn overwrite_global(
    State(s): State<S>,
    Path(app): Path<String>,
    Extension(p): Extension<Parsed>,
) -> Reply {
    overwrite(&s, &app, None, p.json)
}

async fn overwrite_guild(
    State(s): State<S>,
    Path((app, guild)): Path<(String, String)>,
    Extension(p): Extension<Parsed>,
) -> Reply {
    overwrite(&s, &app, Some(&guild), p.json)
}

async fn create_global(
    State(s): State<S>,
    Path(app): Path<String>,
    Extension(p): Extension<Parsed>,
) -> Reply {
    create(&s, &app, None, p.json)
}

async fn create_guild(
    State(s): State<S>,
    Path((app, guild)): Path<(String, String)>,
    Extension(p): Extension<Parsed>,
) -> Reply {
    create(&s, &app, Some(&guild), p.json)
}

async fn get_global(State(s): State<S>, Path((app, id)): Path<(String, String)>) -> Reply {
    one(&s, &app, None, &id, None)
}

async fn get_guild(
    State(s): State<S>,
    Path((app, guild, id)): Path<(String, String, String)>,
) -> Reply {
    one(&s, &app, Some(&guild), &id, None)
}

async fn edit_global(
    State(s): State<S>,
    Path((app, id)): Path<(String, String)>,
    Extension(p): Extension<Parsed>,
) -> Reply {
    one(&s, &app, None, &id, Some(p.json.unwrap_or(json!({}))))
}

async fn edit_guild(
    State(s): State<S>,
    Path((app, guild, id)): Path<(String, String, String)>,
    Extension(p): Extension<Parsed>,
) -> Reply {
    one(
        &s,
        &app,
        Some(&guild),
        &id,
        Some(p.json.unwrap_or(json!({}))),
    )
}

async fn delete_global(State(s): State<S>, Path((app, id)): Path<(String, String)>) -> Reply {
    delete(&s, &app, None, &id)
}

async fn delete_guild(
    State(s): State<S>,
    Path((app, guild, id)): Path<(String, String, String)>,
) -> Reply {
    delete(&s, &app, Some(&guild), &id)
}

fn list_all(s: &Shared, app: &str, guild: Option<&str>) -> Reply {
    let guild = scope(s, app, guild)?;
    let mut world = s.world();
    Ok(ok_json(render(s, list(&mut world, guild))))
}

/// Bulk overwrite: the list becomes exactly the body; same-name commands keep their ids.
fn overwrite(s: &Shared, app: &str, guild: Option<&str>, body: Option<Value>) -> Reply {
    let guild = scope(s, app, guild)?;
    let Some(Value::Array(bodies)) = body else {
        return Err(error(400, 50109, "The request body contains invalid JSON."));
    };
    let mut errors = FormErrors::default();
    let mut seen = std::collections::HashSet::new();
    for (i, b) in bodies.iter().enumerate() {
        let i = i.to_string();
        validate::command_into(&mut errors, b, &[&i]);
        if !seen.insert((kind(b), name(b))) {
            errors.add(
                &[&i, "name"],
                "APPLICATION_COMMANDS_DUPLICATE_NAME",
                "Application command names must be unique".into(),
            );
        }
    }
    errors.into_result()?;
    let mut world = s.world();
    let old = std::mem::take(list(&mut world, guild));
    let new: Vec<StoredCommand> = bodies
        .into_iter()
        .map(|b| {
            let existing = old
                .iter()
                .find(|c| c.name == name(&b) && kind(&c.body) == kind(&b));
            StoredCommand {
                id: existing.map_or_else(|| s.ids.next(), |c| c.id),
                guild_id: guild,
                name: name(&b),
                version: s.ids.next(),
                body: b,
            }
        })
        .collect();
    *list(&mut world, guild) = new;
    Ok(ok_json(render(s, list(&mut world, guild))))
}

/// POST: creates (201), or replaces the command with the same name (200), as Discord does.
fn create(s: &Shared, app: &str, guild: Option<&str>, body: Option<Value>) -> Reply {
    let guild = scope(s, app, guild)?;
    let body = body.unwrap_or(json!({}));
    validate::command(&body, &[])?;
    let mut world = s.world();
    let commands = list(&mut world, guild);
    let existing = commands
        .iter_mut()
        .find(|c| c.name == name(&body) && kind(&c.body) == kind(&body));
    let (status, command) = match existing {
        Some(c) => {
            c.body = body;
            c.version = s.ids.next();
            (StatusCode::OK, c.clone())
        }
        None => {
            let c = StoredCommand {
                id: s.ids.next(),
                guild_id: guild,
                name: name(&body),
                version: s.ids.next(),
                body,
            };
            commands.push(c.clone());
            (StatusCode::CREATED, c)
        }
    };
    Ok((
        status,
        Json(payloads::command(&command, s.config.application_id)),
    )
        .into_response())
}

/// GET (no body) or PATCH (fields of the body replace the stored ones) of one command.
fn one(s: &Shared, app: &str, guild: Option<&str>, raw_id: &str, patch: Option<Value>) -> Reply {
    let guild = scope(s, app, guild)?;
    let id = snowflake(raw_id)?;
    let mut world = s.world();
    let c = list(&mut world, guild)
        .iter_mut()
        .find(|c| c.id == id)
        .ok_or_else(unknown_command)?;
    if let Some(Value::Object(fields)) = patch {
        let mut merged = c.body.clone();
        for (k, v) in fields {
            merged[k] = v;
        }
        validate::command(&merged, &[])?;
        c.name = name(&merged);
        c.body = merged;
        c.version = s.ids.next();
    }
    Ok(ok_json(payloads::command(c, s.config.application_id)))
}

fn delete(s: &Shared, app: &str, guild: Option<&str>, raw_id: &str) -> Result<Response, ApiError> {
    let guild = scope(s, app, guild)?;
    let id = snowflake(raw_id)?;
    let mut world = s.world();
    let commands = list(&mut world, guild);
    let before = commands.len();
    commands.retain(|c| c.id != id);
    if commands.len() == before {
        return Err(unknown_command());
    }
    Ok(no_content())
}
