//! Bulk import and export of a campaign's rallies as the CSV a coalition keeps in a
//! spreadsheet. One format both ways, so an export imports back with no change.
//!
//! Columns (header names are case-insensitive, in any order):
//! `key, title, place, address, date, time, ends, time_zone, contact, details`; `title`,
//! `place`, `date` and `time` are required. Dates and times are read in English, and in Spanish
//! where they have words the English reader does not know ("17 de abril de 2027"). The `key` identifies a row's rally across imports:
//! importing a row whose key is already known updates that rally instead of adding one. A row
//! without a key gets `place|date` (the place as resolved, the local date) as its key.
mod export;
mod import;
mod read;

pub use import::{ImportOptions, ImportReport, Progress};
pub use read::RowError;

/// Every column, in the order export writes them.
pub const COLUMNS: [&str; 10] = [
    "key",
    "title",
    "place",
    "address",
    "date",
    "time",
    "ends",
    "time_zone",
    "contact",
    "details",
];
/// Columns a file must have.
pub const REQUIRED: [&str; 4] = ["title", "place", "date", "time"];
/// Keys are short: a spreadsheet's row id, a slug or a number.
pub const KEY_MAX: usize = 100;
/// Exported rallies that were not imported get this key plus their number, and an import
/// matches such a key back to that rally.
pub const RALLY_KEY_PREFIX: &str = "rally-";

/// Why an import wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file can't be read as CSV with the expected header.
    #[error("{0}")]
    File(String),
    /// Some rows are bad: each with its line number and reason. Nothing was written.
    #[error("{} rows have problems; nothing was imported", .0.len())]
    Rows(Vec<RowError>),
    #[error(transparent)]
    Internal(#[from] crate::error::Error),
}
