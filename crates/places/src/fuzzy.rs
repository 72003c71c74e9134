//! "Did you mean" for names that resolve to nothing: places whose names are a few edits
//! away, searched in a bounded pool so an error stays as fast as a hit.

use super::qualifier::Filter;
use super::resolve::{trailing_splits, Readings};
use super::{Gazetteer, MAX_ALTERNATIVES};

impl Gazetteer {
    /// Labels of places the user may have meant by the normalised comma `parts`.
    pub(super) fn suggestions(&self, parts: &[String]) -> Vec<String> {
        let Some((city, qualifiers)) = self.split_for_suggestions(parts) else {
            return Vec::new();
        };
        let readings: Vec<Readings> = qualifiers.iter().map(|q| self.qualifiers.get(q)).collect();
        let mut picks: Vec<usize> = Vec::new();

        // Only a state or country ("DC", "Texas"): its biggest places.
        if let [whole] = parts {
            for &(filter, _) in self.qualifiers.get(whole) {
                let mut biggest: Vec<usize> = self.region(filter).collect();
                if biggest.len() > MAX_ALTERNATIVES {
                    biggest.select_nth_unstable(MAX_ALTERNATIVES);
                    biggest.truncate(MAX_ALTERNATIVES);
                }
                biggest.sort_unstable();
                picks.extend(biggest);
            }
        }

        if let Some(first) = readings
            .first()
            .filter(|_| readings.iter().all(|r| !r.is_empty()))
        {
            // A typo in the city, within the area the user named.
            let pool = first.iter().flat_map(|&(filter, _)| self.region(filter));
            let pool = pool.filter(|&p| {
                readings
                    .iter()
                    .all(|r| r.iter().any(|&(f, _)| self.satisfies(p, f)))
            });
            picks.extend(self.closest(city, pool));
        }

        // The city exists but elsewhere, or the qualifier has a typo: closest area first.
        let mut elsewhere: Vec<(u32, usize)> = self
            .names
            .exact(&self.text, city)
            .iter()
            .map(|e| e.place as usize)
            .map(|p| {
                (
                    qualifiers.first().map_or(0, |q| self.area_distance(p, q)),
                    p,
                )
            })
            .collect();
        elsewhere.sort_unstable();
        picks.extend(elsewhere.into_iter().map(|(_, p)| p));

        // A typo anywhere in the world, then names that merely start like the input.
        picks.extend(self.closest(city, 0..self.fuzzy_pool));
        picks.extend(self.top_prefixed(city, MAX_ALTERNATIVES));

        let mut labels: Vec<String> = Vec::new();
        for place in picks {
            let label = self.label(place);
            if !labels.contains(&label) {
                labels.push(label);
                if labels.len() == MAX_ALTERNATIVES {
                    break;
                }
            }
        }
        labels
    }

    /// The city and qualifiers to suggest for; trailing words count as a qualifier when the
    /// input had no comma and they name a state or country.
    fn split_for_suggestions<'a>(&self, parts: &'a [String]) -> Option<(&'a str, Vec<&'a str>)> {
        match parts {
            [] => None,
            [single] => Some(
                trailing_splits(single)
                    .find(|(_, q)| !self.qualifiers.get(q).is_empty())
                    .map_or((single.as_str(), Vec::new()), |(c, q)| (c, vec![q])),
            ),
            [city, rest @ ..] => Some((city.as_str(), rest.iter().map(String::as_str).collect())),
        }
    }

    fn region(&self, filter: Filter) -> impl Iterator<Item = usize> + '_ {
        let range = match filter {
            Filter::Admin1(id) => self.admin1[id as usize].places.clone(),
            Filter::Country(id) => self.countries[id as usize].places.clone(),
        };
        self.region_order[range.start as usize..range.end as usize]
            .iter()
            .map(|&p| p as usize)
    }

    /// How far a typed qualifier is from any way of naming the place's area or country.
    fn area_distance(&self, place: usize, qualifier: &str) -> u32 {
        let area = &self.admin1[self.places[place].admin1 as usize];
        let country = &self.countries[area.country as usize];
        [
            area.name,
            area.code,
            area.abbrev,
            country.name,
            country.iso2,
        ]
        .into_iter()
        .filter(|span| !span.is_empty())
        .map(|span| {
            let name = super::normalize::key(self.str(span));
            distance(
                qualifier.as_bytes(),
                name.as_bytes(),
                u32::MAX,
                &mut Vec::new(),
            )
            .unwrap_or(u32::MAX)
        })
        .min()
        .unwrap_or(u32::MAX)
    }

    /// Up to MAX_ALTERNATIVES places of `pool` whose names are within a few edits of `key`,
    /// closest first, then most populous.
    fn closest(&self, key: &str, pool: impl Iterator<Item = usize>) -> Vec<usize> {
        let max = match key.len() {
            0..=2 => return Vec::new(),
            3..=4 => 1,
            5..=8 => 2,
            _ => 3,
        };
        let mut best: Vec<(u32, usize)> = Vec::new();
        let mut scratch = Vec::new();
        let letters = Letters::of(key.as_bytes());
        let mask = letter_mask(key.as_bytes());
        for place in pool {
            let limit = best
                .get(MAX_ALTERNATIVES - 1)
                .map_or(max, |&(worst, _)| worst);
            // Cheapest bounds first: length, letters present, then letter counts.
            let span = self.places[place].key;
            if (span.len as usize).abs_diff(key.len()) > limit as usize {
                continue;
            }
            let name = self.str(span).as_bytes();
            let other = self
                .fuzzy_masks
                .get(place)
                .copied()
                .unwrap_or_else(|| letter_mask(name));
            if (mask ^ other).count_ones() > 2 * limit || letters.difference(name) > limit {
                continue;
            }
            if let Some(d) = distance(key.as_bytes(), name, limit, &mut scratch) {
                best.push((d, place));
                best.sort_unstable();
                best.truncate(MAX_ALTERNATIVES);
            }
        }
        best.into_iter().map(|(_, place)| place).collect()
    }
}

/// Which characters a key contains, one bit each. One edit adds or removes at most two
/// characters from the set, so differing bits bound the edit distance from below.
pub fn letter_mask(key: &[u8]) -> u64 {
    key.iter().fold(0, |mask, &c| mask | 1 << (c % 64))
}

/// Letter counts of a key, for a cheap lower bound on the edit distance: each edit changes
/// at most one letter on each side, so the letters not shared cannot be fewer than the edits.
struct Letters {
    counts: [u8; 128],
    len: usize,
}

impl Letters {
    fn of(key: &[u8]) -> Self {
        let mut counts = [0u8; 128];
        for &c in key {
            counts[usize::from(c & 0x7f)] = counts[usize::from(c & 0x7f)].saturating_add(1);
        }
        Letters {
            counts,
            len: key.len(),
        }
    }

    fn difference(&self, other: &[u8]) -> u32 {
        let mut counts = self.counts;
        let mut unmatched_other = 0;
        for &c in other {
            let count = &mut counts[usize::from(c & 0x7f)];
            if *count > 0 {
                *count -= 1;
            } else {
                unmatched_other += 1;
            }
        }
        let unmatched_self = self.len - (other.len() - unmatched_other);
        unmatched_self.max(unmatched_other) as u32
    }
}

/// Edit distance counting a swap of neighbours as one edit (optimal string alignment);
/// None when it exceeds `max`, found without filling the whole table. `rows` is scratch
/// space, passed in so that scanning thousands of names allocates once.
fn distance(a: &[u8], b: &[u8], max: u32, rows: &mut Vec<u32>) -> Option<u32> {
    if (a.len() as i64 - b.len() as i64).unsigned_abs() > u64::from(max) {
        return None;
    }
    let width = b.len() + 1;
    rows.clear();
    rows.resize(3 * width, 0);
    for (j, cell) in rows[..width].iter_mut().enumerate() {
        *cell = j as u32;
    }
    // rows holds three rows: i-2, i-1 and i, rotating.
    for i in 1..=a.len() {
        let (cur, prev, prev2) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        rows[cur * width] = i as u32;
        let mut row_min = i as u32;
        for j in 1..=b.len() {
            let cost = u32::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[prev * width + j] + 1)
                .min(rows[cur * width + j - 1] + 1)
                .min(rows[prev * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[prev2 * width + j - 2] + 1);
            }
            rows[cur * width + j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return None;
        }
    }
    Some(rows[(a.len() % 3) * width + b.len()]).filter(|&d| d <= max)
}

#[cfg(test)]
mod tests {
    use super::distance;

    #[test]
    fn edit_distance_counts_swaps_as_one_and_stops_early() {
        let mut rows = Vec::new();
        let mut d = |a: &str, b: &str| distance(a.as_bytes(), b.as_bytes(), u32::MAX, &mut rows);
        assert_eq!(d("austin", "austin"), Some(0));
        assert_eq!(d("austn", "austin"), Some(1));
        assert_eq!(d("autsin", "austin"), Some(1));
        assert_eq!(d("kitten", "sitting"), Some(3));
        assert_eq!(d("", "abc"), Some(3));
        assert_eq!(distance(b"houston", b"austin", 2, &mut rows), None);
        assert_eq!(distance(b"a", b"abcdef", 2, &mut rows), None);
    }

    #[test]
    fn letter_difference_never_exceeds_the_edit_distance() {
        let pairs = [
            ("austin", "austn"),
            ("autsin", "austin"),
            ("kitten", "sitting"),
            ("abc", ""),
        ];
        for (a, b) in pairs {
            let bound = super::Letters::of(a.as_bytes()).difference(b.as_bytes());
            let exact = distance(a.as_bytes(), b.as_bytes(), u32::MAX, &mut Vec::new()).unwrap();
            assert!(bound <= exact, "{a} {b}: {bound} > {exact}");
        }
        assert_eq!(super::Letters::of(b"kitten").difference(b"sitting"), 3);
    }
}
