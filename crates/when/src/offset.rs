//! ISO times that carry their own UTC offset ("2026-12-25T10:00:00-05:00",
//! "2026-12-25 15:00Z"): copied from calendars and other tools, they name an
//! instant, so the rally's zone only decides how it is shown.
use chrono::{DateTime, FixedOffset, Offset, Utc};
use chrono_tz::Tz;

use super::note::Note;
use super::When;

/// chrono's `%z` reads the offset with or without a colon ("-05:00", "-0500").
const FORMATS: &[&str] = &["%Y-%m-%d %H:%M:%S%z", "%Y-%m-%d %H:%M%z"];

/// The instant `input` names, if it is an ISO date and time with an offset.
pub(super) fn explicit(input: &str, tz: Tz) -> Option<When> {
    let at = parse(input)?;
    let utc = at.with_timezone(&Utc);
    let local = utc.with_timezone(&tz);
    // Say so only when the offset written is not the zone's own at that instant.
    let note = (local.offset().fix() != *at.offset()).then(|| Note::ForeignOffset {
        input: input.trim().to_string(),
        offset: *at.offset(),
        utc,
        tz,
    });
    Some(When {
        utc,
        tz,
        local: local.naive_local(),
        note,
    })
}

fn parse(input: &str) -> Option<DateTime<FixedOffset>> {
    let trimmed = input.trim();
    // Only a date-first string can be ISO; this keeps "6/30 6pm" etc. out early.
    if trimmed.len() < 16 || !trimmed.as_bytes()[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let mut text = trimmed.replacen(['T', 't'], " ", 1);
    if let Some(rest) = text.strip_suffix(['Z', 'z']) {
        text = format!("{rest}+00:00");
    }
    // "10:00 -05:00": the offset may follow a space.
    if let Some(i) = text.rfind([' ']).filter(|&i| i > 10) {
        if text[i + 1..].starts_with(['+', '-']) {
            text.remove(i);
        }
    }
    FORMATS
        .iter()
        .find_map(|f| DateTime::parse_from_str(&text, f).ok())
}
