//! The spatial index: approved rallies by position, time and server, all exact integers (see
//! the rally_positions migrations). A search reads the index's rows within a small circle
//! first, and within circles twice as wide only while the last held too few; then it reads
//! the rows of the nearest few only, in one query, and measures those exactly. It runs on the
//! calling thread on a read connection of the store's own (readers.rs), in one read
//! transaction: each step is a few microseconds, where a round trip through sqlx's connection
//! thread costs about 0.15 ms.
use std::rc::Rc;

use chrono::{DateTime, Utc};
use rusqlite::types::Value;
use rusqlite::Connection;
use sqlx::Row;

use super::columns::{Columns, Names};
use super::rallies::rally_columns;
use super::readers::{failed, Session};
use super::views::{view_columns, view_from_row};
use super::{to_unix, Store};
use crate::domain::geo::{boxes_around, GeoBox};
use crate::domain::{RallyStatus, RallyView};
use crate::error::{Error, Result};
use places::distance_km;

/// A coalition whose shared campaigns a search also covers, with the servers that are its
/// members now (a server that left is out at once, whatever the index still holds).
#[derive(Debug, Clone, PartialEq)]
pub struct Shared {
    pub coalition_id: i64,
    pub members: Vec<i64>,
}

/// What a nearby search asks the index for.
#[derive(Debug, Clone, PartialEq)]
pub struct Nearest {
    pub server_id: i64,
    /// The coalitions whose shared campaigns' rallies count too.
    pub shared: Vec<Shared>,
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

/// The same for the shared campaigns of one coalition (?7), whichever server they come from.
pub const SHARED_CANDIDATES_SQL: &str = "SELECT id, min_lat, min_lon FROM shared_positions
     WHERE max_lat >= ?1 AND min_lat <= ?2 AND max_lon >= ?3 AND min_lon <= ?4
       AND max_minute >= ?5 AND min_minute <= ?6
       AND min_coalition = ?7
       AND (?8 IS NULL OR id IN (SELECT id FROM rallies WHERE campaign_id = ?8))";

/// The rallies with the ids in the array ?1 (rusqlite's `rarray`) as the asker (?2) sees them,
/// with the coalition their campaign is shared with.
const VIEWS_SQL: &str = concat!(
    "SELECT ",
    view_columns!("?2"),
    ", (SELECT c.coalition_id FROM campaigns c WHERE c.id = r.campaign_id) AS coalition
     FROM rallies r WHERE r.id IN rarray(?1)"
);

/// Which part of the index a pass reads.
#[derive(Debug, Clone, Copy)]
enum Scope<'a> {
    /// The asker's own server.
    Server,
    /// One coalition's shared campaigns.
    Coalition(&'a Shared),
}

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
    /// The coalition its campaign is shared with.
    coalition: Option<i64>,
}

impl Nearest {
    fn admits(&self, c: &Candidate, scope: Scope<'_>) -> bool {
        let r = &c.position.view.rally;
        let in_scope = match scope {
            Scope::Server => r.server_id == self.server_id,
            Scope::Coalition(shared) => {
                c.coalition == Some(shared.coalition_id) && shared.members.contains(&r.server_id)
            }
        };
        in_scope
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
    fn box_params(&self, km: f64, side: &GeoBox, scope: Scope<'_>) -> Option<[Option<i64>; 8]> {
        // A candidate's index distance may be off by the error, its exact one by twice.
        let boxes = boxes_around(self.origin.0, self.origin.1, km + 2.0 * INDEX_KM_ERROR);
        let b = boxes.iter().find_map(|b| b.intersection(side))?;
        // Rallies start and end on whole minutes, so these make the index's time test exact:
        // ended before `from` means its last minute is before `from`'s next whole minute.
        let from = to_unix(self.from);
        let from_minute = from.div_euclid(60) + i64::from(from.rem_euclid(60) != 0);
        Some([
            Some((b.min_lat * 1e6).floor() as i64),
            Some((b.max_lat * 1e6).ceil() as i64),
            Some((b.min_lon * 1e6).floor() as i64),
            Some((b.max_lon * 1e6).ceil() as i64),
            Some(from_minute),
            Some(to_unix(self.until).div_euclid(60)),
            Some(match scope {
                Scope::Server => self.server_id,
                Scope::Coalition(shared) => shared.coalition_id,
            }),
            self.campaign,
        ])
    }

    /// The `take` candidates nearest by the index's distance on one side of the antimeridian:
    /// from the narrowest circle that holds that many, or all within the radius.
    fn hits(
        &self,
        db: &Connection,
        side: &GeoBox,
        take: usize,
        scope: Scope<'_>,
    ) -> rusqlite::Result<Vec<Hit>> {
        let radii = self.radii();
        let mut stmt = db.prepare_cached(match scope {
            Scope::Server => CANDIDATES_SQL,
            Scope::Coalition(_) => SHARED_CANDIDATES_SQL,
        })?;
        let mut hits = Vec::new();
        for (i, &km) in radii.iter().enumerate() {
            let Some(params) = self.box_params(km, side, scope) else {
                continue;
            };
            let within = km + INDEX_KM_ERROR;
            hits.clear();
            let mut rows = stmt.query(params)?;
            while let Some(row) = rows.next()? {
                let (Some(id), Some(lat), Some(lon)) = (
                    row.get::<_, Option<i64>>(0)?,
                    row.get::<_, Option<i64>>(1)?,
                    row.get::<_, Option<i64>>(2)?,
                ) else {
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

    /// The `take` nearest candidates on one side, read in full with one query.
    fn candidates(
        &self,
        db: &Connection,
        side: &GeoBox,
        take: usize,
        scope: Scope<'_>,
    ) -> Result<Vec<Candidate>> {
        let raw = failed("searching nearby rallies");
        let mut hits = self.hits(db, side, take, scope).map_err(&raw)?;
        if hits.is_empty() {
            return Ok(Vec::new());
        }
        hits.sort_by_key(|h| h.id);
        let ids: Vec<Value> = hits.iter().map(|h| Value::Integer(h.id)).collect();
        let mut stmt = db.prepare_cached(VIEWS_SQL).map_err(&raw)?;
        let names = Names::of(&stmt);
        let mut rows = stmt.query((Rc::new(ids), self.user_id)).map_err(&raw)?;
        // A rally deleted since the index was read has no row.
        let mut out = Vec::with_capacity(hits.len());
        while let Some(row) = rows.next().map_err(&raw)? {
            let row = names.row(row);
            let view: RallyView = view_from_row(&row)?;
            let coalition = row.int("coalition")?;
            let r = &view.rally;
            let at = hits.binary_search_by_key(&r.id, |h| h.id).map_err(|_| {
                Error::internal(
                    "searching nearby rallies",
                    format!("rally {} unasked", r.id),
                )
            })?;
            let km = distance_km(self.origin.0, self.origin.1, r.latitude, r.longitude);
            out.push(Candidate {
                position: Position { view, km },
                approx_km: hits[at].approx_km,
                coalition,
            });
        }
        Ok(out)
    }

    /// The nearest rallies this search admits on one side, certain to be the nearest.
    fn nearest_on(
        &self,
        db: &Connection,
        side: &GeoBox,
        scope: Scope<'_>,
    ) -> Result<Vec<Position>> {
        // One more than wanted shows the wanted ones are nearer than anything left out.
        let mut take = self.want + 1;
        loop {
            let found = self.candidates(db, side, take, scope)?;
            let complete = found.len() < take;
            let last_approx = found.iter().map(|c| c.approx_km).fold(0.0, f64::max);
            let mut valid: Vec<Position> = found
                .into_iter()
                .filter(|c| self.admits(c, scope))
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

    /// The whole search, in one snapshot: a read transaction, rolled back if the search fails
    /// (by the session, should it panic).
    fn search(&self, s: &mut Session<'_>) -> Result<Vec<Position>> {
        let raw = failed("searching nearby rallies");
        let tx = s.transaction().map_err(&raw)?;
        let mut found: Vec<Position> = Vec::new();
        // Each part of the index gives its own certain nearest; together they hold the
        // nearest of all. A rally of the asker's server in a shared campaign is in both. The
        // coalitions go first: they hold most rallies, and once `want` are found, a later part
        // need look no farther than the farthest of them, which spares a sparse server's part
        // the widening circles up to the full radius.
        let scopes: Vec<Scope<'_>> = self
            .shared
            .iter()
            .map(Scope::Coalition)
            .chain(std::iter::once(Scope::Server))
            .collect();
        for side in self.sides() {
            for scope in &scopes {
                let narrowed;
                let search = if found.len() >= self.want {
                    sort(&mut found);
                    found.dedup_by_key(|p| p.view.rally.id);
                    let bound = found.get(self.want - 1).map_or(self.km, |p| p.km);
                    narrowed = Nearest {
                        km: bound.min(self.km),
                        ..self.clone()
                    };
                    &narrowed
                } else {
                    self
                };
                found.extend(search.nearest_on(&tx, &side, *scope)?);
            }
        }
        tx.commit().map_err(&raw)?;
        sort(&mut found);
        found.dedup_by_key(|p| p.view.rally.id);
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
            .box_params(q.km, &q.sides()[0], Scope::Server)
            .ok_or_else(|| Error::internal("explaining a search", "no box"))?;
        let mut query = sqlx::query(sqlx::AssertSqlSafe(explain));
        for p in params {
            query = query.bind(p);
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
mod tests;
