//! Tests of the places crate against the real embedded data.

mod autocomplete;
mod data;
mod errors;

use chrono_tz::Tz;

use super::{Gazetteer, PlaceKind, Resolved};

fn gazetteer() -> &'static Gazetteer {
    Gazetteer::global()
}

fn resolve(input: &str) -> Resolved {
    gazetteer()
        .resolve(input)
        .unwrap_or_else(|e| panic!("{input:?} did not resolve: {e}"))
}

/// Input, expected latitude, longitude (within 0.1°) and time zone.
const PLACES: &[(&str, f64, f64, &str)] = &[
    // "City, ST" in its spellings.
    ("Austin, TX", 30.27, -97.74, "America/Chicago"),
    ("Austin, Texas", 30.27, -97.74, "America/Chicago"),
    ("austin tx", 30.27, -97.74, "America/Chicago"),
    ("  AUSTIN ,  TX ", 30.27, -97.74, "America/Chicago"),
    ("Austin, Texas, US", 30.27, -97.74, "America/Chicago"),
    ("Warwick RI", 41.70, -71.42, "America/New_York"),
    ("Salt Lake City Utah", 40.76, -111.89, "America/Denver"),
    ("Kansas City Kansas", 39.11, -94.63, "America/Chicago"),
    ("Washington, DC", 38.90, -77.04, "America/New_York"),
    ("Springfield, IL", 39.80, -89.64, "America/Chicago"),
    ("Athens, GA", 33.96, -83.38, "America/New_York"),
    ("Paris, TX", 33.66, -95.56, "America/Chicago"),
    // Time zones that surprise people.
    ("Phoenix AZ", 33.45, -112.07, "America/Phoenix"),
    ("El Paso TX", 31.76, -106.49, "America/Denver"),
    (
        "Indianapolis",
        39.77,
        -86.16,
        "America/Indiana/Indianapolis",
    ),
    (
        "Louisville KY",
        38.25,
        -85.76,
        "America/Kentucky/Louisville",
    ),
    ("Gary, IN", 41.59, -87.35, "America/Chicago"),
    ("Pensacola, FL", 30.42, -87.22, "America/Chicago"),
    ("Detroit", 42.33, -83.05, "America/Detroit"),
    ("Boise", 43.61, -116.20, "America/Boise"),
    ("Honolulu", 21.31, -157.86, "Pacific/Honolulu"),
    ("Anchorage", 61.22, -149.90, "America/Anchorage"),
    ("Juneau", 58.30, -134.42, "America/Juneau"),
    // Alternate names, abbreviations and a bare name.
    ("Philly", 39.95, -75.16, "America/New_York"),
    ("NYC", 40.71, -74.01, "America/New_York"),
    ("New York, NY", 40.71, -74.01, "America/New_York"),
    ("St. Louis", 38.63, -90.20, "America/Chicago"),
    ("Saint Louis, MO", 38.63, -90.20, "America/Chicago"),
    ("St Louis MO", 38.63, -90.20, "America/Chicago"),
    ("Ft. Worth", 32.73, -97.32, "America/Chicago"),
    ("Winston Salem", 36.10, -80.24, "America/New_York"),
    ("Portland", 45.52, -122.68, "America/Los_Angeles"),
    ("Portland Maine", 43.66, -70.26, "America/New_York"),
    ("Portland, ME", 43.66, -70.26, "America/New_York"),
    // Accents, other countries, provinces.
    ("SÃO PAULO", -23.55, -46.64, "America/Sao_Paulo"),
    ("sao paulo", -23.55, -46.64, "America/Sao_Paulo"),
    ("Zürich", 47.37, 8.55, "Europe/Zurich"),
    ("Zurich, CH", 47.37, 8.55, "Europe/Zurich"),
    ("Montreal, QC", 45.51, -73.59, "America/Toronto"),
    ("Toronto, ON", 43.71, -79.40, "America/Toronto"),
    ("Bogotá", 4.61, -74.08, "America/Bogota"),
    ("Paris, France", 48.85, 2.35, "Europe/Paris"),
    ("London, UK", 51.51, -0.13, "Europe/London"),
    ("Sydney NSW", -33.87, 151.21, "Australia/Sydney"),
    ("Tokyo", 35.69, 139.69, "Asia/Tokyo"),
    // ZIP codes in several zones.
    ("19104", 39.96, -75.20, "America/New_York"),
    ("78701", 30.27, -97.74, "America/Chicago"),
    ("85004", 33.45, -112.07, "America/Phoenix"),
    ("96813", 21.32, -157.85, "Pacific/Honolulu"),
    ("79901", 31.76, -106.48, "America/Denver"),
    ("46204", 39.77, -86.16, "America/Indiana/Indianapolis"),
    ("99501", 61.22, -149.86, "America/Anchorage"),
    ("86515", 35.71, -108.98, "America/Denver"), // Window Rock: the Navajo Nation keeps DST
    ("97914", 44.11, -117.08, "America/Boise"),  // Ontario, OR: Mountain time
    ("78701-1234", 30.27, -97.74, "America/Chicago"),
    // Coordinates, near the antimeridian and far north.
    ("30.2672, -97.7431", 30.27, -97.74, "America/Chicago"),
    ("40.7128N 74.0060W", 40.71, -74.01, "America/New_York"),
    ("-18.14, 178.44", -18.14, 178.44, "Pacific/Fiji"),
    ("-13.83,-171.76", -13.83, -171.76, "Pacific/Apia"),
    ("-14.28 -170.70", -14.28, -170.70, "Pacific/Pago_Pago"),
    ("78.22, 15.65", 78.22, 15.65, "Arctic/Longyearbyen"),
    ("71.29, -156.79", 71.29, -156.79, "America/Anchorage"),
    ("64.18, -51.72", 64.18, -51.72, "America/Nuuk"),
];

#[test]
fn resolves_the_table_of_places_to_coordinates_and_time_zones() {
    let mut failures = Vec::new();
    for &(input, lat, lon, tz) in PLACES {
        let tz: Tz = tz.parse().expect("test table time zone");
        match gazetteer().resolve(input) {
            Ok(r) => {
                let p = &r.place;
                if (p.lat - lat).abs() > 0.1 || (p.lon - lon).abs() > 0.1 || p.tz != tz {
                    failures.push(format!(
                        "{input:?}: got {} {},{} {}",
                        p.label, p.lat, p.lon, p.tz
                    ));
                }
            }
            Err(e) => failures.push(format!("{input:?}: {e}")),
        }
    }
    assert!(PLACES.len() >= 40);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn labels_name_city_state_and_country() {
    let p = resolve("austin tx").place;
    assert_eq!(p.label, "Austin, Texas, US");
    assert_eq!(p.city.as_deref(), Some("Austin"));
    assert_eq!(p.admin1.as_deref(), Some("TX"));
    assert_eq!(p.admin1_name.as_deref(), Some("Texas"));
    assert_eq!(p.country, "US");
    assert!(matches!(p.kind, PlaceKind::City { population } if population > 900_000));

    assert_eq!(resolve("sao paulo").place.label, "São Paulo, São Paulo, BR");
    assert_eq!(
        resolve("Philly").place.label,
        "Philadelphia, Pennsylvania, US"
    );
    assert_eq!(resolve("NYC").place.label, "New York City, New York, US");
}

#[test]
fn zip_codes_are_labelled_with_the_place_they_are_in() {
    let p = resolve("19104").place;
    assert_eq!(p.label, "19104 (Philadelphia, Pennsylvania, US)");
    assert_eq!(p.kind, PlaceKind::Zip);
    assert_eq!(p.admin1.as_deref(), Some("PA"));
    // Camden is across the river from Philadelphia, in another state.
    assert_eq!(
        resolve("08102").place.label,
        "08102 (Camden, New Jersey, US)"
    );
    assert_eq!(
        resolve("02139").place.label,
        "02139 (Cambridge, Massachusetts, US)"
    );
}

#[test]
fn coordinates_keep_what_was_typed() {
    let p = resolve("30.2672,-97.7431").place;
    assert_eq!(p.label, "30.2672, -97.7431 (near Austin, Texas, US)");
    assert_eq!((p.lat, p.lon), (30.2672, -97.7431));
    assert_eq!(p.kind, PlaceKind::Coordinates);
    assert_eq!(p.city, None);
    assert_eq!(p.country, "US");
}

#[test]
fn coordinates_far_from_any_place_are_only_numbers_and_labels_resolve_back() {
    // The middle of the South Pacific.
    let ocean = resolve("-30,-130").place;
    assert_eq!(ocean.label, "-30.0000, -130.0000");
    for input in ["30.2672,-97.7431", "-30,-130", "40.7128 -74.0060"] {
        let p = resolve(input).place;
        let again = resolve(&p.label).place;
        assert_eq!(again, p, "{input} -> {}", p.label);
    }
}

#[test]
fn a_bare_ambiguous_name_lists_the_others() {
    let r = resolve("Portland");
    assert_eq!(r.place.label, "Portland, Oregon, US");
    assert_eq!(
        r.alternatives.first().map(String::as_str),
        Some("Portland, Maine, US")
    );
    assert!(r.alternatives.len() <= 5);
    assert!(!r.alternatives.contains(&r.place.label));

    let r = resolve("Springfield");
    assert_eq!(r.alternatives.len(), 5);
    assert!(r
        .alternatives
        .iter()
        .all(|a| a.starts_with("Springfield, ")));
}

#[test]
fn a_state_picks_among_same_named_places() {
    assert_eq!(resolve("Portland, OR").alternatives, Vec::<String>::new());
    assert_eq!(resolve("Kansas City").place.admin1.as_deref(), Some("MO"));
    assert_eq!(
        resolve("Kansas City, KS").place.admin1.as_deref(),
        Some("KS")
    );
    // "GA" is Georgia the state before Gabon, and "Georgia" the country where no state fits.
    assert_eq!(resolve("Atlanta, GA").place.country, "US");
    assert_eq!(resolve("Tbilisi, Georgia").place.country, "GE");
    // "CA" is California first, Canada when California has no such place.
    assert_eq!(resolve("London, CA").place.admin1.as_deref(), Some("CA"));
    assert_eq!(resolve("Toronto, CA").place.country, "CA");
}

#[test]
fn timezone_at_uses_the_nearest_place() {
    let g = gazetteer();
    assert_eq!(g.timezone_at(33.45, -112.07), chrono_tz::America::Phoenix);
    assert_eq!(g.timezone_at(-18.1, 178.4), chrono_tz::Pacific::Fiji);
    assert_eq!(g.timezone_at(-16.5, -179.99), chrono_tz::Pacific::Fiji); // across the antimeridian
    assert_eq!(g.timezone_at(51.5, -0.1), chrono_tz::Europe::London);
    assert_eq!(g.nearest_place(30.27, -97.74).label, "Austin, Texas, US");
}

#[test]
fn the_gazetteer_is_shareable_between_threads() {
    fn shareable<T: Send + Sync>() {}
    shareable::<Gazetteer>();
    assert!(std::ptr::eq(Gazetteer::global(), Gazetteer::global()));
}
