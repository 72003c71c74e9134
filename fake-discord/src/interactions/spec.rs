//! What a test asks the fake to send as INTERACTION_CREATE.

/// The value of a command option. Ids are resolved into `data.resolved` as Discord does.
#[derive(Clone, Debug, PartialEq)]
pub enum OptionValue {
    String(String),
    Integer(i64),
    Number(f64),
    Boolean(bool),
    User(u64),
    Channel(u64),
    Role(u64),
    Mentionable(u64),
}

impl OptionValue {
    /// Discord's application command option type.
    pub fn type_code(&self) -> u8 {
        match self {
            Self::String(_) => 3,
            Self::Integer(_) => 4,
            Self::Boolean(_) => 5,
            Self::User(_) => 6,
            Self::Channel(_) => 7,
            Self::Role(_) => 8,
            Self::Mentionable(_) => 9,
            Self::Number(_) => 10,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum SpecKind {
    /// Type 2, a chat input command.
    Command { name: String },
    /// Type 4; the focused option is among the options.
    Autocomplete { name: String },
    /// Type 3; `component_type` 2 button, 3 string select, 5..8 other selects.
    Component {
        custom_id: String,
        component_type: u8,
        values: Vec<String>,
    },
    /// Type 5 with text inputs (custom_id, value).
    Modal {
        custom_id: String,
        fields: Vec<(String, String)>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct OptionSpec {
    pub name: String,
    pub value: OptionValue,
    pub type_code: u8,
    pub focused: bool,
}

/// An interaction to dispatch: build with a constructor, refine with the chained methods,
/// then pass to [`crate::FakeDiscord::dispatch_interaction`].
///
/// Unless told otherwise it happens in the first guild's first text channel, by the first
/// member who is neither the bot nor the owner (or the owner, if alone).
#[derive(Clone, Debug, PartialEq)]
pub struct InteractionSpec {
    pub(crate) kind: SpecKind,
    pub(crate) group: Option<String>,
    pub(crate) subcommand: Option<String>,
    pub(crate) options: Vec<OptionSpec>,
    pub(crate) guild_id: Option<u64>,
    pub(crate) channel_id: Option<u64>,
    pub(crate) user_id: Option<u64>,
    pub(crate) dm: bool,
    pub(crate) message_id: Option<u64>,
    pub(crate) locale: Option<String>,
}

impl InteractionSpec {
    fn new(kind: SpecKind) -> Self {
        Self {
            kind,
            group: None,
            subcommand: None,
            options: Vec::new(),
            guild_id: None,
            channel_id: None,
            user_id: None,
            dm: false,
            message_id: None,
            locale: None,
        }
    }

    /// A slash (chat input) command.
    pub fn command(name: impl Into<String>) -> Self {
        Self::new(SpecKind::Command { name: name.into() })
    }

    /// An autocomplete request; add the option being typed with [`Self::focused`].
    pub fn autocomplete(name: impl Into<String>) -> Self {
        Self::new(SpecKind::Autocomplete { name: name.into() })
    }

    /// A button click. Without [`Self::on_message`] the fake makes up a bot message holding
    /// the button.
    pub fn button(custom_id: impl Into<String>) -> Self {
        Self::new(SpecKind::Component {
            custom_id: custom_id.into(),
            component_type: 2,
            values: Vec::new(),
        })
    }

    /// A string select menu choice.
    pub fn select(
        custom_id: impl Into<String>,
        values: impl IntoIterator<Item = impl Into<String>>,
    ) -> Self {
        Self::new(SpecKind::Component {
            custom_id: custom_id.into(),
            component_type: 3,
            values: values.into_iter().map(Into::into).collect(),
        })
    }

    /// A modal submission; add text inputs with [`Self::field`].
    pub fn modal(custom_id: impl Into<String>) -> Self {
        Self::new(SpecKind::Modal {
            custom_id: custom_id.into(),
            fields: Vec::new(),
        })
    }

    pub fn subcommand_group(mut self, name: impl Into<String>) -> Self {
        self.group = Some(name.into());
        self
    }

    pub fn subcommand(mut self, name: impl Into<String>) -> Self {
        self.subcommand = Some(name.into());
        self
    }

    /// An option of the innermost subcommand (or of the command itself).
    pub fn option(mut self, name: impl Into<String>, value: OptionValue) -> Self {
        self.options.push(OptionSpec {
            name: name.into(),
            type_code: value.type_code(),
            value,
            focused: false,
        });
        self
    }

    pub fn string(self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.option(name, OptionValue::String(value.into()))
    }

    pub fn integer(self, name: impl Into<String>, value: i64) -> Self {
        self.option(name, OptionValue::Integer(value))
    }

    pub fn boolean(self, name: impl Into<String>, value: bool) -> Self {
        self.option(name, OptionValue::Boolean(value))
    }

    /// The option being typed in an autocomplete: its `value` is the partial text, always a
    /// JSON string; `type_code` is the option's declared type (3 string, 4 integer, ...).
    pub fn focused(
        mut self,
        name: impl Into<String>,
        partial: impl Into<String>,
        type_code: u8,
    ) -> Self {
        self.options.push(OptionSpec {
            name: name.into(),
            value: OptionValue::String(partial.into()),
            type_code,
            focused: true,
        });
        self
    }

    /// A text input of a modal.
    pub fn field(mut self, custom_id: impl Into<String>, value: impl Into<String>) -> Self {
        if let SpecKind::Modal { fields, .. } = &mut self.kind {
            fields.push((custom_id.into(), value.into()));
        }
        self
    }

    /// The message a component is on; the interaction then happens in its channel.
    pub fn on_message(mut self, message_id: u64) -> Self {
        self.message_id = Some(message_id);
        self
    }

    pub fn in_guild(mut self, guild_id: u64) -> Self {
        self.guild_id = Some(guild_id);
        self
    }

    /// A guild channel (its guild follows) or a DM channel id.
    pub fn in_channel(mut self, channel_id: u64) -> Self {
        self.channel_id = Some(channel_id);
        self
    }

    /// In the bot's DM with the user (opened if needed).
    pub fn in_dm(mut self) -> Self {
        self.dm = true;
        self
    }

    pub fn by(mut self, user_id: u64) -> Self {
        self.user_id = Some(user_id);
        self
    }

    pub fn locale(mut self, locale: impl Into<String>) -> Self {
        self.locale = Some(locale.into());
        self
    }
}
