//! What the bot created through the REST API, kept for tests to inspect.

use std::time::Instant;

use serde_json::Value;

/// How a stored message came to exist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MessageSource {
    /// `POST /channels/{id}/messages`.
    Channel,
    /// The interaction's original response (callback type 4/5, or PATCH `@original`).
    InteractionResponse { interaction_id: u64 },
    /// `POST /webhooks/{app}/{token}`.
    Followup { interaction_id: u64 },
    /// A message the fake made up, for a component click on a message it had not seen.
    Synthetic,
}

/// A file part of a multipart request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UploadedFile {
    /// The form field name, such as `files[0]`.
    pub field: String,
    pub filename: String,
    pub content_type: Option<String>,
    pub size: usize,
}

/// A message as the fake keeps it; `edits` holds every PATCH body in order.
#[derive(Clone, Debug)]
pub struct StoredMessage {
    pub id: u64,
    pub channel_id: u64,
    pub guild_id: Option<u64>,
    pub author_id: u64,
    pub content: String,
    pub embeds: Vec<Value>,
    pub components: Vec<Value>,
    pub allowed_mentions: Option<Value>,
    pub attachments: Vec<Value>,
    pub message_reference: Option<Value>,
    pub flags: u64,
    pub tts: bool,
    /// Discord message type: 0 default, 19 reply, 20 chat input command, ...
    pub kind: u8,
    pub timestamp: String,
    pub edited_timestamp: Option<String>,
    pub edits: Vec<Value>,
    pub deleted: bool,
    pub source: MessageSource,
    pub interaction_metadata: Option<Value>,
    pub webhook_id: Option<u64>,
    /// The `nonce` the message was created with, as text.
    pub nonce: Option<String>,
}

impl StoredMessage {
    pub fn is_ephemeral(&self) -> bool {
        self.flags & 64 != 0
    }
}

/// A registered application command; `body` is what the bot sent last.
#[derive(Clone, Debug)]
pub struct StoredCommand {
    pub id: u64,
    pub guild_id: Option<u64>,
    pub name: String,
    pub version: u64,
    pub body: Value,
}

/// The bot's answer to an interaction (`POST /interactions/{id}/{token}/callback`).
#[derive(Clone, Debug)]
pub struct CallbackRecord {
    pub interaction_id: u64,
    /// 1 pong, 4 message, 5 deferred message, 6 deferred update, 7 update, 8 autocomplete
    /// result, 9 modal, ...
    pub kind: u8,
    pub data: Option<Value>,
    pub files: Vec<UploadedFile>,
    pub received_at: Instant,
}

impl CallbackRecord {
    /// `data.content`, if any.
    pub fn content(&self) -> Option<&str> {
        self.data.as_ref()?.get("content")?.as_str()
    }

    /// `data.flags` has EPHEMERAL (1 << 6).
    pub fn is_ephemeral(&self) -> bool {
        let flags = self
            .data
            .as_ref()
            .and_then(|d| d.get("flags"))
            .and_then(Value::as_u64);
        flags.unwrap_or(0) & 64 != 0
    }

    /// `data.choices` of an autocomplete result.
    pub fn choices(&self) -> Vec<Value> {
        self.data
            .as_ref()
            .and_then(|d| d.get("choices"))
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    }
}
