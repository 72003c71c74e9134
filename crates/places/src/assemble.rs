//! Builds the in-memory indexes while the data file is read, keeping only what they need:
//! names go straight into the shared text arena, values into their place records.

use std::cmp::Reverse;
use std::collections::HashMap;
use std::sync::OnceLock;

use chrono_tz::Tz;

use super::autocomplete::SHORT_PREFIX_SLOTS;

use super::data::{PlaceValue, RawAdmin1, RawCountry, RawZip, Sink};
use super::fuzzy::letter_mask;
use super::names::{NameEntry, NameIndex};
use super::normalize::push_key;
use super::qualifier::{Filter, Qualifiers, COUNTRY, REGION, US_STATE};
use super::spatial::KdTree;
use super::{Admin1, Country, Gazetteer, PlaceRec, Span, ZipRec};

/// Places this big or bigger are offered as "did you mean" for a name typed with no state.
const FUZZY_MIN_POPULATION: u32 = 15_000;

/// Arena bytes to reserve per place: its name and key, and alternate keys (about 30 today).
const ARENA_BYTES_PER_PLACE: usize = 32;

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

/// Collects the file's contents (see [`Sink`]); [`Builder::finish`] makes the gazetteer.
#[derive(Default)]
pub struct Builder {
    arena: Arena,
    zones: Vec<Tz>,
    countries: Vec<Country>,
    /// Country id by ISO code, including countries only the places name.
    country_ids: HashMap<String, u16>,
    /// (id, iso3, name, '|'-separated aliases) of the country table, for qualifiers.
    country_words: Vec<(u16, String, String, String)>,
    /// The admin1 table: (country iso2, code, name, abbreviation).
    admin1_rows: Vec<[String; 4]>,
    /// Admin1 areas that places use, as (country id, code), in order of first use.
    areas: Vec<(u16, String)>,
    /// Per country id: admin1 code to index in `areas`.
    area_ids: Vec<HashMap<String, u16>>,
    /// In file order until `finish` sorts them by population; `admin1` indexes `areas`.
    places: Vec<PlaceRec>,
    /// Country id of each place (file order), until its admin1 code is read.
    place_countries: Vec<u16>,
    /// Places in file order until `finish`.
    entries: Vec<NameEntry>,
    /// Places in file order until `finish`.
    zips: Vec<ZipRec>,
}

impl Sink for Builder {
    fn zones(&mut self, zones: Vec<Tz>) {
        self.zones = zones;
    }

    fn country(&mut self, c: RawCountry<'_>) {
        let id = self.countries.len() as u16;
        self.country_ids.insert(c.iso2.to_string(), id);
        self.country_words.push((
            id,
            c.iso3.to_string(),
            c.name.to_string(),
            c.aliases.to_string(),
        ));
        self.countries.push(Country {
            iso2: self.arena.push(c.iso2),
            name: self.arena.push(c.name),
            places: 0..0,
        });
    }

    fn admin1(&mut self, a: RawAdmin1<'_>) {
        self.admin1_rows
            .push([a.country, a.code, a.name, a.abbrev].map(str::to_string));
    }

    fn places(&mut self, count: usize) {
        self.arena.text.reserve(count * ARENA_BYTES_PER_PLACE);
        self.places.reserve_exact(count);
        self.places.resize_with(count, PlaceRec::default);
        self.place_countries = vec![0; count];
        // Each place's own name, and about as many alternate names again.
        self.entries.reserve(2 * count);
    }

    fn place(&mut self, place: usize, value: PlaceValue<'_>) {
        let rec = &mut self.places[place];
        match value {
            PlaceValue::Name(name) => {
                rec.key = self.arena.push_key(name);
                rec.name = self.arena.push(name);
                self.entries
                    .push(NameEntry::new(rec.key, place as u32, false));
            }
            PlaceValue::Country(iso2) => {
                let country = self.country_id(iso2);
                self.place_countries[place] = country;
            }
            PlaceValue::Admin1(code) => {
                let area = self.area_id(self.place_countries[place], code);
                self.places[place].admin1 = area;
            }
            PlaceValue::Lat(lat) => rec.lat = lat,
            PlaceValue::Lon(lon) => rec.lon = lon,
            PlaceValue::Population(population) => rec.population = population,
            PlaceValue::Zone(tz) => rec.tz = tz,
            PlaceValue::Alternates(alternates) => {
                for alt in alternates.split('|').filter(|a| !a.is_empty()) {
                    let key = self.arena.push_key(alt);
                    self.entries.push(NameEntry::new(key, place as u32, true));
                }
            }
        }
    }

    fn zips(&mut self, count: usize) {
        self.zips.reserve_exact(count);
    }

    fn zip(&mut self, z: RawZip) {
        self.zips.push(ZipRec {
            code: z.code,
            lat: z.lat,
            lon: z.lon,
            place: z.place,
            tz: z.tz,
        });
    }
}

impl Builder {
    /// The id of a country, adding one the country table lacks.
    fn country_id(&mut self, iso2: &str) -> u16 {
        if let Some(&id) = self.country_ids.get(iso2) {
            return id;
        }
        let id = self.countries.len() as u16;
        self.country_ids.insert(iso2.to_string(), id);
        self.countries.push(Country {
            iso2: self.arena.push(iso2),
            name: self.arena.push(iso2),
            places: 0..0,
        });
        id
    }

    /// The index in `areas` of a (country, admin1 code) pair, adding it on first use.
    fn area_id(&mut self, country: u16, code: &str) -> u16 {
        let country = usize::from(country);
        if self.area_ids.len() <= country {
            self.area_ids.resize_with(country + 1, HashMap::new);
        }
        if let Some(&id) = self.area_ids[country].get(code) {
            return id;
        }
        let id = u16::try_from(self.areas.len()).expect("fewer than 65,536 admin1 areas");
        self.area_ids[country].insert(code.to_string(), id);
        self.areas.push((country as u16, code.to_string()));
        id
    }

    pub fn finish(self) -> Gazetteer {
        let Builder {
            mut arena,
            zones,
            mut countries,
            country_ids,
            country_words,
            admin1_rows,
            areas,
            area_ids,
            mut places,
            place_countries,
            mut entries,
            mut zips,
        } = self;
        drop((area_ids, place_countries));

        // Admin1 areas ordered by country, then code.
        let mut area_order: Vec<u16> = (0..areas.len() as u16).collect();
        area_order.sort_unstable_by(|&a, &b| areas[usize::from(a)].cmp(&areas[usize::from(b)]));
        let named: HashMap<(&str, &str), (&str, &str)> = admin1_rows
            .iter()
            .map(|[country, code, name, abbrev]| ((&**country, &**code), (&**name, &**abbrev)))
            .collect();
        let iso2_of: Vec<String> = countries
            .iter()
            .map(|c| arena.get(c.iso2).to_string())
            .collect();
        let mut area_rank = vec![0u16; areas.len()];
        let mut admin1: Vec<Admin1> = Vec::with_capacity(areas.len());
        for (new, &old) in area_order.iter().enumerate() {
            area_rank[usize::from(old)] = new as u16;
            let (country, code) = &areas[usize::from(old)];
            let iso2 = iso2_of[usize::from(*country)].as_str();
            let (name, abbrev) = named.get(&(iso2, code)).copied().unwrap_or_default();
            admin1.push(Admin1 {
                country: *country,
                code: arena.push(code),
                name: arena.push(name),
                abbrev: arena.push_key(abbrev),
                places: 0..0,
            });
        }
        for place in &mut places {
            place.admin1 = area_rank[usize::from(place.admin1)];
        }

        // Places, most populous first; ties keep file order so the build is deterministic.
        let mut order: Vec<u32> = (0..places.len() as u32).collect();
        order.sort_by_key(|&i| Reverse(places[i as usize].population));
        let mut rank = vec![0u32; order.len()];
        for (new, &old) in order.iter().enumerate() {
            rank[old as usize] = new as u32;
        }
        permute(&mut places, rank.clone());
        let arena = relayout(
            arena,
            &mut countries,
            &mut admin1,
            &mut places,
            &order,
            &mut entries,
        );
        drop(order);
        for entry in &mut entries {
            entry.place = rank[entry.place as usize];
        }
        for zip in &mut zips {
            zip.place = rank[zip.place as usize];
        }
        drop(rank);
        let names = NameIndex::new(&arena.text, entries);

        // Places grouped by area; areas are ordered by country, so countries are contiguous too.
        let mut region_order: Vec<u32> = (0..places.len() as u32).collect();
        region_order.sort_unstable_by_key(|&i| (places[i as usize].admin1, i));
        let mut start = 0;
        for (id, area) in admin1.iter_mut().enumerate() {
            let len = region_order[start..]
                .partition_point(|&i| places[i as usize].admin1 as usize == id);
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
        for (id, iso3, name, aliases) in &country_words {
            let filter = Filter::Country(*id);
            let iso2 = arena.get(countries[*id as usize].iso2);
            for word in [iso2, iso3.as_str(), name.as_str()]
                .into_iter()
                .chain(aliases.split('|'))
            {
                qualifiers.add(key(word), filter, COUNTRY);
            }
        }
        qualifiers.finish();

        zips.sort_unstable_by_key(|z| z.code);

        let tree = KdTree::new(places.iter().map(|p| (f64::from(p.lat), f64::from(p.lon))));
        let fuzzy_pool = places.partition_point(|p| p.population >= FUZZY_MIN_POPULATION);
        let fuzzy_masks = places[..fuzzy_pool]
            .iter()
            .map(|p| letter_mask(arena.get(p.key).as_bytes()))
            .collect();
        Gazetteer {
            text: arena.text,
            places,
            admin1,
            countries,
            zones,
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
}

/// The same text laid out again as a build from sorted places would: countries, admin1
/// areas, then place by place in population order its key, name and alternate keys. File
/// order strews the biggest places' names over the whole arena, which made the "did you
/// mean" search over them up to a third slower.
///
/// `order[i]` is the file index of place `i`. Entries still name places by file index:
/// first each place's own name (entry `f` is place `f`'s), then the alternates grouped by
/// place in file order, as the builder pushed them. Takes `old` so that it is freed before
/// the name index is sorted.
fn relayout(
    old: Arena,
    countries: &mut [Country],
    admin1: &mut [Admin1],
    places: &mut [PlaceRec],
    order: &[u32],
    entries: &mut [NameEntry],
) -> Arena {
    let mut new = Arena {
        text: String::with_capacity(old.text.len()),
    };
    let mut copy = |span: &mut Span| *span = new.push(old.get(*span));
    for country in countries.iter_mut() {
        copy(&mut country.iso2);
        copy(&mut country.name);
    }
    for area in admin1.iter_mut() {
        copy(&mut area.code);
        copy(&mut area.name);
        copy(&mut area.abbrev);
    }
    let n = places.len();
    let (own, alternates) = entries.split_at_mut(n);
    // The alternates of file place f are alternates[starts[f]..starts[f + 1]].
    let mut starts = vec![0u32; n + 1];
    for entry in alternates.iter() {
        starts[entry.place as usize + 1] += 1;
    }
    for f in 0..n {
        starts[f + 1] += starts[f];
    }
    for (place, &file) in places.iter_mut().zip(order) {
        let file = file as usize;
        debug_assert_eq!(own[file].place as usize, file);
        copy(&mut place.key);
        own[file] = NameEntry::new(place.key, own[file].place, false);
        copy(&mut place.name);
        for entry in &mut alternates[starts[file] as usize..starts[file + 1] as usize] {
            let mut key = entry.key();
            copy(&mut key);
            *entry = NameEntry::new(key, entry.place, true);
        }
    }
    new
}

/// Moves `items[i]` to `dest[i]` for every i, in place: sorting a copy would need a second
/// vector of records at once.
fn permute<T>(items: &mut [T], mut dest: Vec<u32>) {
    for i in 0..items.len() {
        // Swap the item at i to where it belongs until the one that belongs at i arrives.
        while dest[i] as usize != i {
            let j = dest[i] as usize;
            items.swap(i, j);
            dest.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::permute;

    #[test]
    fn permute_moves_each_item_to_its_destination() {
        let mut items = vec!['a', 'b', 'c', 'd', 'e', 'f'];
        // Two cycles (a->c->e->a, b->f->b) and a fixed point (d).
        permute(&mut items, vec![2, 5, 4, 3, 0, 1]);
        assert_eq!(items, ['e', 'f', 'a', 'd', 'c', 'b']);
        let mut none: Vec<u8> = Vec::new();
        permute(&mut none, Vec::new());
        assert!(none.is_empty());
    }
}
