//! The audit log: every moderator action and every organiser edit, with who, what, when, and
//! the rally before and after, for `/rallymod log`.
use super::permissions::require_moderator;
use super::Service;
use crate::domain::Actor;
use crate::domain::AuditEntry;
use crate::error::Result;

/// How many entries `/rallymod log` reads; older ones stay stored.
pub const LOG_MAX: i64 = 500;

impl Service {
    /// Records one action; `before`/`after` as people read them (empty when not applicable).
    pub(crate) async fn audit(
        &self,
        actor: &Actor,
        rally_id: Option<i64>,
        action: &str,
        before: &str,
        after: &str,
    ) -> Result<()> {
        self.store
            .record_audit(
                actor.server_id,
                rally_id,
                actor.user_id,
                action,
                before,
                after,
                self.now(),
            )
            .await
    }

    /// The server's audit log, or one rally's, newest first. Moderators only; a rally of another
    /// server shows nothing, like one that does not exist.
    pub async fn audit_log(&self, actor: &Actor, rally: Option<i64>) -> Result<Vec<AuditEntry>> {
        require_moderator(actor, crate::domain::Action::SeeAuditLog)?;
        if let Some(id) = rally {
            self.visible_rally(actor, id).await?;
        }
        self.store
            .audit_entries(actor.server_id, rally, LOG_MAX)
            .await
    }
}
