//! Interaction callbacks and the interaction webhook (original response and follow-ups).

use std::time::Instant;

use axum::extract::{Path, State};
use axum::routing::{get, post};
use axum::{Extension, Router};
use serde_json::{json, Value};

use super::messages::{self, NewMessage};
use super::{error, no_content, ok_json, snowflake, v10, validate, ApiError, Parsed, Reply, S};
use crate::state::{InteractionEntry, Shared, World};
use crate::store::{CallbackRecord, MessageSource};

pub(super) fn routes() -> Router<S> {
    Router::new()
        .route(
            &v10("/interactions/{interaction_id}/{token}/callback"),
            post(callback),
        )
        .route(&v10("/webhooks/{app}/{token}"), post(followup))
        .route(
            &v10("/webhooks/{app}/{token}/messages/{message_id}"),
            get(get_webhook_message)
                .patch(edit_webhook_message)
                .delete(delete_webhook_message),
        )
}

/// Callback types each interaction type accepts (Discord's documentation).
fn allowed(interaction_kind: u8, callback_kind: u8) -> bool {
    match interaction_kind {
        2 => matches!(callback_kind, 4 | 5 | 9),
        3 => matches!(callback_kind, 4 | 5 | 6 | 7 | 9),
        4 => callback_kind == 8,
        5 => matches!(callback_kind, 4..=7),
        _ => callback_kind == 1,
    }
}

/// Message type of a response: CHAT_INPUT_COMMAND (20) for commands, DEFAULT otherwise.
fn response_message_kind(interaction_kind: u8) -> u8 {
    if interaction_kind == 2 {
        20
    } else {
        0
    }
}

fn new_response(
    shared: &Shared,
    e: &InteractionEntry,
    source: MessageSource,
    extra_flags: u64,
) -> NewMessage {
    NewMessage {
        channel_id: e.channel_id,
        guild_id: e.guild_id,
        source,
        kind: response_message_kind(e.kind),
        webhook_id: Some(shared.config.application_id),
        interaction_metadata: Some(e.metadata.clone()).filter(|m| !m.is_null()),
        extra_flags,
    }
}

/// `POST /interactions/{id}/{token}/callback`: answered 204 with no body.
async fn callback(
    State(s): State<S>,
    Path((id, token)): Path<(String, String)>,
    Extension(parsed): Extension<Parsed>,
) -> Reply {
    let unknown = || error(404, 10062, "Unknown interaction");
    let id = id.parse::<u64>().map_err(|_| unknown())?;
    let body = parsed.json.clone().unwrap_or_else(|| json!({}));
    let kind = body.get("type").and_then(Value::as_u64).unwrap_or(0) as u8;
    let data = body.get("data").cloned().filter(|d| !d.is_null());
    let mut world = s.world();
    let entry = world
        .interactions
        .get(&id)
        .filter(|e| e.token == token)
        .ok_or_else(unknown)?;
    if entry.callback.is_some() {
        return Err(error(
            400,
            40060,
            "Interaction has already been acknowledged.",
        ));
    }
    if !allowed(entry.kind, kind) {
        let mut e = validate::FormErrors::default();
        let why = format!("Callback type {kind} is not valid for this interaction");
        e.add(&["type"], "INTERACTION_RESPONSE_TYPE_INVALID", why);
        e.into_result()?;
    }
    let empty = json!({});
    let data_or_empty = data.as_ref().unwrap_or(&empty);
    if kind == 4 {
        validate::message(data_or_empty, parsed.files.len(), true)?;
    }
    let (user_id, component_message) = (entry.user_id, entry.message_id);
    let original = match kind {
        4 => {
            let new = new_response(
                &s,
                entry,
                MessageSource::InteractionResponse { interaction_id: id },
                0,
            );
            Some(messages::create(&s, &mut world, data_or_empty, &parsed, new).id)
        }
        5 => {
            // Deferred: a "thinking" (LOADING) message keeping only the flags until edited.
            let new = new_response(
                &s,
                entry,
                MessageSource::InteractionResponse { interaction_id: id },
                128,
            );
            let body = json!({ "flags": data_or_empty.get("flags").cloned().unwrap_or(json!(0)) });
            Some(messages::create(&s, &mut world, &body, &Parsed::default(), new).id)
        }
        // For components the "original" is the message the component is on.
        6 | 7 => component_message,
        _ => None,
    };
    if kind == 7 {
        if let Some(m) = component_message.and_then(|m| world.message_mut(m)) {
            messages::edit(&s, m, data_or_empty, &parsed);
        }
    }
    if kind == 9 {
        if let Some(custom_id) = data_or_empty.get("custom_id").and_then(Value::as_str) {
            world
                .modal_openers
                .insert((user_id, custom_id.to_owned()), id);
        }
    }
    world.callbacks.push(CallbackRecord {
        interaction_id: id,
        kind,
        data,
        files: parsed.files.clone(),
        received_at: Instant::now(),
    });
    let index = world.callbacks.len() - 1;
    if let Some(e) = world.interactions.get_mut(&id) {
        e.callback = Some(index);
        e.original = original;
    }
    Ok(no_content())
}

/// The interaction behind a webhook path, once it has been acknowledged.
fn webhook_interaction(s: &Shared, world: &World, app: &str, token: &str) -> Result<u64, ApiError> {
    let unknown = || error(404, 10015, "Unknown Webhook");
    if app.parse::<u64>().ok() != Some(s.config.application_id) {
        return Err(unknown());
    }
    let e = world.interaction_by_token(token).ok_or_else(unknown)?;
    if e.callback.is_none() {
        return Err(unknown());
    }
    Ok(e.id)
}

fn unknown_message() -> ApiError {
    error(404, 10008, "Unknown Message")
}

/// `POST /webhooks/{app}/{token}`: a follow-up message.
async fn followup(
    State(s): State<S>,
    Path((app, token)): Path<(String, String)>,
    Extension(parsed): Extension<Parsed>,
) -> Reply {
    let body = parsed.json.clone().unwrap_or_else(|| json!({}));
    let mut world = s.world();
    let id = webhook_interaction(&s, &world, &app, &token)?;
    validate::message(&body, parsed.files.len(), true)?;
    let new = new_response(
        &s,
        &world.interactions[&id],
        MessageSource::Followup { interaction_id: id },
        0,
    );
    let m = messages::create(&s, &mut world, &body, &parsed, new);
    if let Some(e) = world.interactions.get_mut(&id) {
        e.followups.push(m.id);
    }
    Ok(ok_json(messages::to_json(&s, &world, &m)))
}

/// `@original` or a follow-up id of this interaction.
fn resolve_message(world: &World, interaction: u64, raw: &str) -> Result<u64, ApiError> {
    let e = &world.interactions[&interaction];
    if raw == "@original" {
        return e.original.ok_or_else(unknown_message);
    }
    let id = snowflake(raw)?;
    if e.followups.contains(&id) || e.original == Some(id) {
        Ok(id)
    } else {
        Err(unknown_message())
    }
}

async fn get_webhook_message(
    State(s): State<S>,
    Path((app, token, message)): Path<(String, String, String)>,
) -> Reply {
    let world = s.world();
    let interaction = webhook_interaction(&s, &world, &app, &token)?;
    let id = resolve_message(&world, interaction, &message)?;
    let m = world
        .message(id)
        .filter(|m| !m.deleted)
        .ok_or_else(unknown_message)?;
    Ok(ok_json(messages::to_json(&s, &world, m)))
}

async fn edit_webhook_message(
    State(s): State<S>,
    Path((app, token, message)): Path<(String, String, String)>,
    Extension(parsed): Extension<Parsed>,
) -> Reply {
    let body = parsed.json.clone().unwrap_or_else(|| json!({}));
    let mut world = s.world();
    let interaction = webhook_interaction(&s, &world, &app, &token)?;
    let id = resolve_message(&world, interaction, &message)?;
    validate::message(&body, parsed.files.len(), false)?;
    let m = world
        .message_mut(id)
        .filter(|m| !m.deleted)
        .ok_or_else(unknown_message)?;
    messages::edit(&s, m, &body, &parsed);
    let m = m.clone();
    Ok(ok_json(messages::to_json(&s, &world, &m)))
}

async fn delete_webhook_message(
    State(s): State<S>,
    Path((app, token, message)): Path<(String, String, String)>,
) -> Reply {
    let mut world = s.world();
    let interaction = webhook_interaction(&s, &world, &app, &token)?;
    let id = resolve_message(&world, interaction, &message)?;
    let m = world
        .message_mut(id)
        .filter(|m| !m.deleted)
        .ok_or_else(unknown_message)?;
    m.deleted = true;
    Ok(no_content())
}
