//! The spatial index: approved rallies by position and time (see the rally_positions migration).
use chrono::{DateTime, Utc};
use sqlx::Row;

use super::{from_unix, to_unix, Store};
use crate::error::Result;
use crate::service::geo::GeoBox;

/// What a nearby search needs to rank a rally before reading its whole row.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Position {
    pub id: i64,
    pub latitude: f64,
    pub longitude: f64,
    pub starts_at: DateTime<Utc>,
}

impl Store {
    /// Approved rallies of a server inside the boxes that have not ended by `from` and start no
    /// later than `until`.
    pub async fn positions_in(
        &self,
        server_id: i64,
        boxes: &[GeoBox],
        from: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<Vec<Position>> {
        let mut out = Vec::new();
        for b in boxes {
            // Only the R*Tree: its auxiliary columns hold the exact values, so no row of
            // `rallies` is read per candidate. Its day bounds are rounded outward; the exact
            // times are checked on the auxiliary columns.
            let rows = sqlx::query(
                "SELECT id, latitude, longitude, starts_at FROM rally_positions
                 WHERE max_lat >= ?1 AND min_lat <= ?2
                   AND max_lon >= ?3 AND min_lon <= ?4
                   AND max_day >= ?5 / 86400.0 AND min_day <= ?6 / 86400.0
                   AND server_id = ?7 AND last_at >= ?5 AND starts_at <= ?6",
            )
            .bind(b.min_lat)
            .bind(b.max_lat)
            .bind(b.min_lon)
            .bind(b.max_lon)
            .bind(to_unix(from))
            .bind(to_unix(until))
            .bind(server_id)
            .fetch_all(&self.pool)
            .await?;
            for row in rows {
                out.push(Position {
                    id: row.try_get(0)?,
                    latitude: row.try_get(1)?,
                    longitude: row.try_get(2)?,
                    starts_at: from_unix(row.try_get(3)?)?,
                });
            }
        }
        Ok(out)
    }
}
