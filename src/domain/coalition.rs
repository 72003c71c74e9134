//! A coalition: servers sharing campaigns, owned by the server that created it.
use chrono::{DateTime, Utc};

#[derive(Debug, Clone, PartialEq)]
pub struct Coalition {
    pub id: i64,
    pub owner_server_id: i64,
    pub name: String,
    pub created_at: DateTime<Utc>,
}

/// A server in a coalition, as it was called when it last acted there.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub server_id: i64,
    pub server_name: String,
    pub joined_at: DateTime<Utc>,
}
