//! The slash commands rallybot registers, built from the one command table. Their names and
//! options are a contract with users.
use serenity::all::{
    ChannelType, CommandOptionType, CreateCommand, CreateCommandOption, Permissions,
};

use crate::commands::table::{COMMANDS, GROUPS, SUBS};
use crate::commands::translations::{
    choice_label, command_description, command_name, group_description, group_name,
    option_description, option_name, sub_description, sub_name,
};
use crate::commands::{Kind, Opt, Sub};
use crate::i18n::{discord_locales, Lang};

/// The languages besides English whose descriptions are registered.
const TRANSLATED: &[Lang] = &[Lang::Es];

/// Each Discord locale of the translated languages with the text in its language.
fn localized(text: impl Fn(Lang) -> String) -> Vec<(&'static str, String)> {
    TRANSLATED
        .iter()
        .flat_map(|&lang| {
            let t = text(lang);
            discord_locales(lang)
                .iter()
                .map(move |&locale| (locale, t.clone()))
        })
        .collect()
}

/// A command builder's description in every translated language.
macro_rules! describe_localized {
    ($built:expr, $text:expr) => {
        localized($text)
            .into_iter()
            .fold($built, |b, (locale, text)| {
                b.description_localized(locale, text)
            })
    };
}

/// A command builder's name in every translated language.
macro_rules! name_localized {
    ($built:expr, $name:expr) => {
        localized($name)
            .into_iter()
            .fold($built, |b, (locale, name)| b.name_localized(locale, name))
    };
}

/// Every command, in the table's order.
pub fn all() -> Vec<CreateCommand> {
    COMMANDS
        .iter()
        .map(|command| {
            let mut options: Vec<CreateCommandOption> = Vec::new();
            let mut groups_done: Vec<&str> = Vec::new();
            for sub in SUBS.iter().filter(|s| s.path[0] == command.name) {
                match sub.path {
                    [_, name] => options.push(subcommand(name, sub)),
                    [_, group, _] if !groups_done.contains(group) => {
                        groups_done.push(group);
                        options.push(group_option(command.name, group));
                    }
                    _ => {}
                }
            }
            let built = describe_localized!(
                CreateCommand::new(command.name).description(command.description),
                |lang| command_description(lang, command)
            );
            let mut built =
                name_localized!(built, |lang| command_name(lang, command)).set_options(options);
            if command.moderators {
                built = built
                    .default_member_permissions(Permissions::MANAGE_EVENTS)
                    .dm_permission(false);
            }
            built
        })
        .collect()
}

fn group_option(command: &str, group: &str) -> CreateCommandOption {
    let declared = GROUPS.iter().find(|g| g.path == [command, group]);
    let description = declared.map_or("", |g| g.description);
    let mut built =
        CreateCommandOption::new(CommandOptionType::SubCommandGroup, group, description);
    if let Some(g) = declared {
        built = describe_localized!(built, |lang| group_description(lang, g));
        built = name_localized!(built, |lang| group_name(lang, g));
    }
    SUBS.iter()
        .filter(|s| s.path.len() == 3 && s.path[0] == command && s.path[1] == group)
        .fold(built, |g, sub| {
            g.add_sub_option(subcommand(sub.path[2], sub))
        })
}

fn subcommand(name: &str, sub: &Sub) -> CreateCommandOption {
    let built = describe_localized!(
        CreateCommandOption::new(CommandOptionType::SubCommand, name, sub.description),
        |lang| sub_description(lang, sub)
    );
    let built = name_localized!(built, |lang| sub_name(lang, sub));
    sub.options
        .iter()
        .fold(built, |s, o| s.add_sub_option(option(sub, o)))
}

fn option(sub: &Sub, o: &Opt) -> CreateCommandOption {
    let kind = match o.kind {
        Kind::Text { .. } => CommandOptionType::String,
        Kind::Integer { .. } => CommandOptionType::Integer,
        Kind::Number { .. } => CommandOptionType::Number,
        Kind::Boolean => CommandOptionType::Boolean,
        Kind::Channel => CommandOptionType::Channel,
        Kind::Role => CommandOptionType::Role,
        Kind::User => CommandOptionType::User,
    };
    let mut built = describe_localized!(
        CreateCommandOption::new(kind, o.name, o.description).required(o.required),
        |lang| option_description(lang, sub, o)
    );
    built = name_localized!(built, |lang| option_name(lang, sub, o));
    built = match o.kind {
        // Discord checks the length too; the service checks it again.
        Kind::Text { max_len: Some(max) } => built.max_length(max as u16),
        Kind::Integer { min, max } => built.min_int_value(min as u64).max_int_value(max as u64),
        Kind::Number { min, max } => built.min_number_value(min).max_number_value(max),
        Kind::Channel => built.channel_types(vec![ChannelType::Text, ChannelType::News]),
        _ => built,
    };
    for (label, value) in o.choices {
        let labels = localized(|lang| choice_label(lang, o, label, value));
        built = built.add_string_choice_localized(*label, *value, labels);
    }
    if o.complete.is_some() {
        built = built.set_autocomplete(true);
    }
    built
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    /// What is registered is exactly what the table declares, and so what the parser reads.
    #[test]
    fn registration_matches_the_table() {
        let registered: Vec<Value> = all()
            .iter()
            .map(|c| serde_json::to_value(c).unwrap())
            .collect();
        let mut seen = 0;
        for command in &registered {
            let name = command["name"].as_str().unwrap();
            for option in command["options"].as_array().unwrap() {
                let walk: Vec<(Vec<String>, &Value)> = if option["type"] == 2 {
                    option["options"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|s| {
                            let path = vec![
                                name.to_string(),
                                option["name"].as_str().unwrap().to_string(),
                                s["name"].as_str().unwrap().to_string(),
                            ];
                            (path, s)
                        })
                        .collect()
                } else {
                    vec![(
                        vec![
                            name.to_string(),
                            option["name"].as_str().unwrap().to_string(),
                        ],
                        option,
                    )]
                };
                for (path, sub_json) in walk {
                    seen += 1;
                    let sub = crate::commands::table::sub(&path)
                        .unwrap_or_else(|| panic!("{path:?} is registered but not in the table"));
                    let names: Vec<&str> = sub_json["options"]
                        .as_array()
                        .map(|o| o.iter().map(|o| o["name"].as_str().unwrap()).collect())
                        .unwrap_or_default();
                    let declared: Vec<&str> = sub.options.iter().map(|o| o.name).collect();
                    assert_eq!(names, declared, "{path:?}");
                    for (o, json) in sub
                        .options
                        .iter()
                        .zip(sub_json["options"].as_array().into_iter().flatten())
                    {
                        assert_eq!(
                            json["required"].as_bool().unwrap_or(false),
                            o.required,
                            "{path:?} {}",
                            o.name
                        );
                        assert_eq!(
                            json["autocomplete"].as_bool().unwrap_or(false),
                            o.complete.is_some(),
                            "{path:?} {}",
                            o.name
                        );
                    }
                }
            }
        }
        assert_eq!(seen, SUBS.len(), "every subcommand is registered once");
    }

    /// Every command, group, subcommand and option registers a Spanish name and description for
    /// both of Discord's Spanish locales, and every choice a Spanish label.
    #[test]
    fn everything_registered_is_described_in_spanish_too() {
        fn walk(item: &Value, path: &str, seen: &mut usize) {
            let english = item["description"].as_str().unwrap();
            let name = item["name"].as_str().unwrap();
            let es = &item["name_localizations"];
            assert!(
                es["es-ES"].is_string() && es["es-ES"] == es["es-419"] && es["es-ES"] != name,
                "{path}: no Spanish name ({es})"
            );
            for locale in ["es-ES", "es-419"] {
                let spanish = item["description_localizations"][locale]
                    .as_str()
                    .unwrap_or_else(|| panic!("{path}: no {locale} description"));
                assert!(
                    !spanish.is_empty() && spanish != english,
                    "{path}: {spanish:?}"
                );
            }
            *seen += 1;
            for choice in item["choices"].as_array().into_iter().flatten() {
                let es = &choice["name_localizations"];
                assert!(
                    es["es-ES"].is_string() && es["es-ES"] == es["es-419"],
                    "{path}: {choice}"
                );
            }
            for o in item["options"].as_array().into_iter().flatten() {
                walk(o, &format!("{path} {}", o["name"].as_str().unwrap()), seen);
            }
        }
        let mut seen = 0;
        for c in all() {
            let json = serde_json::to_value(&c).unwrap();
            let name = json["name"].as_str().unwrap().to_string();
            walk(&json, &name, &mut seen);
        }
        let options: usize = SUBS.iter().map(|s| s.options.len()).sum();
        assert_eq!(seen, COMMANDS.len() + GROUPS.len() + SUBS.len() + options);
    }
}
