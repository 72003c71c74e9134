//! Where raw reads (raw.rs) run: on read-only connections of the store's own, each keeping its
//! prepared statements. An in-memory database can have no second connection, so there a read
//! borrows the pool's one connection instead and prepares its statements each time.
use std::collections::HashMap;
use std::path::Path;
use std::ptr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use libsqlite3_sys as ffi;
use sqlx::SqlitePool;
use tokio::sync::Mutex;

use super::raw::{Connection, RawResult, Statement};
use crate::error::{Error, Result};

/// What a raw read works with: statements prepared on demand on one connection.
pub(super) struct Session<'c> {
    db: *mut ffi::sqlite3,
    statements: &'c mut HashMap<&'static str, Statement>,
    /// Whether the statements outlive this read (then SQLite is told they will be reused).
    keep: bool,
}

impl Session<'_> {
    /// Starts a read transaction: what follows reads one snapshot of the database until
    /// `end`, or until the session is over.
    pub(super) fn begin(&mut self) -> RawResult<()> {
        self.statement("BEGIN")?.query(&[])?.next().map(|_| ())
    }

    pub(super) fn end(&mut self) -> RawResult<()> {
        self.statement("COMMIT")?.query(&[])?.next().map(|_| ())
    }

    pub(super) fn statement(&mut self, sql: &'static str) -> RawResult<&mut Statement> {
        if !self.statements.contains_key(sql) {
            let prepared = Statement::prepare(self.db, sql, self.keep)?;
            self.statements.insert(sql, prepared);
        }
        Ok(self
            .statements
            .get_mut(sql)
            .expect("the statement was just prepared"))
    }
}

impl Drop for Session<'_> {
    /// A read that failed or panicked halfway must not leave its transaction open: the
    /// connection could start no other, and an old snapshot stops the WAL being checkpointed.
    fn drop(&mut self) {
        // SAFETY: the connection is live and held by this session; its statements were reset
        // when their rows were dropped, before the session.
        unsafe {
            if ffi::sqlite3_get_autocommit(self.db) == 0 {
                let sql = c"ROLLBACK";
                ffi::sqlite3_exec(
                    self.db,
                    sql.as_ptr(),
                    None,
                    ptr::null_mut(),
                    ptr::null_mut(),
                );
            }
        }
    }
}

struct Own {
    // Declared first so they are finalized before the connection closes.
    statements: HashMap<&'static str, Statement>,
    conn: Connection,
}

pub(super) struct Readers {
    /// Empty for an in-memory database. `None` once the store is closed.
    own: Vec<Mutex<Option<Own>>>,
    next: AtomicUsize,
}

impl std::fmt::Debug for Readers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Readers({} own connections)", self.own.len())
    }
}

impl Readers {
    /// `count` read-only connections to the database file at `path`.
    pub(super) fn open(path: &Path, count: usize, busy: Duration, mmap_bytes: u64) -> Result<Self> {
        let own = (0..count.max(1))
            .map(|_| {
                let conn = Connection::open_read_only(path, busy, mmap_bytes)
                    .map_err(|e| Error::internal("opening a read connection", e))?;
                Ok(Mutex::new(Some(Own {
                    statements: HashMap::new(),
                    conn,
                })))
            })
            .collect::<Result<_>>()?;
        Ok(Readers {
            own,
            next: AtomicUsize::new(0),
        })
    }

    pub(super) fn in_memory() -> Self {
        Readers {
            own: Vec::new(),
            next: AtomicUsize::new(0),
        }
    }

    /// Runs `read` on a connection of its own, the pool's for an in-memory database. `read`
    /// runs on this thread and must be short: it holds the connection.
    pub(super) async fn read<T>(
        &self,
        pool: &SqlitePool,
        read: impl FnOnce(&mut Session<'_>) -> Result<T>,
    ) -> Result<T> {
        if self.own.is_empty() {
            let mut conn = pool.acquire().await?;
            let mut handle = conn.lock_handle().await?;
            let mut statements = HashMap::new();
            let out = read(&mut Session {
                db: handle.as_raw_handle().as_ptr(),
                statements: &mut statements,
                keep: false,
            });
            // Finalized while the connection is still locked for this thread.
            drop(statements);
            return out;
        }
        let start = self.next.fetch_add(1, Ordering::Relaxed);
        let n = self.own.len();
        let free = (0..n).find_map(|i| self.own[(start + i) % n].try_lock().ok());
        let mut guard = match free {
            Some(guard) => guard,
            None => self.own[start % n].lock().await,
        };
        let own = guard
            .as_mut()
            .ok_or_else(|| Error::internal("reading", "the store is closed"))?;
        let mut session = Session {
            db: own.conn.ptr(),
            statements: &mut own.statements,
            keep: true,
        };
        read(&mut session)
    }

    /// Closes the own connections, waiting for reads in progress.
    pub(super) async fn close(&self) {
        for slot in &self.own {
            slot.lock().await.take();
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::store::Store;

    /// With every connection in use, a read waits for one to come free instead of failing.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_read_waits_while_every_connection_is_busy() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("wait.db");
        let store = Store::open(&format!("sqlite://{}", path.display()))
            .await
            .unwrap();
        let readers = Arc::new(Readers::open(&path, 1, Duration::from_secs(1), 0).unwrap());
        let count = |s: &mut Session<'_>| -> Result<i64> {
            let raw = |e| Error::internal("test", e);
            let stmt = s
                .statement("SELECT COUNT(*) AS n FROM rallies")
                .map_err(raw)?;
            let mut rows = stmt.query(&[]).map_err(raw)?;
            let row = rows.next().map_err(raw)?.expect("one row");
            Ok(row.int("n").map_err(raw)?.unwrap_or(-1))
        };

        // The first read holds the only connection until told to finish.
        let (entered_tx, entered_rx) = tokio::sync::oneshot::channel();
        let (finish_tx, finish_rx) = std::sync::mpsc::channel::<()>();
        let first = tokio::spawn({
            let (readers, pool) = (readers.clone(), store.pool().clone());
            async move {
                readers
                    .read(&pool, move |s| {
                        entered_tx.send(()).unwrap();
                        finish_rx.recv().unwrap();
                        count(s)
                    })
                    .await
            }
        });
        entered_rx.await.unwrap();
        let second = tokio::spawn({
            let (readers, pool) = (readers.clone(), store.pool().clone());
            async move { readers.read(&pool, count).await }
        });
        tokio::task::yield_now().await;
        assert!(!second.is_finished(), "two reads shared one connection");
        finish_tx.send(()).unwrap();
        assert_eq!(first.await.unwrap().unwrap(), 0);
        assert_eq!(second.await.unwrap().unwrap(), 0);

        readers.close().await;
        let closed = readers.read(store.pool(), count).await;
        assert!(closed.is_err(), "read after close: {closed:?}");
    }
}
