//! Autocomplete ranking and the promise that every suggestion resolves back to itself.

use super::gazetteer;
use crate::{PlaceKind, MAX_SUGGESTIONS};

fn labels(prefix: &str, limit: usize) -> Vec<String> {
    gazetteer()
        .autocomplete(prefix, limit)
        .into_iter()
        .map(|s| s.label)
        .collect()
}

fn population(label: &str) -> u32 {
    match gazetteer().resolve(label).unwrap().place.kind {
        PlaceKind::City { population } => population,
        other => panic!("{label}: {other:?}"),
    }
}

#[test]
fn an_empty_prefix_gives_the_most_populous_places() {
    let found = labels("", 10);
    assert_eq!(found.len(), 10);
    let populations: Vec<u32> = found.iter().map(|l| population(l)).collect();
    assert!(
        populations.windows(2).all(|w| w[0] >= w[1]),
        "{populations:?}"
    );
    assert!(populations[0] > 10_000_000);
}

#[test]
fn a_prefix_ranks_by_population() {
    assert_eq!(labels("aus", 5)[0], "Austin, Texas, US");
    assert_eq!(labels("phil", 5)[0], "Philadelphia, Pennsylvania, US");
    assert_eq!(labels("SÃO P", 1), ["São Paulo, São Paulo, BR"]);
    assert_eq!(labels("new y", 1), ["New York City, New York, US"]);
    assert_eq!(labels("nyc", 1), ["New York City, New York, US"]);
    let portland = labels("portland", 3);
    assert_eq!(
        portland[..2],
        ["Portland, Oregon, US", "Portland, Maine, US"]
    );
    // Short prefixes are cached; the second answer must equal the first.
    assert_eq!(labels("s", 25), labels("s", 25));
    assert_eq!(labels("s", 25)[..5], labels("s", 5)[..]);
}

#[test]
fn a_state_or_country_narrows_the_suggestions() {
    assert_eq!(
        labels("Portland, M", 5),
        ["Portland, Maine, US", "Portland, Michigan, US"]
    );
    assert_eq!(labels("austin tx", 5), ["Austin, Texas, US"]);
    assert_eq!(labels("Austin, Texas, U", 5), ["Austin, Texas, US"]);
    assert_eq!(labels("Toronto, On", 5), ["Toronto, Ontario, CA"]);
}

#[test]
fn digits_complete_zip_codes() {
    let found = labels("787", 25);
    assert_eq!(found.len(), 25);
    assert_eq!(found[0], "78701 (Austin, Texas, US)");
    assert!(found.iter().all(|l| l.starts_with("787")));
    assert_eq!(
        labels("19104", 5),
        ["19104 (Philadelphia, Pennsylvania, US)"]
    );
    assert_eq!(
        labels("-18.1, 178.4", 5),
        ["-18.1000, 178.4000 (near Lami, Central, FJ)"]
    );
    assert!(labels("99999", 5).is_empty());
}

#[test]
fn the_limit_is_respected_and_capped() {
    assert_eq!(labels("a", 3).len(), 3);
    assert_eq!(labels("a", 100).len(), MAX_SUGGESTIONS);
    assert!(labels("a", 0).is_empty());
    assert!(labels("qqqqqqq", 10).is_empty());
}

#[test]
fn every_suggestion_resolves_to_a_place_with_the_same_label() {
    for prefix in [
        "", "a", "san", "st", "new", "sao", "port", "spring", "787", "021", "mü", "Paris, ",
    ] {
        for label in labels(prefix, 25) {
            let resolved = gazetteer().resolve(&label).unwrap();
            assert_eq!(resolved.place.label, label, "prefix {prefix:?}");
        }
    }
}
