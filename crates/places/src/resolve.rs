//! Resolution of what a user typed into one place, with the other places it could mean.

use std::cmp::Reverse;

use super::error::PlaceError;
use super::input::{classify, Input};
use super::normalize::key;
use super::qualifier::Filter;
use super::{Gazetteer, Resolved, MAX_ALTERNATIVES};

/// The readings of one qualifier, as stored in the qualifier table.
pub type Readings<'a> = &'a [(Filter, u8)];

/// How much less a match through an alternate name weighs than one through the name.
const ALTERNATE_DISCOUNT: u32 = 1000;

/// Qualifiers written without a comma are at most this many words ("District of Columbia").
const MAX_QUALIFIER_WORDS: usize = 3;

impl Gazetteer {
    /// Resolves a place name, US ZIP code or "lat,lon"; see the crate documentation.
    pub fn resolve(&self, input: &str) -> Result<Resolved, PlaceError> {
        match classify(input)? {
            Input::Zip(code) => self.resolve_zip(code),
            Input::Coordinates(lat, lon) => Ok(Resolved {
                place: self.coordinates_place(lat, lon),
                alternatives: Vec::new(),
            }),
            Input::Name(name) => self.resolve_name(name),
        }
    }

    fn resolve_zip(&self, code: u32) -> Result<Resolved, PlaceError> {
        match self.zips.binary_search_by_key(&code, |z| z.code) {
            Ok(i) => Ok(Resolved {
                place: self.zip_place(&self.zips[i]),
                alternatives: Vec::new(),
            }),
            Err(_) => Err(PlaceError::UnknownZip {
                zip: format!("{code:05}"),
            }),
        }
    }

    fn resolve_name(&self, input: &str) -> Result<Resolved, PlaceError> {
        let parts: Vec<String> = input
            .split(',')
            .map(key)
            .filter(|k| !k.is_empty())
            .collect();
        // A few names hold commas themselves ("Santa Rita, Copan"), so the city may span
        // several parts; the rest must all be qualifiers.
        for split in 1..=parts.len() {
            let city = parts[..split].join(" ");
            let readings: Option<Vec<Readings>> = parts[split..]
                .iter()
                .map(|q| Some(self.qualifiers.get(q)).filter(|r| !r.is_empty()))
                .collect();
            if let Some(readings) = readings {
                if let Some(found) = self.found(&city, &readings) {
                    return Ok(found);
                }
            }
        }
        if let [single] = &parts[..] {
            for (city, qualifier) in trailing_splits(single) {
                let readings = self.qualifiers.get(qualifier);
                if !readings.is_empty() {
                    if let Some(found) = self.found(city, &[readings]) {
                        return Ok(found);
                    }
                }
            }
        }
        Err(PlaceError::Unknown {
            input: input.to_string(),
            suggestions: self.suggestions(&parts),
        })
    }

    fn found(&self, city: &str, readings: &[Readings]) -> Option<Resolved> {
        let candidates = self.candidates(city, readings);
        let (&(best, _), others) = candidates.split_first()?;
        let place = self.city(best);
        // Odd alternate names would crowd the list ("New York" is also a name of York, NE),
        // so alternate-name matches are listed only when comparably big.
        let floor = self.places[best].population / 20;
        let mut alternatives: Vec<String> = Vec::new();
        for &(other, alternate) in others {
            if alternatives.len() == MAX_ALTERNATIVES {
                break;
            }
            if alternate && self.places[other].population < floor {
                continue;
            }
            let label = self.label(other);
            if label != place.label && !alternatives.contains(&label) {
                alternatives.push(label);
            }
        }
        Some(Resolved {
            place,
            alternatives,
        })
    }

    /// Places called `city` that satisfy a reading of every qualifier, best first, each
    /// with whether it matched through an alternate name. Order: by how the qualifiers read
    /// (a US state before a country), then by population, where a match through an
    /// alternate name counts a thousandth: GeoNames keeps old names ("Jonestown" for
    /// Baltimore) that must not swallow the towns now called so, yet "NYC" and "Philly" have
    /// no town of their own.
    pub(super) fn candidates(&self, city: &str, readings: &[Readings]) -> Vec<(usize, bool)> {
        let mut found: Vec<(u32, bool, Reverse<u32>, usize, bool)> = Vec::new();
        for entry in self.names.exact(&self.text, city) {
            let place = entry.place as usize;
            let rank: Option<u32> = readings
                .iter()
                .map(|r| self.best_reading(place, r).map(u32::from))
                .sum();
            if let Some(rank) = rank {
                let population = self.places[place].population;
                let weight = if entry.alternate {
                    population / ALTERNATE_DISCOUNT
                } else {
                    population
                };
                // With a state or country given, a place's own name comes first, so that
                // every label resolves to its own place.
                let demoted = !readings.is_empty() && entry.alternate;
                found.push((rank, demoted, Reverse(weight), place, entry.alternate));
            }
        }
        found.sort_unstable();
        found
            .into_iter()
            .map(|(_, _, _, p, alternate)| (p, alternate))
            .collect()
    }

    /// The best rank among the readings that `place` satisfies.
    fn best_reading(&self, place: usize, readings: Readings) -> Option<u8> {
        readings
            .iter()
            .filter(|(filter, _)| self.satisfies(place, *filter))
            .map(|&(_, rank)| rank)
            .min()
    }

    pub(super) fn satisfies(&self, place: usize, filter: Filter) -> bool {
        let area = self.places[place].admin1;
        match filter {
            Filter::Admin1(id) => area == id,
            Filter::Country(id) => self.admin1[area as usize].country == id,
        }
    }
}

/// ("salt lake city", "utah"), ("salt lake", "city utah"), ...: the ways to read trailing
/// words of a key as a qualifier, shortest qualifier first.
pub fn trailing_splits(key: &str) -> impl Iterator<Item = (&str, &str)> {
    let spaces: Vec<usize> = key.match_indices(' ').map(|(i, _)| i).collect();
    spaces
        .into_iter()
        .rev()
        .take(MAX_QUALIFIER_WORDS)
        .map(move |i| (&key[..i], &key[i + 1..]))
}
