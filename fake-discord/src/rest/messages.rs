//! Creating and editing stored messages from request bodies (channel messages, interaction
//! responses and follow-ups share this).

use serde_json::Value;

use super::Parsed;
use crate::ids::timestamp_now;
use crate::payloads;
use crate::payloads::message::{attachments, normalize_embeds};
use crate::state::{Shared, World};
use crate::store::{MessageSource, StoredMessage};

pub(crate) struct NewMessage {
    pub channel_id: u64,
    pub guild_id: Option<u64>,
    pub source: MessageSource,
    pub kind: u8,
    pub webhook_id: Option<u64>,
    pub interaction_metadata: Option<Value>,
    /// Flags forced on top of the body's (LOADING for deferred responses).
    pub extra_flags: u64,
}

fn array(body: &Value, key: &str) -> Vec<Value> {
    body.get(key)
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default()
}

pub(crate) fn create(
    shared: &Shared,
    world: &mut World,
    body: &Value,
    parsed: &Parsed,
    new: NewMessage,
) -> StoredMessage {
    let id = shared.ids.next();
    let mut next = || shared.ids.next();
    let mut uploaded = attachments(&parsed.files, &shared.base_url, new.channel_id, &mut next);
    // Attachments the body lists without an upload are kept as the bot described them.
    if uploaded.is_empty() {
        uploaded = array(body, "attachments");
    }
    let m = StoredMessage {
        id,
        channel_id: new.channel_id,
        guild_id: new.guild_id,
        author_id: shared.config.bot.id,
        content: body
            .get("content")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned(),
        embeds: normalize_embeds(&array(body, "embeds")),
        components: array(body, "components"),
        allowed_mentions: body.get("allowed_mentions").cloned(),
        attachments: uploaded,
        message_reference: body
            .get("message_reference")
            .cloned()
            .filter(|v| !v.is_null()),
        flags: body.get("flags").and_then(Value::as_u64).unwrap_or(0) | new.extra_flags,
        tts: body.get("tts").and_then(Value::as_bool).unwrap_or(false),
        kind: if body.get("message_reference").is_some_and(|v| !v.is_null()) && new.kind == 0 {
            19
        } else {
            new.kind
        },
        timestamp: timestamp_now(),
        edited_timestamp: None,
        edits: Vec::new(),
        deleted: false,
        source: new.source,
        interaction_metadata: new.interaction_metadata,
        webhook_id: new.webhook_id,
        nonce: nonce_of(body),
    };
    world.insert_message(m.clone());
    m
}

/// Applies a PATCH body: fields present replace the stored ones (`null` clears).
pub(crate) fn edit(shared: &Shared, m: &mut StoredMessage, body: &Value, parsed: &Parsed) {
    if let Some(v) = body.get("content") {
        m.content = v.as_str().unwrap_or("").to_owned();
    }
    if let Some(v) = body.get("embeds") {
        m.embeds = normalize_embeds(v.as_array().map_or(&[][..], Vec::as_slice));
    }
    if let Some(v) = body.get("components") {
        m.components = v.as_array().cloned().unwrap_or_default();
    }
    if let Some(v) = body.get("allowed_mentions") {
        m.allowed_mentions = Some(v.clone());
    }
    if let Some(v) = body.get("flags").and_then(Value::as_u64) {
        // Only SUPPRESS_EMBEDS can be changed by an edit; EPHEMERAL stays as it was.
        m.flags = (m.flags & !4) | (v & 4);
    }
    if !parsed.files.is_empty() {
        let mut next = || shared.ids.next();
        m.attachments = attachments(&parsed.files, &shared.base_url, m.channel_id, &mut next);
    } else if let Some(v) = body.get("attachments") {
        m.attachments = v.as_array().cloned().unwrap_or_default();
    }
    // A deferred response stops "thinking" once edited.
    m.flags &= !128;
    m.edited_timestamp = Some(timestamp_now());
    m.edits.push(body.clone());
}

pub(crate) fn to_json(shared: &Shared, world: &World, m: &StoredMessage) -> Value {
    let author = shared
        .user(world, m.author_id)
        .unwrap_or_else(|| shared.config.bot.clone());
    payloads::message(m, &author, shared.config.application_id)
}

/// A message's `nonce` (Discord takes an integer or a string) as text.
pub(crate) fn nonce_of(body: &Value) -> Option<String> {
    match body.get("nonce")? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}
