//! The bot's database, filled before the bot starts: approved, upcoming rallies around US
//! cities.
use chrono::Utc;
use places::{Gazetteer, Place};
use rallybot::store::Store;

/// Where `/rally near` is asked from (all also hold rallies).
pub const QUERY_CITIES: [&str; 20] = [
    "New York, NY",
    "Los Angeles, CA",
    "Chicago, IL",
    "Houston, TX",
    "Phoenix, AZ",
    "Philadelphia, PA",
    "San Antonio, TX",
    "San Diego, CA",
    "Dallas, TX",
    "Austin, TX",
    "Jacksonville, FL",
    "Columbus, OH",
    "Charlotte, NC",
    "Indianapolis, IN",
    "San Francisco, CA",
    "Seattle, WA",
    "Denver, CO",
    "Boston, MA",
    "Nashville, TN",
    "Portland, OR",
];

/// Further cities rallies are spread around.
const MORE_CITIES: [&str; 40] = [
    "Detroit, MI",
    "Memphis, TN",
    "Louisville, KY",
    "Baltimore, MD",
    "Milwaukee, WI",
    "Albuquerque, NM",
    "Tucson, AZ",
    "Fresno, CA",
    "Sacramento, CA",
    "Kansas City, MO",
    "Atlanta, GA",
    "Omaha, NE",
    "Raleigh, NC",
    "Miami, FL",
    "Minneapolis, MN",
    "Tulsa, OK",
    "Cleveland, OH",
    "New Orleans, LA",
    "Tampa, FL",
    "Pittsburgh, PA",
    "Cincinnati, OH",
    "St. Louis, MO",
    "Salt Lake City, UT",
    "Las Vegas, NV",
    "Boise, ID",
    "Birmingham, AL",
    "Richmond, VA",
    "Buffalo, NY",
    "Oklahoma City, OK",
    "Little Rock, AR",
    "Des Moines, IA",
    "Madison, WI",
    "Spokane, WA",
    "Anchorage, AK",
    "Honolulu, HI",
    "Burlington, VT",
    "Portland, ME",
    "Charleston, SC",
    "Jackson, MS",
    "Billings, MT",
];

/// A small deterministic generator (splitmix64), so every run seeds the same rallies.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [lo, hi).
    pub fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
}

fn resolve(name: &str) -> Place {
    let place = Gazetteer::global()
        .resolve(name)
        .unwrap_or_else(|e| panic!("the gazetteer does not know {name:?}: {e}"))
        .place;
    assert_eq!(place.country, "US", "{name:?} resolved to {}", place.label);
    place
}

/// What was put in the database.
pub struct Seeded {
    pub rallies: usize,
    pub cities: usize,
    pub distinct_places: usize,
}

/// Creates the database at `url` (migrations run) with `n` approved rallies of `server_id`
/// starting 1 to 180 days from now, each within about 50 km of one of 60 US cities and named
/// after the gazetteer place nearest to it.
pub async fn seed(url: &str, server_id: u64, n: usize) -> Seeded {
    let gaz = Gazetteer::global();
    let cities: Vec<Place> = QUERY_CITIES
        .iter()
        .chain(MORE_CITIES.iter())
        .map(|c| resolve(c))
        .collect();
    let store = Store::open(url).await.expect("opening the bench database");
    let now = Utc::now().timestamp();
    let server_id = i64::try_from(server_id).expect("snowflakes fit i64");
    let mut tx = store.pool().begin().await.expect("a transaction");
    sqlx::query("INSERT INTO servers (id, created_at, updated_at) VALUES (?1, ?2, ?2)")
        .bind(server_id)
        .bind(now)
        .execute(&mut *tx)
        .await
        .expect("inserting the server");
    let mut rng = Rng::new(0x5EED_F4A1);
    let mut places = std::collections::HashSet::new();
    for i in 0..n {
        let city = &cities[i % cities.len()];
        let lat = (city.lat + rng.range(-0.45, 0.45)).clamp(-90.0, 90.0);
        let lon = city.lon + rng.range(-0.55, 0.55);
        let near = gaz.nearest_place(lat, lon);
        places.insert(near.label.clone());
        let starts_at = now + 86_400 * (1 + rng.below(180) as i64) + 900 * rng.below(96) as i64;
        sqlx::query(
            "INSERT INTO rallies (server_id, title, details, place_name, address, latitude,
                longitude, time_zone, starts_at, ends_at, organiser_id, status, created_at,
                updated_at)
             VALUES (?1, ?2, ?3, ?4, '', ?5, ?6, ?7, ?8, ?9, ?10, 'approved', ?11, ?11)",
        )
        .bind(server_id)
        .bind(format!("Rally for fair housing #{i}"))
        .bind("Bring signs and water. Meet at the main entrance.")
        .bind(&near.label)
        .bind(lat)
        .bind(lon)
        .bind(gaz.timezone_at(lat, lon).name())
        .bind(starts_at)
        .bind(starts_at + 2 * 3600)
        .bind(920_000_000_000_100_000_i64 + (i % 500) as i64)
        .bind(now)
        .execute(&mut *tx)
        .await
        .expect("inserting a rally");
    }
    tx.commit().await.expect("committing the rallies");
    let indexed: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM rally_positions")
        .fetch_one(store.pool())
        .await
        .expect("counting rally_positions");
    assert_eq!(indexed as usize, n, "every approved rally is in the R*Tree");
    store.close().await;
    Seeded {
        rallies: n,
        cities: cities.len(),
        distinct_places: places.len(),
    }
}
