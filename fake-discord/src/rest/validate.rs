//! Discord's documented limits on message and command bodies, answered with its
//! "Invalid Form Body" (50035) error so a bot that breaks them fails here as it would live.

use serde_json::{json, Map, Value};

use super::{error, form_error, ApiError};

/// Collects `errors` in Discord's nested `{ "field": { "0": { "_errors": [...] } } }` shape.
#[derive(Default)]
pub(crate) struct FormErrors(Map<String, Value>);

impl FormErrors {
    pub(crate) fn add(&mut self, path: &[&str], code: &str, message: String) {
        let mut node = &mut self.0;
        for key in path {
            node = node
                .entry(key.to_string())
                .or_insert_with(|| json!({}))
                .as_object_mut()
                .expect("error tree nodes are objects");
        }
        let list = node.entry("_errors").or_insert_with(|| json!([]));
        if let Some(list) = list.as_array_mut() {
            list.push(json!({ "code": code, "message": message }));
        }
    }

    pub(crate) fn into_result(self) -> Result<(), ApiError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(form_error(Value::Object(self.0)))
        }
    }

    fn max_len(&mut self, path: &[&str], v: Option<&Value>, max: usize) {
        if let Some(s) = v.and_then(Value::as_str) {
            let n = s.chars().count();
            if n > max {
                self.add(
                    path,
                    "BASE_TYPE_MAX_LENGTH",
                    format!("Must be {max} or fewer in length."),
                );
            }
        }
    }
}

fn str_len(v: Option<&Value>) -> usize {
    v.and_then(Value::as_str).map_or(0, |s| s.chars().count())
}

/// A message body (create, edit, interaction response data). `create` adds the empty-message
/// check (code 50006).
pub(crate) fn message(body: &Value, files: usize, create: bool) -> Result<(), ApiError> {
    let mut e = FormErrors::default();
    e.max_len(&["content"], body.get("content"), 2000);
    let embeds = body
        .get("embeds")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice);
    if embeds.len() > 10 {
        e.add(
            &["embeds"],
            "BASE_TYPE_MAX_LENGTH",
            "Must be 10 or fewer in length.".into(),
        );
    }
    let mut total = 0;
    for (i, embed) in embeds.iter().enumerate() {
        let i = i.to_string();
        let field = |k: &str| embed.get(k);
        e.max_len(&["embeds", &i, "title"], field("title"), 256);
        e.max_len(&["embeds", &i, "description"], field("description"), 4096);
        let footer = field("footer").and_then(|f| f.get("text"));
        e.max_len(&["embeds", &i, "footer", "text"], footer, 2048);
        let author = field("author").and_then(|a| a.get("name"));
        e.max_len(&["embeds", &i, "author", "name"], author, 256);
        total += str_len(field("title"))
            + str_len(field("description"))
            + str_len(footer)
            + str_len(author);
        let fields = field("fields")
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice);
        if fields.len() > 25 {
            e.add(
                &["embeds", &i, "fields"],
                "BASE_TYPE_MAX_LENGTH",
                "Must be 25 or fewer in length.".into(),
            );
        }
        for (j, f) in fields.iter().enumerate() {
            let j = j.to_string();
            e.max_len(&["embeds", &i, "fields", &j, "name"], f.get("name"), 256);
            e.max_len(&["embeds", &i, "fields", &j, "value"], f.get("value"), 1024);
            if str_len(f.get("name")) == 0 || str_len(f.get("value")) == 0 {
                e.add(
                    &["embeds", &i, "fields", &j],
                    "BASE_TYPE_REQUIRED",
                    "This field is required".into(),
                );
            }
            total += str_len(f.get("name")) + str_len(f.get("value"));
        }
    }
    if total > 6000 {
        e.add(
            &["embeds"],
            "MAX_EMBED_SIZE_EXCEEDED",
            "Embed size exceeds maximum size of 6000".into(),
        );
    }
    let rows = body
        .get("components")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice);
    if rows.len() > 5 {
        e.add(
            &["components"],
            "BASE_TYPE_MAX_LENGTH",
            "Must be 5 or fewer in length.".into(),
        );
    }
    for (i, row) in rows.iter().enumerate() {
        let i = i.to_string();
        let items = row
            .get("components")
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice);
        if items.len() > 5 {
            e.add(
                &["components", &i, "components"],
                "BASE_TYPE_MAX_LENGTH",
                "Must be 5 or fewer in length.".into(),
            );
        }
        for (j, c) in items.iter().enumerate() {
            let j = j.to_string();
            e.max_len(
                &["components", &i, "components", &j, "custom_id"],
                c.get("custom_id"),
                100,
            );
            e.max_len(
                &["components", &i, "components", &j, "label"],
                c.get("label"),
                80,
            );
        }
    }
    e.into_result()?;
    let has = |k: &str| {
        body.get(k).is_some_and(|v| match v {
            Value::String(s) => !s.is_empty(),
            Value::Array(a) => !a.is_empty(),
            Value::Null => false,
            _ => true,
        })
    };
    if create
        && files == 0
        && !["content", "embeds", "components", "sticker_ids", "poll"]
            .iter()
            .any(|k| has(k))
    {
        return Err(error(400, 50006, "Cannot send an empty message"));
    }
    Ok(())
}

/// An application command body: name/description rules, option counts and order.
pub(crate) fn command(body: &Value, path: &[&str]) -> Result<(), ApiError> {
    let mut e = FormErrors::default();
    command_into(&mut e, body, path);
    e.into_result()
}

pub(crate) fn command_into(e: &mut FormErrors, body: &Value, path: &[&str]) {
    let kind = body.get("type").and_then(Value::as_u64).unwrap_or(1);
    let name = body.get("name").and_then(Value::as_str).unwrap_or("");
    let at = |k: &'static str| join(path, &[k]);
    if kind == 1 {
        if !valid_chat_input_name(name) {
            e.add(
                &at("name"),
                "APPLICATION_COMMAND_INVALID_NAME",
                format!("Command name is invalid: {name:?}"),
            );
        }
        let d = str_len(body.get("description"));
        if !(1..=100).contains(&d) {
            e.add(
                &at("description"),
                "BASE_TYPE_BAD_LENGTH",
                "Must be between 1 and 100 in length.".into(),
            );
        }
    } else if !(1..=32).contains(&name.chars().count()) {
        e.add(
            &at("name"),
            "BASE_TYPE_BAD_LENGTH",
            "Must be between 1 and 32 in length.".into(),
        );
    }
    localizations_into(e, body, path);
    options_into(e, body.get("options"), &at("options"));
}

/// Discord's locales, the keys a localizations object may have.
const LOCALES: &[&str] = &[
    "id", "da", "de", "en-GB", "en-US", "es-ES", "es-419", "fr", "hr", "it", "lt", "hu", "nl",
    "no", "pl", "pt-BR", "ro", "fi", "sv-SE", "vi", "tr", "cs", "el", "bg", "ru", "uk", "hi", "th",
    "zh-CN", "ja", "zh-TW", "ko",
];

/// `name_localizations` follow the name's rules, `description_localizations` the
/// description's length, each keyed by one of Discord's locales.
fn localizations_into(e: &mut FormErrors, item: &Value, path: &[&str]) {
    for (field, names) in [
        ("name_localizations", true),
        ("description_localizations", false),
    ] {
        let Some(map) = item.get(field).and_then(Value::as_object) else {
            continue;
        };
        for (locale, text) in map {
            let at = join(path, &[field]);
            let text = text.as_str().unwrap_or("");
            if !LOCALES.contains(&locale.as_str()) {
                e.add(
                    &at,
                    "BASE_TYPE_CHOICES",
                    format!("Value must be one of {LOCALES:?}."),
                );
            } else if names && !valid_chat_input_name(text) {
                e.add(
                    &at,
                    "APPLICATION_COMMAND_INVALID_NAME",
                    format!("Command name is invalid: {text:?}"),
                );
            } else if !names && !(1..=100).contains(&text.chars().count()) {
                e.add(
                    &at,
                    "BASE_TYPE_BAD_LENGTH",
                    "Must be between 1 and 100 in length.".into(),
                );
            }
        }
    }
}

/// A choice's name and its translations: 1 to 100 characters each.
fn choice_into(e: &mut FormErrors, choice: &Value, path: &[&str]) {
    let names = std::iter::once(choice.get("name")).chain(
        choice
            .get("name_localizations")
            .and_then(Value::as_object)
            .into_iter()
            .flat_map(|m| m.values().map(Some)),
    );
    for name in names {
        if !(1..=100).contains(&str_len(name)) {
            e.add(
                &join(path, &["name"]),
                "BASE_TYPE_BAD_LENGTH",
                "Must be between 1 and 100 in length.".into(),
            );
        }
    }
    if let Some(map) = choice.get("name_localizations").and_then(Value::as_object) {
        if map.keys().any(|l| !LOCALES.contains(&l.as_str())) {
            e.add(
                &join(path, &["name_localizations"]),
                "BASE_TYPE_CHOICES",
                format!("Value must be one of {LOCALES:?}."),
            );
        }
    }
}

fn options_into(e: &mut FormErrors, options: Option<&Value>, path: &[&str]) {
    let options = options
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice);
    if options.len() > 25 {
        e.add(
            path,
            "BASE_TYPE_MAX_LENGTH",
            "Must be 25 or fewer in length.".into(),
        );
    }
    let mut seen_optional = false;
    for (i, o) in options.iter().enumerate() {
        let i = i.to_string();
        let at = |k: &'static str| join(path, &[i.as_str(), k]);
        let name = o.get("name").and_then(Value::as_str).unwrap_or("");
        if !valid_chat_input_name(name) {
            e.add(
                &at("name"),
                "APPLICATION_COMMAND_INVALID_NAME",
                format!("Command name is invalid: {name:?}"),
            );
        }
        if !(1..=100).contains(&str_len(o.get("description"))) {
            e.add(
                &at("description"),
                "BASE_TYPE_BAD_LENGTH",
                "Must be between 1 and 100 in length.".into(),
            );
        }
        let choices = o
            .get("choices")
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        if choices > 25 {
            e.add(
                &at("choices"),
                "BASE_TYPE_MAX_LENGTH",
                "Must be 25 or fewer in length.".into(),
            );
        }
        localizations_into(e, o, &join(path, &[i.as_str()]));
        for (c, choice) in o
            .get("choices")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            let c = c.to_string();
            choice_into(e, choice, &join(path, &[i.as_str(), "choices", c.as_str()]));
        }
        let kind = o.get("type").and_then(Value::as_u64).unwrap_or(0);
        if matches!(kind, 1 | 2) {
            options_into(e, o.get("options"), &at("options"));
            continue;
        }
        let required = o.get("required").and_then(Value::as_bool).unwrap_or(false);
        if required && seen_optional {
            e.add(
                &at("required"),
                "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
                "Required options must be placed before non-required options".into(),
            );
        }
        seen_optional |= !required;
    }
}

fn join<'a>(path: &[&'a str], more: &[&'a str]) -> Vec<&'a str> {
    path.iter().chain(more).copied().collect()
}

/// Discord: 1-32 characters, lowercase where a lowercase form exists, letters, digits, `-`, `_`.
fn valid_chat_input_name(name: &str) -> bool {
    let n = name.chars().count();
    (1..=32).contains(&n)
        && name.chars().all(|c| {
            (c.is_alphanumeric() || c == '-' || c == '_') && c.to_lowercase().eq(std::iter::once(c))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert!(valid_chat_input_name("rally"));
        assert!(valid_chat_input_name("rally-create_2"));
        assert!(!valid_chat_input_name("Rally"));
        assert!(!valid_chat_input_name("rally create"));
        assert!(!valid_chat_input_name(""));
        assert!(!valid_chat_input_name(&"a".repeat(33)));
    }

    #[test]
    fn localizations_keep_discords_rules() {
        let command = |extra: Value| {
            let mut body = json!({ "name": "rally", "description": "Rallies", "options": [{
                "type": 3, "name": "unit", "description": "Unit",
                "choices": [{ "name": "miles", "value": "mi" }]
            }]});
            for (path, value) in extra.as_object().unwrap() {
                let target = if path.starts_with("choice.") {
                    &mut body["options"][0]["choices"][0]
                } else if path.starts_with("option.") {
                    &mut body["options"][0]
                } else {
                    &mut body
                };
                let key = path.rsplit('.').next().unwrap();
                target[key] = value.clone();
            }
            command(&body, &[])
        };
        let ok = json!({
            "description_localizations": { "es-ES": "Manifestaciones", "es-419": "Manifestaciones" },
            "option.name_localizations": { "es-ES": "unidad" },
            "choice.name_localizations": { "es-419": "millas" },
        });
        assert!(command(ok).is_ok());
        for bad in [
            json!({ "description_localizations": { "es": "Manifestaciones" } }),
            json!({ "description_localizations": { "es-ES": "" } }),
            json!({ "description_localizations": { "es-ES": "x".repeat(101) } }),
            json!({ "option.name_localizations": { "es-ES": "Unidad" } }),
            json!({ "option.name_localizations": { "es-ES": "la unidad" } }),
            json!({ "choice.name_localizations": { "es-ES": "" } }),
            json!({ "choice.name_localizations": { "xx": "millas" } }),
        ] {
            assert!(command(bad.clone()).is_err(), "{bad}");
        }
    }

    #[test]
    fn empty_and_long_messages() {
        assert!(message(&json!({ "content": "" }), 0, true).is_err());
        assert!(message(&json!({ "content": "" }), 1, true).is_ok());
        assert!(message(&json!({ "content": "x".repeat(2001) }), 0, true).is_err());
        assert!(message(&json!({ "content": "x".repeat(2000) }), 0, true).is_ok());
        assert!(message(&json!({ "embeds": [{ "title": "t" }] }), 0, true).is_ok());
        assert!(message(&json!({ "content": "" }), 0, false).is_ok());
    }

    #[test]
    fn option_order() {
        let cmd = json!({ "name": "rally", "description": "d", "options": [
            { "type": 3, "name": "a", "description": "d" },
            { "type": 3, "name": "b", "description": "d", "required": true },
        ]});
        assert!(command(&cmd, &[]).is_err());
    }
}
