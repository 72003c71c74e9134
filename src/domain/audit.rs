//! One entry of a server's audit log.
use chrono::{DateTime, Utc};

#[derive(Debug, Clone, PartialEq)]
pub struct AuditEntry {
    pub id: i64,
    pub rally_id: Option<i64>,
    pub actor_id: i64,
    /// "create", "edit", "cancel", "approve", "reject", "announce", "settings".
    pub action: String,
    pub before: String,
    pub after: String,
    pub at: DateTime<Utc>,
}
