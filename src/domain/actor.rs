//! Who is asking.

/// Who is asking, as told by the front end. `is_moderator` is derived from Discord permissions by
/// the adapter; the service still checks it against each action and the rally's server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actor {
    pub user_id: i64,
    pub server_id: i64,
    pub is_moderator: bool,
}

/// Where a request came from: the server and channel, where the front end has them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    /// None in a direct message, or in the console before it picks a server.
    pub server_id: Option<i64>,
    pub channel_id: Option<i64>,
    /// What the server is called, where the front end knows it: coalition members are shown
    /// by name.
    pub server_name: Option<String>,
}

/// Who is asking, as the front end describes them; the service decides what that lets them do.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Caller {
    pub user_id: i64,
    pub origin: Origin,
    /// Manage Events (or Administrator) as Discord computed it for this member in this channel.
    pub manage_events: bool,
    pub role_ids: Vec<i64>,
    /// The language of the person's client, as the front end knows it.
    pub lang: crate::i18n::Lang,
    /// The server's language as Discord gives it with the interaction, where it does.
    pub server_lang: Option<crate::i18n::Lang>,
}
