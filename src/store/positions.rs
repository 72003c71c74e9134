//! The spatial index: approved rallies by position, time and server, all exact integers (see
//! the rally_positions migrations). SQLite ranks a box's rows by distance on the R*Tree's own
//! values (`rally_km`, see distance.rs), reads the rows of the nearest few only, and measures
//! those exactly; only they cross over to Rust, as the asker sees them: one round trip.
use chrono::{DateTime, Utc};
use sqlx::Row;

use super::rallies::rally_columns;
use super::views::{view_columns, view_from_row};
use super::{to_unix, Store};
use crate::error::Result;
use crate::service::geo::GeoBox;
use crate::service::model::{RallyStatus, RallyView};

/// What a nearby search asks the index for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Nearest {
    pub server_id: i64,
    /// Whose RSVPs the views show.
    pub user_id: i64,
    pub origin: (f64, f64),
    /// Within this many km of the origin.
    pub km: f64,
    /// Not ended by `from`, started no later than `until`.
    pub from: DateTime<Utc>,
    pub until: DateTime<Utc>,
    /// Only this campaign's rallies.
    pub campaign: Option<i64>,
    /// How many, at most.
    pub want: usize,
}

/// A rally a nearby search found.
#[derive(Debug, Clone, PartialEq)]
pub struct Position {
    pub view: RallyView,
    /// From the search's origin, in km.
    pub km: f64,
}

/// How far the index's distance (from coordinates rounded to microdegrees, ~0.1 m) may be from
/// the exact one, with room to spare.
const INDEX_KM_ERROR: f64 = 0.001;

/// Candidates by the index's distance, then each one's row as the asker sees it and its exact
/// distance. Whether it really is an approved rally of the server in the time window (and the
/// campaign, if one is asked for: the index doesn't know campaigns) is checked in Rust.
pub const NEAREST_SQL: &str = concat!(
    "WITH candidates AS (
        SELECT id AS cid, rally_km(?1, ?2, min_lat / 1e6, min_lon / 1e6) AS approx
        FROM rally_positions
        WHERE max_lat >= ?3 AND min_lat <= ?4 AND max_lon >= ?5 AND min_lon <= ?6
          AND max_minute >= ?7 AND min_minute <= ?8
          AND min_server = (SELECT number FROM server_numbers WHERE server_id = ?9)
          AND approx <= ?10
        ORDER BY approx LIMIT ?11)
     SELECT c.approx, rally_km(?1, ?2, r.latitude, r.longitude) AS km, ",
    view_columns!("?12"),
    " FROM candidates c CROSS JOIN rallies r ON r.id = c.cid"
);

/// One row of `NEAREST_SQL`.
struct Candidate {
    position: Position,
    /// The index's distance, which ordered the candidates.
    approx_km: f64,
}

impl Nearest {
    fn admits(&self, c: &Candidate) -> bool {
        let r = &c.position.view.rally;
        r.server_id == self.server_id
            && r.status == RallyStatus::Approved
            && r.ends_at.unwrap_or(r.starts_at) >= self.from
            && r.starts_at <= self.until
            && (self.campaign.is_none() || r.campaign_id == self.campaign)
            && c.position.km <= self.km
    }
}

impl Store {
    /// The `want` rallies nearest to the origin that the query admits, inside the boxes:
    /// nearest first, then soonest, then by id; exact distances.
    pub async fn nearest_in(&self, q: &Nearest, boxes: &[GeoBox]) -> Result<Vec<Position>> {
        let mut out = Vec::new();
        for b in boxes {
            let mut take = q.want + 4;
            loop {
                let found = self.candidates(q, b, take).await?;
                let complete = found.len() < take;
                let last_approx = found.iter().map(|c| c.approx_km).fold(0.0, f64::max);
                let mut valid: Vec<Position> = found
                    .into_iter()
                    .filter(|c| q.admits(c))
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
                if certain >= q.want {
                    valid.truncate(certain);
                    out.extend(valid);
                    break;
                }
                take *= 4;
            }
        }
        sort(&mut out);
        out.truncate(q.want);
        Ok(out)
    }

    async fn candidates(&self, q: &Nearest, b: &GeoBox, take: usize) -> Result<Vec<Candidate>> {
        let micro_floor = |deg: f64| (deg * 1e6).floor() as i64;
        let micro_ceil = |deg: f64| (deg * 1e6).ceil() as i64;
        let rows = sqlx::query(NEAREST_SQL)
            .bind(q.origin.0)
            .bind(q.origin.1)
            .bind(micro_floor(b.min_lat))
            .bind(micro_ceil(b.max_lat))
            .bind(micro_floor(b.min_lon))
            .bind(micro_ceil(b.max_lon))
            .bind(to_unix(q.from).div_euclid(60))
            .bind(to_unix(q.until).div_euclid(60))
            .bind(q.server_id)
            .bind(q.km + INDEX_KM_ERROR)
            .bind(i64::try_from(take).unwrap_or(i64::MAX))
            .bind(q.user_id)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|row| {
                Ok(Candidate {
                    position: Position {
                        view: view_from_row(row)?,
                        km: row.try_get("km")?,
                    },
                    approx_km: row.try_get("approx")?,
                })
            })
            .collect()
    }
}

fn sort(found: &mut [Position]) {
    found.sort_by(|a, b| {
        a.km.total_cmp(&b.km)
            .then(a.view.rally.starts_at.cmp(&b.view.rally.starts_at))
            .then(a.view.rally.id.cmp(&b.view.rally.id))
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
            campaign_id: None,
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
        let query = Nearest {
            server_id: server,
            user_id: 1,
            origin: (30.0, -97.0),
            km: 50.0,
            from: now,
            until: now + Duration::days(30),
            campaign: None,
            want: 2,
        };
        let boxes = boxes_around(30.0, -97.0, 50.0);
        let found = store.nearest_in(&query, &boxes).await.unwrap();
        let ids: Vec<i64> = found.iter().map(|p| p.view.rally.id).collect();
        assert_eq!(ids, vec![near, far]);
        assert!((found[0].km - 1.11).abs() < 0.01, "{found:?}");
        let elsewhere = Nearest {
            server_id: server + 1,
            ..query
        };
        let others = store.nearest_in(&elsewhere, &boxes).await.unwrap();
        assert!(others.is_empty(), "another server's rallies: {others:?}");
    }
}
