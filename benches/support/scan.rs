//! The reference answer without the spatial index: every upcoming approved rally of the
//! server, ranked by haversine in Rust, as `Service::near` ranks them.
use chrono::{DateTime, Utc};
use places::distance_km;
use rallybot::store::Store;
use sqlx::Row;

/// (id, latitude, longitude, starts_at) of every rally `near` may return.
pub type Snapshot = Vec<(i64, f64, f64, i64)>;

const ALL_UPCOMING: &str = "SELECT id, latitude, longitude, starts_at FROM rallies
     WHERE server_id = ?1 AND status = 'approved'
       AND COALESCE(ends_at, starts_at) >= ?2 AND starts_at <= ?3";

pub async fn select_all(
    store: &Store,
    server_id: i64,
    from: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Snapshot {
    let rows = sqlx::query(ALL_UPCOMING)
        .bind(server_id)
        .bind(from.timestamp())
        .bind(until.timestamp())
        .fetch_all(store.pool())
        .await
        .expect("full scan");
    rows.iter()
        .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3)))
        .collect()
}

/// The `limit` nearest within `radius_km`: nearest first, then soonest, then lowest id.
pub fn rank(all: &Snapshot, lat: f64, lon: f64, radius_km: f64, limit: usize) -> Vec<(i64, f64)> {
    let mut within: Vec<(i64, f64, i64)> = all
        .iter()
        .map(|&(id, la, lo, starts)| (id, distance_km(lat, lon, la, lo), starts))
        .filter(|(_, km, _)| *km <= radius_km)
        .collect();
    within.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.2.cmp(&b.2)).then(a.0.cmp(&b.0)));
    within.truncate(limit);
    within.into_iter().map(|(id, km, _)| (id, km)).collect()
}

/// The whole full-scan query: select everything, rank, then read the chosen rows.
pub async fn full_scan(
    store: &Store,
    server_id: i64,
    (lat, lon): (f64, f64),
    radius_km: f64,
    from: DateTime<Utc>,
    until: DateTime<Utc>,
    limit: usize,
) -> Vec<i64> {
    let all = select_all(store, server_id, from, until).await;
    let ids: Vec<i64> = rank(&all, lat, lon, radius_km, limit)
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let rows = store.rallies_by_ids(&ids).await.expect("rows");
    assert_eq!(rows.len(), ids.len());
    ids
}
