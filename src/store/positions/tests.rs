use std::rc::Rc;

use chrono::{Duration, TimeZone};
use rusqlite::types::Value;

use super::*;
use crate::domain::{RallyFields, RallyStatus, RsvpStatus};

fn at(lat: f64, lon: f64, starts_at: DateTime<Utc>, ends_at: DateTime<Utc>) -> RallyFields {
    RallyFields {
        title: "t".into(),
        details: String::new(),
        place_name: "p".into(),
        address: String::new(),
        latitude: lat,
        longitude: lon,
        time_zone: chrono_tz::America::Chicago,
        starts_at,
        ends_at: Some(ends_at),
        campaign_id: None,
        address_visibility: Default::default(),
    }
}

/// A search of the next 30 days on `server` as user 1 sees it.
fn search(server: i64, origin: (f64, f64), km: f64, want: usize, now: DateTime<Utc>) -> Nearest {
    Nearest {
        server_id: server,
        shared: Vec::new(),
        user_id: 1,
        origin,
        km,
        from: now,
        until: now + Duration::days(30),
        campaign: None,
        want,
    }
}

/// Rallies that ended seconds ago share the index's minute with `now`: they are candidates
/// the exact check drops, and the search looks further until what it returns is certain.
#[tokio::test]
async fn rallies_the_index_cannot_rule_out_are_checked_and_skipped() {
    let store = Store::open_in_memory().await.unwrap();
    let now = Utc.with_ymd_and_hms(2026, 12, 1, 12, 0, 45).unwrap();
    let server = 1_234_567_890_123_456_789;
    store.ensure_server(server, now).await.unwrap();
    let insert = |fields: RallyFields| {
        let store = &store;
        async move {
            store
                .insert_rally(server, 1, None, &fields, RallyStatus::Approved, now)
                .await
                .unwrap()
                .id
        }
    };
    let just_ended = now - Duration::seconds(30);
    for _ in 0..12 {
        insert(at(30.0, -97.0, just_ended - Duration::hours(1), just_ended)).await;
    }
    let later = now + Duration::days(1);
    let near = insert(at(30.01, -97.0, later, later + Duration::hours(1))).await;
    let far = insert(at(30.05, -97.0, later, later + Duration::hours(1))).await;
    let _farther = insert(at(30.2, -97.0, later, later + Duration::hours(1))).await;
    let query = search(server, (30.0, -97.0), 50.0, 2, now);
    let found = store.nearest_in(&query).await.unwrap();
    let ids: Vec<i64> = found.iter().map(|p| p.view.rally.id).collect();
    assert_eq!(ids, vec![near, far]);
    assert!((found[0].km - 1.11).abs() < 0.01, "{found:?}");
    let elsewhere = Nearest {
        server_id: server + 1,
        ..query
    };
    let others = store.nearest_in(&elsewhere).await.unwrap();
    assert!(others.is_empty(), "another server's rallies: {others:?}");
}

/// Clusters and sparse outliers around origins in a city, the countryside, across the
/// antimeridian and near a pole: the search must return exactly what measuring every
/// rally would, however many circles it has to look in: in memory (a `memdb` database the pool
/// and the store's read connection share) and on file.
#[tokio::test]
async fn finds_what_measuring_every_rally_finds() {
    finds_what_measuring_finds(Store::open_in_memory().await.unwrap()).await;
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("near.db").display());
    finds_what_measuring_finds(Store::open(&url).await.unwrap()).await;
}

async fn finds_what_measuring_finds(store: Store) {
    let now = Utc.with_ymd_and_hms(2026, 12, 1, 12, 0, 0).unwrap();
    let server = 42;
    store.ensure_server(server, now).await.unwrap();
    let origins = [
        (30.27, -97.74),
        (44.0, -103.0),
        (-17.7, 179.9),
        (89.2, 20.0),
    ];
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut unit = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut all = Vec::new();
    for &(lat, lon) in &origins {
        // A dense cluster within ~3 km, and a sparse scatter out to ~2.5 degrees.
        for i in 0..160 {
            let spread = if i < 100 { 0.03 } else { 2.5 };
            let plat = (lat + (unit() - 0.5) * 2.0 * spread).clamp(-89.9, 89.9);
            let mut plon = lon + (unit() - 0.5) * 2.0 * spread;
            if plon > 180.0 {
                plon -= 360.0;
            }
            let start = now + Duration::hours(1 + i as i64);
            let f = at(plat, plon, start, start + Duration::hours(2));
            let id = store
                .insert_rally(server, 1, None, &f, RallyStatus::Approved, now)
                .await
                .unwrap()
                .id;
            all.push((id, plat, plon));
        }
    }
    for &(lat, lon) in &origins {
        for (km, want) in [(5.0, 26), (80.0, 26), (300.0, 6), (300.0, 1000)] {
            let query = search(server, (lat, lon), km, want, now);
            let found: Vec<i64> = store
                .nearest_in(&query)
                .await
                .unwrap()
                .iter()
                .map(|p| p.view.rally.id)
                .collect();
            let mut expected: Vec<(f64, i64)> = all
                .iter()
                .map(|&(id, a, b)| (distance_km(lat, lon, a, b), id))
                .filter(|(d, _)| *d <= km)
                .collect();
            expected.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)));
            let expected: Vec<i64> = expected.iter().take(want).map(|e| e.1).collect();
            assert_eq!(found, expected, "at ({lat}, {lon}) within {km} km, {want}");
        }
    }
}

/// A file store searches on connections of its own: each sees every write the moment it
/// is committed, and closing the store closes them, so the WAL is checkpointed away.
#[tokio::test]
async fn a_file_store_search_sees_each_write_at_once_and_closes_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fresh.db");
    let store = Store::open(&format!("sqlite://{}", path.display()))
        .await
        .unwrap();
    let now = Utc.with_ymd_and_hms(2026, 12, 1, 12, 0, 0).unwrap();
    let server = 7;
    store.ensure_server(server, now).await.unwrap();
    let query = Nearest {
        user_id: 5,
        ..search(server, (40.0, -75.0), 20.0, 5, now)
    };
    assert!(store.nearest_in(&query).await.unwrap().is_empty());
    let later = now + Duration::days(1);
    let id = store
        .insert_rally(
            server,
            1,
            None,
            &at(40.05, -75.0, later, later + Duration::hours(1)),
            RallyStatus::Approved,
            now,
        )
        .await
        .unwrap()
        .id;
    let found = store.nearest_in(&query).await.unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].view.counts.going, 0);
    assert_eq!(found[0].view.my_rsvp, None);

    store.set_rsvp(id, 5, RsvpStatus::Going, now).await.unwrap();
    store
        .set_rsvp(id, 6, RsvpStatus::Interested, now)
        .await
        .unwrap();
    let found = store.nearest_in(&query).await.unwrap();
    assert_eq!(found[0].view.counts.going, 1);
    assert_eq!(found[0].view.counts.interested, 1);
    assert_eq!(found[0].view.my_rsvp, Some(RsvpStatus::Going));

    let cancelled = store
        .transition_rally(
            id,
            &[RallyStatus::Approved],
            RallyStatus::Cancelled,
            None,
            now,
        )
        .await
        .unwrap();
    assert!(cancelled);
    assert!(store.nearest_in(&query).await.unwrap().is_empty());

    store.close().await;
    let wal = dir.path().join("fresh.db-wal");
    assert!(!wal.exists(), "the WAL is left behind after close");
    let after = store.nearest_in(&query).await;
    assert!(after.is_err(), "a closed store still searched: {after:?}");
}

/// A search that fails halfway (here on a row it can't read) leaves no transaction open:
/// each connection searches again, and the WAL can still be checkpointed.
#[tokio::test]
async fn a_failed_search_leaves_no_transaction_open() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("fail.db").display());
    let store = Store::open(&url).await.unwrap();
    let now = Utc.with_ymd_and_hms(2026, 12, 1, 12, 0, 0).unwrap();
    store.ensure_server(3, now).await.unwrap();
    let later = now + Duration::days(1);
    let fields = at(10.0, 10.0, later, later + Duration::hours(1));
    let id = store
        .insert_rally(3, 1, None, &fields, RallyStatus::Approved, now)
        .await
        .unwrap()
        .id;
    let query = search(3, (10.0, 10.0), 5.0, 3, now);
    let set_zone = |zone: &'static str| {
        sqlx::query("UPDATE rallies SET time_zone = ?1 WHERE id = ?2")
            .bind(zone)
            .bind(id)
            .execute(store.pool())
    };
    set_zone("Mars/Olympus_Mons").await.unwrap();
    for _ in 0..8 {
        let failed = store.nearest_in(&query).await;
        assert!(
            failed.is_err(),
            "an unreadable row was returned: {failed:?}"
        );
    }
    let (busy, _, _): (i64, i64, i64) = sqlx::query_as("PRAGMA wal_checkpoint(TRUNCATE)")
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_eq!(busy, 0, "a failed search still holds a snapshot");
    set_zone("America/Chicago").await.unwrap();
    for _ in 0..8 {
        let found = store.nearest_in(&query).await.unwrap();
        assert_eq!(found.len(), 1);
    }
}

/// The nearest candidates' rows are read in one query that looks each up by id: no scan of
/// the rallies table, however many it holds.
#[tokio::test]
async fn the_candidates_rows_are_looked_up_by_id() {
    let store = Store::open_in_memory().await.unwrap();
    let test = failed("test");
    let plan: Vec<String> = store
        .readers
        .read(store.pool(), |s| {
            let mut stmt = s
                .prepare(&format!("EXPLAIN QUERY PLAN {VIEWS_SQL}"))
                .map_err(&test)?;
            let ids = Rc::new(vec![Value::Integer(1), Value::Integer(2)]);
            let rows = stmt
                .query_map((ids, 1), |r| r.get::<_, String>(3))
                .map_err(&test)?;
            rows.collect::<rusqlite::Result<_>>().map_err(&test)
        })
        .await
        .unwrap();
    let by_id = "SEARCH r USING INTEGER PRIMARY KEY (rowid=?)";
    assert!(plan.iter().any(|l| l == by_id), "{plan:?}");
    let scans_rallies = |l: &String| l.split_whitespace().take(2).eq(["SCAN", "r"]);
    assert!(!plan.iter().any(scans_rallies), "{plan:?}");
}
