//! The store: SQLite through sqlx. Every query of rallybot lives in this folder.
mod abuse;
mod audit;
mod changes;
mod positions;
mod rallies;
mod reminders;
mod rsvps;
mod servers;

use std::str::FromStr;
use std::time::Duration;

use chrono::{DateTime, TimeZone, Utc};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;

pub use positions::Position;
pub use reminders::NewReminder;
pub use rsvps::GoingRsvp;

use crate::error::{Error, Result};

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

#[derive(Clone, Debug)]
pub struct Store {
    pool: SqlitePool,
}

impl Store {
    /// Opens (creating when missing) the database at `url` and runs pending migrations.
    /// `sqlite::memory:` gives a private in-memory database.
    pub async fn open(url: &str) -> Result<Self> {
        let in_memory = url.contains(":memory:");
        let options = SqliteConnectOptions::from_str(url)
            .map_err(|e| Error::internal("parsing DATABASE_URL", e))?
            .create_if_missing(true)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5))
            .synchronous(SqliteSynchronous::Normal);
        // WAL lets readers and the writer overlap; an in-memory database has no journal file.
        let options = if in_memory {
            options
        } else {
            options.journal_mode(SqliteJournalMode::Wal)
        };
        // Each connection to :memory: is its own database, so keep exactly one, forever.
        let pool_options = if in_memory {
            SqlitePoolOptions::new()
                .max_connections(1)
                .min_connections(1)
                .idle_timeout(None)
                .max_lifetime(None)
        } else {
            SqlitePoolOptions::new().max_connections(8)
        };
        let pool = pool_options
            .connect_with(options)
            .await
            .map_err(|e| Error::internal("opening the database", e))?;
        MIGRATOR
            .run(&pool)
            .await
            .map_err(|e| Error::internal("running database migrations", e))?;
        Ok(Store { pool })
    }

    pub async fn open_in_memory() -> Result<Self> {
        Self::open("sqlite::memory:").await
    }

    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// Waits for in-flight queries and checkpoints the WAL so the file is left clean.
    pub async fn close(&self) {
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
}
