//! The slash commands rallybot registers, built from the one command table. Their names and
//! options are a contract with users.
use serenity::all::{
    ChannelType, CommandOptionType, CreateCommand, CreateCommandOption, Permissions,
};

use crate::commands::table::{COMMANDS, GROUPS, SUBS};
use crate::commands::{Kind, Opt, Sub};

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
            let mut built = CreateCommand::new(command.name)
                .description(command.description)
                .set_options(options);
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
    let description = GROUPS
        .iter()
        .find(|g| g.path == [command, group])
        .map_or("", |g| g.description);
    SUBS.iter()
        .filter(|s| s.path.len() == 3 && s.path[0] == command && s.path[1] == group)
        .fold(
            CreateCommandOption::new(CommandOptionType::SubCommandGroup, group, description),
            |g, sub| g.add_sub_option(subcommand(sub.path[2], sub)),
        )
}

fn subcommand(name: &str, sub: &Sub) -> CreateCommandOption {
    sub.options.iter().fold(
        CreateCommandOption::new(CommandOptionType::SubCommand, name, sub.description),
        |s, o| s.add_sub_option(option(o)),
    )
}

fn option(o: &Opt) -> CreateCommandOption {
    let kind = match o.kind {
        Kind::Text { .. } => CommandOptionType::String,
        Kind::Integer { .. } => CommandOptionType::Integer,
        Kind::Number { .. } => CommandOptionType::Number,
        Kind::Boolean => CommandOptionType::Boolean,
        Kind::Channel => CommandOptionType::Channel,
        Kind::Role => CommandOptionType::Role,
        Kind::User => CommandOptionType::User,
    };
    let mut built = CreateCommandOption::new(kind, o.name, o.description).required(o.required);
    built = match o.kind {
        // Discord checks the length too; the service checks it again.
        Kind::Text { max_len: Some(max) } => built.max_length(max as u16),
        Kind::Integer { min, max } => built.min_int_value(min as u64).max_int_value(max as u64),
        Kind::Number { min, max } => built.min_number_value(min).max_number_value(max),
        Kind::Channel => built.channel_types(vec![ChannelType::Text, ChannelType::News]),
        _ => built,
    };
    for (label, value) in o.choices {
        built = built.add_string_choice(*label, *value);
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
}
