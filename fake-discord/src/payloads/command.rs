//! Application command objects, built from the bot's last create/edit body.

use serde_json::{json, Value};

use super::id;
use crate::store::StoredCommand;

pub(crate) fn command(c: &StoredCommand, application_id: u64) -> Value {
    let b = &c.body;
    let field = |k: &str| b.get(k).cloned().filter(|v| !v.is_null());
    let kind = field("type").unwrap_or(json!(1));
    let mut v = json!({
        "id": id(c.id),
        "application_id": id(application_id),
        "version": id(c.version),
        "type": kind,
        "name": c.name,
        "name_localizations": field("name_localizations").filter(non_empty_map),
        "description": field("description").unwrap_or(json!("")),
        "description_localizations": field("description_localizations").filter(non_empty_map),
        "options": field("options").unwrap_or(json!([])),
        "default_member_permissions": field("default_member_permissions"),
        "nsfw": field("nsfw").unwrap_or(json!(false)),
        "integration_types": field("integration_types").unwrap_or(json!([0])),
        "contexts": field("contexts"),
    });
    let map = v.as_object_mut().expect("command is an object");
    match c.guild_id {
        Some(g) => {
            map.insert("guild_id".into(), id(g));
        }
        None => {
            map.insert(
                "dm_permission".into(),
                field("dm_permission").unwrap_or(json!(true)),
            );
        }
    }
    v
}

fn non_empty_map(v: &Value) -> bool {
    v.as_object().is_some_and(|m| !m.is_empty())
}
