//! The spatial index: approved rallies by position, time and server, all exact integers (see
//! the rally_positions migrations). One statement finds a search's rallies: SQLite ranks the
//! index's rows by distance (`rally_km`, see distance.rs) within a small circle first, and
//! within circles twice as wide only while the last held too few; then it reads the rows of
//! the nearest few only and measures those exactly. Only they cross over to Rust, as the asker
//! sees them: one round trip, however sparse the area.
use chrono::{DateTime, Utc};
use sqlx::query::Query;
use sqlx::{AssertSqlSafe, Database, Row, SqlSafeStr, Sqlite};

use super::rallies::rally_columns;
use super::views::{view_columns, view_from_row};
use super::{to_unix, Store};
use crate::error::Result;
use crate::service::geo::{boxes_around, GeoBox};
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
/// The smallest circle, unless the radius is smaller: a neighbourhood. A circle that holds too
/// few costs little (its box holds about as many rows as the circle); the one that holds
/// enough costs about four times what it needed, as it is twice as wide as the last.
const FIRST_RING_KM: f64 = 1.0;
/// A box no rally is in, whose test fails at the index's root: for a circle's box that lies
/// wholly on the other side of the antimeridian.
const NO_BOX: [i64; 4] = [
    i32::MAX as i64,
    i32::MIN as i64,
    i32::MAX as i64,
    i32::MIN as i64,
];

type SqliteArgs = <Sqlite as Database>::Arguments;

/// The search's statement. Parameters: ?1, ?2 the origin; ?3, ?4 the first and last minute;
/// ?5 the server; ?6 the campaign or NULL; ?7 how many candidates; ?8 the asker; ?9 the
/// circles, narrowest first (see `rings`). It looks in one circle after another, keeping the
/// nearest candidates of each as JSON, and stops at the first that holds enough: nothing
/// outside it can be nearer. Then it reads the rows of the last circle's candidates.
pub const NEAREST_SQL: &str = concat!(
    "WITH RECURSIVE
     circle (ring, km, min_lat, max_lat, min_lon, max_lon) AS MATERIALIZED (
        SELECT key, value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4
        FROM json_each(?9)
     ),
     looked (ring, found) AS (
        SELECT -1, json_array()
        UNION ALL
        SELECT c.ring, (
            SELECT json_group_array(json_array(id, approx)) FROM (
                SELECT id, rally_km(?1, ?2, min_lat / 1e6, min_lon / 1e6) AS approx
                FROM rally_positions
                WHERE max_lat >= c.min_lat AND min_lat <= c.max_lat
                  AND max_lon >= c.min_lon AND min_lon <= c.max_lon
                  AND max_minute >= ?3 AND min_minute <= ?4
                  AND min_server = (SELECT number FROM server_numbers WHERE server_id = ?5)
                  AND (?6 IS NULL OR id IN (SELECT id FROM rallies WHERE campaign_id = ?6))
                  AND approx <= c.km
                ORDER BY approx LIMIT ?7))
        FROM looked l JOIN circle c ON c.ring = l.ring + 1
        WHERE json_array_length(l.found) < ?7
     )
     SELECT c.approx, rally_km(?1, ?2, r.latitude, r.longitude) AS km, ",
    view_columns!("?8"),
    " FROM (SELECT value ->> 0 AS cid, value ->> 1 AS approx
           FROM json_each((SELECT found FROM looked ORDER BY ring DESC LIMIT 1))) c
     CROSS JOIN rallies r ON r.id = c.cid"
);

/// Circles around the origin as `NEAREST_SQL` takes them: a JSON array of
/// `[km, min_lat, max_lat, min_lon, max_lon]` (microdegrees), narrowest first, halving from the
/// search's radius down to about `FIRST_RING_KM`; each box holds its circle on one side of
/// the antimeridian (`side`, one of the boxes around the whole search).
fn rings(origin: (f64, f64), km: f64, side: &GeoBox) -> String {
    let mut radii = vec![km];
    while radii[radii.len() - 1] / 2.0 >= FIRST_RING_KM {
        radii.push(radii[radii.len() - 1] / 2.0);
    }
    let micro_floor = |deg: f64| (deg * 1e6).floor() as i64;
    let micro_ceil = |deg: f64| (deg * 1e6).ceil() as i64;
    let rings: Vec<String> = radii
        .iter()
        .rev()
        .map(|&r| {
            // A candidate's index distance may be off by the error, its exact one by twice.
            let boxes = boxes_around(origin.0, origin.1, r + 2.0 * INDEX_KM_ERROR);
            let on_side = boxes.iter().find_map(|b| b.intersection(side));
            let [min_lat, max_lat, min_lon, max_lon] = match on_side {
                Some(b) => [
                    micro_floor(b.min_lat),
                    micro_ceil(b.max_lat),
                    micro_floor(b.min_lon),
                    micro_ceil(b.max_lon),
                ],
                None => NO_BOX,
            };
            format!(
                "[{},{min_lat},{max_lat},{min_lon},{max_lon}]",
                r + INDEX_KM_ERROR
            )
        })
        .collect();
    format!("[{}]", rings.join(","))
}

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

    /// `sql` (`NEAREST_SQL`, or a statement about it) with this search's values on one side
    /// of the antimeridian, asking for `take` candidates.
    fn bind(
        &self,
        sql: impl SqlSafeStr,
        side: &GeoBox,
        take: usize,
    ) -> Query<'static, Sqlite, SqliteArgs> {
        // Rallies start and end on whole minutes, so these make the index's time test exact:
        // ended before `from` means its last minute is before `from`'s next whole minute.
        let from = to_unix(self.from);
        let from_minute = from.div_euclid(60) + i64::from(from.rem_euclid(60) != 0);
        sqlx::query(sql)
            .bind(self.origin.0)
            .bind(self.origin.1)
            .bind(from_minute)
            .bind(to_unix(self.until).div_euclid(60))
            .bind(self.server_id)
            .bind(self.campaign)
            .bind(i64::try_from(take).unwrap_or(i64::MAX))
            .bind(self.user_id)
            .bind(rings(self.origin, self.km, side))
    }

    /// The boxes that hold the whole search: two when it crosses the antimeridian.
    fn sides(&self) -> Vec<GeoBox> {
        boxes_around(self.origin.0, self.origin.1, self.km + 2.0 * INDEX_KM_ERROR)
    }
}

impl Store {
    /// The `want` rallies nearest to the origin that the query admits, within its radius:
    /// nearest first, then soonest, then by id; exact distances. One round trip, or one per
    /// side of the antimeridian.
    pub async fn nearest_in(&self, q: &Nearest) -> Result<Vec<Position>> {
        let mut out = Vec::new();
        for side in q.sides() {
            out.extend(self.nearest_on(q, &side).await?);
        }
        sort(&mut out);
        out.truncate(q.want);
        Ok(out)
    }

    async fn nearest_on(&self, q: &Nearest, side: &GeoBox) -> Result<Vec<Position>> {
        // One more than wanted shows the wanted ones are nearer than anything left out.
        let mut take = q.want + 1;
        loop {
            let found = self.candidates(q, side, take).await?;
            let complete = found.len() < take;
            let last_approx = found.iter().map(|c| c.approx_km).fold(0.0, f64::max);
            let mut valid: Vec<Position> = found
                .into_iter()
                .filter(|c| q.admits(c))
                .map(|c| c.position)
                .collect();
            sort(&mut valid);
            if complete {
                return Ok(valid);
            }
            // A rally left out is at least this far: what lies nearer is certain.
            let bound = last_approx - INDEX_KM_ERROR;
            let certain = valid.iter().take_while(|p| p.km < bound).count();
            if certain >= q.want {
                valid.truncate(certain);
                return Ok(valid);
            }
            take *= 4;
        }
    }

    /// SQLite's plan for a search's statement, one line per step.
    pub async fn nearest_plan(&self, q: &Nearest) -> Result<Vec<String>> {
        let explain = format!("EXPLAIN QUERY PLAN {NEAREST_SQL}");
        let rows = q
            .bind(AssertSqlSafe(explain), &q.sides()[0], q.want)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| Ok(r.try_get::<String, _>(3)?))
            .collect()
    }

    async fn candidates(&self, q: &Nearest, side: &GeoBox, take: usize) -> Result<Vec<Candidate>> {
        let rows = q
            .bind(NEAREST_SQL, side, take)
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
        let found = store.nearest_in(&query).await.unwrap();
        let ids: Vec<i64> = found.iter().map(|p| p.view.rally.id).collect();
        assert_eq!(ids, vec![near, far]);
        assert!((found[0].km - 1.11).abs() < 0.01, "{found:?}");
        let elsewhere = Nearest {
            server_id: server + 1,
            ..query
        };
        let others = store.nearest_in(&elsewhere).await.unwrap();
        assert!(others.is_empty(), "another server's rallies: {others:?}");
    }

    /// Clusters and sparse outliers around origins in a city, the countryside, across the
    /// antimeridian and near a pole: the search must return exactly what measuring every
    /// rally would, however many circles it has to look in.
    #[tokio::test]
    async fn finds_what_measuring_every_rally_finds() {
        use crate::service::geo::distance_km;

        let store = Store::open_in_memory().await.unwrap();
        let now = Utc.with_ymd_and_hms(2026, 12, 1, 12, 0, 0).unwrap();
        let server = 42;
        store.ensure_server(server, now).await.unwrap();
        let origins = [
            (30.27, -97.74),
            (44.0, -103.0),
            (-17.7, 179.9),
            (89.2, 20.0),
        ];
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut unit = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        let mut all = Vec::new();
        for &(lat, lon) in &origins {
            // A dense cluster within ~3 km, and a sparse scatter out to ~2.5 degrees.
            for i in 0..160 {
                let spread = if i < 100 { 0.03 } else { 2.5 };
                let plat = (lat + (unit() - 0.5) * 2.0 * spread).clamp(-89.9, 89.9);
                let mut plon = lon + (unit() - 0.5) * 2.0 * spread;
                if plon > 180.0 {
                    plon -= 360.0;
                }
                let start = now + Duration::hours(1 + i as i64);
                let f = at(plat, plon, start, start + Duration::hours(2));
                let id = store
                    .insert_rally(server, 1, None, &f, RallyStatus::Approved, now)
                    .await
                    .unwrap()
                    .id;
                all.push((id, plat, plon));
            }
        }
        for &(lat, lon) in &origins {
            for (km, want) in [(5.0, 26), (80.0, 26), (300.0, 6), (300.0, 1000)] {
                let query = Nearest {
                    server_id: server,
                    user_id: 1,
                    origin: (lat, lon),
                    km,
                    from: now,
                    until: now + Duration::days(30),
                    campaign: None,
                    want,
                };
                let found: Vec<i64> = store
                    .nearest_in(&query)
                    .await
                    .unwrap()
                    .iter()
                    .map(|p| p.view.rally.id)
                    .collect();
                let mut expected: Vec<(f64, i64)> = all
                    .iter()
                    .map(|&(id, a, b)| (distance_km(lat, lon, a, b), id))
                    .filter(|(d, _)| *d <= km)
                    .collect();
                expected.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)));
                let expected: Vec<i64> = expected.iter().take(want).map(|e| e.1).collect();
                assert_eq!(found, expected, "at ({lat}, {lon}) within {km} km, {want}");
            }
        }
    }
}
