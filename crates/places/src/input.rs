//! Tells the three kinds of place input apart: a ZIP code, coordinates or a name.

use super::error::{CoordinateProblem, PlaceError, MAX_INPUT_LEN};

#[derive(Debug, PartialEq)]
pub enum Input<'a> {
    Zip(u32),
    Coordinates(f64, f64),
    Name(&'a str),
}

pub fn classify(raw: &str) -> Result<Input<'_>, PlaceError> {
    let s = raw.trim();
    if s.is_empty() {
        return Err(PlaceError::Empty);
    }
    let len = s.chars().count();
    if len > MAX_INPUT_LEN {
        return Err(PlaceError::TooLong { len });
    }
    if let Some(zip) = zip_code(s) {
        return Ok(Input::Zip(zip));
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(PlaceError::MalformedZip {
            input: s.to_string(),
        });
    }
    let bad = |reason| PlaceError::BadCoordinates {
        input: s.to_string(),
        reason,
    };
    // A label this crate made: "30.2672, -97.7431 (near Austin, Texas, US)", maybe cut short
    // by a 100-character autocomplete value.
    let numbers = s.split_once(" (").map_or(s, |(numbers, _)| numbers);
    let tokens: Vec<&str> = numbers
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|t| !t.is_empty())
        .collect();
    if let [first, second] = tokens[..] {
        if let (Some(a), Some(b)) = (coordinate(first), coordinate(second)) {
            let (lat, lon) = order(a, b).ok_or_else(|| bad(CoordinateProblem::LongitudeFirst))?;
            if !(-90.0..=90.0).contains(&lat) {
                return Err(bad(CoordinateProblem::Latitude(lat)));
            }
            if !(-180.0..=180.0).contains(&lon) {
                return Err(bad(CoordinateProblem::Longitude(lon)));
            }
            return Ok(Input::Coordinates(lat, lon));
        }
    }
    let numeric = |c: char| c.is_ascii_digit() || ".,;+-°".contains(c) || c.is_whitespace();
    if s.chars().all(numeric) && s.chars().any(|c| c.is_ascii_digit()) {
        return Err(bad(CoordinateProblem::NotTwoNumbers));
    }
    Ok(Input::Name(s))
}

/// "78701", "78701-1234", or a label this crate made: "78701 (Austin, Texas, US)".
fn zip_code(s: &str) -> Option<u32> {
    let digits = s
        .get(..5)
        .filter(|d| d.bytes().all(|b| b.is_ascii_digit()))?;
    let rest = &s[5..];
    let plus4 = |r: &str| {
        r.strip_prefix('-')
            .is_some_and(|d| d.len() == 4 && d.bytes().all(|b| b.is_ascii_digit()))
    };
    let label = |r: &str| r.starts_with(" (") && r.ends_with(')');
    (rest.is_empty() || plus4(rest) || label(rest)).then(|| digits.parse().ok())?
}

#[derive(Clone, Copy, PartialEq)]
enum Axis {
    Unknown,
    Lat,
    Lon,
}

/// One decimal-degree number, maybe with "°" and a hemisphere letter.
fn coordinate(token: &str) -> Option<(f64, Axis)> {
    let (number, hemisphere) = match token.char_indices().last()? {
        (i, c) if "NSEWnsew".contains(c) => (&token[..i], Some(c.to_ascii_uppercase())),
        _ => (token, None),
    };
    let number = number.strip_suffix('°').unwrap_or(number);
    if number.is_empty()
        || !number
            .chars()
            .all(|c| c.is_ascii_digit() || "+-.".contains(c))
    {
        return None;
    }
    let value: f64 = number.parse().ok().filter(|v: &f64| v.is_finite())?;
    match hemisphere {
        None => Some((value, Axis::Unknown)),
        Some(_) if value < 0.0 => None,
        Some('N') => Some((value, Axis::Lat)),
        Some('S') => Some((-value, Axis::Lat)),
        Some('E') => Some((value, Axis::Lon)),
        Some(_) => Some((-value, Axis::Lon)),
    }
}

/// Latitude first unless hemisphere letters say otherwise.
fn order(a: (f64, Axis), b: (f64, Axis)) -> Option<(f64, f64)> {
    match (a.1, b.1) {
        (Axis::Lon, Axis::Lat | Axis::Unknown) | (Axis::Unknown, Axis::Lat) => Some((b.0, a.0)),
        (Axis::Lat, Axis::Lat) | (Axis::Lon, Axis::Lon) => None,
        _ => Some((a.0, b.0)),
    }
}

#[cfg(test)]
mod tests {
    use super::super::PlaceError;
    use super::{classify, Input};

    #[test]
    fn recognises_zip_codes() {
        assert_eq!(classify(" 78701 "), Ok(Input::Zip(78701)));
        assert_eq!(classify("78701-1234"), Ok(Input::Zip(78701)));
        assert_eq!(classify("00601 (Adjuntas, PR)"), Ok(Input::Zip(601)));
        assert!(matches!(
            classify("7870"),
            Err(PlaceError::MalformedZip { .. })
        ));
    }

    #[test]
    fn recognises_coordinates_in_several_spellings() {
        assert_eq!(
            classify("30.25,-97.75"),
            Ok(Input::Coordinates(30.25, -97.75))
        );
        assert_eq!(
            classify("30.25 -97.75"),
            Ok(Input::Coordinates(30.25, -97.75))
        );
        assert_eq!(
            classify("30.25°N, 97.75°W"),
            Ok(Input::Coordinates(30.25, -97.75))
        );
        assert_eq!(
            classify("97.75W 30.25N"),
            Ok(Input::Coordinates(30.25, -97.75))
        );
        assert_eq!(
            classify("30.2500, -97.7500 (near Austin, Texas, US)"),
            Ok(Input::Coordinates(30.25, -97.75))
        );
        assert_eq!(
            classify("30.2500, -97.7500 (near Llanfairpwllgwyngyll…"),
            Ok(Input::Coordinates(30.25, -97.75))
        );
        assert_eq!(classify("Paris (Texas)"), Ok(Input::Name("Paris (Texas)")));
        assert!(matches!(
            classify("30.25"),
            Err(PlaceError::BadCoordinates { .. })
        ));
        assert!(matches!(
            classify("91, 0"),
            Err(PlaceError::BadCoordinates { .. })
        ));
        assert!(matches!(
            classify("0, 180.5"),
            Err(PlaceError::BadCoordinates { .. })
        ));
        assert!(matches!(
            classify("1, 2, 3"),
            Err(PlaceError::BadCoordinates { .. })
        ));
    }

    #[test]
    fn everything_else_is_a_name() {
        assert_eq!(classify("Austin, TX"), Ok(Input::Name("Austin, TX")));
        assert_eq!(classify("29 Palms"), Ok(Input::Name("29 Palms")));
        assert_eq!(classify("  "), Err(PlaceError::Empty));
    }
}
