//! What a command table entry is made of: commands, their subcommands and options, each
//! declared once, with its limits.
pub use crate::domain::Complete;

/// A top-level slash command.
#[derive(Debug)]
pub struct Command {
    pub name: &'static str,
    pub description: &'static str,
    /// Shown only to members with Manage Events by default, and never in direct messages.
    pub moderators: bool,
}

/// A subcommand group, e.g. `/rallymod campaign`.
#[derive(Debug)]
pub struct Group {
    /// The command and the group's name.
    pub path: [&'static str; 2],
    pub description: &'static str,
}

/// A subcommand: what people actually run.
#[derive(Debug)]
pub struct Sub {
    /// The command, the group if any, and the subcommand: `["rally", "create"]`.
    pub path: &'static [&'static str],
    pub description: &'static str,
    pub options: &'static [Opt],
}

impl Sub {
    /// "rally create".
    pub fn name(&self) -> String {
        self.path.join(" ")
    }

    pub fn option(&self, name: &str) -> Option<&'static Opt> {
        self.options.iter().find(|o| o.name == name)
    }
}

/// What an option holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// Text, at most `max_len` characters when given (Discord checks it as people type; the
    /// service checks it again with its own message).
    Text {
        max_len: Option<usize>,
    },
    /// A whole number from `min` to `max`.
    Integer {
        min: i64,
        max: i64,
    },
    /// A number from `min` to `max`.
    Number {
        min: f64,
        max: f64,
    },
    Boolean,
    /// A text or announcement channel of the server.
    Channel,
    Role,
    /// A member of the server (Discord sends the id; the console takes an id or mention).
    User,
}

/// One option of a subcommand.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Opt {
    pub name: &'static str,
    pub description: &'static str,
    pub kind: Kind,
    pub required: bool,
    /// A value people could type, for help and for the message when it is missing.
    pub example: &'static str,
    /// (label, value) pairs Discord offers; the parser also reads the usual synonyms.
    pub choices: &'static [(&'static str, &'static str)],
    pub complete: Option<Complete>,
}

impl Opt {
    pub const fn text(name: &'static str, description: &'static str, example: &'static str) -> Opt {
        Opt {
            name,
            description,
            kind: Kind::Text { max_len: None },
            required: false,
            example,
            choices: &[],
            complete: None,
        }
    }

    pub const fn of(self, kind: Kind) -> Opt {
        Opt { kind, ..self }
    }

    pub const fn required(self) -> Opt {
        Opt {
            required: true,
            ..self
        }
    }

    pub const fn optional(self) -> Opt {
        Opt {
            required: false,
            ..self
        }
    }

    pub const fn max_len(self, max: usize) -> Opt {
        Opt {
            kind: Kind::Text { max_len: Some(max) },
            ..self
        }
    }

    pub const fn choices(self, choices: &'static [(&'static str, &'static str)]) -> Opt {
        Opt { choices, ..self }
    }

    pub const fn complete(self, complete: Complete) -> Opt {
        Opt {
            complete: Some(complete),
            ..self
        }
    }

    pub const fn described(self, description: &'static str) -> Opt {
        Opt {
            description,
            ..self
        }
    }

    /// `name:value`, quoted when the value has spaces, as the console takes it.
    pub fn typed_example(&self) -> String {
        typed(self.name, self.example)
    }
}

/// An option as it is typed, `name:value`, the value quoted where it has spaces.
pub fn typed(name: &str, value: &str) -> String {
    if value.contains(' ') {
        format!("{name}:\"{value}\"")
    } else {
        format!("{name}:{value}")
    }
}
