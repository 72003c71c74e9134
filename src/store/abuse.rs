//! Queries behind the abuse limits: recent creations, duplicates and clashes.
use chrono::{DateTime, Utc};

use super::{to_unix, Store};
use crate::error::Result;
use crate::service::model::Rally;

impl Store {
    /// Rallies `organiser_id` created in the server after `since`, whatever became of them.
    pub async fn rallies_created_since(
        &self,
        server_id: i64,
        organiser_id: i64,
        since: DateTime<Utc>,
    ) -> Result<i64> {
        Ok(sqlx::query_scalar(
            "SELECT COUNT(*) FROM rallies
             WHERE server_id = ?1 AND organiser_id = ?2 AND created_at > ?3",
        )
        .bind(server_id)
        .bind(organiser_id)
        .bind(to_unix(since))
        .fetch_one(&self.pool)
        .await?)
    }

    /// Pending or approved rallies of the server starting between `from` and `to`.
    pub async fn live_rallies_starting_between(
        &self,
        server_id: i64,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        approved_only: bool,
    ) -> Result<Vec<Rally>> {
        let ids: Vec<i64> = sqlx::query_scalar(
            "SELECT id FROM rallies
             WHERE server_id = ?1 AND starts_at BETWEEN ?2 AND ?3
               AND (status = 'approved' OR (?4 = 0 AND status = 'pending'))
             ORDER BY starts_at, id LIMIT 200",
        )
        .bind(server_id)
        .bind(to_unix(from))
        .bind(to_unix(to))
        .bind(approved_only)
        .fetch_all(&self.pool)
        .await?;
        self.rallies_by_ids(&ids).await
    }
}
