//! A place that could not be found, in the asker's language. Place names are the gazetteer's,
//! in every language.
use super::Style;
use crate::i18n::Lang;
use crate::t;
use places::{CoordinateProblem, PlaceError, MAX_INPUT_LEN};

pub fn place_error(e: &PlaceError, style: &dyn Style, lang: Lang) -> String {
    match e {
        PlaceError::Empty => t!(lang, "place-empty"),
        PlaceError::TooLong { len } => t!(lang, "place-too-long", len = *len, max = MAX_INPUT_LEN),
        PlaceError::Unknown { input, suggestions } if suggestions.is_empty() => {
            t!(lang, "place-unknown", input = style.text(input))
        }
        PlaceError::Unknown { input, suggestions } => t!(
            lang,
            "place-unknown-suggest",
            input = style.text(input),
            suggestions = style.text(&suggestions.join("; "))
        ),
        PlaceError::BadCoordinates { input, reason } => t!(
            lang,
            "place-bad-coordinates",
            input = style.text(input),
            reason = coordinates(*reason, lang)
        ),
        PlaceError::UnknownZip { zip } => t!(lang, "place-unknown-zip", zip = style.text(zip)),
        PlaceError::MalformedZip { input } => {
            t!(lang, "place-malformed-zip", input = style.text(input))
        }
    }
}

/// Why numbers are not a position. The numbers are said as typed (with a decimal point), as
/// the person has to type them again.
fn coordinates(p: CoordinateProblem, lang: Lang) -> String {
    match p {
        CoordinateProblem::LongitudeFirst => t!(lang, "coordinates-longitude-first"),
        CoordinateProblem::Latitude(value) => {
            t!(lang, "coordinates-latitude", value = value.to_string())
        }
        CoordinateProblem::Longitude(value) => {
            t!(lang, "coordinates-longitude", value = value.to_string())
        }
        CoordinateProblem::NotTwoNumbers => t!(lang, "coordinates-not-two-numbers"),
    }
}
