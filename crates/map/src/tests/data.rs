//! The embedded outline data.

use crate::outlines::{arc_index, decode, outlines, Layer};

const STATES_AND_DC: [&str; 51] = [
    "Alabama",
    "Alaska",
    "Arizona",
    "Arkansas",
    "California",
    "Colorado",
    "Connecticut",
    "Delaware",
    "District of Columbia",
    "Florida",
    "Georgia",
    "Hawaii",
    "Idaho",
    "Illinois",
    "Indiana",
    "Iowa",
    "Kansas",
    "Kentucky",
    "Louisiana",
    "Maine",
    "Maryland",
    "Massachusetts",
    "Michigan",
    "Minnesota",
    "Mississippi",
    "Missouri",
    "Montana",
    "Nebraska",
    "Nevada",
    "New Hampshire",
    "New Jersey",
    "New Mexico",
    "New York",
    "North Carolina",
    "North Dakota",
    "Ohio",
    "Oklahoma",
    "Oregon",
    "Pennsylvania",
    "Rhode Island",
    "South Carolina",
    "South Dakota",
    "Tennessee",
    "Texas",
    "Utah",
    "Vermont",
    "Virginia",
    "Washington",
    "West Virginia",
    "Wisconsin",
    "Wyoming",
];

fn names(layer: &Layer) -> Vec<&str> {
    layer.features.iter().map(|f| f.name.as_str()).collect()
}

#[test]
fn the_states_layer_has_the_50_states_and_dc() {
    let states = &outlines().states;
    let names = names(states);
    for state in STATES_AND_DC {
        assert!(names.contains(&state), "{state} missing");
    }
    for f in &states.features {
        assert!(f.polygons >= 1, "{} has no polygon", f.name);
        assert_eq!(f.code.len(), 2, "{} has FIPS code {:?}", f.name, f.code);
        assert!(!f.replaced);
    }
    // Hawaii and Michigan are several pieces.
    let pieces = |name: &str| {
        states
            .features
            .iter()
            .find(|f| f.name == name)
            .unwrap()
            .polygons
    };
    assert!(pieces("Hawaii") >= 5 && pieces("Michigan") >= 2);
}

#[test]
fn the_countries_layer_has_most_countries() {
    let countries = &outlines().countries;
    assert!(
        countries.features.len() >= 200,
        "{} countries",
        countries.features.len()
    );
    let names = names(countries);
    for country in [
        "Canada",
        "Mexico",
        "United States of America",
        "France",
        "Japan",
        "Brazil",
        "Russia",
        "Fiji",
        "Antarctica",
    ] {
        assert!(names.contains(&country), "{country} missing");
    }
    // The US and its territories are drawn from the states layer instead, and nothing else.
    let mut replaced: Vec<&str> = countries
        .features
        .iter()
        .filter(|f| f.replaced)
        .map(|f| f.code.as_str())
        .collect();
    replaced.sort();
    assert_eq!(replaced, ["016", "316", "580", "630", "840", "850"]);
}

#[test]
fn arcs_and_merged_rings_are_well_formed() {
    for layer in [&outlines().countries, &outlines().states] {
        assert!(layer.arcs.iter().all(|a| a.points.len() >= 2));
        assert!(layer.arcs.iter().all(|a| a
            .points
            .iter()
            .all(|p| p[0].is_finite() && p[1].is_finite())));
        assert!(!layer.merged.is_empty());
        // Each merged ring runs end to end: every arc starts where the one before ended, and
        // the last ends where the first began (or a whole turn away, around a pole).
        for ring in &layer.merged {
            let ends = |i: usize| {
                let r = ring.arcs[i];
                let pts = &layer.arcs[arc_index(r)].points;
                let (a, b) = (pts[0], pts[pts.len() - 1]);
                let (from, to) = if r < 0 { (b, a) } else { (a, b) };
                let o = ring.offsets[i];
                ([from[0] + o, from[1]], [to[0] + o, to[1]])
            };
            for i in 1..ring.arcs.len() {
                let (prev_end, start) = (ends(i - 1).1, ends(i).0);
                assert!(
                    (prev_end[0] - start[0]).abs() < 1e-9 && prev_end[1] == start[1],
                    "{}: a gap in a ring",
                    layer.name
                );
            }
            let (first, last) = (ends(0).0, ends(ring.arcs.len() - 1).1);
            let closes = (first[0] - last[0]).abs() < 1e-9 && first[1] == last[1];
            assert!(
                closes || ring.cap.is_some(),
                "{}: a ring that does not close",
                layer.name
            );
        }
    }
    // Exactly one ring goes around a pole: Antarctica's.
    assert_eq!(
        outlines()
            .countries
            .merged
            .iter()
            .filter(|r| r.cap.is_some())
            .count(),
        1
    );
    assert!(outlines().states.merged.iter().all(|r| r.cap.is_none()));
}

#[test]
fn a_border_is_one_arc_shared_by_both_neighbours() {
    // Shared arcs are what keep fills meeting exactly and borders drawn once.
    let states = &outlines().states;
    assert!(states.arcs.iter().filter(|a| a.uses == 2).count() > 100);
    // All but one: a tiny arc at the California-Oregon-Nevada corner that us-atlas has
    // Oregon use twice.
    assert!(
        states
            .arcs
            .iter()
            .filter(|a| !(1..=2).contains(&a.uses))
            .count()
            <= 1
    );
}

#[test]
fn corrupt_data_is_an_error_not_a_panic() {
    assert!(decode(b"not gzip").is_err());
    let gz = |raw: &[u8]| {
        use std::io::Write;
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(raw).unwrap();
        e.finish().unwrap()
    };
    assert!(decode(&gz(b"rallybot-outlines\x002\x00\x00")).is_err());
    assert!(decode(&gz(b"rallybot-outlines\x001\x00\x02")).is_err()); // truncated
    assert!(decode(&gz(b"rallybot-outlines\x001\x00\x00")).is_err()); // no layers
}
