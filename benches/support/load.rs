//! Fills an on-disk database with upcoming approved rallies over US places.
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use rallybot::store::Store;
use sqlx::AssertSqlSafe;

use super::gaz::{Rng, UsData};

pub const SERVER: i64 = 100;
/// The user who asks "what's near me?"; holds a few RSVPs so `views` has work to do.
pub const ASKER: i64 = 424_242;
const ROWS_PER_INSERT: usize = 500;
const COLUMNS: usize = 14;
/// Rallies sit within this many km of their place.
const JITTER_KM: f64 = 5.0;
const DAYS_AHEAD: i64 = 60;

pub struct Loaded {
    pub store: Store,
    pub dir: tempfile::TempDir,
    pub load_time: Duration,
    pub file_mb: f64,
}

/// Creates `count` rallies in a fresh database file: half at places drawn uniformly from the
/// US places of the gazetteer (towns get some), half drawn by population (cities get more),
/// each jittered up to 5 km, starting over the next 60 days; 10% have an RSVP.
pub async fn load(us: &UsData, count: usize, now: DateTime<Utc>, seed: u64) -> Loaded {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.db");
    let store = Store::open(&format!("sqlite://{}", path.display()))
        .await
        .expect("opening the bench database");
    let started = Instant::now();
    let pool = store.pool();
    let now_s = now.timestamp();
    sqlx::query("INSERT INTO servers (id, created_at, updated_at) VALUES (?1, ?2, ?2)")
        .bind(SERVER)
        .bind(now_s)
        .execute(pool)
        .await
        .expect("server row");

    let mut cumulative = Vec::with_capacity(us.places.len());
    let mut total = 0u64;
    for p in &us.places {
        total += u64::from(p.population);
        cumulative.push(total);
    }
    let mut rng = Rng::new(seed);
    let full_sql: Arc<str> = insert_sql(ROWS_PER_INSERT).into();
    let mut tx = pool.begin().await.expect("begin");
    let mut done = 0;
    while done < count {
        let n = ROWS_PER_INSERT.min(count - done);
        // The same SQL text each time, so sqlx reuses the prepared statement.
        let sql = if n == ROWS_PER_INSERT {
            full_sql.clone()
        } else {
            insert_sql(n).into()
        };
        let mut q = sqlx::query(AssertSqlSafe(sql));
        for i in done..done + n {
            let place = if rng.unit() < 0.5 {
                &us.places[rng.below(us.places.len())]
            } else {
                let target = rng.next_u64() % total;
                &us.places[cumulative.partition_point(|&c| c <= target)]
            };
            let (lat, lon) = jitter(&mut rng, place.lat, place.lon);
            let starts =
                now_s + 600 + (rng.unit() * (DAYS_AHEAD * 86_400) as f64) as i64 / 900 * 900;
            let ends = (rng.unit() < 0.5).then_some(starts + 7_200);
            q = q
                .bind(SERVER)
                .bind(format!("Rally {i} in {}", place.name))
                .bind("Bring a sign and water.")
                .bind(format!("{}, {}", place.name, place.state))
                .bind("")
                .bind(lat)
                .bind(lon)
                .bind(place.tz.clone())
                .bind(starts)
                .bind(ends)
                .bind(1 + rng.below(5_000) as i64)
                .bind("approved")
                .bind(now_s - rng.below(30 * 86_400) as i64)
                .bind(now_s);
        }
        q.execute(&mut *tx).await.expect("inserting rallies");
        done += n;
    }
    sqlx::query(
        "INSERT INTO rsvps (rally_id, user_id, status, updated_at)
         SELECT id, 1 + (id * 7919) % 1000, CASE WHEN id % 3 = 0 THEN 'interested' ELSE 'going' END, ?1
         FROM rallies WHERE id % 10 = 0",
    )
    .bind(now_s)
    .execute(&mut *tx)
    .await
    .expect("rsvps");
    sqlx::query(
        "INSERT INTO rsvps (rally_id, user_id, status, updated_at)
         SELECT id, ?1, 'going', ?2 FROM rallies WHERE id % (SELECT MAX(id) / 20 FROM rallies) = 7",
    )
    .bind(ASKER)
    .bind(now_s)
    .execute(&mut *tx)
    .await
    .expect("asker rsvps");
    tx.commit().await.expect("commit");
    // One big transaction leaves a big WAL; a running bot checkpoints as it goes.
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(pool)
        .await
        .expect("checkpoint");
    let load_time = started.elapsed();
    let file_mb = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0) as f64 / 1e6;
    Loaded {
        store,
        dir,
        load_time,
        file_mb,
    }
}

fn insert_sql(rows: usize) -> String {
    let mut sql = String::from(
        "INSERT INTO rallies (server_id, title, details, place_name, address, latitude, longitude,
            time_zone, starts_at, ends_at, organiser_id, status, created_at, updated_at) VALUES ",
    );
    let row = format!("({})", vec!["?"; COLUMNS].join(","));
    sql.push_str(&vec![row; rows].join(","));
    sql
}

/// A point uniform in the disk of JITTER_KM around (lat, lon).
fn jitter(rng: &mut Rng, lat: f64, lon: f64) -> (f64, f64) {
    let r = JITTER_KM * rng.unit().sqrt();
    let bearing = rng.unit() * std::f64::consts::TAU;
    let km_per_deg = 111.195;
    let lat2 = (lat + r * bearing.cos() / km_per_deg).clamp(-89.9, 89.9);
    let mut lon2 = lon + r * bearing.sin() / (km_per_deg * lat.to_radians().cos());
    if lon2 > 180.0 {
        lon2 -= 360.0;
    } else if lon2 < -180.0 {
        lon2 += 360.0;
    }
    (lat2, lon2)
}
