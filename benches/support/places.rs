//! Place resolution and autocomplete over a realistic mix of inputs.
use std::time::{Duration, Instant};

use places::Gazetteer;

use super::gaz::{Rng, UsData};
use super::stats::Samples;

/// What people type: "City, ST", bare names, nicknames, ZIPs, coordinates, misspellings (which
/// take the suggestion path) and a few places abroad.
const TYPED: &[&str] = &[
    "Austin, TX",
    "19104",
    "Portland",
    "philly",
    "san fran",
    "Portland, OR",
    "Portland, Maine",
    "Springfield",
    "Springfield, IL",
    "NYC",
    "New York",
    "Brooklyn",
    "los angeles, ca",
    "Seattle WA",
    "90210",
    "10001",
    "60614-1234",
    "30.2672, -97.7431",
    "40.7128 N 74.0060 W",
    "Chicgo",
    "Sacremento",
    "Albuquerqe",
    "Mineapolis",
    "Cincinatti",
    "Pittsburg",
    "Tuscon",
    "Phoenix, Arizona",
    "St. Louis, MO",
    "Saint Louis",
    "washington dc",
    "Washington, D.C.",
    "Kansas City",
    "Kansas City, Kansas",
    "Toronto, ON",
    "London",
    "Paris, France",
    "Zzyzx Qwrt",
    "San Jose",
    "San José, CA",
    "Las Vegas",
    "Boise, ID",
    "Des Moines, Iowa",
    "Miami",
    "Fort Worth",
    "Ft Worth",
    "Mt Vernon",
    "Winston-Salem",
    "Coeur d'Alene",
    "Honolulu, HI",
    "Anchorage",
    "Juneau, Alaska",
    "Atlanta GA",
    "Raleigh",
    "Durham, NC",
    "Marfa, TX",
    "Truth or Consequences",
    "Bozeman",
    "Missoula, MT",
    "Burlington, VT",
    "Omaha",
    "Tulsa, OK",
    "Oaklnd",
    "Berkely",
    "Hartfrod, CT",
    "Nashvile",
    "Memphis TN",
];

pub struct PlaceFigures {
    pub resolve: Samples,
    pub resolve_failed: usize,
    pub autocomplete: Samples,
    /// The slowest autocomplete of the warm-up pass (short prefixes are cached on first use).
    pub autocomplete_cold_max: Duration,
    pub cold_load: Duration,
}

/// `rounds` timed passes over every input, after one untimed warm-up pass.
pub fn bench(us: &UsData, rounds: usize, goal: Duration) -> PlaceFigures {
    let started = Instant::now();
    let g = Gazetteer::global();
    let cold_load = started.elapsed();
    let mut rng = Rng::new(7);
    let mut inputs: Vec<String> = TYPED.iter().map(|s| s.to_string()).collect();
    for _ in 0..150 {
        let p = &us.places[rng.below(us.places.len())];
        inputs.push(match rng.below(3) {
            0 => format!("{}, {}", p.name, p.state),
            1 => p.name.clone(),
            _ => format!("{} {}", p.name.to_lowercase(), p.state.to_lowercase()),
        });
    }
    for _ in 0..60 {
        inputs.push(format!("{:05}", us.zips[rng.below(us.zips.len())]));
    }
    let mut prefixes: Vec<String> = Vec::new();
    let mut words: Vec<String> = TYPED.iter().map(|s| s.to_string()).collect();
    for _ in 0..120 {
        words.push(us.places[rng.below(us.places.len())].name.clone());
    }
    for _ in 0..20 {
        words.push(format!("{:05}", us.zips[rng.below(us.zips.len())]));
    }
    for w in &words {
        for n in 1..=6 {
            let prefix: String = w.chars().take(n).collect();
            if prefix.chars().count() == n {
                prefixes.push(prefix);
            }
        }
    }

    let mut resolve = Samples::new(
        format!("Gazetteer::resolve ({} inputs)", inputs.len()),
        Some(goal),
    );
    let mut autocomplete = Samples::new(
        format!(
            "Gazetteer::autocomplete(_, 25) ({} prefixes of 1-6)",
            prefixes.len()
        ),
        Some(goal),
    );
    let mut resolve_failed = 0;
    let mut autocomplete_cold_max = Duration::ZERO;
    for round in 0..=rounds {
        for input in &inputs {
            let t = Instant::now();
            let r = g.resolve(input);
            let d = t.elapsed();
            std::hint::black_box(&r);
            if round > 0 {
                resolve.push(d);
            } else if r.is_err() {
                resolve_failed += 1;
            }
        }
        for prefix in &prefixes {
            let t = Instant::now();
            let s = g.autocomplete(prefix, 25);
            let d = t.elapsed();
            std::hint::black_box(&s);
            if round > 0 {
                autocomplete.push(d);
            } else {
                autocomplete_cold_max = autocomplete_cold_max.max(d);
            }
        }
    }
    PlaceFigures {
        resolve,
        resolve_failed,
        autocomplete,
        autocomplete_cold_max,
        cold_load,
    }
}
