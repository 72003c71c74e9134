//! The spatial index: approved rallies by position, time and server, all exact integers (see
//! the rally_positions migrations). A search reads the index's rows within a small circle
//! first, and within circles twice as wide only while the last held too few; then it reads
//! the rows of the nearest few only and measures those exactly. It runs on the calling thread
//! through SQLite's own API (raw.rs), in one read transaction: each step is a few
//! microseconds, where a round trip through sqlx's connection thread costs about 0.15 ms.
use chrono::{DateTime, Utc};
use sqlx::Row;

use super::rallies::rally_columns;
use super::raw::{RawResult, Value};
use super::readers::Session;
use super::views::{view_columns, view_from_row};
use super::{to_unix, Store};
use crate::domain::geo::{boxes_around, GeoBox};
use crate::domain::{RallyStatus, RallyView};
use crate::error::{Error, Result};
use places::distance_km;

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

/// The index's rows in a box (microdegrees), in a time window (minutes), on one server and
/// optionally in one campaign.
pub const CANDIDATES_SQL: &str = "SELECT id, min_lat, min_lon FROM rally_positions
     WHERE max_lat >= ?1 AND min_lat <= ?2 AND max_lon >= ?3 AND min_lon <= ?4
       AND max_minute >= ?5 AND min_minute <= ?6
       AND min_server = (SELECT number FROM server_numbers WHERE server_id = ?7)
       AND (?8 IS NULL OR id IN (SELECT id FROM rallies WHERE campaign_id = ?8))";

/// One rally as the asker (?2) sees it.
const VIEW_SQL: &str = concat!(
    "SELECT ",
    view_columns!("?2"),
    " FROM rallies r WHERE r.id = ?1"
);

/// A candidate the index found.
#[derive(Debug, Clone, Copy)]
struct Hit {
    id: i64,
    /// The index's distance, which orders candidates.
    approx_km: f64,
}

/// A candidate read in full.
struct Candidate {
    position: Position,
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

    /// The boxes that hold the whole search: two when it crosses the antimeridian.
    fn sides(&self) -> Vec<GeoBox> {
        boxes_around(self.origin.0, self.origin.1, self.km + 2.0 * INDEX_KM_ERROR)
    }

    /// Radii to look within, narrowest first: halving from the search's radius down to about
    /// `FIRST_RING_KM`.
    fn radii(&self) -> Vec<f64> {
        let mut radii = vec![self.km];
        while radii[radii.len() - 1] / 2.0 >= FIRST_RING_KM {
            radii.push(radii[radii.len() - 1] / 2.0);
        }
        radii.reverse();
        radii
    }

    /// `CANDIDATES_SQL`'s values for the box around the circle of radius `km` on `side`
    /// (`None` when that circle lies wholly on the other side of the antimeridian).
    fn box_params(&self, km: f64, side: &GeoBox) -> Option<[Value; 8]> {
        // A candidate's index distance may be off by the error, its exact one by twice.
        let boxes = boxes_around(self.origin.0, self.origin.1, km + 2.0 * INDEX_KM_ERROR);
        let b = boxes.iter().find_map(|b| b.intersection(side))?;
        // Rallies start and end on whole minutes, so these make the index's time test exact:
        // ended before `from` means its last minute is before `from`'s next whole minute.
        let from = to_unix(self.from);
        let from_minute = from.div_euclid(60) + i64::from(from.rem_euclid(60) != 0);
        Some([
            Value::Int((b.min_lat * 1e6).floor() as i64),
            Value::Int((b.max_lat * 1e6).ceil() as i64),
            Value::Int((b.min_lon * 1e6).floor() as i64),
            Value::Int((b.max_lon * 1e6).ceil() as i64),
            Value::Int(from_minute),
            Value::Int(to_unix(self.until).div_euclid(60)),
            Value::Int(self.server_id),
            Value::from(self.campaign),
        ])
    }

    /// The `take` candidates nearest by the index's distance on one side of the antimeridian:
    /// from the narrowest circle that holds that many, or all within the radius.
    fn hits(&self, s: &mut Session<'_>, side: &GeoBox, take: usize) -> RawResult<Vec<Hit>> {
        let radii = self.radii();
        let mut hits = Vec::new();
        for (i, &km) in radii.iter().enumerate() {
            let Some(params) = self.box_params(km, side) else {
                continue;
            };
            let within = km + INDEX_KM_ERROR;
            hits.clear();
            let mut rows = s.statement(CANDIDATES_SQL)?.query(&params)?;
            while let Some(row) = rows.next()? {
                let (Some(id), Some(lat), Some(lon)) =
                    (row.int("id")?, row.int("min_lat")?, row.int("min_lon")?)
                else {
                    continue;
                };
                let approx_km = distance_km(
                    self.origin.0,
                    self.origin.1,
                    lat as f64 / 1e6,
                    lon as f64 / 1e6,
                );
                if approx_km <= within {
                    hits.push(Hit { id, approx_km });
                }
            }
            if hits.len() >= take || i + 1 == radii.len() {
                break;
            }
        }
        hits.sort_by(|a, b| a.approx_km.total_cmp(&b.approx_km).then(a.id.cmp(&b.id)));
        hits.truncate(take);
        Ok(hits)
    }

    /// The `take` nearest candidates on one side, read in full.
    fn candidates(
        &self,
        s: &mut Session<'_>,
        side: &GeoBox,
        take: usize,
    ) -> Result<Vec<Candidate>> {
        let raw = |e| Error::internal("searching nearby rallies", e);
        let hits = self.hits(s, side, take).map_err(raw)?;
        let view = s.statement(VIEW_SQL).map_err(raw)?;
        let mut out = Vec::with_capacity(hits.len());
        for hit in hits {
            let mut rows = view
                .query(&[Value::Int(hit.id), Value::Int(self.user_id)])
                .map_err(raw)?;
            // A rally deleted since the index was read has no row.
            if let Some(row) = rows.next().map_err(raw)? {
                let view: RallyView = view_from_row(&row)?;
                let r = &view.rally;
                let km = distance_km(self.origin.0, self.origin.1, r.latitude, r.longitude);
                out.push(Candidate {
                    position: Position { view, km },
                    approx_km: hit.approx_km,
                });
            }
        }
        Ok(out)
    }

    /// The nearest rallies this search admits on one side, certain to be the nearest.
    fn nearest_on(&self, s: &mut Session<'_>, side: &GeoBox) -> Result<Vec<Position>> {
        // One more than wanted shows the wanted ones are nearer than anything left out.
        let mut take = self.want + 1;
        loop {
            let found = self.candidates(s, side, take)?;
            let complete = found.len() < take;
            let last_approx = found.iter().map(|c| c.approx_km).fold(0.0, f64::max);
            let mut valid: Vec<Position> = found
                .into_iter()
                .filter(|c| self.admits(c))
                .map(|c| c.position)
                .collect();
            sort(&mut valid);
            if complete {
                return Ok(valid);
            }
            // A rally left out is at least this far: what lies nearer is certain.
            let bound = last_approx - INDEX_KM_ERROR;
            let certain = valid.iter().take_while(|p| p.km < bound).count();
            if certain >= self.want {
                valid.truncate(certain);
                return Ok(valid);
            }
            take *= 4;
        }
    }

    /// The whole search, in one snapshot.
    fn search(&self, s: &mut Session<'_>) -> Result<Vec<Position>> {
        let raw = |e| Error::internal("searching nearby rallies", e);
        s.begin().map_err(raw)?;
        let mut found = Vec::new();
        for side in self.sides() {
            found.extend(self.nearest_on(s, &side)?);
        }
        s.end().map_err(raw)?;
        sort(&mut found);
        found.truncate(self.want);
        Ok(found)
    }
}

impl Store {
    /// The `want` rallies nearest to the origin that the query admits, within its radius:
    /// nearest first, then soonest, then by id; exact distances.
    pub async fn nearest_in(&self, q: &Nearest) -> Result<Vec<Position>> {
        self.readers.read(&self.pool, |s| q.search(s)).await
    }

    /// SQLite's plan for a search's index query, one line per step.
    pub async fn nearest_plan(&self, q: &Nearest) -> Result<Vec<String>> {
        let explain = format!("EXPLAIN QUERY PLAN {CANDIDATES_SQL}");
        let params = q
            .box_params(q.km, &q.sides()[0])
            .ok_or_else(|| Error::internal("explaining a search", "no box"))?;
        let mut query = sqlx::query(sqlx::AssertSqlSafe(explain));
        for p in params {
            query = match p {
                Value::Int(v) => query.bind(v),
                Value::Null => query.bind(None::<i64>),
            };
        }
        let rows = query.fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r| Ok(r.try_get::<String, _>(3)?))
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
    use crate::domain::{RallyFields, RallyStatus, RsvpStatus};

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

    /// A search of the next 30 days on `server` as user 1 sees it.
    fn search(
        server: i64,
        origin: (f64, f64),
        km: f64,
        want: usize,
        now: DateTime<Utc>,
    ) -> Nearest {
        Nearest {
            server_id: server,
            user_id: 1,
            origin,
            km,
            from: now,
            until: now + Duration::days(30),
            campaign: None,
            want,
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
        let query = search(server, (30.0, -97.0), 50.0, 2, now);
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
    /// rally would, however many circles it has to look in. In memory the search borrows the
    /// pool's connection; on file it has connections of its own.
    #[tokio::test]
    async fn finds_what_measuring_every_rally_finds() {
        finds_what_measuring_finds(Store::open_in_memory().await.unwrap()).await;
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("near.db").display());
        finds_what_measuring_finds(Store::open(&url).await.unwrap()).await;
    }

    async fn finds_what_measuring_finds(store: Store) {
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
                let query = search(server, (lat, lon), km, want, now);
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

    /// A file store searches on connections of its own: each sees every write the moment it
    /// is committed, and closing the store closes them, so the WAL is checkpointed away.
    #[tokio::test]
    async fn a_file_store_search_sees_each_write_at_once_and_closes_cleanly() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fresh.db");
        let store = Store::open(&format!("sqlite://{}", path.display()))
            .await
            .unwrap();
        let now = Utc.with_ymd_and_hms(2026, 12, 1, 12, 0, 0).unwrap();
        let server = 7;
        store.ensure_server(server, now).await.unwrap();
        let query = Nearest {
            user_id: 5,
            ..search(server, (40.0, -75.0), 20.0, 5, now)
        };
        assert!(store.nearest_in(&query).await.unwrap().is_empty());
        let later = now + Duration::days(1);
        let id = store
            .insert_rally(
                server,
                1,
                None,
                &at(40.05, -75.0, later, later + Duration::hours(1)),
                RallyStatus::Approved,
                now,
            )
            .await
            .unwrap()
            .id;
        let found = store.nearest_in(&query).await.unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].view.counts.going, 0);
        assert_eq!(found[0].view.my_rsvp, None);

        store.set_rsvp(id, 5, RsvpStatus::Going, now).await.unwrap();
        store
            .set_rsvp(id, 6, RsvpStatus::Interested, now)
            .await
            .unwrap();
        let found = store.nearest_in(&query).await.unwrap();
        assert_eq!(found[0].view.counts.going, 1);
        assert_eq!(found[0].view.counts.interested, 1);
        assert_eq!(found[0].view.my_rsvp, Some(RsvpStatus::Going));

        let cancelled = store
            .transition_rally(
                id,
                &[RallyStatus::Approved],
                RallyStatus::Cancelled,
                None,
                now,
            )
            .await
            .unwrap();
        assert!(cancelled);
        assert!(store.nearest_in(&query).await.unwrap().is_empty());

        store.close().await;
        let wal = dir.path().join("fresh.db-wal");
        assert!(!wal.exists(), "the WAL is left behind after close");
        let after = store.nearest_in(&query).await;
        assert!(after.is_err(), "a closed store still searched: {after:?}");
    }

    /// A search that fails halfway (here on a row it can't read) leaves no transaction open:
    /// each connection searches again, and the WAL can still be checkpointed.
    #[tokio::test]
    async fn a_failed_search_leaves_no_transaction_open() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("fail.db").display());
        let store = Store::open(&url).await.unwrap();
        let now = Utc.with_ymd_and_hms(2026, 12, 1, 12, 0, 0).unwrap();
        store.ensure_server(3, now).await.unwrap();
        let later = now + Duration::days(1);
        let fields = at(10.0, 10.0, later, later + Duration::hours(1));
        let id = store
            .insert_rally(3, 1, None, &fields, RallyStatus::Approved, now)
            .await
            .unwrap()
            .id;
        let query = search(3, (10.0, 10.0), 5.0, 3, now);
        let set_zone = |zone: &'static str| {
            sqlx::query("UPDATE rallies SET time_zone = ?1 WHERE id = ?2")
                .bind(zone)
                .bind(id)
                .execute(store.pool())
        };
        set_zone("Mars/Olympus_Mons").await.unwrap();
        for _ in 0..8 {
            let failed = store.nearest_in(&query).await;
            assert!(
                failed.is_err(),
                "an unreadable row was returned: {failed:?}"
            );
        }
        let (busy, _, _): (i64, i64, i64) = sqlx::query_as("PRAGMA wal_checkpoint(TRUNCATE)")
            .fetch_one(store.pool())
            .await
            .unwrap();
        assert_eq!(busy, 0, "a failed search still holds a snapshot");
        set_zone("America/Chicago").await.unwrap();
        for _ in 0..8 {
            let found = store.nearest_in(&query).await.unwrap();
            assert_eq!(found.len(), 1);
        }
    }
}
