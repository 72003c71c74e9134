//! Message objects as the REST API returns them (no `guild_id`/`member`: those are
//! gateway-only).

use serde_json::{json, Value};

use super::{id, user};
use crate::config::UserSpec;
use crate::store::StoredMessage;

pub(crate) fn message(m: &StoredMessage, author: &UserSpec, application_id: u64) -> Value {
    let mut v = json!({
        "id": id(m.id),
        "channel_id": id(m.channel_id),
        "author": user(author),
        "content": m.content,
        "timestamp": m.timestamp,
        "edited_timestamp": m.edited_timestamp,
        "tts": m.tts,
        "mention_everyone": false,
        "mentions": [],
        "mention_roles": [],
        "attachments": m.attachments,
        "embeds": m.embeds,
        "pinned": false,
        "type": m.kind,
        "flags": m.flags,
        "components": m.components,
    });
    let map = v.as_object_mut().expect("message is an object");
    if let Some(w) = m.webhook_id {
        map.insert("webhook_id".into(), id(w));
        map.insert("application_id".into(), id(application_id));
    }
    if let Some(meta) = &m.interaction_metadata {
        map.insert("interaction_metadata".into(), meta.clone());
    }
    if let Some(r) = &m.message_reference {
        map.insert("message_reference".into(), r.clone());
    }
    v
}

/// Embeds as Discord stores them: `type` defaults to `rich`.
pub(crate) fn normalize_embeds(embeds: &[Value]) -> Vec<Value> {
    embeds
        .iter()
        .map(|e| {
            let mut e = e.clone();
            if let Some(map) = e.as_object_mut() {
                map.entry("type").or_insert_with(|| json!("rich"));
            }
            e
        })
        .collect()
}

/// Attachment objects for uploaded files.
pub(crate) fn attachments(
    files: &[crate::store::UploadedFile],
    base_url: &str,
    channel_id: u64,
    next_id: &mut dyn FnMut() -> u64,
) -> Vec<Value> {
    files
        .iter()
        .map(|f| {
            let aid = next_id();
            let url = format!("{base_url}/attachments/{channel_id}/{aid}/{}", f.filename);
            json!({
                "id": id(aid),
                "filename": f.filename,
                "size": f.size,
                "url": url,
                "proxy_url": url,
                "content_type": f.content_type,
            })
        })
        .collect()
}
