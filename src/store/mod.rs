//! The store: SQLite through sqlx, and for the hot reads through rusqlite on read connections
//! of its own, on the calling thread (readers.rs). Every query of rallybot lives in this folder.
mod abuse;
mod audit;
mod cache;
mod campaigns;
mod cards;
mod coalitions;
mod columns;
mod import;
mod languages;
mod outbox;
mod positions;
mod privacy;
mod public;
mod rallies;
mod readers;
mod rsvps;
mod servers;
mod views;

use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, TimeZone, Utc};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;

pub use cache::{PARTNERS_TTL, SETTINGS_TTL};
pub use campaigns::CampaignRow;
pub use import::ImportWrite;
pub use outbox::UNTOLD_FAILURES_SQL;
pub use positions::{Nearest, Position, Shared, CANDIDATES_SQL};
pub use privacy::{Forgotten, Held, HeldMessage, HeldRally, HeldRsvp};
pub use public::{FeedRow, FeedScope, PublicServerRow};
pub use rsvps::GoingRsvp;

use crate::error::{Error, Result};
use cache::ServerCache;
use readers::{Place, Readers};

/// How long a query waits for another connection's lock before failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);
/// How much of a database file is read through a memory map (SQLite's default is none).
const MMAP_BYTES: u64 = 1 << 30;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

#[derive(Clone, Debug)]
pub struct Store {
    pool: SqlitePool,
    /// Read-only connections of its own for the hot reads (readers.rs).
    readers: Arc<Readers>,
    settings: ServerCache<crate::domain::ServerSettings>,
    /// Each server's coalitions with their members (coalitions.rs).
    partners: ServerCache<Arc<coalitions::Partners>>,
    /// Each person's language as last written, so an unchanged one costs no write.
    user_languages: ServerCache<crate::i18n::Lang>,
    /// Each server's Discord language as last noted, likewise.
    server_languages: ServerCache<crate::i18n::Lang>,
}

impl Store {
    /// Opens (creating when missing) the database at `url` and runs pending migrations.
    /// `sqlite::memory:` gives a private in-memory database, freed when the store is closed or
    /// dropped.
    pub async fn open(url: &str) -> Result<Self> {
        let in_memory = url.contains(":memory:");
        // In memory: a `memdb` database of a name no other store of this process has, which
        // SQLite shares between the pool and the read connections (readers.rs).
        let memory_name = in_memory.then(|| {
            static NEXT: AtomicU64 = AtomicU64::new(0);
            let n = NEXT.fetch_add(1, Ordering::Relaxed);
            format!("/rallybot-{}-{n}", std::process::id())
        });
        let options = match &memory_name {
            Some(name) => SqliteConnectOptions::new().filename(name).vfs("memdb"),
            None => SqliteConnectOptions::from_str(url)
                .map_err(|e| Error::internal("parsing DATABASE_URL", e))?,
        };
        let options = options
            .create_if_missing(true)
            .foreign_keys(true)
            .busy_timeout(BUSY_TIMEOUT)
            .synchronous(SqliteSynchronous::Normal);
        // WAL lets readers and the writer overlap; an in-memory database has no journal file.
        // Reading through a memory map saves a system call per page, and the pages are shared
        // by the pool's connections instead of cached once per connection.
        let options = if in_memory {
            options
        } else {
            options
                .journal_mode(SqliteJournalMode::Wal)
                .pragma("mmap_size", MMAP_BYTES.to_string())
        };
        // In memory, one connection, forever: every write goes through it, so a read that holds
        // it knows no write is under way (readers.rs). It can't go stale, so it is not pinged
        // before each use.
        let pool_options = if in_memory {
            SqlitePoolOptions::new()
                .max_connections(1)
                .min_connections(1)
                .idle_timeout(None)
                .max_lifetime(None)
                .test_before_acquire(false)
        } else {
            SqlitePoolOptions::new().max_connections(8)
        };
        let filename = options.get_filename().to_owned();
        let pool = pool_options
            .connect_with(options)
            .await
            .map_err(|e| Error::internal("opening the database", e))?;
        MIGRATOR
            .run(&pool)
            .await
            .map_err(|e| Error::internal("running database migrations", e))?;
        let place = match &memory_name {
            Some(name) => Place::Memory(name),
            None => Place::File(&filename),
        };
        let count = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
        let readers = Readers::open(place, count, BUSY_TIMEOUT, MMAP_BYTES)?;
        Ok(Store {
            pool,
            readers: Arc::new(readers),
            settings: ServerCache::new(SETTINGS_TTL),
            partners: ServerCache::new(PARTNERS_TTL),
            user_languages: ServerCache::new(languages::NOTED_TTL),
            server_languages: ServerCache::new(languages::NOTED_TTL),
        })
    }

    pub async fn open_in_memory() -> Result<Self> {
        Self::open("sqlite::memory:").await
    }

    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// Waits for in-flight queries and checkpoints the WAL so the file is left clean: the read
    /// connections close first, as the last connection to close removes the WAL.
    pub async fn close(&self) {
        self.readers.close().await;
        self.pool.close().await;
    }
}

pub(crate) fn to_unix(t: DateTime<Utc>) -> i64 {
    t.timestamp()
}

pub(crate) fn from_unix(secs: i64) -> Result<DateTime<Utc>> {
    Utc.timestamp_opt(secs, 0)
        .single()
        .ok_or_else(|| Error::internal("reading a stored time", format!("bad unix time {secs}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn migrations_run_twice_harmlessly() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("twice.db").display());
        let first = Store::open(&url).await.unwrap();
        first.close().await;
        let second = Store::open(&url).await.unwrap();
        let applied: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations")
            .fetch_one(second.pool())
            .await
            .unwrap();
        assert_eq!(applied as usize, MIGRATOR.iter().count());
    }

    #[tokio::test]
    async fn file_database_uses_wal_and_foreign_keys() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("wal.db").display());
        let store = Store::open(&url).await.unwrap();
        let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(store.pool())
            .await
            .unwrap();
        assert_eq!(mode, "wal");
        let mmap: i64 = sqlx::query_scalar("PRAGMA mmap_size")
            .fetch_one(store.pool())
            .await
            .unwrap();
        assert_eq!(mmap as u64, MMAP_BYTES);
        let fk: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
            .fetch_one(store.pool())
            .await
            .unwrap();
        assert_eq!(fk, 1);
        let bad = sqlx::query(
            "INSERT INTO rsvps (rally_id, user_id, status, updated_at) VALUES (999, 1, 'going', 0)",
        )
        .execute(store.pool())
        .await;
        assert!(bad.is_err(), "foreign keys must be enforced");
    }

    /// Rallies approved before the R*Tree was rebuilt are in the new index.
    #[tokio::test]
    async fn the_rebuilt_index_keeps_rallies_approved_before_it() {
        let pool = SqlitePool::connect("sqlite::memory:").await.unwrap();
        for sql in [
            include_str!("../../migrations/20261129000001_foundation.sql"),
            include_str!("../../migrations/20261129000002_rally_positions.sql"),
            include_str!("../../migrations/20261129000003_reminders.sql"),
            include_str!("../../migrations/20261129000004_reminder_notices_index.sql"),
        ] {
            sqlx::raw_sql(sql).execute(&pool).await.unwrap();
        }
        sqlx::raw_sql(
            "INSERT INTO servers (id, created_at, updated_at) VALUES (7, 0, 0);
             INSERT INTO rallies (server_id, title, place_name, latitude, longitude, time_zone,
                 starts_at, ends_at, organiser_id, status, created_at, updated_at)
             VALUES (7, 'a', 'Austin', 30.27, -97.74, 'America/Chicago', 1800000000, NULL, 1,
                     'approved', 0, 0),
                    (7, 'b', 'Austin', 30.27, -97.74, 'America/Chicago', 1800000000, 1800007200,
                     1, 'pending', 0, 0);",
        )
        .execute(&pool)
        .await
        .unwrap();
        sqlx::raw_sql(include_str!(
            "../../migrations/20261129000005_rally_positions_integers.sql"
        ))
        .execute(&pool)
        .await
        .unwrap();
        let indexed: Vec<(i64, i64, i64, i64, i64, i64, i64)> = sqlx::query_as(
            "SELECT id, min_lat, max_lon, min_minute, max_minute, min_server, max_server
             FROM rally_positions",
        )
        .fetch_all(&pool)
        .await
        .unwrap();
        // Server 7 is the first server numbered: 1, spanning [1, 2].
        let austin = (1, 30_270_000, -97_740_000, 30_000_000, 30_000_000, 1, 2);
        assert_eq!(
            indexed,
            vec![austin],
            "only the approved rally, in integers"
        );
        // The triggers follow approval after the change too; an end rounds up to the minute.
        sqlx::query("UPDATE rallies SET status = 'approved', ends_at = 1800007201 WHERE id = 2")
            .execute(&pool)
            .await
            .unwrap();
        let last: i64 = sqlx::query_scalar("SELECT max_minute FROM rally_positions WHERE id = 2")
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(last, 30_000_121);
    }

    /// Reminders and change notices written before the one outbox keep their place in it:
    /// reminders their ids (so their nonces), notices the nonce they were sent with.
    #[tokio::test]
    async fn the_outbox_takes_over_reminders_and_change_notices() {
        let pool = SqlitePool::connect("sqlite::memory:").await.unwrap();
        let before: Vec<_> = MIGRATOR
            .iter()
            .filter(|m| m.version < 20261203000008)
            .collect();
        for m in &before {
            sqlx::raw_sql(m.sql.clone()).execute(&pool).await.unwrap();
        }
        sqlx::raw_sql(
            "INSERT INTO servers (id, created_at, updated_at) VALUES (7, 0, 0);
             INSERT INTO rallies (id, server_id, title, place_name, latitude, longitude,
                 time_zone, starts_at, organiser_id, status, created_at, updated_at)
             VALUES (3, 7, 'a', 'Austin', 30.27, -97.74, 'America/Chicago', 1800000000, 1,
                 'approved', 0, 0);
             INSERT INTO reminders (id, rally_id, kind, target_id, lead_seconds, due_at,
                 status, next_attempt_at, last_error, updated_at)
             VALUES (41, 3, 'personal', 5, 3600, 1799996400, 'failed', 1799996400,
                 'their direct messages are closed', 10);
             INSERT INTO change_notices (id, rally_id, kind, target_id, text, status,
                 next_attempt_at, created_at, updated_at)
             VALUES (2, 3, 'dm', 6, 'Rally #3 is cancelled.', 'pending', 20, 20, 20);",
        )
        .execute(&pool)
        .await
        .unwrap();
        let outbox = MIGRATOR
            .iter()
            .find(|m| m.version == 20261203000008)
            .unwrap();
        sqlx::raw_sql(outbox.sql.clone())
            .execute(&pool)
            .await
            .unwrap();
        type Row = (i64, String, String, Option<String>, Option<String>, String);
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT id, kind, COALESCE(nonce, 'rallybot-' || id), payload, error_kind, status
                 FROM outbox ORDER BY id",
        )
        .fetch_all(&pool)
        .await
        .unwrap();
        assert_eq!(rows.len(), 2, "{rows:?}");
        assert_eq!(
            (rows[0].0, rows[0].1.as_str(), rows[0].2.as_str()),
            (41, "personal_reminder", "rallybot-41")
        );
        assert_eq!(rows[0].4.as_deref(), Some("dms_closed"));
        assert_eq!(
            (rows[1].1.as_str(), rows[1].2.as_str()),
            ("notice", "rallybot-change-2")
        );
        let payload: crate::domain::Notice =
            serde_json::from_str(rows[1].3.as_deref().unwrap()).unwrap();
        assert_eq!(
            payload,
            crate::domain::Notice::Text {
                text: "Rally #3 is cancelled.".into()
            }
        );
    }
}
