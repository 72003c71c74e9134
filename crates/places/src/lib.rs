//! places: the offline gazetteer, place resolution and autocomplete.
//!
//! The gazetteer (every GeoNames place of 1,000 people or more, and US ZIP code centroids) is
//! embedded in the binary; see data/README.md for sources, licences and the file format.
//! [`Gazetteer::global`] loads it once. All lookups are in memory, without I/O.
//!
//! What [`Gazetteer::resolve`] accepts:
//! - "City, ST", "City, State", "City ST", "City State" (US states, also a few Canadian and
//!   Australian abbreviations), "City, Country" (ISO code or name), "City, State, Country";
//! - "City" alone: the most populous place of that name, others in `alternatives`;
//! - alternate names the data carries ("Philly", "NYC");
//! - a 5-digit US ZIP code (ZIP+4 too);
//! - "lat,lon" in decimal degrees (also "lat lon", or with N/S/E/W suffixes).
//!
//! Case, accents, punctuation and extra spaces are ignored. Labels that this crate produces
//! (in [`Place::label`] and [`Suggestion::label`]) resolve back to a place with that label;
//! where two places in one state share a name, to the more populous one.
//!
//! Loading takes a few hundred milliseconds in a release build; call [`Gazetteer::global`]
//! once at startup so that the first user does not wait.

mod assemble;
mod autocomplete;
mod data;
mod error;
mod fuzzy;
mod geo;
mod input;
mod names;
mod normalize;
mod qualifier;
mod resolve;
mod spatial;

#[cfg(test)]
mod tests;

use std::ops::Range;
use std::sync::OnceLock;

use chrono_tz::Tz;

pub use error::{CoordinateProblem, GazetteerError, PlaceError, MAX_INPUT_LEN};
pub use geo::{distance_km, EARTH_RADIUS_KM};

/// A resolved place.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// For people: "Austin, Texas, US", "78701 (Austin, Texas, US)" or
    /// "30.2672, -97.7431 (near Austin, Texas, US)" ("30.2672, -97.7431" far from any place).
    pub label: String,
    /// The city's name ("Austin"); for a ZIP code the place that names its area; None for
    /// coordinates.
    pub city: Option<String>,
    /// The GeoNames admin1 code: the state code for the US ("TX"), often a number elsewhere.
    pub admin1: Option<String>,
    /// The admin1 name ("Texas"), when the data has one.
    pub admin1_name: Option<String>,
    /// ISO 3166 alpha-2 country code ("US"); for coordinates that of the nearest place.
    pub country: String,
    pub lat: f64,
    pub lon: f64,
    /// The IANA time zone; for ZIP codes and coordinates that of the nearest place.
    pub tz: Tz,
    pub kind: PlaceKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    City { population: u32 },
    Zip,
    Coordinates,
}

/// The result of [`Gazetteer::resolve`].
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub place: Place,
    /// Labels of other places the input could have meant, most populous first (at most 5).
    pub alternatives: Vec<String>,
}

/// One autocomplete choice. Passing `label` to [`Gazetteer::resolve`] gives that place back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub label: String,
}

/// At most this many autocomplete suggestions (Discord's own limit).
pub const MAX_SUGGESTIONS: usize = 25;

/// At most this many `alternatives` and error suggestions.
const MAX_ALTERNATIVES: usize = 5;
/// Coordinates within this many km of a place are labelled "near" it.
const NEAR_KM: f64 = 20.0;

/// The loaded gazetteer. Immutable, so it is `Send + Sync` and shared freely.
pub struct Gazetteer {
    /// Every string (display names and normalised keys); records hold spans into it.
    text: String,
    /// Sorted by population, most populous first, so a lower index ranks higher.
    places: Vec<PlaceRec>,
    /// Sorted by (country, code), so each country's admin1 areas are contiguous.
    admin1: Vec<Admin1>,
    countries: Vec<Country>,
    zones: Vec<Tz>,
    names: names::NameIndex,
    qualifiers: qualifier::Qualifiers,
    /// Place indices grouped by admin1 area (in `admin1` order), each group by population.
    region_order: Vec<u32>,
    /// Sorted by code.
    zips: Vec<ZipRec>,
    tree: spatial::KdTree,
    /// Places `0..fuzzy_pool` are big enough to be offered for an unrecognised name.
    fuzzy_pool: usize,
    /// `fuzzy::letter_mask` of the keys of places `0..fuzzy_pool`, to skip most quickly.
    fuzzy_masks: Vec<u64>,
    /// Autocomplete results for one- and two-character prefixes, filled on first use.
    short_prefixes: Vec<OnceLock<Vec<u32>>>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Span {
    start: u32,
    len: u32,
}

impl Span {
    fn is_empty(self) -> bool {
        self.len == 0
    }
}

#[derive(Default)]
struct PlaceRec {
    name: Span,
    key: Span,
    lat: f32,
    lon: f32,
    population: u32,
    admin1: u16,
    tz: u16,
}

struct Admin1 {
    country: u16,
    code: Span,
    name: Span,
    /// Key of an abbreviation such as "on" for Ontario; empty if none.
    abbrev: Span,
    /// Range of `region_order`.
    places: Range<u32>,
}

struct Country {
    iso2: Span,
    name: Span,
    /// Range of `region_order`.
    places: Range<u32>,
}

struct ZipRec {
    code: u32,
    lat: f32,
    lon: f32,
    place: u32,
    tz: u16,
}

impl Gazetteer {
    /// Loads the embedded data. Prefer [`Gazetteer::global`], which does this once.
    pub fn load() -> Result<Self, GazetteerError> {
        let mut builder = assemble::Builder::default();
        data::read(&mut builder)?;
        Ok(builder.finish())
    }

    /// The process-wide gazetteer, loaded on first use.
    ///
    /// # Panics
    /// If the embedded data is corrupt, which the tests rule out.
    pub fn global() -> &'static Gazetteer {
        static GLOBAL: OnceLock<Gazetteer> = OnceLock::new();
        GLOBAL.get_or_init(|| Gazetteer::load().expect("embedded gazetteer data is corrupt"))
    }

    /// The time zone of the place nearest to a position (coordinates are clamped into range).
    pub fn timezone_at(&self, lat: f64, lon: f64) -> Tz {
        self.zones[self.places[self.nearest_index(lat, lon)].tz as usize]
    }

    /// The place (of 1,000 people or more) nearest to a position.
    pub fn nearest_place(&self, lat: f64, lon: f64) -> Place {
        self.city(self.nearest_index(lat, lon))
    }

    /// Number of places; of ZIP codes.
    pub fn counts(&self) -> (usize, usize) {
        (self.places.len(), self.zips.len())
    }

    fn nearest_index(&self, lat: f64, lon: f64) -> usize {
        self.tree.nearest(lat.clamp(-90.0, 90.0), lon) as usize
    }

    fn str(&self, span: Span) -> &str {
        &self.text[span.start as usize..(span.start + span.len) as usize]
    }

    fn country_of(&self, place: usize) -> &Country {
        &self.countries[self.admin1[self.places[place].admin1 as usize].country as usize]
    }

    /// "Austin, Texas, US", or "Name, CC" where the admin1 area has no name.
    fn label(&self, place: usize) -> String {
        let p = &self.places[place];
        let area = &self.admin1[p.admin1 as usize];
        let country = self.str(self.country_of(place).iso2);
        if area.name.is_empty() {
            format!("{}, {country}", self.str(p.name))
        } else {
            format!("{}, {}, {country}", self.str(p.name), self.str(area.name))
        }
    }

    fn city(&self, place: usize) -> Place {
        let p = &self.places[place];
        let area = &self.admin1[p.admin1 as usize];
        let text = |span: Span| (!span.is_empty()).then(|| self.str(span).to_string());
        Place {
            label: self.label(place),
            city: Some(self.str(p.name).to_string()),
            admin1: text(area.code),
            admin1_name: text(area.name),
            country: self.str(self.country_of(place).iso2).to_string(),
            lat: round4(p.lat),
            lon: round4(p.lon),
            tz: self.zones[p.tz as usize],
            kind: PlaceKind::City {
                population: p.population,
            },
        }
    }

    fn zip_place(&self, zip: &ZipRec) -> Place {
        let city = self.city(zip.place as usize);
        Place {
            label: format!("{:05} ({})", zip.code, city.label),
            lat: round4(zip.lat),
            lon: round4(zip.lon),
            tz: self.zones[zip.tz as usize],
            kind: PlaceKind::Zip,
            ..city
        }
    }

    fn coordinates_place(&self, lat: f64, lon: f64) -> Place {
        let nearest = self.nearest_index(lat, lon);
        let p = &self.places[nearest];
        let km = geo::distance_km(lat, lon, round4(p.lat), round4(p.lon));
        // Bare numbers say little on a rally card; a town close by tells readers where it is.
        let label = if km <= NEAR_KM {
            format!("{lat:.4}, {lon:.4} (near {})", self.label(nearest))
        } else {
            format!("{lat:.4}, {lon:.4}")
        };
        Place {
            label,
            city: None,
            admin1: None,
            admin1_name: None,
            country: self.str(self.country_of(nearest).iso2).to_string(),
            lat,
            lon,
            tz: self.zones[self.places[nearest].tz as usize],
            kind: PlaceKind::Coordinates,
        }
    }
}

/// The data has 4 decimals; this hides the f32 noise.
fn round4(x: f32) -> f64 {
    (f64::from(x) * 1e4).round() / 1e4
}
