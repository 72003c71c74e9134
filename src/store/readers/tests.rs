use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use super::*;
use crate::store::Store;

fn count(s: &mut Session<'_>, table: &str) -> Result<i64> {
    s.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
        .map_err(failed("test"))
}

fn rallies(s: &mut Session<'_>) -> Result<i64> {
    count(s, "rallies")
}

fn servers(s: &mut Session<'_>) -> Result<i64> {
    count(s, "servers")
}

async fn file_store(dir: &tempfile::TempDir, name: &str) -> (Store, PathBuf) {
    let path = dir.path().join(name);
    let store = Store::open(&format!("sqlite://{}", path.display()))
        .await
        .unwrap();
    (store, path)
}

/// With every connection in use, a read waits for one to come free instead of failing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_read_waits_while_every_connection_is_busy() {
    let dir = tempfile::tempdir().unwrap();
    let (store, path) = file_store(&dir, "wait.db").await;
    let readers =
        Arc::new(Readers::open(Place::File(&path), 1, Duration::from_secs(1), 0).unwrap());

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
                    rallies(s)
                })
                .await
        }
    });
    entered_rx.await.unwrap();
    let second = tokio::spawn({
        let (readers, pool) = (readers.clone(), store.pool().clone());
        async move { readers.read(&pool, rallies).await }
    });
    tokio::task::yield_now().await;
    assert!(!second.is_finished(), "two reads shared one connection");
    finish_tx.send(()).unwrap();
    assert_eq!(first.await.unwrap().unwrap(), 0);
    assert_eq!(second.await.unwrap().unwrap(), 0);

    readers.close().await;
    let closed = readers.read(store.pool(), rallies).await;
    assert!(closed.is_err(), "read after close: {closed:?}");
}

/// A read that panics inside its transaction leaves it rolled back: the connection's next
/// read starts afresh, and the WAL can be checkpointed past the snapshot it held.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_read_that_panics_halfway_leaves_no_transaction_open() {
    let dir = tempfile::tempdir().unwrap();
    let (store, path) = file_store(&dir, "panic.db").await;
    let readers =
        Arc::new(Readers::open(Place::File(&path), 1, Duration::from_secs(1), 0).unwrap());
    let panicked = tokio::spawn({
        let (readers, pool) = (readers.clone(), store.pool().clone());
        async move {
            readers
                .read(&pool, |s| -> Result<()> {
                    s.execute_batch("BEGIN").map_err(failed("test"))?;
                    rallies(s)?;
                    panic!("halfway through a read");
                })
                .await
        }
    })
    .await;
    assert!(panicked.unwrap_err().is_panic());
    let left_open = readers
        .read(store.pool(), |s| Ok(!s.is_autocommit()))
        .await
        .unwrap();
    assert!(!left_open, "the panicked read's transaction is still open");
    store.ensure_server(9, chrono::Utc::now()).await.unwrap();
    let (busy, _, _): (i64, i64, i64) = sqlx::query_as("PRAGMA wal_checkpoint(TRUNCATE)")
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_eq!(busy, 0, "a panicked read still holds a snapshot");
    readers.close().await;
}

/// A read connection opens only a database that exists, and refuses to write to it.
#[test]
fn a_read_connection_creates_nothing_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.db");
    let opened = connect(Place::File(&missing), Duration::ZERO, 0);
    assert!(opened.is_err(), "a read connection created a database");
    assert!(!missing.exists());

    let path = dir.path().join("t.db");
    Connection::open(&path)
        .unwrap()
        .execute_batch("CREATE TABLE t (i INTEGER); INSERT INTO t VALUES (1);")
        .unwrap();
    let conn = connect(Place::File(&path), Duration::ZERO, 1 << 20).unwrap();
    let mmap: i64 = conn
        .query_row("PRAGMA mmap_size", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mmap, 1 << 20);
    let refused = conn.execute("DELETE FROM t", []).unwrap_err();
    assert!(refused.to_string().contains("readonly"), "{refused}");
}

/// The `memdb` VFS, as in-memory stores use it: connections opening one name share one
/// database, under SQLite's ordinary locks (no WAL): a reader waits out a writer's lock for up
/// to its busy timeout, and then fails.
#[test]
fn memdb_connections_share_one_database_and_wait_for_its_locks() {
    let name = format!("/rallybot-test-{}-locks", std::process::id());
    let rw = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE;
    let writer = Connection::open_with_flags_and_vfs(&name, rw, c"memdb").unwrap();
    writer
        .execute_batch("CREATE TABLE t (i INTEGER); INSERT INTO t VALUES (1);")
        .unwrap();
    let mut reader = connect(Place::Memory(&name), Duration::from_millis(200), 0).unwrap();
    let mut session = Session { conn: &mut reader };
    assert_eq!(count(&mut session, "t").unwrap(), 1);
    drop(session);
    let other = format!("/rallybot-test-{}-other", std::process::id());
    let elsewhere = Connection::open_with_flags_and_vfs(&other, rw, c"memdb").unwrap();
    let tables: i64 = elsewhere
        .query_row("SELECT COUNT(*) FROM sqlite_master", [], |r| r.get(0))
        .unwrap();
    assert_eq!(tables, 0, "another name is another database");

    // The writer holds its lock: the reader waits its busy timeout, then gives up.
    writer
        .execute_batch("BEGIN IMMEDIATE; INSERT INTO t VALUES (2);")
        .unwrap();
    let started = Instant::now();
    let refused = reader.query_row("SELECT COUNT(*) FROM t", [], |r| r.get::<_, i64>(0));
    assert!(refused.is_err(), "read during a write: {refused:?}");
    assert!(
        started.elapsed() >= Duration::from_millis(150),
        "it did not wait"
    );

    // Committed while the reader waits: the reader gets the lock and sees the write.
    reader.busy_timeout(Duration::from_secs(5)).unwrap();
    let commit = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(100));
        writer.execute_batch("COMMIT").unwrap();
        writer
    });
    let n: i64 = reader
        .query_row("SELECT COUNT(*) FROM t", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 2);
    drop(commit.join().unwrap());
}

/// Whether the `memdb` database `name` holds any table: a probe that joins it while it lives,
/// or makes (and frees) an empty one.
fn memdb_has_tables(name: &str) -> bool {
    let rw = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE;
    let probe = Connection::open_with_flags_and_vfs(name, rw, c"memdb").unwrap();
    let tables: i64 = probe
        .query_row("SELECT COUNT(*) FROM sqlite_master", [], |r| r.get(0))
        .unwrap();
    tables > 0
}

/// In-memory stores of one process are separate databases, each freed when its store is
/// closed or dropped.
#[tokio::test]
async fn in_memory_stores_are_separate_and_freed_when_done() {
    let a = Store::open_in_memory().await.unwrap();
    let b = Store::open("sqlite::memory:").await.unwrap();
    let (a_name, b_name) = (a.readers.name().to_owned(), b.readers.name().to_owned());
    assert_ne!(a_name, b_name);
    a.ensure_server(1, chrono::Utc::now()).await.unwrap();
    assert_eq!(a.readers.read(a.pool(), servers).await.unwrap(), 1);
    assert_eq!(b.readers.read(b.pool(), servers).await.unwrap(), 0);

    assert!(memdb_has_tables(&a_name));
    a.close().await;
    assert!(
        !memdb_has_tables(&a_name),
        "a closed store's database lives on"
    );
    assert_eq!(b.readers.read(b.pool(), servers).await.unwrap(), 0);

    assert!(memdb_has_tables(&b_name));
    drop(b);
    // sqlx closes a dropped pool's connection on its own thread.
    let deadline = Instant::now() + Duration::from_secs(5);
    while memdb_has_tables(&b_name) {
        assert!(
            Instant::now() < deadline,
            "a dropped store's database lives on"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// In memory a read and a write take turns through the pool's one connection, so a read never
/// waits for SQLite's lock on the runtime's thread. Here, on a runtime of one thread, a write
/// transaction is open when a read starts: the read waits for it to commit, then sees it. A
/// read that blocked the thread instead would keep the write from committing, and fail when
/// its busy timeout ran out.
#[tokio::test]
async fn an_in_memory_read_waits_for_a_write_without_blocking_it() {
    let store = Store::open_in_memory().await.unwrap();
    let (began_tx, began_rx) = tokio::sync::oneshot::channel();
    let (commit_tx, commit_rx) = tokio::sync::oneshot::channel::<()>();
    let writer = tokio::spawn({
        let pool = store.pool().clone();
        async move {
            let mut tx = pool.begin().await.unwrap();
            sqlx::query("INSERT INTO servers (id, created_at, updated_at) VALUES (7, 0, 0)")
                .execute(&mut *tx)
                .await
                .unwrap();
            began_tx.send(()).unwrap();
            commit_rx.await.unwrap();
            tx.commit().await.unwrap();
        }
    });
    began_rx.await.unwrap();
    let reader = tokio::spawn({
        let store = store.clone();
        async move { store.readers.read(store.pool(), servers).await }
    });
    for _ in 0..10 {
        tokio::task::yield_now().await;
    }
    assert!(!reader.is_finished(), "a read finished during a write");
    commit_tx.send(()).unwrap();
    writer.await.unwrap();
    assert_eq!(reader.await.unwrap().unwrap(), 1);
}
