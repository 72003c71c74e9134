//! A command that does not fit the command table, in the asker's language; both front ends
//! say it with these words. Commands and options are named as the caller passes them.
use super::{user_error, Style};
use crate::commands::parse::RequestError;
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
        } => t!(
            lang,
            "request-missing-option",
            command = command.as_str(),
            option = *option,
            example = example.as_str()
        ),
        RequestError::UnknownOption {
            command,
            option,
            allowed,
        } => t!(
            lang,
            "request-unknown-option",
            command = command.as_str(),
            option = style.text(option),
            allowed = if allowed.is_empty() {
                t!(lang, "request-no-options")
            } else {
                allowed.join(" ")
            }
        ),
        RequestError::Unread { command, option } => t!(
            lang,
            "request-unread",
            command = command.as_str(),
            option = option.as_str()
        ),
        RequestError::Invalid(e) => user_error(e, style, lang),
    }
}
