//! `/rally near` in a coalition of 200 servers whose 10,000 rallies are all in a shared
//! campaign, against the same search over the same 10,000 rallies inside one server, in one
//! run, on the same database file and query points.
//!
//!     cargo bench --bench coalition
//!
//! Figures are printed, never asserted; the goal is a p99 no worse than 1.2 times the
//! single-server one. Both searches must find rallies: an empty answer panics.
// The near bench's helpers; this bench uses some of them.
#[allow(dead_code)]
mod support;

use std::sync::Arc;
use std::time::Instant;

use chrono::{DateTime, TimeZone, Utc};
use rallybot::domain::Actor;
use rallybot::service::{ManualClock, NearQuery, Service};

use support::gaz::{self, Rng};
use support::load::{self, ASKER, SERVER};
use support::stats::{Samples, Table};

const RALLIES: usize = 10_000;
const SERVERS: i64 = 200;
const POINTS: usize = 300;
const ROUNDS: usize = 3;

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    rt.block_on(run());
}

async fn run() {
    let now: DateTime<Utc> = Utc.with_ymd_and_hms(2026, 12, 1, 12, 0, 0).unwrap();
    let us = gaz::load();
    let loaded = load::load(&us, RALLIES, now, 7).await;
    let store = loaded.store.clone();
    let service = Service::new(store.clone(), Arc::new(ManualClock::new(now)));
    let asker = Actor {
        user_id: ASKER,
        server_id: SERVER,
        is_moderator: false,
    };
    let mut rng = Rng::new(99);
    let points: Vec<String> = (0..POINTS)
        .map(|_| {
            let p = &us.places[rng.below(us.places.len() / 4)];
            format!("{:.4},{:.4}", p.lat, p.lon)
        })
        .collect();

    let one_server = measure(&service, &asker, &points, "near inside one server").await;
    spread_over_a_coalition(&store, now).await;
    // Written behind the store's back: a fresh store reads the coalition from the database.
    let url = format!("sqlite://{}", loaded.dir.path().join("bench.db").display());
    let store = rallybot::store::Store::open(&url).await.expect("reopening");
    let service = Service::new(store, Arc::new(ManualClock::new(now)));
    let coalition = measure(
        &service,
        &asker,
        &points,
        "near in a coalition of 200 servers",
    )
    .await;

    let ratio = coalition.pct(99.0).as_secs_f64() / one_server.pct(99.0).as_secs_f64();
    let mut table = Table::new();
    table.add(one_server);
    table.add(coalition);
    println!("{}", table.render());
    println!("coalition / one server at p99: {ratio:.2}x (goal: at most 1.2x)");
}

/// The same rallies, now of 200 servers in one coalition and all in its shared campaign.
async fn spread_over_a_coalition(store: &rallybot::store::Store, now: DateTime<Utc>) {
    let pool = store.pool();
    let t = now.timestamp();
    let mut tx = pool.begin().await.unwrap();
    for n in 1..SERVERS {
        sqlx::query("INSERT INTO servers (id, created_at, updated_at) VALUES (?1, ?2, ?2)")
            .bind(SERVER + n)
            .bind(t)
            .execute(&mut *tx)
            .await
            .unwrap();
    }
    sqlx::query(
        "INSERT INTO coalitions (id, owner_server_id, name, name_key, created_at)
         VALUES (1, ?1, 'Bench', 'bench', ?2)",
    )
    .bind(SERVER)
    .bind(t)
    .execute(&mut *tx)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO coalition_members (coalition_id, server_id, server_name, joined_at)
         SELECT 1, id, 'server ' || id, ?1 FROM servers",
    )
    .bind(t)
    .execute(&mut *tx)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO campaigns (id, server_id, name, name_key, starts_on, ends_on, created_at,
             updated_at, coalition_id)
         VALUES (1, ?1, 'Shared', 'shared', '2026-12-01', '2027-06-01', ?2, ?2, 1)",
    )
    .bind(SERVER)
    .bind(t)
    .execute(&mut *tx)
    .await
    .unwrap();
    sqlx::query("UPDATE rallies SET server_id = ?1 + (id % ?2), campaign_id = 1")
        .bind(SERVER)
        .bind(SERVERS)
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let shared: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM shared_positions")
        .fetch_one(pool)
        .await
        .unwrap();
    assert_eq!(
        shared as usize, RALLIES,
        "every rally is in the shared index"
    );
}

async fn measure(service: &Service, asker: &Actor, points: &[String], label: &str) -> Samples {
    let mut samples = Samples::new(label, None);
    let mut found = 0;
    let mut foreign = 0;
    for round in 0..=ROUNDS {
        for place in points {
            let query = NearQuery {
                place: place.clone(),
                ..NearQuery::default()
            };
            let t = Instant::now();
            let result = service.near(asker, query).await.expect("near");
            let took = t.elapsed();
            found += result.rallies.len();
            foreign += result
                .rallies
                .iter()
                .filter(|(v, _)| v.rally.server_id != asker.server_id)
                .count();
            // Round 0 warms the caches.
            if round > 0 {
                samples.push(took);
            }
        }
    }
    assert!(found > 0, "{label}: nothing found");
    println!("{label}: {found} rallies found, {foreign} from other servers");
    samples
}
