//! Where the hot reads run: on read-only rusqlite connections of the store's own, on the
//! calling thread, each keeping its prepared statements. sqlx runs each connection on a thread
//! of its own and hands every command and every row across a channel (about 0.15 ms a round
//! trip), which for a search of a few small steps cost more than SQLite's own work.
//!
//! A file database (WAL) has up to four such connections; a read never waits for a writer.
//!
//! An in-memory database is a `memdb` database with a name unique in the process (see
//! `Store::open`): SQLite shares it between every connection of the process that opens that
//! name, so the pool's one connection and a read connection here see one database, under
//! SQLite's ordinary locks (no WAL), and it is freed when the last of them closes. A read
//! there first takes the pool's only connection, as a token it never uses: with it held no
//! write can be under way, so the read never waits for SQLite's lock while blocking a tokio
//! thread (a write transaction held by a task that needs that thread would stall both until
//! the busy timeout). Reads take turns there anyway, so one read connection suffices.
//! Rejected: opening sqlx's own `sqlite::memory:` database (a shared-cache one) a second time,
//! as shared-cache table locks fail at once with SQLITE_LOCKED instead of waiting out a busy
//! timeout; and borrowing the pool's connection through its raw handle, as before: no safe API.
use std::ops::{Deref, DerefMut};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};
use sqlx::SqlitePool;
use tokio::sync::Mutex;

use crate::error::{Error, Result};

/// The database the read connections open.
#[derive(Debug, Clone, Copy)]
pub(super) enum Place<'a> {
    /// A database file, which must exist (the pool made it).
    File(&'a Path),
    /// The name of a `memdb` database the pool holds open.
    Memory(&'a str),
}

/// A read's connection. A read that failed or panicked halfway must not leave a transaction
/// open (the connection could start no other, and an old snapshot stops the WAL being
/// checkpointed): dropping the session rolls back whatever its read left open.
pub(super) struct Session<'c> {
    conn: &'c mut Connection,
}

impl Deref for Session<'_> {
    type Target = Connection;

    fn deref(&self) -> &Connection {
        self.conn
    }
}

impl DerefMut for Session<'_> {
    fn deref_mut(&mut self) -> &mut Connection {
        self.conn
    }
}

impl Drop for Session<'_> {
    fn drop(&mut self) {
        if !self.conn.is_autocommit() {
            // Fails only when there is nothing to roll back.
            let _ = self.conn.execute_batch("ROLLBACK");
        }
    }
}

pub(super) struct Readers {
    /// `None` once the store is closed.
    own: Vec<Mutex<Option<Connection>>>,
    next: AtomicUsize,
    /// In memory: a read holds the pool's connection meanwhile (see the module's notes).
    hold_pool: bool,
    /// The file's path or the `memdb` database's name.
    name: String,
}

impl std::fmt::Debug for Readers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Readers({} own connections to {})",
            self.own.len(),
            self.name
        )
    }
}

/// One read-only connection to `place`.
fn connect(place: Place<'_>, busy: Duration, mmap_bytes: u64) -> rusqlite::Result<Connection> {
    // No mutex: a `Connection` is used by one thread at a time (it is `Send`, not `Sync`).
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = match place {
        Place::File(path) => {
            let conn = Connection::open_with_flags(path, flags)?;
            let mmap = i64::try_from(mmap_bytes).unwrap_or(i64::MAX);
            conn.pragma_update_and_check(None, "mmap_size", mmap, |_| Ok(()))?;
            conn
        }
        Place::Memory(name) => Connection::open_with_flags_and_vfs(name, flags, c"memdb")?,
    };
    conn.busy_timeout(busy)?;
    rusqlite::vtab::array::load_module(&conn)?;
    Ok(conn)
}

impl Readers {
    /// `count` read-only connections to `place` (one in memory, where reads take turns).
    pub(super) fn open(
        place: Place<'_>,
        count: usize,
        busy: Duration,
        mmap_bytes: u64,
    ) -> Result<Self> {
        let (in_memory, name) = match place {
            Place::File(path) => (false, path.display().to_string()),
            Place::Memory(name) => (true, name.to_owned()),
        };
        let count = if in_memory { 1 } else { count.max(1) };
        let own = (0..count)
            .map(|_| {
                let conn = connect(place, busy, mmap_bytes)
                    .map_err(|e| Error::internal("opening a read connection", e))?;
                Ok(Mutex::new(Some(conn)))
            })
            .collect::<Result<_>>()?;
        Ok(Readers {
            own,
            next: AtomicUsize::new(0),
            hold_pool: in_memory,
            name,
        })
    }

    /// The file's path or the `memdb` database's name.
    #[cfg(test)]
    pub(super) fn name(&self) -> &str {
        &self.name
    }

    /// Runs `read` on a connection of its own. `read` runs on this thread and must be short:
    /// it holds the connection (and in memory the pool's).
    pub(super) async fn read<T>(
        &self,
        pool: &SqlitePool,
        read: impl FnOnce(&mut Session<'_>) -> Result<T>,
    ) -> Result<T> {
        let _no_writes = if self.hold_pool {
            Some(pool.acquire().await?)
        } else {
            None
        };
        let start = self.next.fetch_add(1, Ordering::Relaxed);
        let n = self.own.len();
        let free = (0..n).find_map(|i| self.own[(start + i) % n].try_lock().ok());
        let mut guard = match free {
            Some(guard) => guard,
            None => self.own[start % n].lock().await,
        };
        let conn = guard
            .as_mut()
            .ok_or_else(|| Error::internal("reading", "the store is closed"))?;
        let mut session = Session { conn };
        read(&mut session)
    }

    /// Closes the own connections, waiting for reads in progress.
    pub(super) async fn close(&self) {
        for slot in &self.own {
            slot.lock().await.take();
        }
    }
}

/// A read's SQLite failure, with what it was doing.
pub(super) fn failed(context: &'static str) -> impl Fn(rusqlite::Error) -> Error {
    move |e| Error::internal(context, e)
}

#[cfg(test)]
mod tests;
