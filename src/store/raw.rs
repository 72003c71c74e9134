//! SQLite's C API on the calling thread, for the one read that must be fast: nearby search.
//! sqlx runs each connection on its own thread and hands every command and every row across
//! a channel; for a search that takes a few small steps those hand-overs cost more than
//! SQLite's own work (see issue 3's closing notes). This is the same SQLite sqlx bundles.
use std::ffi::{c_int, CStr, CString};
use std::marker::PhantomData;
use std::path::Path;
use std::ptr::{self, NonNull};
use std::time::Duration;

use libsqlite3_sys as ffi;

/// A failed SQLite call: its result code and message.
#[derive(Debug, thiserror::Error)]
#[error("SQLite error {code}: {message}")]
pub(super) struct SqliteError {
    code: c_int,
    message: String,
}

impl SqliteError {
    /// The error `code` left on `db`.
    fn on(db: *mut ffi::sqlite3, code: c_int) -> Self {
        // SAFETY: `db` is a live connection (or null, which SQLite answers with a static
        // "out of memory" message); the message is copied before any other call on it.
        let message = unsafe {
            let msg = ffi::sqlite3_errmsg(db);
            if msg.is_null() {
                String::new()
            } else {
                CStr::from_ptr(msg).to_string_lossy().into_owned()
            }
        };
        SqliteError { code, message }
    }

    fn plain(message: impl Into<String>) -> Self {
        SqliteError {
            code: ffi::SQLITE_MISUSE,
            message: message.into(),
        }
    }
}

pub(super) type RawResult<T> = std::result::Result<T, SqliteError>;

/// A read-only connection of this process's own, closed on drop.
pub(super) struct Connection {
    db: NonNull<ffi::sqlite3>,
}

// SAFETY: the bundled SQLite is built thread-safe; a connection may move between threads as
// long as one thread uses it at a time, which `&mut self` on every use guarantees.
unsafe impl Send for Connection {}

impl Connection {
    /// Opens the database file at `path` for reading: it must exist (the pool made it).
    pub(super) fn open_read_only(path: &Path, busy: Duration, mmap_bytes: u64) -> RawResult<Self> {
        let name = CString::new(path.as_os_str().as_encoded_bytes())
            .map_err(|_| SqliteError::plain("the database path contains a NUL byte"))?;
        let mut db = ptr::null_mut();
        // SAFETY: `name` is NUL-terminated and outlives the call; `db` receives the handle,
        // which SQLite allocates even when opening fails, so it is closed on every path.
        let rc = unsafe {
            ffi::sqlite3_open_v2(
                name.as_ptr(),
                &mut db,
                ffi::SQLITE_OPEN_READONLY | ffi::SQLITE_OPEN_NOMUTEX,
                ptr::null(),
            )
        };
        let Some(db) = NonNull::new(db) else {
            return Err(SqliteError::plain("SQLite could not allocate a connection"));
        };
        let conn = Connection { db };
        if rc != ffi::SQLITE_OK {
            return Err(SqliteError::on(conn.ptr(), rc));
        }
        let ms = c_int::try_from(busy.as_millis()).unwrap_or(c_int::MAX);
        // SAFETY: a live connection.
        let rc = unsafe { ffi::sqlite3_busy_timeout(conn.ptr(), ms) };
        if rc != ffi::SQLITE_OK {
            return Err(SqliteError::on(conn.ptr(), rc));
        }
        conn.execute(&format!("PRAGMA mmap_size = {mmap_bytes}"))?;
        Ok(conn)
    }

    pub(super) fn ptr(&self) -> *mut ffi::sqlite3 {
        self.db.as_ptr()
    }

    /// Runs `sql`, ignoring any rows.
    fn execute(&self, sql: &str) -> RawResult<()> {
        let mut stmt = Statement::prepare(self.ptr(), sql, false)?;
        let mut rows = stmt.query(&[])?;
        while rows.next()?.is_some() {}
        Ok(())
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        // SAFETY: the handle is live and closed once, after its statements (readers.rs drops
        // them first; otherwise SQLite refuses to close and the handle leaks, never dangles).
        unsafe {
            ffi::sqlite3_close(self.ptr());
        }
    }
}

/// A value bound to a statement's parameter.
#[derive(Debug, Clone, Copy)]
pub(super) enum Value {
    Int(i64),
    Null,
}

impl From<Option<i64>> for Value {
    fn from(v: Option<i64>) -> Self {
        v.map_or(Value::Null, Value::Int)
    }
}

/// A prepared statement, finalized on drop. It must not outlive its connection.
pub(super) struct Statement {
    stmt: NonNull<ffi::sqlite3_stmt>,
    /// Column names, sorted, with their positions: rows are read by name.
    columns: Vec<(String, c_int)>,
}

// SAFETY: as for `Connection`; a statement is used through `&mut self` only.
unsafe impl Send for Statement {}

impl Statement {
    /// Prepares `sql` on `db`; `keep` tells SQLite the statement will be reused many times.
    pub(super) fn prepare(db: *mut ffi::sqlite3, sql: &str, keep: bool) -> RawResult<Self> {
        let len = c_int::try_from(sql.len()).map_err(|_| SqliteError::plain("SQL too long"))?;
        let flags = if keep {
            ffi::SQLITE_PREPARE_PERSISTENT
        } else {
            0
        };
        let mut stmt = ptr::null_mut();
        // SAFETY: `db` is live; `sql` is valid for `len` bytes (no NUL needed with a length).
        let rc = unsafe {
            ffi::sqlite3_prepare_v3(
                db,
                sql.as_ptr().cast(),
                len,
                flags,
                &mut stmt,
                ptr::null_mut(),
            )
        };
        if rc != ffi::SQLITE_OK {
            return Err(SqliteError::on(db, rc));
        }
        let stmt = NonNull::new(stmt).ok_or_else(|| SqliteError::plain("no statement in SQL"))?;
        let mut statement = Statement {
            stmt,
            columns: Vec::new(),
        };
        // SAFETY: a live statement; names are copied before the next call on it.
        unsafe {
            let n = ffi::sqlite3_column_count(stmt.as_ptr());
            for i in 0..n {
                let name = ffi::sqlite3_column_name(stmt.as_ptr(), i);
                if !name.is_null() {
                    let name = CStr::from_ptr(name).to_string_lossy().into_owned();
                    statement.columns.push((name, i));
                }
            }
        }
        statement.columns.sort();
        Ok(statement)
    }

    /// Binds `params` to ?1, ?2, ... and starts the statement over.
    pub(super) fn query(&mut self, params: &[Value]) -> RawResult<Rows<'_>> {
        let stmt = self.stmt.as_ptr();
        // SAFETY: a live statement, bound by value.
        unsafe {
            ffi::sqlite3_reset(stmt);
            ffi::sqlite3_clear_bindings(stmt);
            for (i, value) in params.iter().enumerate() {
                let at = c_int::try_from(i + 1).unwrap_or(c_int::MAX);
                let rc = match *value {
                    Value::Int(v) => ffi::sqlite3_bind_int64(stmt, at, v),
                    Value::Null => ffi::sqlite3_bind_null(stmt, at),
                };
                if rc != ffi::SQLITE_OK {
                    return Err(SqliteError::on(ffi::sqlite3_db_handle(stmt), rc));
                }
            }
        }
        Ok(Rows {
            statement: self,
            done: false,
        })
    }
}

impl Drop for Statement {
    fn drop(&mut self) {
        // SAFETY: the statement is live and finalized once.
        unsafe {
            ffi::sqlite3_finalize(self.stmt.as_ptr());
        }
    }
}

/// The rows of one run of a statement; the statement is reset when they are dropped, which
/// ends its read transaction.
pub(super) struct Rows<'s> {
    statement: &'s mut Statement,
    done: bool,
}

impl Rows<'_> {
    /// The next row, or `None` after the last.
    pub(super) fn next(&mut self) -> RawResult<Option<Row<'_>>> {
        if self.done {
            return Ok(None);
        }
        let stmt = self.statement.stmt.as_ptr();
        // SAFETY: a live statement with its parameters bound.
        let rc = unsafe { ffi::sqlite3_step(stmt) };
        match rc {
            ffi::SQLITE_ROW => Ok(Some(Row {
                stmt,
                columns: &self.statement.columns,
                _rows: PhantomData,
            })),
            ffi::SQLITE_DONE => {
                self.done = true;
                Ok(None)
            }
            _ => {
                self.done = true;
                // SAFETY: a live statement; its connection holds the error's message.
                Err(SqliteError::on(unsafe { ffi::sqlite3_db_handle(stmt) }, rc))
            }
        }
    }
}

impl Drop for Rows<'_> {
    fn drop(&mut self) {
        // SAFETY: a live statement, borrowed mutably by these rows.
        unsafe {
            ffi::sqlite3_reset(self.statement.stmt.as_ptr());
        }
    }
}

/// The current row; valid until the next step.
pub(super) struct Row<'r> {
    stmt: *mut ffi::sqlite3_stmt,
    columns: &'r [(String, c_int)],
    _rows: PhantomData<&'r mut ()>,
}

impl Row<'_> {
    fn index(&self, name: &str) -> RawResult<c_int> {
        self.columns
            .binary_search_by(|(n, _)| n.as_str().cmp(name))
            .map(|at| self.columns[at].1)
            .map_err(|_| SqliteError::plain(format!("no column {name}")))
    }

    fn is_null(&self, i: c_int) -> bool {
        // SAFETY: a live statement on a row; `i` is one of its columns.
        unsafe { ffi::sqlite3_column_type(self.stmt, i) == ffi::SQLITE_NULL }
    }

    pub(super) fn int(&self, name: &str) -> RawResult<Option<i64>> {
        let i = self.index(name)?;
        // SAFETY: as in `is_null`.
        Ok((!self.is_null(i)).then(|| unsafe { ffi::sqlite3_column_int64(self.stmt, i) }))
    }

    pub(super) fn real(&self, name: &str) -> RawResult<Option<f64>> {
        let i = self.index(name)?;
        // SAFETY: as in `is_null`.
        Ok((!self.is_null(i)).then(|| unsafe { ffi::sqlite3_column_double(self.stmt, i) }))
    }

    pub(super) fn text(&self, name: &str) -> RawResult<Option<String>> {
        let i = self.index(name)?;
        if self.is_null(i) {
            return Ok(None);
        }
        // SAFETY: as in `is_null`; the text pointer is read before the length, as SQLite asks,
        // and copied before the next call on the statement.
        let text = unsafe {
            let p = ffi::sqlite3_column_text(self.stmt, i);
            let n = usize::try_from(ffi::sqlite3_column_bytes(self.stmt, i)).unwrap_or(0);
            if p.is_null() {
                return Ok(Some(String::new()));
            }
            std::slice::from_raw_parts(p, n)
        };
        String::from_utf8(text.to_vec())
            .map(Some)
            .map_err(|_| SqliteError::plain(format!("column {name} is not UTF-8")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A database file with one table of two rows, written through a read-write handle.
    fn file_db() -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("raw.db");
        let name = CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
        let mut db = ptr::null_mut();
        // SAFETY: a fresh handle, used on this thread and closed at the end.
        unsafe {
            let flags = ffi::SQLITE_OPEN_READWRITE | ffi::SQLITE_OPEN_CREATE;
            assert_eq!(
                ffi::sqlite3_open_v2(name.as_ptr(), &mut db, flags, ptr::null()),
                0
            );
            let sql = c"CREATE TABLE t (i INTEGER, r REAL, s TEXT);
                        INSERT INTO t VALUES (1, 1.5, 'one'), (NULL, NULL, NULL);";
            let rc = ffi::sqlite3_exec(db, sql.as_ptr(), None, ptr::null_mut(), ptr::null_mut());
            assert_eq!(rc, 0);
            assert_eq!(ffi::sqlite3_close(db), 0);
        }
        (dir, path)
    }

    fn open(path: &Path) -> Connection {
        Connection::open_read_only(path, Duration::from_millis(100), 0).unwrap()
    }

    #[test]
    fn reads_values_and_nulls_by_column_name() {
        let (_dir, path) = file_db();
        let conn = open(&path);
        let mut stmt = Statement::prepare(
            conn.ptr(),
            "SELECT i, r, s FROM t WHERE ?1 OR 1 ORDER BY i DESC",
            true,
        )
        .unwrap();
        for _ in 0..2 {
            // Run twice: a kept statement starts over with each query.
            let mut rows = stmt.query(&[Value::Int(0)]).unwrap();
            let row = rows.next().unwrap().unwrap();
            assert_eq!(row.int("i").unwrap(), Some(1));
            assert_eq!(row.real("r").unwrap(), Some(1.5));
            assert_eq!(row.text("s").unwrap().as_deref(), Some("one"));
            assert!(row.int("nope").is_err(), "an unknown column is an error");
            let row = rows.next().unwrap().unwrap();
            assert_eq!(row.int("i").unwrap(), None);
            assert_eq!(row.real("r").unwrap(), None);
            assert_eq!(row.text("s").unwrap(), None);
            assert!(rows.next().unwrap().is_none());
            assert!(rows.next().unwrap().is_none(), "done stays done");
        }
    }

    #[test]
    fn binds_parameters_in_order() {
        let (_dir, path) = file_db();
        let conn = open(&path);
        // A difference, so swapped parameters would show.
        let mut stmt =
            Statement::prepare(conn.ptr(), "SELECT ?1 - ?2 AS diff, ?3 AS none", false).unwrap();
        let mut rows = stmt
            .query(&[Value::Int(5), Value::Int(3), Value::from(None::<i64>)])
            .unwrap();
        let row = rows.next().unwrap().unwrap();
        assert_eq!(row.int("diff").unwrap(), Some(2));
        assert_eq!(row.int("none").unwrap(), None);
    }

    #[test]
    fn failures_carry_sqlite_s_message() {
        let (dir, path) = file_db();
        let conn = open(&path);
        let bad = Statement::prepare(conn.ptr(), "SELECT nope FROM t", false)
            .err()
            .unwrap();
        assert!(bad.to_string().contains("no such column: nope"), "{bad}");
        let mut write = Statement::prepare(conn.ptr(), "DELETE FROM t", false).unwrap();
        let refused = write.query(&[]).unwrap().next().err().unwrap();
        assert!(refused.to_string().contains("readonly"), "{refused}");
        let missing = Connection::open_read_only(&dir.path().join("missing.db"), Duration::ZERO, 0);
        assert!(
            missing.is_err(),
            "a read connection must not create a database"
        );
        assert!(!dir.path().join("missing.db").exists());
    }
}
