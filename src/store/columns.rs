//! A row read by column name, whether sqlx or the raw reader (raw.rs) fetched it, so each
//! kind of row has one decoder.
use sqlx::sqlite::SqliteRow;
use sqlx::Row;

use super::raw;
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

impl Columns for raw::Row<'_> {
    fn int(&self, name: &str) -> Result<Option<i64>> {
        raw::Row::int(self, name).map_err(|e| Error::internal("reading a row", e))
    }

    fn real(&self, name: &str) -> Result<Option<f64>> {
        raw::Row::real(self, name).map_err(|e| Error::internal("reading a row", e))
    }

    fn text(&self, name: &str) -> Result<Option<String>> {
        raw::Row::text(self, name).map_err(|e| Error::internal("reading a row", e))
    }
}
