//! What the public pages read: a server by its slug, the number that moves with every change
//! to what its pages show, and rallies with their counts and calendar sequence.
use chrono::{DateTime, Duration, Utc};
use sqlx::Row;

use super::rallies::rally_columns;
use super::to_unix;
use super::views::{view_columns, view_from_row};
use super::Store;
use crate::domain::RallyView;
use crate::error::Result;

/// Which rallies a feed holds.
#[derive(Debug, Clone, Copy)]
pub struct FeedScope {
    pub server_id: i64,
    pub campaign_id: Option<i64>,
    pub now: DateTime<Utc>,
    /// Approved rallies that ended up to this long ago stay, so a calendar keeps the past.
    pub keep_past: Duration,
    /// A rally with no end is taken to last this long, as calendars need an end.
    pub assumed_length: Duration,
    pub limit: i64,
}

impl Store {
    /// The server whose pages are on under this slug, and its pages' version: one read for
    /// every request, however the page is then answered.
    pub async fn public_server(&self, slug: &str) -> Result<Option<(i64, i64)>> {
        let row = sqlx::query(
            "SELECT s.id, COALESCE(v.version, 0) AS version FROM servers s
             LEFT JOIN public_versions v ON v.server_id = s.id
             WHERE s.public_slug = ?1 AND s.public_page = 1",
        )
        .bind(slug)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| Ok((r.try_get("id")?, r.try_get("version")?)))
            .transpose()
    }

    /// The server's name as its pages show it (empty when never told).
    pub async fn public_name(&self, server_id: i64) -> Result<String> {
        let name: Option<String> =
            sqlx::query_scalar("SELECT public_name FROM servers WHERE id = ?1")
                .bind(server_id)
                .fetch_optional(&self.pool)
                .await?;
        Ok(name.unwrap_or_default())
    }

    pub async fn set_public_name(&self, server_id: i64, name: &str) -> Result<()> {
        sqlx::query("UPDATE servers SET public_name = ?2 WHERE id = ?1")
            .bind(server_id)
            .bind(name)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Rallies for a public calendar, soonest first, with their counts and sequence: the
    /// approved ones not ended more than `keep_past` ago, and the cancelled ones until they
    /// would have ended.
    pub async fn feed_rallies(&self, scope: &FeedScope) -> Result<Vec<(RallyView, i64)>> {
        let sql = concat!(
            "SELECT ",
            view_columns!("0"),
            ", r.sequence FROM rallies r
             WHERE r.server_id = ?1 AND (?2 IS NULL OR r.campaign_id = ?2)
               AND ((r.status = 'approved' AND COALESCE(r.ends_at, r.starts_at + ?5) >= ?3)
                 OR (r.status = 'cancelled' AND COALESCE(r.ends_at, r.starts_at + ?5) >= ?4))
             ORDER BY r.starts_at, r.id LIMIT ?6"
        );
        let rows = sqlx::query(sql)
            .bind(scope.server_id)
            .bind(scope.campaign_id)
            .bind(to_unix(scope.now - scope.keep_past))
            .bind(to_unix(scope.now))
            .bind(scope.assumed_length.num_seconds())
            .bind(scope.limit)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|row| Ok((view_from_row(row)?, row.try_get("sequence")?)))
            .collect()
    }

    /// One rally's calendar sequence.
    pub async fn rally_sequence(&self, rally_id: i64) -> Result<i64> {
        let s: Option<i64> = sqlx::query_scalar("SELECT sequence FROM rallies WHERE id = ?1")
            .bind(rally_id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(s.unwrap_or(0))
    }
}
