//! Who is asking.

/// Who is asking, as told by the front end. `is_moderator` is derived from Discord permissions by
/// the adapter; the service still checks it against each action and the rally's server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actor {
    pub user_id: i64,
    pub server_id: i64,
    pub is_moderator: bool,
}
