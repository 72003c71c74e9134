//! Interactions serenity 0.12 can't read. Discord leaves out `options` for a subcommand typed
//! with no options (`/rally list`), but serenity requires it, so such an interaction reaches us
//! only as an unknown event. This puts the empty list back and reads it again.
use serde_json::Value;
use serenity::all::Interaction;

/// Option types that hold options of their own: subcommand (1) and subcommand group (2).
const NESTING_TYPES: [u64; 2] = [1, 2];

/// The interaction in an INTERACTION_CREATE payload serenity gave up on, if repairable.
pub fn interaction(payload: &Value) -> Option<Interaction> {
    let mut payload = payload.clone();
    if let Some(options) = payload.pointer_mut("/data/options") {
        fill_missing_options(options);
    }
    serde_json::from_value(payload).ok()
}

fn fill_missing_options(options: &mut Value) {
    let Some(list) = options.as_array_mut() else {
        return;
    };
    for option in list {
        let nests = option
            .get("type")
            .and_then(Value::as_u64)
            .is_some_and(|t| NESTING_TYPES.contains(&t));
        if !nests {
            continue;
        }
        if let Some(map) = option.as_object_mut() {
            let inner = map
                .entry("options")
                .or_insert_with(|| Value::Array(Vec::new()));
            fill_missing_options(inner);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn payload(options: Value) -> Value {
        json!({
            "id": "1180000000000000001", "application_id": "1170000000000000000", "type": 2,
            "token": "t", "version": 1, "locale": "en-US", "entitlements": [],
            "authorizing_integration_owners": {"0": "1100000000000000000"}, "context": 0,
            "attachment_size_limit": 10485760, "channel_id": "1110000000000000000",
            "guild_id": "1100000000000000000", "guild_locale": "en-US",
            "member": {"user": {"id": "80351110224678912", "username": "alice", "discriminator": "0",
                                "global_name": null, "avatar": null},
                       "roles": [], "joined_at": "2024-01-01T00:00:00.000000+00:00",
                       "deaf": false, "mute": false, "flags": 0, "permissions": "0"},
            "data": {"id": "1160000000000000000", "name": "rally", "type": 1, "options": options}
        })
    }

    #[test]
    fn serenity_alone_rejects_a_subcommand_without_options() {
        // The shape Discord sends for `/rally list`.
        let raw = payload(json!([{"name": "list", "type": 1}]));
        assert!(serde_json::from_value::<Interaction>(raw.clone()).is_err());
        let Some(Interaction::Command(c)) = interaction(&raw) else {
            panic!("not repaired")
        };
        assert_eq!(c.data.options[0].name, "list");
    }

    #[test]
    fn nested_groups_are_filled_and_other_options_untouched() {
        let raw = payload(
            json!([{"name": "campaign", "type": 2, "options": [{"name": "list", "type": 1}]}]),
        );
        let Some(Interaction::Command(c)) = interaction(&raw) else {
            panic!("not repaired")
        };
        assert_eq!(c.data.options.len(), 1);
        let raw = payload(
            json!([{"name": "info", "type": 1, "options": [{"name": "rally", "type": 3, "value": "4"}]}]),
        );
        assert!(interaction(&raw).is_some());
    }

    #[test]
    fn garbage_stays_unreadable() {
        assert!(interaction(&json!({"type": 2})).is_none());
        assert!(interaction(&json!("nope")).is_none());
    }
}
