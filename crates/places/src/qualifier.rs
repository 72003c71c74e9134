//! Qualifiers: the "ST", "Texas" or "France" after a city name, each narrowing the candidates
//! to an admin1 area or a country.

use std::collections::HashMap;

/// What a qualifier restricts candidates to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    Admin1(u16),
    Country(u16),
}

/// Lower ranks win when a qualifier reads several ways ("GA": Georgia the state, or Gabon;
/// "CA": California or Canada): the bot's users are mostly in the US.
pub const US_STATE: u8 = 0;
pub const COUNTRY: u8 = 1;
pub const REGION: u8 = 2;

/// Normalised qualifier text to its readings. A few thousand short keys, so a map is fine.
#[derive(Default)]
pub struct Qualifiers {
    map: HashMap<String, Vec<(Filter, u8)>>,
}

impl Qualifiers {
    pub fn add(&mut self, key: String, filter: Filter, rank: u8) {
        if key.is_empty() {
            return;
        }
        let readings = self.map.entry(key).or_default();
        if !readings.iter().any(|(f, _)| *f == filter) {
            readings.push((filter, rank));
        }
    }

    /// The readings of a normalised qualifier, best rank first; empty if unknown.
    pub fn get(&self, key: &str) -> &[(Filter, u8)] {
        self.map.get(key).map_or(&[], Vec::as_slice)
    }

    pub fn finish(&mut self) {
        for readings in self.map.values_mut() {
            readings.sort_by_key(|&(_, rank)| rank);
        }
        self.map.shrink_to_fit();
    }
}
