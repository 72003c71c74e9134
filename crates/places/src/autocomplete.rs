//! Autocomplete: places whose names start with what the user has typed so far, most
//! populous first; ZIP codes for digits.

use std::cmp::Reverse;

use super::error::MAX_INPUT_LEN;
use super::input::{classify, Input};
use super::normalize::key;
use super::{Gazetteer, Suggestion, MAX_SUGGESTIONS};

impl Gazetteer {
    /// Up to `limit` (at most 25) suggestions for a partly typed place, each labelled like
    /// "Austin, Texas, US". An empty prefix gives the most populous places. "Austin, T" and
    /// "austin tx" narrow by state or country; digits complete US ZIP codes.
    pub fn autocomplete(&self, prefix: &str, limit: usize) -> Vec<Suggestion> {
        let limit = limit.min(MAX_SUGGESTIONS);
        let typed = prefix.trim();
        if limit == 0 || typed.chars().count() > MAX_INPUT_LEN {
            return Vec::new();
        }
        if typed.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '+') {
            if let Some(found) = self.complete_numbers(typed, limit) {
                return found;
            }
        }
        let places = match typed.split_once(',') {
            Some((city, qualifier)) => self.qualified(&key(city), &key(qualifier), limit),
            None => {
                let typed = key(typed);
                let found = self.top_prefixed(&typed, limit);
                match typed.rsplit_once(' ') {
                    Some((city, qualifier)) if found.is_empty() => {
                        self.qualified(city, qualifier, limit)
                    }
                    _ => found,
                }
            }
        };
        let mut labels: Vec<String> = Vec::with_capacity(places.len());
        for place in places {
            // Same-named places in one state share a label; offer it once.
            let label = self.label(place);
            if !labels.contains(&label) {
                labels.push(label);
            }
        }
        labels
            .into_iter()
            .map(|label| Suggestion { label })
            .collect()
    }

    /// ZIP codes starting with the digits, or the position typed; None if it is neither.
    fn complete_numbers(&self, typed: &str, limit: usize) -> Option<Vec<Suggestion>> {
        let suggest = |place: super::Place| vec![Suggestion { label: place.label }];
        if typed.len() <= 5 && typed.bytes().all(|b| b.is_ascii_digit()) {
            // The codes starting with these digits form one numeric range.
            let scale = 10u32.pow(5 - typed.len() as u32);
            let low = typed.parse::<u32>().unwrap_or(0) * scale;
            let start = self.zips.partition_point(|z| z.code < low);
            let found = self.zips[start..]
                .iter()
                .take_while(|z| z.code < low + scale)
                .take(limit)
                .map(|z| Suggestion {
                    label: self.zip_place(z).label,
                })
                .collect();
            return Some(found);
        }
        match classify(typed) {
            Ok(Input::Zip(_)) => Some(self.resolve(typed).map_or(Vec::new(), |r| suggest(r.place))),
            Ok(Input::Coordinates(lat, lon)) => Some(suggest(self.coordinates_place(lat, lon))),
            Ok(Input::Name(_)) => None,
            Err(_) => Some(Vec::new()),
        }
    }

    /// The `limit` best distinct places with a name starting with `prefix`: by population,
    /// where a match through an alternate name counts a tenth if the whole alternate was
    /// typed ("NYC") and a thousandth if only its start was, since many places carry odd
    /// historic names ("Philadelphia" for Amman).
    pub(super) fn top_prefixed(&self, prefix: &str, limit: usize) -> Vec<usize> {
        if prefix.is_empty() {
            return (0..limit.min(self.places.len())).collect();
        }
        // One or two letters match a good part of the index: scan each such prefix once.
        if let Some(slot) = short_prefix_slot(prefix).filter(|_| limit <= MAX_SUGGESTIONS) {
            let top = self.short_prefixes[slot]
                .get_or_init(|| self.scan_prefixed(prefix, MAX_SUGGESTIONS));
            return top.iter().take(limit).map(|&p| p as usize).collect();
        }
        self.scan_prefixed(prefix, limit)
            .into_iter()
            .map(|p| p as usize)
            .collect()
    }

    fn scan_prefixed(&self, prefix: &str, limit: usize) -> Vec<u32> {
        // Best first: heaviest, then lowest index (more populous).
        let mut best: Vec<(Reverse<u32>, u32)> = Vec::with_capacity(limit + 1);
        for entry in self.names.prefixed(&self.text, prefix) {
            let population = self.places[entry.place as usize].population;
            let weight = match (entry.alternate, entry.key().len as usize == prefix.len()) {
                (false, _) => population,
                (true, true) => population / 10,
                (true, false) => population / 1000,
            };
            let item = (Reverse(weight), entry.place);
            if best.len() == limit && best.last().is_some_and(|worst| item >= *worst) {
                continue;
            }
            if let Some(at) = best.iter().position(|&(_, p)| p == entry.place) {
                if best[at] <= item {
                    continue;
                }
                best.remove(at);
            }
            let at = best.partition_point(|b| *b < item);
            best.insert(at, item);
            best.truncate(limit);
        }
        best.into_iter().map(|(_, p)| p).collect()
    }

    /// Places named `city` (or, failing that, starting with it) whose state or country
    /// starts with `qualifier`, most populous first.
    fn qualified(&self, city: &str, qualifier: &str, limit: usize) -> Vec<usize> {
        if city.is_empty() {
            return Vec::new();
        }
        let mut entries = self.names.exact(&self.text, city);
        if entries.is_empty() {
            entries = self.names.prefixed(&self.text, city);
        }
        let mut places: Vec<usize> = entries
            .iter()
            .map(|e| e.place as usize)
            .filter(|&p| self.area_starts_with(p, qualifier))
            .collect();
        places.sort_unstable();
        places.dedup();
        places.truncate(limit);
        places
    }

    /// Whether some way of writing the place's area (with its country) starts with `prefix`.
    fn area_starts_with(&self, place: usize, prefix: &str) -> bool {
        let area = &self.admin1[self.places[place].admin1 as usize];
        let country = &self.countries[area.country as usize];
        let iso2 = self.str(country.iso2);
        [area.name, area.code, area.abbrev]
            .into_iter()
            .filter(|span| !span.is_empty())
            .map(|span| key(&format!("{} {iso2}", self.str(span))))
            .chain([key(iso2), key(self.str(country.name))])
            .any(|written| written.starts_with(prefix))
    }
}

/// Keys are made of these; a prefix of one or two of them has a slot in the cache.
const KEY_CHARS: &[u8] = b" 0123456789abcdefghijklmnopqrstuvwxyz";

/// The number of short-prefix cache slots.
pub const SHORT_PREFIX_SLOTS: usize = KEY_CHARS.len() * (KEY_CHARS.len() + 1);

fn short_prefix_slot(prefix: &str) -> Option<usize> {
    let index = |c: &u8| KEY_CHARS.iter().position(|k| k == c);
    match prefix.as_bytes() {
        [a] => index(a),
        [a, b] => Some(KEY_CHARS.len() * (1 + index(a)?) + index(b)?),
        _ => None,
    }
}
