//! Errors: what went wrong with a user's place, and what can go wrong loading the data.

/// Forms a user can write, appended to most messages.
const FORMS: &str = "Try \"City, ST\", a 5-digit US ZIP code or \"lat,lon\".";

/// A place the user typed that could not be resolved. Each message says what to do instead.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PlaceError {
    #[error("Please give a place. {FORMS}")]
    Empty,

    #[error("That place is too long ({len} characters); {MAX_INPUT_LEN} at most. {FORMS}")]
    TooLong { len: usize },

    #[error("I don't know a place called \"{input}\".{} {FORMS}", did_you_mean(.suggestions))]
    Unknown {
        input: String,
        /// Labels of the closest known places, best first (may be empty).
        suggestions: Vec<String>,
    },

    #[error(
        "\"{input}\" is not a usable position: {reason}. Write decimal degrees as \"lat,lon\", \
         e.g. \"30.2672,-97.7431\", with latitude -90..90 and longitude -180..180."
    )]
    BadCoordinates {
        input: String,
        reason: CoordinateProblem,
    },

    #[error("I don't know the US ZIP code {zip}. Check it, or give the city instead, e.g. \"Austin, TX\".")]
    UnknownZip { zip: String },

    #[error("\"{input}\" is not a US ZIP code: those have 5 digits. {FORMS}")]
    MalformedZip { input: String },
}

/// Why numbers typed as a position are not one.
#[derive(Debug, Clone, Copy, PartialEq, thiserror::Error)]
pub enum CoordinateProblem {
    #[error("give latitude first, then longitude")]
    LongitudeFirst,
    #[error("latitude {0} is outside -90..90")]
    Latitude(f64),
    #[error("longitude {0} is outside -180..180")]
    Longitude(f64),
    #[error("expected two numbers, latitude and longitude")]
    NotTwoNumbers,
}

/// Longer input is refused before any work is done on it.
pub const MAX_INPUT_LEN: usize = 200;

fn did_you_mean(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!(" Did you mean: {}?", suggestions.join("; "))
    }
}

/// The embedded gazetteer data could not be read: a build problem, never a user problem.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    #[error("cannot decompress the gazetteer: {0}")]
    Decompress(#[from] std::io::Error),

    #[error("gazetteer data line {line}: {reason}")]
    Format { line: usize, reason: String },

    #[error("gazetteer data names an unknown time zone {0:?}")]
    UnknownTimeZone(String),
}
