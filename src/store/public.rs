//! What the public pages read: a server by its slug, the number that moves with every change
//! to what its pages show, and rallies with their counts and calendar sequence.
use chrono::{DateTime, Duration, Utc};

use super::columns::{Columns, Names};
use super::rallies::rally_columns;
use super::readers::failed;
use super::to_unix;
use super::views::{view_columns, view_from_row};
use super::Store;
use crate::domain::{PublicTotals, RallyView};
use crate::error::Result;

/// The rallies a feed chooses from those that `$which` admits; ?3 and ?4 are the ends before
/// which approved and cancelled rallies are left out, ?5 the assumed length, ?6 the limit and
/// ?7 a shared campaign's coalition.
macro_rules! chosen_sql {
    ($($which:tt)+) => {
        concat!(
            "WITH chosen AS (
                 SELECT id AS chosen_id FROM rallies
                 WHERE ", $($which)+, "
                   AND ((status = 'approved' AND COALESCE(ends_at, starts_at + ?5) >= ?3)
                     OR (status = 'cancelled' AND COALESCE(ends_at, starts_at + ?5) >= ?4))
                 ORDER BY starts_at, id LIMIT ?6)"
        )
    };
}

/// The feed query over the chosen rallies; ?8 says whether to count the RSVPs.
macro_rules! feed_sql {
    ($($which:tt)+) => {
        concat!(
            chosen_sql!($($which)+),
            " SELECT ",
            view_columns!("0", "?8"),
            ", r.sequence,
                    (SELECT s.public_name FROM servers s WHERE s.id = r.server_id) AS server_name
             FROM chosen c JOIN rallies r ON r.id = c.chosen_id
             ORDER BY r.starts_at, r.id"
        )
    };
}

/// The totals of the approved rallies chosen, counted where they are kept: a page with a
/// search shows the totals but not the rallies, which need not be read one by one.
macro_rules! totals_sql {
    ($($which:tt)+) => {
        concat!(
            chosen_sql!($($which)+),
            " SELECT COUNT(*), COUNT(DISTINCT r.place_name),
                    COALESCE(SUM(r.kept_going + (SELECT COUNT(*) FROM rsvps v
                        WHERE v.rally_id = r.id AND v.status = 'going')), 0),
                    COALESCE(SUM(r.kept_interested + (SELECT COUNT(*) FROM rsvps v
                        WHERE v.rally_id = r.id AND v.status = 'interested')), 0)
             FROM chosen c JOIN rallies r ON r.id = c.chosen_id
             WHERE r.status = 'approved'"
        )
    };
}

/// Which rallies of the server a feed chooses from: a campaign's (and its coalition members'
/// whose pages are on), or all of the server's.
macro_rules! feed_which {
    (campaign) => {
        "campaign_id = ?2 AND status IN ('approved', 'cancelled')
         AND (server_id = ?1 OR (?7 IS NOT NULL AND server_id IN
             (SELECT m.server_id FROM coalition_members m
              JOIN servers s ON s.id = m.server_id
              WHERE m.coalition_id = ?7 AND s.public_page = 1)))"
    };
    (server) => {
        "server_id = ?1 AND status IN ('approved', 'cancelled')"
    };
}

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
    /// A shared campaign's coalition: its member servers' rallies in the campaign count too,
    /// for the members whose own pages are on.
    pub coalition: Option<i64>,
    /// Whether the RSVPs are counted: pages show counts, calendars do not.
    pub counts: bool,
}

/// A server whose pages are on, as every request of them reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct PublicServerRow {
    pub server_id: i64,
    /// Moves with every change to what its pages show.
    pub version: i64,
    /// As its pages show it (empty when never told).
    pub name: String,
}

/// A rally as a feed or page reads it.
pub struct FeedRow {
    pub view: RallyView,
    pub sequence: i64,
    /// The name of the rally's server, as its pages show it.
    pub server_name: String,
}

/// The feed queries' parameters, ?1 to ?8.
fn feed_params(s: &FeedScope) -> Vec<rusqlite::types::Value> {
    vec![
        s.server_id.into(),
        s.campaign_id.into(),
        to_unix(s.now - s.keep_past).into(),
        to_unix(s.now).into(),
        s.assumed_length.num_seconds().into(),
        s.limit.into(),
        s.coalition.into(),
        i64::from(s.counts).into(),
    ]
}

impl Store {
    /// The server whose pages are on under this slug, its pages' version and its name as they
    /// show it: one read for every request, however the page is then answered.
    pub async fn public_server(&self, slug: &str) -> Result<Option<PublicServerRow>> {
        // The coalition partners' versions count too: their rallies in a shared campaign are
        // on this server's pages. Read on this thread: every request asks it.
        const SQL: &str = "SELECT s.id, COALESCE(v.version, 0) + COALESCE((SELECT SUM(pv.version)
                 FROM public_versions pv WHERE pv.server_id IN
                   (SELECT m2.server_id FROM coalition_members m1
                    JOIN coalition_members m2 ON m2.coalition_id = m1.coalition_id
                    WHERE m1.server_id = s.id AND m2.server_id != s.id)), 0) AS version
             , COALESCE(s.public_name, '')
             FROM servers s
             LEFT JOIN public_versions v ON v.server_id = s.id
             WHERE s.public_slug = ?1 AND s.public_page = 1";
        self.readers
            .read(&self.pool, |session| {
                let raw = failed("looking up a public page");
                let mut stmt = session.prepare_cached(SQL).map_err(&raw)?;
                let mut rows = stmt.query([slug]).map_err(&raw)?;
                match rows.next().map_err(&raw)? {
                    Some(row) => Ok(Some(PublicServerRow {
                        server_id: row.get(0).map_err(&raw)?,
                        version: row.get(1).map_err(&raw)?,
                        name: row.get(2).map_err(&raw)?,
                    })),
                    None => Ok(None),
                }
            })
            .await
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
    pub async fn feed_rallies(&self, scope: &FeedScope) -> Result<Vec<FeedRow>> {
        // The rallies are chosen by id first, through an index (a campaign's, or the server's
        // by status), and only the chosen ones get their counts: an OR over both, or counts
        // taken before the sort, made SQLite read every rally of the server.
        let sql = match scope.campaign_id {
            Some(_) => feed_sql!(feed_which!(campaign)),
            None => feed_sql!(feed_which!(server)),
        };
        let params = feed_params(scope);
        // Read on this thread (readers.rs): sqlx's worker hands over every row through a
        // channel, a thread wake-up each, which a page of a thousand rallies felt.
        self.readers
            .read(&self.pool, |session| {
                let raw = failed("reading the rallies of a public page");
                let mut stmt = session.prepare_cached(sql).map_err(&raw)?;
                let names = Names::of(&stmt);
                let mut rows = stmt
                    .query(rusqlite::params_from_iter(params))
                    .map_err(&raw)?;
                let mut out = Vec::new();
                while let Some(row) = rows.next().map_err(&raw)? {
                    let row = names.row(row);
                    out.push(FeedRow {
                        view: view_from_row(&row)?,
                        sequence: row.int("sequence")?.unwrap_or(0),
                        server_name: row.text("server_name")?.unwrap_or_default(),
                    });
                }
                Ok(out)
            })
            .await
    }

    /// What `feed_rallies` would count of the approved rallies in the scope, without reading
    /// them.
    pub async fn feed_totals(&self, scope: &FeedScope) -> Result<PublicTotals> {
        let sql = match scope.campaign_id {
            Some(_) => totals_sql!(feed_which!(campaign)),
            None => totals_sql!(feed_which!(server)),
        };
        // The totals always count: ?8 is not in their query.
        let mut params = feed_params(scope);
        params.truncate(7);
        self.readers
            .read(&self.pool, |session| {
                let raw = failed("counting the rallies of a public page");
                let mut stmt = session.prepare_cached(sql).map_err(&raw)?;
                let row = stmt
                    .query_row(rusqlite::params_from_iter(params), |row| {
                        Ok((
                            row.get::<_, i64>(0)?,
                            row.get::<_, i64>(1)?,
                            row.get(2)?,
                            row.get(3)?,
                        ))
                    })
                    .map_err(&raw)?;
                let (rallies, places, going, interested) = row;
                Ok(PublicTotals {
                    rallies: usize::try_from(rallies).unwrap_or(0),
                    places: usize::try_from(places).unwrap_or(0),
                    going,
                    interested,
                })
            })
            .await
    }

    /// Whether a member's rally may be shown on a page of the server that owns its shared
    /// campaign: the member is still in the campaign's coalition and its own pages are on.
    pub async fn shown_in_shared_campaign(&self, owner: i64, rally_id: i64) -> Result<bool> {
        let shown: Option<i64> = sqlx::query_scalar(
            "SELECT 1 FROM rallies r
             JOIN campaigns c ON c.id = r.campaign_id AND c.server_id = ?1
             JOIN coalition_members m ON m.coalition_id = c.coalition_id
                  AND m.server_id = r.server_id
             JOIN servers s ON s.id = r.server_id AND s.public_page = 1
             WHERE r.id = ?2",
        )
        .bind(owner)
        .bind(rally_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(shown.is_some())
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
