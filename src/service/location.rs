//! Turns what the user typed as a place into coordinates, a name and a time zone.
use chrono_tz::Tz;

use super::notes::Note;
use crate::error::UserError;
use places::Gazetteer;

#[derive(Debug, Clone, PartialEq)]
pub struct Located {
    pub name: String,
    pub latitude: f64,
    pub longitude: f64,
    pub time_zone: Tz,
    /// Something the user should know, e.g. other places with the same name.
    pub note: Option<Note>,
}

/// Resolves `place` through the gazetteer; `tz`, when given, overrides the place's time zone.
pub fn locate(place: &str, tz: Option<&str>) -> Result<Located, UserError> {
    let resolved = Gazetteer::global()
        .resolve(place)
        .map_err(UserError::Place)?;
    let time_zone = match tz.map(str::trim).filter(|t| !t.is_empty()) {
        Some(tz) => parse_time_zone(tz)?,
        None => resolved.place.tz,
    };
    let note = (!resolved.alternatives.is_empty()).then(|| Note::PlaceGuess {
        typed: place.trim().to_string(),
        chosen: resolved.place.label.clone(),
        others: resolved.alternatives.clone(),
    });
    Ok(Located {
        name: resolved.place.label,
        latitude: resolved.place.lat,
        longitude: resolved.place.lon,
        time_zone,
        note,
    })
}

pub fn parse_time_zone(tz: &str) -> Result<Tz, UserError> {
    tz.trim()
        .parse::<Tz>()
        .map_err(|_| UserError::UnknownTimeZone {
            input: tz.trim().to_string(),
        })
}
