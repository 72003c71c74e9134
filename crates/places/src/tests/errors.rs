//! What the user is told when a place cannot be resolved.

use super::gazetteer;
use crate::PlaceError;

fn error(input: &str) -> PlaceError {
    match gazetteer().resolve(input) {
        Ok(r) => panic!("{input:?} resolved to {}", r.place.label),
        Err(e) => e,
    }
}

fn suggestions(input: &str) -> Vec<String> {
    match error(input) {
        PlaceError::Unknown { suggestions, .. } => suggestions,
        other => panic!("{input:?}: expected Unknown, got {other:?}"),
    }
}

#[test]
fn a_misspelt_city_suggests_the_closest_names() {
    let found = suggestions("Austn, TX");
    assert_eq!(found.first().map(String::as_str), Some("Austin, Texas, US"));
    assert!(found.len() <= 5);
    assert_eq!(
        suggestions("Philadelpia")[0],
        "Philadelphia, Pennsylvania, US"
    );
    assert_eq!(
        suggestions("Sna Francisco")[0],
        "San Francisco, California, US"
    );
    assert_eq!(
        suggestions("Portlnd")[..2],
        ["Portland, Oregon, US", "Portland, Maine, US"]
    );
}

#[test]
fn a_misspelt_state_suggests_the_city_in_the_closest_state() {
    assert_eq!(suggestions("Paris, Tennesee")[0], "Paris, Tennessee, US");
    // The city exists, but not in that state.
    assert!(suggestions("Austin, WA").contains(&"Austin, Texas, US".to_string()));
}

#[test]
fn a_bare_state_suggests_its_biggest_places() {
    assert_eq!(suggestions("DC")[0], "Washington, District of Columbia, US");
}

#[test]
fn the_message_says_what_to_do() {
    let message = error("Austn, TX").to_string();
    assert!(
        message.starts_with(
            "I don't know a place called \"Austn, TX\". Did you mean: Austin, Texas, US;"
        ),
        "{message}"
    );
    assert!(message.ends_with("Try \"City, ST\", a 5-digit US ZIP code or \"lat,lon\"."));

    let message = error("Qwxzv Plorbt").to_string();
    assert!(!message.contains("Did you mean"), "{message}");
}

#[test]
fn bad_coordinates_are_refused_with_the_reason() {
    for input in [
        "95, 10",
        "-91,0",
        "10, 200",
        "10,-180.5",
        "45.5",
        "1, 2, 3",
        "40N 40N",
    ] {
        assert!(
            matches!(error(input), PlaceError::BadCoordinates { .. }),
            "{input:?}"
        );
    }
    let message = error("95, 10").to_string();
    assert!(
        message.contains("latitude 95 is outside -90..90"),
        "{message}"
    );
    assert!(message.contains("\"lat,lon\""), "{message}");
}

#[test]
fn unknown_and_malformed_zip_codes() {
    assert_eq!(
        error("00000"),
        PlaceError::UnknownZip {
            zip: "00000".into()
        }
    );
    // 85001 is a PO-box ZIP code without an area of its own.
    assert!(matches!(error("85001"), PlaceError::UnknownZip { .. }));
    assert!(matches!(error("1234"), PlaceError::MalformedZip { .. }));
    assert!(error("123456").to_string().contains("5 digits"));
}

#[test]
fn empty_and_oversized_input() {
    assert_eq!(error(""), PlaceError::Empty);
    assert_eq!(error(" \t "), PlaceError::Empty);
    assert!(matches!(error(",,,"), PlaceError::Unknown { .. }));
    assert!(matches!(
        error(&"a".repeat(500)),
        PlaceError::TooLong { len: 500 }
    ));
    assert!(error("").to_string().starts_with("Please give a place."));
}

#[test]
fn odd_input_gives_an_answer_not_a_panic() {
    let odd = [
        "🙂",
        "°",
        "'",
        "-",
        "+",
        "N",
        "1e5, 3",
        "inf,0",
        "NaN, 1",
        ",30,40",
        " , TX",
        "TX,",
        "Austin,,TX",
        "東京",
        "\u{0}",
        "a, b, c, d, e, f",
        "30.2672,-97.7431,",
        "Zürich😀",
    ];
    for input in odd {
        let _ = gazetteer().resolve(input);
        let _ = gazetteer().autocomplete(input, 25);
    }
    assert!(matches!(error("°"), PlaceError::Unknown { .. }));
    assert_eq!(
        gazetteer().resolve("Austin,,TX").unwrap().place.label,
        "Austin, Texas, US"
    );
}
