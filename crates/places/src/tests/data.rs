//! The embedded data: size, coverage, and labels that resolve back to their own place.

use std::time::Instant;

use super::gazetteer;
use crate::data::EMBEDDED;
use crate::normalize::key;

#[test]
fn the_data_is_compact_and_covers_what_the_issue_asks() {
    assert!(EMBEDDED.len() < 20 << 20, "{} bytes", EMBEDDED.len());
    let g = gazetteer();
    let (places, zips) = g.counts();
    assert!(places >= 150_000, "{places} places");
    assert!(zips >= 33_000, "{zips} ZIP codes");
    let us = (0..places)
        .filter(|&p| g.str(g.country_of(p).iso2) == "US")
        .count();
    assert!(us >= 17_000, "{us} US places");
    // Every US place has a state, with both code and name.
    for p in (0..places).filter(|&p| g.str(g.country_of(p).iso2) == "US") {
        let area = &g.admin1[g.places[p].admin1 as usize];
        assert!(
            !area.code.is_empty() && !area.name.is_empty(),
            "{}",
            g.label(p)
        );
    }
}

#[test]
fn every_zip_code_resolves_to_its_own_label() {
    let g = gazetteer();
    for zip in &g.zips {
        let code = format!("{:05}", zip.code);
        let place = g.resolve(&code).unwrap().place;
        assert!(place.label.starts_with(&code), "{}", place.label);
        assert_eq!(g.resolve(&place.label).unwrap().place, place);
    }
}

#[test]
fn labels_of_us_and_big_places_resolve_to_the_same_label() {
    let g = gazetteer();
    let mut wrong = Vec::new();
    for p in 0..g.places.len() {
        if g.places[p].population < 50_000 && g.str(g.country_of(p).iso2) != "US" {
            continue;
        }
        let label = g.label(p);
        match g.resolve(&label) {
            // Names differing only in punctuation ("St Marys", "St. Marys") are one to a user.
            Ok(r) if key(&r.place.label) == key(&label) => {}
            Ok(r) => wrong.push(format!("{label} -> {}", r.place.label)),
            Err(e) => wrong.push(format!("{label}: {e}")),
        }
    }
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// Run with `cargo test --release -p places -- --ignored`: timings in a debug
/// build say little.
#[test]
#[ignore]
fn resolve_and_autocomplete_take_under_a_millisecond_at_p99() {
    let g = gazetteer();
    let inputs = [
        "Austin, TX",
        "austin tx",
        "Portland",
        "Philly",
        "Salt Lake City Utah",
        "SÃO PAULO",
        "19104",
        "30.2672,-97.7431",
        "Austn, TX",
        "Philadelpia",
        "Paris, Tennesee",
        "xyzzy",
        "Springfield",
        "London, CA",
        "DC",
    ];
    let prefixes = [
        "",
        "a",
        "s",
        "sa",
        "sai",
        "aus",
        "new y",
        "Portland, M",
        "787",
        "port",
    ];
    let mut times = Vec::new();
    for _ in 0..50 {
        for input in inputs {
            let start = Instant::now();
            let _ = std::hint::black_box(g.resolve(input));
            times.push(start.elapsed());
        }
        for prefix in prefixes {
            let start = Instant::now();
            std::hint::black_box(g.autocomplete(prefix, 25));
            times.push(start.elapsed());
        }
    }
    times.sort();
    let p99 = times[times.len() * 99 / 100];
    eprintln!(
        "p50 {:?}, p99 {:?}, max {:?}",
        times[times.len() / 2],
        p99,
        times.last()
    );
    assert!(p99.as_micros() < 1000, "p99 {p99:?}");
}
