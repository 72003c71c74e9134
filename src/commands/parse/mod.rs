//! What someone typed, as a command path and options by name (every value as text), becomes a
//! typed `Request`. Both front ends reduce their input to an `Invocation` and call `parse`, so
//! they accept exactly the commands and options the table declares, checked the same way.
mod moderation;
mod rally;
pub mod values;

use std::collections::BTreeMap;

use crate::i18n::Lang;

use super::spec::{Kind, Opt, Sub};
use super::table;
use super::translations;
use crate::domain::Expected;
use crate::error::UserError;
use crate::service::request::Request;

/// A command as typed: its path ("rally", "create") and its options by name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Invocation {
    pub path: Vec<String>,
    pub options: BTreeMap<String, String>,
    /// The language the values were typed in: times and leads are read in it.
    pub lang: Lang,
}

impl Invocation {
    pub fn new(path: &[&str], options: &[(&str, &str)]) -> Self {
        Invocation {
            path: path.iter().map(|s| s.to_string()).collect(),
            options: options
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            lang: Lang::En,
        }
    }

    /// The same, typed in `lang`.
    pub fn typed_in(self, lang: Lang) -> Self {
        Invocation { lang, ..self }
    }

    /// Takes an option's value; what is left untaken after building a request is a bug that
    /// `parse` reports.
    pub(super) fn take(&mut self, name: &str) -> Option<String> {
        self.options.remove(name)
    }
}

/// A command that does not fit the table. Worded by `crate::text::request_error`; `Display`
/// is its English, for logs.
#[derive(Debug, Clone, PartialEq)]
pub enum RequestError {
    UnknownCommand(String),
    MissingOption {
        command: String,
        option: &'static str,
        example: String,
    },
    UnknownOption {
        command: String,
        option: String,
        /// The command's options as they are typed, "[name:]" for optional ones; empty when
        /// it has none.
        allowed: Vec<String>,
    },
    /// The table declares an option that the request builder never read.
    Unread {
        command: String,
        option: String,
    },
    Invalid(UserError),
}

impl From<UserError> for RequestError {
    fn from(e: UserError) -> Self {
        RequestError::Invalid(e)
    }
}

impl std::fmt::Display for RequestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::text::request_error(
            self,
            &crate::text::Plain,
            Lang::En,
        ))
    }
}

impl std::error::Error for RequestError {}

/// Checks the options against the command's table entry and builds the typed request.
pub fn parse(inv: Invocation) -> Result<Request, RequestError> {
    let mut inv = in_table_names(inv);
    let command = inv.path.join(" ");
    let sub = table::sub(&inv.path).ok_or_else(|| RequestError::UnknownCommand(command.clone()))?;
    check_options(sub, &inv)?;
    let request = match sub.path[0] {
        "rally" => rally::build(sub, &mut inv)?,
        _ => moderation::build(sub, &mut inv)?,
    };
    if let Some(option) = inv.options.keys().next() {
        return Err(RequestError::Unread {
            command,
            option: option.clone(),
        });
    }
    Ok(request)
}

/// The invocation with the command and option names the table declares, where it was typed
/// with their names in its language (the console; Discord sends the table's names). A name
/// that leads nowhere is left as typed, for the checks to refuse.
fn in_table_names(inv: Invocation) -> Invocation {
    let Some(sub) = translations::canonical_path(inv.lang, &inv.path) else {
        return inv;
    };
    let options = inv
        .options
        .into_iter()
        .map(|(name, value)| {
            let own = translations::canonical_option(inv.lang, sub, &name);
            (own.map_or(name, String::from), value)
        })
        .collect();
    Invocation {
        path: sub.path.iter().map(|w| w.to_string()).collect(),
        options,
        lang: inv.lang,
    }
}

/// Every option is one the command has, every required one is given, and every value is of
/// its kind and within its range.
fn check_options(sub: &Sub, inv: &Invocation) -> Result<(), RequestError> {
    let command = sub.name();
    for name in inv.options.keys() {
        if sub.option(name).is_none() {
            let allowed: Vec<String> = sub
                .options
                .iter()
                .map(|o| {
                    if o.required {
                        format!("{}:", o.name)
                    } else {
                        format!("[{}:]", o.name)
                    }
                })
                .collect();
            return Err(RequestError::UnknownOption {
                command,
                option: name.clone(),
                allowed,
            });
        }
    }
    for opt in sub.options {
        let value = inv.options.get(opt.name).map(|v| v.trim());
        match value {
            None | Some("") if opt.required => {
                return Err(RequestError::MissingOption {
                    command,
                    option: opt.name,
                    example: opt.typed_example(),
                })
            }
            Some(value) if !value.is_empty() => check_kind(opt, value)?,
            _ => {}
        }
    }
    Ok(())
}

fn check_kind(opt: &Opt, value: &str) -> Result<(), UserError> {
    let bad = |expected| UserError::BadOption {
        option: opt.name,
        input: value.to_string(),
        expected,
    };
    match opt.kind {
        Kind::Integer { min, max } => match value.parse::<i64>() {
            Ok(n) if (min..=max).contains(&n) => Ok(()),
            _ => Err(bad(Expected::WholeNumberIn {
                min,
                max,
                example: opt.example,
            })),
        },
        // The range of a distance is checked by the service, which names its unit.
        Kind::Number { .. } => match value.parse::<f64>() {
            Ok(n) if n.is_finite() => Ok(()),
            _ => Err(bad(Expected::Number {
                example: opt.example,
            })),
        },
        Kind::Boolean => values::boolean(opt.name, value).map(|_| ()),
        Kind::Channel if value.eq_ignore_ascii_case("none") => Ok(()),
        Kind::Channel => values::channel(opt.name, value).map(|_| ()),
        Kind::Role => values::role(opt.name, value).map(|_| ()),
        Kind::User => values::user(opt.name, value).map(|_| ()),
        Kind::Text { .. } => Ok(()),
    }
}

#[cfg(test)]
mod tests;
