//! The spatial index: approved rallies by position, time and server, all exact integers (see
//! the rally_positions migrations). SQLite ranks a box's rows by distance on the R*Tree's own
//! values (`rally_km`, see distance.rs), reads the rows of the nearest few only, and measures
//! those exactly; only they cross over to Rust.
use chrono::{DateTime, Utc};
use sqlx::Row;

use super::{from_unix, to_unix, Store};
use crate::error::Result;
use crate::service::geo::GeoBox;

/// A rally a nearby search found, before its whole row is read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Position {
    pub id: i64,
    pub starts_at: DateTime<Utc>,
    /// From the search's origin, in km.
    pub km: f64,
}

/// How far the index's distance (from coordinates rounded to microdegrees, ~0.1 m) may be from
/// the exact one, with room to spare.
const INDEX_KM_ERROR: f64 = 0.001;

/// Candidates by the index's distance, then each one's exact distance and whether its row
/// really is an approved rally of the server in the time window.
pub const NEAREST_SQL: &str = "WITH candidates AS (
        SELECT id, rally_km(?1, ?2, min_lat / 1e6, min_lon / 1e6) AS approx
        FROM rally_positions
        WHERE max_lat >= ?3 AND min_lat <= ?4 AND max_lon >= ?5 AND min_lon <= ?6
          AND max_minute >= ?7 AND min_minute <= ?8
          AND min_server = (SELECT number FROM server_numbers WHERE server_id = ?9)
          AND approx <= ?10
        ORDER BY approx LIMIT ?11)
     SELECT c.id, c.approx, r.starts_at, rally_km(?1, ?2, r.latitude, r.longitude) AS km,
         r.server_id = ?9 AND r.status = 'approved'
             AND COALESCE(r.ends_at, r.starts_at) >= ?12 AND r.starts_at <= ?13 AS valid
     FROM candidates c CROSS JOIN rallies r ON r.id = c.id";

/// One row of `NEAREST_SQL`.
struct Candidate {
    position: Position,
    /// The index's distance, which ordered the candidates.
    approx_km: f64,
    valid: bool,
}

impl Store {
    /// The `want` approved rallies of a server nearest to (`lat`, `lon`) within `km` and
    /// inside the boxes, that have not ended by `from` and start no later than `until`:
    /// nearest first, then soonest, then by id; exact distances.
    #[allow(clippy::too_many_arguments)]
    pub async fn nearest_in(
        &self,
        server_id: i64,
        origin: (f64, f64),
        km: f64,
        boxes: &[GeoBox],
        from: DateTime<Utc>,
        until: DateTime<Utc>,
        want: usize,
    ) -> Result<Vec<Position>> {
        let mut out = Vec::new();
        for b in boxes {
            let mut take = want + 4;
            loop {
                let found = self
                    .candidates(server_id, origin, km, b, (from, until), take)
                    .await?;
                let complete = found.len() < take;
                let last_approx = found.iter().map(|c| c.approx_km).fold(0.0, f64::max);
                let mut valid: Vec<Position> = found
                    .into_iter()
                    .filter(|c| c.valid && c.position.km <= km)
                    .map(|c| c.position)
                    .collect();
                sort(&mut valid);
                if complete {
                    out.extend(valid);
                    break;
                }
                // A rally left out is at least this far: what lies nearer is certain.
                let bound = last_approx - INDEX_KM_ERROR;
                let certain = valid.iter().take_while(|p| p.km < bound).count();
                if certain >= want {
                    valid.truncate(certain);
                    out.extend(valid);
                    break;
                }
                take *= 4;
            }
        }
        sort(&mut out);
        out.truncate(want);
        Ok(out)
    }

    async fn candidates(
        &self,
        server_id: i64,
        (lat, lon): (f64, f64),
        km: f64,
        b: &GeoBox,
        (from, until): (DateTime<Utc>, DateTime<Utc>),
        take: usize,
    ) -> Result<Vec<Candidate>> {
        let micro_floor = |deg: f64| (deg * 1e6).floor() as i64;
        let micro_ceil = |deg: f64| (deg * 1e6).ceil() as i64;
        let rows = sqlx::query(NEAREST_SQL)
            .bind(lat)
            .bind(lon)
            .bind(micro_floor(b.min_lat))
            .bind(micro_ceil(b.max_lat))
            .bind(micro_floor(b.min_lon))
            .bind(micro_ceil(b.max_lon))
            .bind(to_unix(from).div_euclid(60))
            .bind(to_unix(until).div_euclid(60))
            .bind(server_id)
            .bind(km + INDEX_KM_ERROR)
            .bind(i64::try_from(take).unwrap_or(i64::MAX))
            .bind(to_unix(from))
            .bind(to_unix(until))
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|row| {
                Ok(Candidate {
                    position: Position {
                        id: row.try_get(0)?,
                        starts_at: from_unix(row.try_get(2)?)?,
                        km: row.try_get(3)?,
                    },
                    approx_km: row.try_get(1)?,
                    valid: row.try_get(4)?,
                })
            })
            .collect()
    }
}

fn sort(found: &mut [Position]) {
    found.sort_by(|a, b| {
        a.km.total_cmp(&b.km)
            .then(a.starts_at.cmp(&b.starts_at))
            .then(a.id.cmp(&b.id))
    });
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};

    use super::*;
    use crate::service::geo::boxes_around;
    use crate::service::model::{RallyFields, RallyStatus};

    fn at(lat: f64, lon: f64, starts_at: DateTime<Utc>, ends_at: DateTime<Utc>) -> RallyFields {
        RallyFields {
            title: "t".into(),
            details: String::new(),
            place_name: "p".into(),
            address: String::new(),
            latitude: lat,
            longitude: lon,
            time_zone: chrono_tz::America::Chicago,
            starts_at,
            ends_at: Some(ends_at),
        }
    }

    /// Rallies that ended seconds ago share the index's minute with `now`: they are candidates
    /// the exact check drops, and the search looks further until what it returns is certain.
    #[tokio::test]
    async fn rallies_the_index_cannot_rule_out_are_checked_and_skipped() {
        let store = Store::open_in_memory().await.unwrap();
        let now = Utc.with_ymd_and_hms(2026, 12, 1, 12, 0, 45).unwrap();
        let server = 1_234_567_890_123_456_789;
        store.ensure_server(server, now).await.unwrap();
        let insert = |fields: RallyFields| {
            let store = &store;
            async move {
                store
                    .insert_rally(server, 1, None, &fields, RallyStatus::Approved, now)
                    .await
                    .unwrap()
                    .id
            }
        };
        let just_ended = now - Duration::seconds(30);
        for _ in 0..12 {
            insert(at(30.0, -97.0, just_ended - Duration::hours(1), just_ended)).await;
        }
        let later = now + Duration::days(1);
        let near = insert(at(30.01, -97.0, later, later + Duration::hours(1))).await;
        let far = insert(at(30.05, -97.0, later, later + Duration::hours(1))).await;
        let _farther = insert(at(30.2, -97.0, later, later + Duration::hours(1))).await;
        let found = store
            .nearest_in(
                server,
                (30.0, -97.0),
                50.0,
                &boxes_around(30.0, -97.0, 50.0),
                now,
                now + Duration::days(30),
                2,
            )
            .await
            .unwrap();
        let ids: Vec<i64> = found.iter().map(|p| p.id).collect();
        assert_eq!(ids, vec![near, far]);
        assert!((found[0].km - 1.11).abs() < 0.01, "{found:?}");
        let others = store
            .nearest_in(
                server + 1,
                (30.0, -97.0),
                50.0,
                &boxes_around(30.0, -97.0, 50.0),
                now,
                now + Duration::days(30),
                2,
            )
            .await
            .unwrap();
        assert!(others.is_empty(), "another server's rallies: {others:?}");
    }
}
