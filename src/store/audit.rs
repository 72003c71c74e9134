//! The audit log: who did what to which rally, and when.
use chrono::{DateTime, Utc};
use sqlx::Row;

use super::{from_unix, to_unix, Store};
use crate::domain::AuditEntry;
use crate::error::Result;

impl Store {
    #[allow(clippy::too_many_arguments)]
    pub async fn record_audit(
        &self,
        server_id: i64,
        rally_id: Option<i64>,
        actor_id: i64,
        action: &str,
        before: &str,
        after: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO audit_log (server_id, rally_id, actor_id, action, before, after, at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )
        .bind(server_id)
        .bind(rally_id)
        .bind(actor_id)
        .bind(action)
        .bind(before)
        .bind(after)
        .bind(to_unix(now))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The server's entries (of one rally, or all), newest first.
    pub async fn audit_entries(
        &self,
        server_id: i64,
        rally_id: Option<i64>,
        limit: i64,
    ) -> Result<Vec<AuditEntry>> {
        let rows = sqlx::query(
            "SELECT id, rally_id, actor_id, action, before, after, at FROM audit_log
             WHERE server_id = ?1 AND (?2 IS NULL OR rally_id = ?2)
             ORDER BY id DESC LIMIT ?3",
        )
        .bind(server_id)
        .bind(rally_id)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(AuditEntry {
                    id: r.try_get("id")?,
                    rally_id: r.try_get("rally_id")?,
                    actor_id: r.try_get("actor_id")?,
                    action: r.try_get("action")?,
                    before: r.try_get("before")?,
                    after: r.try_get("after")?,
                    at: from_unix(r.try_get("at")?)?,
                })
            })
            .collect()
    }
}
