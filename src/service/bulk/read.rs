//! Reading the CSV and checking every row, without touching the database.
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::{ImportError, COLUMNS, KEY_MAX, REQUIRED};
use crate::domain::Campaign;
use crate::domain::RallyFields;
use crate::error::{Field, UserError};
use crate::service::campaigns::{check_covers, name_key};
use crate::service::location::locate;
use crate::service::validate;
use when::{parse_when, parse_when_in, Lang, TimeError, When};

/// A bad row: the file's line number where it starts, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub line: u64,
    pub reason: String,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

/// A row that passed every check, ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidRow {
    pub line: u64,
    pub key: String,
    /// The key an empty `key` was given before it included the start time
    /// (`place|2027-04-17`), so a rally imported then is still found.
    pub day_key: Option<String>,
    pub fields: RallyFields,
    pub contact: String,
}

/// One raw record: its line and its values by column name.
pub struct Record {
    pub line: u64,
    values: HashMap<&'static str, String>,
}

impl Record {
    fn get(&self, column: &str) -> &str {
        self.values.get(column).map_or("", |v| v.trim())
    }
}

/// Splits the file into records, and rows that can't be records (a wrong number of fields, bad
/// UTF-8). A UTF-8 byte order mark is skipped; blank rows are dropped.
pub fn records(bytes: &[u8]) -> Result<(Vec<Record>, Vec<RowError>), ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(bytes);
    let header = reader
        .headers()
        .map_err(|e| ImportError::File(format!("The header line can't be read: {e}")))?
        .clone();
    let columns = header_columns(&header)?;
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for result in reader.records() {
        let record = match result {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                let reason = match e.kind() {
                    csv::ErrorKind::Utf8 { .. } => {
                        "is not valid UTF-8 text; save the file as CSV UTF-8".to_string()
                    }
                    _ => format!("can't be read as CSV: {e}"),
                };
                errors.push(RowError { line, reason });
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|v| v.trim().is_empty()) {
            continue;
        }
        if record.len() != header.len() {
            errors.push(RowError {
                line,
                reason: format!(
                    "has {} fields but the header has {}; check for a missing or extra comma, or quote values that contain commas",
                    record.len(),
                    header.len()
                ),
            });
            continue;
        }
        let values = columns
            .iter()
            .zip(record.iter())
            .map(|(c, v)| (*c, v.to_string()))
            .collect();
        out.push(Record { line, values });
    }
    Ok((out, errors))
}

/// The known column each header cell names; every required one must be present.
fn header_columns(header: &csv::StringRecord) -> Result<Vec<&'static str>, ImportError> {
    let mut columns = Vec::new();
    for cell in header.iter() {
        let name = cell.trim().to_ascii_lowercase().replace([' ', '-'], "_");
        let Some(known) = COLUMNS.iter().find(|c| **c == name) else {
            return Err(ImportError::File(format!(
                "The header names an unknown column \"{}\". The columns are: {}.",
                cell.trim(),
                COLUMNS.join(", ")
            )));
        };
        if columns.contains(known) {
            return Err(ImportError::File(format!(
                "The header names the column \"{known}\" twice."
            )));
        }
        columns.push(*known);
    }
    let missing: Vec<&str> = REQUIRED
        .iter()
        .filter(|r| !columns.contains(r))
        .copied()
        .collect();
    if !missing.is_empty() {
        return Err(ImportError::File(format!(
            "The header lacks the column{} {}. The first line must name the columns, e.g. {}.",
            if missing.len() == 1 { "" } else { "s" },
            missing.join(", "),
            COLUMNS.join(",")
        )));
    }
    Ok(columns)
}

/// Checks one record as the service checks a rally typed in Discord, and more: the start must
/// fall within the campaign. Every problem of the row is named.
pub fn check(
    record: &Record,
    campaign: Option<&Campaign>,
    now: DateTime<Utc>,
) -> Result<ValidRow, RowError> {
    let mut problems: Vec<String> = Vec::new();
    let mut note = |field: &str, e: UserError| problems.push(format!("{field}: {e}"));
    let title = validate::title(record.get("title"))
        .map_err(|e| note("title", e))
        .ok();
    let address = validate::address(record.get("address"))
        .map_err(|e| note("address", e))
        .ok();
    let details = validate::details(record.get("details"))
        .map_err(|e| note("details", e))
        .ok();
    let contact = contact(record.get("contact"))
        .map_err(|e| note("contact", e))
        .ok();
    let tz = Some(record.get("time_zone")).filter(|t| !t.is_empty());
    let place = if record.get("place").is_empty() {
        note("place", UserError::PlaceMissing);
        None
    } else {
        locate(record.get("place"), tz)
            .map_err(|e| note("place", e))
            .ok()
    };
    let start = place.as_ref().and_then(|p| {
        start(record.get("date"), record.get("time"), p.time_zone, now)
            .map_err(|e| note("date and time", e))
            .ok()
    });
    let ends = match (&place, start) {
        (Some(p), Some(s)) => end(record.get("ends"), s, p.time_zone)
            .map_err(|e| note("ends", e))
            .ok()
            .flatten(),
        _ => None,
    };
    if let (Some(c), Some(p), Some(s)) = (campaign, &place, start) {
        if let Err(e) = check_covers(c, s, p.time_zone) {
            note("date", e);
        }
    }
    // An empty key is the place and the local start, so a morning march and an evening vigil
    // in one city on one day are two rallies.
    let implicit = record.get("key").is_empty();
    let local = place.as_ref().zip(start).map(|(p, s)| {
        (
            name_key(&p.name),
            s.with_timezone(&p.time_zone).naive_local(),
        )
    });
    let key = if implicit {
        local
            .as_ref()
            .map(|(place, at)| format!("{place}|{}", at.format("%Y-%m-%d %H:%M")))
    } else {
        key_ok(record.get("key")).map_err(|e| problems.push(e)).ok()
    };
    let day_key = local
        .filter(|_| implicit)
        .map(|(place, at)| format!("{place}|{}", at.date()));
    let bad = |problems: Vec<String>| RowError {
        line: record.line,
        reason: problems.join("; "),
    };
    if !problems.is_empty() {
        return Err(bad(problems));
    }
    let (
        Some(title),
        Some(address),
        Some(details),
        Some(contact),
        Some(place),
        Some(start),
        Some(key),
    ) = (title, address, details, contact, place, start, key)
    else {
        return Err(bad(vec!["the row is incomplete".into()]));
    };
    Ok(ValidRow {
        line: record.line,
        key,
        day_key,
        contact,
        fields: RallyFields {
            title,
            details,
            place_name: place.name,
            address,
            latitude: place.latitude,
            longitude: place.longitude,
            time_zone: place.time_zone,
            starts_at: start,
            ends_at: ends,
            campaign_id: campaign.map(|c| c.id),
            // A spreadsheet says nothing of who may read the address: the default holds.
            address_visibility: Default::default(),
        },
    })
}

fn key_ok(key: &str) -> Result<String, String> {
    if key.chars().count() > KEY_MAX {
        return Err(format!("key: longer than {KEY_MAX} characters"));
    }
    if key.chars().any(char::is_control) {
        return Err("key: contains control characters".into());
    }
    Ok(key.to_string())
}

fn contact(raw: &str) -> Result<String, UserError> {
    validate::address(raw).map_err(|e| match e {
        UserError::AddressTooLong { len } => UserError::ContactTooLong { len },
        UserError::ControlCharacters { .. } => UserError::ControlCharacters {
            field: Field::Contact,
        },
        other => other,
    })
}

/// A spreadsheet's date or time, read as English; one in words the English reader does not
/// know may be Spanish ("30 de junio de 2027", "6 de la tarde"). Numeric dates stay month
/// first whatever the words, as the file's other rows read them.
fn read_when(text: &str, tz: Tz, now: DateTime<Utc>) -> Result<When, TimeError> {
    match parse_when(text, tz, now) {
        Err(english) if text.chars().any(char::is_alphabetic) && !has_numeric_date(text) => {
            parse_when_in(text, tz, now, Lang::Es).map_err(|_| english)
        }
        read => read,
    }
}

/// Whether the text has a date written in numbers with slashes, whose order the languages
/// read differently.
fn has_numeric_date(text: &str) -> bool {
    text.split_whitespace()
        .any(|w| w.contains('/') && w.chars().any(|c| c.is_ascii_digit()))
}

fn start(date: &str, time: &str, tz: Tz, now: DateTime<Utc>) -> Result<DateTime<Utc>, UserError> {
    if date.is_empty() || time.is_empty() {
        return Err(UserError::DateAndTimeNeeded);
    }
    let when = read_when(&format!("{date} {time}"), tz, now).map_err(UserError::Time)?;
    validate::start(when.utc, tz, now)?;
    Ok(when.utc)
}

/// An end time of the same day ("20:00"), or a date and time for a later day.
fn end(ends: &str, starts_at: DateTime<Utc>, tz: Tz) -> Result<Option<DateTime<Utc>>, UserError> {
    if ends.is_empty() {
        return Ok(None);
    }
    let when = read_when(ends, tz, starts_at).map_err(UserError::Time)?;
    validate::end(starts_at, Some(when.utc), tz)?;
    Ok(Some(when.utc))
}
