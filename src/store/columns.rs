//! A row read by column name, whether sqlx or a read connection (readers.rs) fetched it, so
//! each kind of row has one decoder.
use rusqlite::types::ValueRef;
use sqlx::sqlite::SqliteRow;
use sqlx::Row;

use crate::error::{Error, Result};

pub(super) trait Columns {
    fn int(&self, name: &str) -> Result<Option<i64>>;
    fn real(&self, name: &str) -> Result<Option<f64>>;
    fn text(&self, name: &str) -> Result<Option<String>>;

    fn need_int(&self, name: &str) -> Result<i64> {
        self.int(name)?.ok_or_else(|| null(name))
    }

    fn need_real(&self, name: &str) -> Result<f64> {
        self.real(name)?.ok_or_else(|| null(name))
    }

    fn need_text(&self, name: &str) -> Result<String> {
        self.text(name)?.ok_or_else(|| null(name))
    }
}

fn null(name: &str) -> Error {
    Error::internal("reading a row", format!("column {name} is NULL"))
}

impl Columns for SqliteRow {
    fn int(&self, name: &str) -> Result<Option<i64>> {
        Ok(self.try_get(name)?)
    }

    fn real(&self, name: &str) -> Result<Option<f64>> {
        Ok(self.try_get(name)?)
    }

    fn text(&self, name: &str) -> Result<Option<String>> {
        Ok(self.try_get(name)?)
    }
}

/// A statement's column names, sorted, with their positions: looked up once per statement,
/// where rusqlite's `Row::get(name)` compares names one by one for every value.
pub(super) struct Names(Vec<(String, usize)>);

impl Names {
    pub(super) fn of(stmt: &rusqlite::Statement<'_>) -> Self {
        let mut names: Vec<(String, usize)> = stmt
            .column_names()
            .into_iter()
            .enumerate()
            .map(|(i, name)| (name.to_owned(), i))
            .collect();
        names.sort();
        Names(names)
    }

    /// `row`, read by these names.
    pub(super) fn row<'a>(&'a self, row: &'a rusqlite::Row<'a>) -> NamedRow<'a> {
        NamedRow { names: self, row }
    }
}

/// A rusqlite row read by column name.
pub(super) struct NamedRow<'a> {
    names: &'a Names,
    row: &'a rusqlite::Row<'a>,
}

impl NamedRow<'_> {
    fn value(&self, name: &str) -> Result<ValueRef<'_>> {
        let names = &self.names.0;
        let at = names
            .binary_search_by(|(n, _)| n.as_str().cmp(name))
            .map_err(|_| Error::internal("reading a row", format!("no column {name}")))?;
        self.row
            .get_ref(names[at].1)
            .map_err(|e| Error::internal("reading a row", e))
    }
}

fn mistyped(name: &str, value: ValueRef<'_>) -> Error {
    let found = value.data_type();
    Error::internal("reading a row", format!("column {name} holds {found}"))
}

impl Columns for NamedRow<'_> {
    fn int(&self, name: &str) -> Result<Option<i64>> {
        match self.value(name)? {
            ValueRef::Null => Ok(None),
            ValueRef::Integer(v) => Ok(Some(v)),
            other => Err(mistyped(name, other)),
        }
    }

    fn real(&self, name: &str) -> Result<Option<f64>> {
        match self.value(name)? {
            ValueRef::Null => Ok(None),
            ValueRef::Real(v) => Ok(Some(v)),
            ValueRef::Integer(v) => Ok(Some(v as f64)),
            other => Err(mistyped(name, other)),
        }
    }

    fn text(&self, name: &str) -> Result<Option<String>> {
        match self.value(name)? {
            ValueRef::Null => Ok(None),
            ValueRef::Text(v) => std::str::from_utf8(v)
                .map(|s| Some(s.to_owned()))
                .map_err(|_| {
                    Error::internal("reading a row", format!("column {name} is not UTF-8"))
                }),
            other => Err(mistyped(name, other)),
        }
    }
}

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    use super::*;

    fn db() -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE t (i INTEGER, r REAL, s TEXT);
             INSERT INTO t VALUES (1, 1.5, 'one'), (NULL, NULL, NULL), (2, 3, 'two');",
        )
        .unwrap();
        conn
    }

    #[test]
    fn reads_values_and_nulls_by_column_name() {
        let conn = db();
        for _ in 0..2 {
            // Run twice: a cached statement starts over with each query.
            let mut stmt = conn
                .prepare_cached("SELECT s, i, r FROM t WHERE ?1 OR 1 ORDER BY i DESC")
                .unwrap();
            let names = Names::of(&stmt);
            let mut rows = stmt.query([0]).unwrap();
            let row = rows.next().unwrap().unwrap();
            let row = names.row(row);
            assert_eq!(row.int("i").unwrap(), Some(2));
            assert_eq!(
                row.real("r").unwrap(),
                Some(3.0),
                "an integer is a real too"
            );
            assert_eq!(row.text("s").unwrap().as_deref(), Some("two"));
            let row = rows.next().unwrap().unwrap();
            let row = names.row(row);
            assert_eq!(row.int("i").unwrap(), Some(1));
            assert_eq!(row.real("r").unwrap(), Some(1.5));
            assert_eq!(row.need_text("s").unwrap(), "one");
            assert!(row.int("nope").is_err(), "an unknown column is an error");
            assert!(row.int("r").is_err(), "a real is not an integer");
            assert!(row.text("i").is_err(), "an integer is not text");
            let row = rows.next().unwrap().unwrap();
            let row = names.row(row);
            assert_eq!(row.int("i").unwrap(), None);
            assert_eq!(row.real("r").unwrap(), None);
            assert_eq!(row.text("s").unwrap(), None);
            assert!(row.need_int("i").is_err(), "NULL where a value is needed");
            assert!(rows.next().unwrap().is_none());
        }
    }

    /// The same decoder reads the same row, whichever library fetched it.
    #[tokio::test]
    async fn sqlx_and_rusqlite_rows_read_alike() {
        let sql = "SELECT 5 - 3 AS i, 0.5 AS r, 'x' AS s, NULL AS n";
        let read = |row: &dyn Columns| {
            (
                row.int("i").unwrap(),
                row.real("r").unwrap(),
                row.text("s").unwrap(),
                row.text("n").unwrap(),
            )
        };
        let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
        let row = sqlx::query(sql).fetch_one(&pool).await.unwrap();
        let by_sqlx = read(&row);
        let conn = db();
        let mut stmt = conn.prepare(sql).unwrap();
        let names = Names::of(&stmt);
        let mut rows = stmt.query([]).unwrap();
        let by_rusqlite = read(&names.row(rows.next().unwrap().unwrap()));
        assert_eq!(by_sqlx, by_rusqlite);
        assert_eq!(by_sqlx, (Some(2), Some(0.5), Some("x".into()), None));
    }
}
