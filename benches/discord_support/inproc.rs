//! rallybot's own near work without Discord: the service called in this process on the same
//! database, as the bot's handler calls it (actor, then the request), and the cost of one
//! trivial SQLite round trip through the pool.
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::Utc;
use rallybot::domain::{Caller, Origin};
use rallybot::service::location::locate;
use rallybot::service::request::Request;
use rallybot::service::response::Response;
use rallybot::service::{NearQuery, Service, SystemClock};
use rallybot::store::{Nearest, Store, UNTOLD_FAILURES_SQL};

use super::seed::QUERY_CITIES;

pub struct InProcess {
    /// `actor_for` + `execute(Near)` + `notices`, per query: the handler's service calls.
    pub near: Vec<Duration>,
    /// `notices` alone (the untold-failures check, run after every command).
    pub notices: Vec<Duration>,
    /// `SELECT 1` through the pool, per query.
    pub select1: Vec<Duration>,
    /// Resolving the place through the gazetteer, per query.
    pub locate: Vec<Duration>,
    /// `Store::nearest_in` (26 nearest) within 10 km and within 50 mi of the place, per query.
    pub positions_10km: Vec<Duration>,
    pub positions_50mi: Vec<Duration>,
    /// SQLite's plan for the check behind `notices`.
    pub notices_plan: Vec<String>,
    /// SQLite's plan for the positions query.
    pub plan: Vec<String>,
}

/// SQLite's plan for `Store::nearest_in`'s query.
async fn explain(store: &Store, server: i64) -> Vec<String> {
    let query = Nearest {
        shared: Vec::new(),
        server_id: server,
        user_id: 1,
        origin: (30.27, -97.74),
        km: 80.4672,
        from: Utc::now(),
        until: Utc::now() + chrono::Duration::days(3660),
        campaign: None,
        want: 26,
    };
    store
        .nearest_plan(&query)
        .await
        .unwrap_or_else(|e| vec![format!("EXPLAIN failed: {e}")])
}

/// `warmup` then `n` sequential near searches over the query cities, then as many `SELECT 1`.
pub async fn near(url: &str, server_id: u64, user_id: u64, warmup: usize, n: usize) -> InProcess {
    let store = Store::open(url).await.expect("opening the bench database");
    let service = Service::new(store.clone(), Arc::new(SystemClock));
    let (server, user) = (server_id as i64, user_id as i64);
    let mut near = Vec::with_capacity(n);
    for i in 0..warmup + n {
        let city = QUERY_CITIES[i % QUERY_CITIES.len()];
        let query = NearQuery {
            place: city.to_string(),
            ..NearQuery::default()
        };
        let t = Instant::now();
        // What the adapter does for each /rally near: one execute, which resolves the actor,
        // searches, and takes the caller's untold failures.
        let caller = Caller {
            user_id: user,
            origin: Origin {
                server_id: Some(server),
                channel_id: Some(1),
                server_name: None,
            },
            manage_events: false,
            role_ids: Vec::new(),
            ..Default::default()
        };
        let answer = service.execute(&caller, Request::Near(query)).await;
        let took = t.elapsed();
        match answer {
            Ok(a) => match a.response {
                Response::Near(r) if !r.rallies.is_empty() && a.untold.is_empty() => {}
                other => panic!("in-process near from {city}: {other:?}"),
            },
            Err(e) => panic!("in-process near from {city}: {e}"),
        }
        if i >= warmup {
            near.push(took);
        }
    }
    let mut select1 = Vec::with_capacity(n);
    for i in 0..warmup + n {
        let t = Instant::now();
        let one: i64 = sqlx::query_scalar("SELECT 1")
            .fetch_one(store.pool())
            .await
            .expect("SELECT 1");
        let took = t.elapsed();
        assert_eq!(one, 1);
        if i >= warmup {
            select1.push(took);
        }
    }
    let actor = service
        .actor_for(user, server, false, &[])
        .await
        .expect("an actor");
    let mut notices = Vec::with_capacity(n);
    for i in 0..warmup + n {
        let t = Instant::now();
        service.untold_failures(&actor).await.expect("notices");
        if i >= warmup {
            notices.push(t.elapsed());
        }
    }
    let (mut locate_t, mut p10, mut p50) = (Vec::new(), Vec::new(), Vec::new());
    let (from, until) = (Utc::now(), Utc::now() + chrono::Duration::days(3660));
    for i in 0..warmup + n {
        let city = QUERY_CITIES[i % QUERY_CITIES.len()];
        let t = Instant::now();
        let origin = locate(city, None).expect("a known city");
        let took = t.elapsed();
        let time_box = |km: f64| {
            let store = &store;
            let at = (origin.latitude, origin.longitude);
            async move {
                let t = Instant::now();
                let found = store
                    .nearest_in(&Nearest {
                        shared: Vec::new(),
                        server_id: server,
                        user_id: user,
                        origin: at,
                        km,
                        from,
                        until,
                        campaign: None,
                        want: 26,
                    })
                    .await
                    .expect("nearest_in");
                (t.elapsed(), found.len())
            }
        };
        let (t10, _) = time_box(10.0).await;
        let (t50, found) = time_box(80.4672).await;
        assert!(found > 0, "rallies within 50 mi of {city}");
        if i >= warmup {
            locate_t.push(took);
            p10.push(t10);
            p50.push(t50);
        }
    }
    let plan = explain(&store, server).await;
    let explain_notices = format!("EXPLAIN QUERY PLAN {UNTOLD_FAILURES_SQL}");
    let notices_plan =
        sqlx::query_as::<_, (i64, i64, i64, String)>(sqlx::AssertSqlSafe(explain_notices))
            .bind(user)
            .fetch_all(store.pool())
            .await
            .map(|rows| rows.into_iter().map(|r| r.3).collect())
            .unwrap_or_else(|e| vec![format!("EXPLAIN failed: {e}")]);
    store.close().await;
    InProcess {
        near,
        notices,
        select1,
        locate: locate_t,
        positions_10km: p10,
        positions_50mi: p50,
        notices_plan,
        plan,
    }
}
