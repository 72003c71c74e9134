//! Builds the in-memory indexes from the parsed data file.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::autocomplete::SHORT_PREFIX_SLOTS;

use super::data::Raw;
use super::fuzzy::letter_mask;
use super::names::{NameEntry, NameIndex};
use super::normalize::push_key;
use super::qualifier::{Filter, Qualifiers, COUNTRY, REGION, US_STATE};
use super::spatial::KdTree;
use super::{Admin1, Country, Gazetteer, PlaceRec, Span, ZipRec};

/// Places this big or bigger are offered as "did you mean" for a name typed with no state.
const FUZZY_MIN_POPULATION: u32 = 15_000;

#[derive(Default)]
struct Arena {
    text: String,
}

impl Arena {
    fn push(&mut self, s: &str) -> Span {
        let start = self.text.len();
        self.text.push_str(s);
        self.span_from(start)
    }

    fn push_key(&mut self, s: &str) -> Span {
        let start = self.text.len();
        push_key(&mut self.text, s);
        self.span_from(start)
    }

    fn span_from(&self, start: usize) -> Span {
        Span {
            start: start as u32,
            len: (self.text.len() - start) as u32,
        }
    }

    fn get(&self, span: Span) -> &str {
        &self.text[span.start as usize..(span.start + span.len) as usize]
    }
}

pub fn assemble(raw: Raw<'_>) -> Gazetteer {
    // Names, their keys and alternate keys; reserving avoids a doubling of the peak.
    let names_len: usize = raw.places.names.iter().map(|n| n.len()).sum();
    let alternates_len: usize = raw.places.alternates.iter().map(|a| a.len()).sum();
    let mut arena = Arena {
        text: String::with_capacity(2 * names_len + alternates_len + (1 << 16)),
    };

    // Countries, plus any a place names that the country table lacks.
    let mut country_ids: HashMap<&str, u16> = HashMap::new();
    let mut countries = Vec::new();
    let mut country_words = Vec::new(); // (id, iso3, name, aliases) for qualifiers
    for c in &raw.countries {
        country_ids.insert(c.iso2, countries.len() as u16);
        country_words.push((countries.len() as u16, c.iso3, c.name, c.aliases));
        countries.push(Country {
            iso2: arena.push(c.iso2),
            name: arena.push(c.name),
            places: 0..0,
        });
    }
    for &country in &raw.places.countries {
        if !country_ids.contains_key(country) {
            country_ids.insert(country, countries.len() as u16);
            countries.push(Country {
                iso2: arena.push(country),
                name: arena.push(country),
                places: 0..0,
            });
        }
    }

    // Admin1 areas: every (country, code) a place uses, ordered by country.
    let named: HashMap<(&str, &str), (&str, &str)> = raw
        .admin1
        .iter()
        .map(|a| ((a.country, a.code), (a.name, a.abbrev)))
        .collect();
    let rp = raw.places;
    let mut areas: Vec<(&str, &str)> = (0..rp.len())
        .map(|i| (rp.countries[i], rp.admin1[i]))
        .collect();
    areas.sort_unstable_by_key(|&(country, code)| (country_ids[country], code));
    areas.dedup();
    areas.shrink_to_fit();
    let area_ids: HashMap<(&str, &str), u16> = areas
        .iter()
        .enumerate()
        .map(|(i, &area)| (area, i as u16))
        .collect();
    let mut admin1: Vec<Admin1> = areas
        .iter()
        .map(|&(country, code)| {
            let (name, abbrev) = named.get(&(country, code)).copied().unwrap_or_default();
            Admin1 {
                country: country_ids[country],
                code: arena.push(code),
                name: arena.push(name),
                abbrev: arena.push_key(abbrev),
                places: 0..0,
            }
        })
        .collect();

    // Places, most populous first; ties keep file order so the build is deterministic.
    let mut order: Vec<u32> = (0..rp.len() as u32).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(rp.population[i as usize]));
    let mut rank = vec![0u32; order.len()];
    let mut places = Vec::with_capacity(order.len());
    let mut entries = Vec::with_capacity(order.len() * 2);
    for (new, &old) in order.iter().enumerate() {
        rank[old as usize] = new as u32;
        let old = old as usize;
        let key = arena.push_key(rp.names[old]);
        places.push(PlaceRec {
            name: arena.push(rp.names[old]),
            key,
            lat: rp.lat[old],
            lon: rp.lon[old],
            population: rp.population[old],
            admin1: area_ids[&(rp.countries[old], rp.admin1[old])],
            tz: rp.tz[old],
        });
        let place = new as u32;
        entries.push(NameEntry {
            key,
            place,
            alternate: false,
        });
        for alt in rp.alternates[old].split('|').filter(|a| !a.is_empty()) {
            let key = arena.push_key(alt);
            entries.push(NameEntry {
                key,
                place,
                alternate: true,
            });
        }
    }
    // The raw columns are no longer needed; freeing them first lowers the peak of the sort.
    drop(rp);
    let names = NameIndex::new(&arena.text, entries);

    // Places grouped by area; areas are ordered by country, so countries are contiguous too.
    let mut region_order: Vec<u32> = (0..places.len() as u32).collect();
    region_order.sort_unstable_by_key(|&i| (places[i as usize].admin1, i));
    let mut start = 0;
    for (id, area) in admin1.iter_mut().enumerate() {
        let len =
            region_order[start..].partition_point(|&i| places[i as usize].admin1 as usize == id);
        area.places = start as u32..(start + len) as u32;
        start += len;
    }
    for area in &admin1 {
        let country = &mut countries[area.country as usize];
        if country.places.is_empty() {
            country.places = area.places.clone();
        } else {
            country.places.end = area.places.end;
        }
    }

    let mut qualifiers = Qualifiers::default();
    let key = |s: &str| {
        let mut k = String::new();
        push_key(&mut k, s);
        k
    };
    let us = country_ids.get("US").copied();
    for (id, area) in admin1.iter().enumerate() {
        let filter = Filter::Admin1(id as u16);
        if Some(area.country) == us {
            qualifiers.add(key(arena.get(area.code)), filter, US_STATE);
            qualifiers.add(key(arena.get(area.name)), filter, US_STATE);
        } else {
            qualifiers.add(key(arena.get(area.name)), filter, REGION);
            qualifiers.add(arena.get(area.abbrev).to_string(), filter, REGION);
        }
    }
    for (id, iso3, name, aliases) in country_words {
        let filter = Filter::Country(id);
        let iso2 = arena.get(countries[id as usize].iso2);
        for word in [iso2, iso3, name].into_iter().chain(aliases.split('|')) {
            qualifiers.add(key(word), filter, COUNTRY);
        }
    }
    qualifiers.finish();

    let mut zips: Vec<ZipRec> = raw
        .zips
        .iter()
        .map(|z| ZipRec {
            code: z.code,
            lat: z.lat,
            lon: z.lon,
            place: rank[z.place as usize],
            tz: z.tz,
        })
        .collect();
    zips.sort_unstable_by_key(|z| z.code);

    let tree = KdTree::new(places.iter().map(|p| (f64::from(p.lat), f64::from(p.lon))));
    let fuzzy_pool = places.partition_point(|p| p.population >= FUZZY_MIN_POPULATION);
    let fuzzy_masks = places[..fuzzy_pool]
        .iter()
        .map(|p| letter_mask(arena.get(p.key).as_bytes()))
        .collect();
    arena.text.shrink_to_fit();
    Gazetteer {
        text: arena.text,
        places,
        admin1,
        countries,
        zones: raw.zones,
        names,
        qualifiers,
        region_order,
        zips,
        tree,
        fuzzy_pool,
        fuzzy_masks,
        short_prefixes: (0..SHORT_PREFIX_SLOTS).map(|_| OnceLock::new()).collect(),
    }
}
