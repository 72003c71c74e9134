//! A command that does not fit the command table, in the asker's language; both front ends
//! say it with these words. Commands and options are named as a reader of that language types
//! them (the error carries the table's names).
use super::{user_error, Style};
use crate::commands::parse::RequestError;
use crate::commands::spec::{typed, Sub};
use crate::commands::table;
use crate::commands::translations::{option_example, option_name, path_in};
use crate::i18n::Lang;
use crate::t;

pub fn request_error(e: &RequestError, style: &dyn Style, lang: Lang) -> String {
    match e {
        RequestError::UnknownCommand(command) => {
            t!(
                lang,
                "request-unknown-command",
                command = style.text(command)
            )
        }
        RequestError::MissingOption {
            command,
            option,
            example,
        } => {
            // The example as the parser gave it, with the option's name and, where the
            // language has its own, its value in the language.
            let example = match sub_of(command).and_then(|s| s.option(option).map(|o| (s, o))) {
                None => example.clone(),
                Some((s, o)) => {
                    let own = option_example(lang, o);
                    let name = option_name(lang, s, o);
                    if own != o.example {
                        typed(&name, &own)
                    } else {
                        // The value as the parser wrote it, quotes and all.
                        let value = example.split_once(':').map_or(example.as_str(), |(_, v)| v);
                        format!("{name}:{value}")
                    }
                }
            };
            t!(
                lang,
                "request-missing-option",
                command = command_in(lang, command),
                option = option_in(lang, command, option),
                example = example
            )
        }
        RequestError::UnknownOption {
            command,
            option,
            allowed,
        } => t!(
            lang,
            "request-unknown-option",
            command = command_in(lang, command),
            option = style.text(option),
            allowed = if allowed.is_empty() {
                t!(lang, "request-no-options")
            } else {
                allowed
                    .iter()
                    .map(|a| {
                        let name = a.trim_matches(['[', ']', ':']);
                        a.replace(name, &option_in(lang, command, name))
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            }
        ),
        RequestError::Unread { command, option } => t!(
            lang,
            "request-unread",
            command = command_in(lang, command),
            option = option.as_str()
        ),
        RequestError::Invalid(e) => user_error(e, style, lang),
    }
}

/// The subcommand an error names by its table path ("rally create").
fn sub_of(command: &str) -> Option<&'static Sub> {
    let path: Vec<String> = command.split(' ').map(String::from).collect();
    table::sub(&path)
}

fn command_in(lang: Lang, command: &str) -> String {
    sub_of(command).map_or_else(|| command.to_string(), |s| path_in(lang, s))
}

fn option_in(lang: Lang, command: &str, option: &str) -> String {
    sub_of(command)
        .and_then(|s| s.option(option).map(|o| option_name(lang, s, o)))
        .unwrap_or_else(|| option.to_string())
}
