//! Queries behind the abuse limits: recent creations, duplicates and clashes.
use chrono::{DateTime, Utc};

use super::{to_unix, Store};
use crate::domain::Rally;
use crate::error::Result;

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

    /// Live (pending or approved) rallies of the server at exactly `place_name` starting
    /// between `from` and `to`: the candidates for a duplicate.
    pub async fn live_rallies_at_place(
        &self,
        server_id: i64,
        place_name: &str,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<Rally>> {
        let ids: Vec<i64> = sqlx::query_scalar(
            "SELECT id FROM rallies
             WHERE server_id = ?1 AND starts_at BETWEEN ?2 AND ?3 AND place_name = ?4
               AND status IN ('pending', 'approved')
             ORDER BY starts_at, id",
        )
        .bind(server_id)
        .bind(to_unix(from))
        .bind(to_unix(to))
        .bind(place_name)
        .fetch_all(&self.pool)
        .await?;
        self.rallies_by_ids(&ids).await
    }

    /// Approved rallies of the server starting between `from` and `to` inside a box of
    /// latitude and longitude (the caller then measures the real distance).
    pub async fn approved_rallies_in_box(
        &self,
        server_id: i64,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        (min_lat, max_lat): (f64, f64),
        (min_lon, max_lon): (f64, f64),
    ) -> Result<Vec<Rally>> {
        let ids: Vec<i64> = sqlx::query_scalar(
            "SELECT id FROM rallies
             WHERE server_id = ?1 AND status = 'approved' AND starts_at BETWEEN ?2 AND ?3
               AND latitude BETWEEN ?4 AND ?5 AND longitude BETWEEN ?6 AND ?7
             ORDER BY starts_at, id",
        )
        .bind(server_id)
        .bind(to_unix(from))
        .bind(to_unix(to))
        .bind(min_lat)
        .bind(max_lat)
        .bind(min_lon)
        .bind(max_lon)
        .fetch_all(&self.pool)
        .await?;
        self.rallies_by_ids(&ids).await
    }
}
