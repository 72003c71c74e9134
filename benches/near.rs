//! Nearby search, place resolution and console memory, with figures.
//!
//!     cargo bench --bench near                         # 100k and 1M rallies
//!     RALLYBOT_BENCH_QUICK=1 cargo bench --bench near  # 100k only (or: -- --quick)
//!
//! Optional: RALLYBOT_BENCH_POINTS (query points, default 300), RALLYBOT_BENCH_ROUNDS (timed
//! passes over the query points, default 2), RALLYBOT_BENCH_SCAN_POINTS (query points, evenly
//! spread, timed by full scan: default 60 at 100k, 15 at 1M; every point is still checked
//! against a full scan held in memory).
//! Figures are printed, never asserted; a wrong answer (the R*Tree path and the full scan
//! disagree) panics.
//!
//! Console memory: the bench runs the release binary cargo builds for it
//! (target/release/rallybot) as `rallybot console --db :memory:` with stdin kept open; it
//! sends `/help` and samples, then `/rally near place:"Austin, TX"`, reads the reply and reads
//! VmRSS/VmHWM from /proc/PID/status again (see support/memory.rs). By hand:
//!
//!     cargo build --release
//!     (echo '/rally near place:"Austin, TX"'; sleep 5) | target/release/rallybot console --db :memory: &
//!     sleep 3; grep -E 'VmRSS|VmHWM' /proc/$(pgrep -n -x rallybot)/status
mod support;

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeZone, Utc};
use places::Gazetteer;
use rallybot::domain::geo::{boxes_around, KM_PER_MILE};
use rallybot::domain::{Actor, DistanceUnit};
use rallybot::service::{ManualClock, NearQuery, Service};
use rallybot::store::Nearest;

use support::gaz::{self, Rng, UsData};
use support::load::{self, ASKER, SERVER};
use support::stats::{ms, Samples, Table};
use support::{memory, scan};

const RADIUS_MI: f64 = 50.0;
const LIMIT: usize = 25;
/// Query points: half the most populous US places, half random towns under 5,000 people.
const POINTS: usize = 300;

fn env_num(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

fn main() {
    let quick = std::env::var("RALLYBOT_BENCH_QUICK").is_ok_and(|v| v != "0" && !v.is_empty())
        || std::env::args().any(|a| a == "--quick");
    let rounds = env_num("RALLYBOT_BENCH_ROUNDS", 2).max(1);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let loadavg = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "rallybot near bench: {} cpus, loadavg {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        loadavg
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    );
    let us = gaz::load();
    println!(
        "gazetteer: {} US places, {} ZIP codes",
        us.places.len(),
        us.zips.len()
    );

    let mut table = Table::new();
    let mut notes: Vec<String> = Vec::new();

    let figures = support::places::bench(&us, rounds, Duration::from_millis(1));
    notes.push(format!(
        "gazetteer load (first Gazetteer::global) {} ms; resolve inputs that fail (suggestion \
         path) {}; slowest cold autocomplete (short-prefix cache filling) {} ms",
        ms(figures.cold_load),
        figures.resolve_failed,
        ms(figures.autocomplete_cold_max)
    ));
    table.add(figures.resolve);
    table.add(figures.autocomplete);

    let now = Utc.with_ymd_and_hms(2026, 12, 1, 12, 0, 0).unwrap();
    let cases: &[(usize, u64)] = if quick {
        &[(100_000, 1)]
    } else {
        &[(100_000, 1), (1_000_000, 2)]
    };
    for &(count, seed) in cases {
        let goal = if count <= 100_000 { 1 } else { 5 };
        let scan_points = env_num(
            "RALLYBOT_BENCH_SCAN_POINTS",
            if count <= 100_000 { 60 } else { 15 },
        )
        .max(1);
        rt.block_on(near_case(
            &us,
            count,
            seed,
            now,
            rounds,
            scan_points,
            Duration::from_millis(goal),
            &mut table,
            &mut notes,
        ));
        // Partial figures on stderr, in case a long run is cut short.
        eprint!("{}", table.render());
    }

    let binary = env!("CARGO_BIN_EXE_rallybot");
    let mem = memory::measure(binary);
    println!("\n== figures ==");
    print!("{}", table.render());
    println!();
    let size = |kb: u64| {
        format!(
            "{:.1} MiB = {:.1} MB",
            kb as f64 / 1024.0,
            kb as f64 * 1.024e-3
        )
    };
    let verdict = |kb: u64| {
        if kb as f64 * 1024.0 < 60e6 {
            "ok"
        } else {
            "MISSED"
        }
    };
    println!(
        "console memory, goal < 60 MB: before the gazetteer VmRSS {}, VmHWM {}",
        size(mem.before.0),
        size(mem.before.1)
    );
    println!(
        "  after it loads: VmRSS {} ({}), VmHWM (peak while loading) {} ({})",
        size(mem.after.0),
        verdict(mem.after.0),
        size(mem.after.1),
        verdict(mem.after.1)
    );
    println!(
        "  ({} console --db :memory:, reply: {:?})",
        mem.binary, mem.reply
    );
    for n in &notes {
        println!("note: {n}");
    }
    if quick {
        println!("note: quick run, the 1,000,000-rally case was skipped");
    }
}

struct Point {
    label: String,
    lat: f64,
    lon: f64,
}

/// The `n / 2` most populous US places and as many random towns under 5,000 people, as
/// "Name, ST".
fn query_points(us: &UsData, n: usize) -> Vec<Point> {
    let g = Gazetteer::global();
    let mut rng = Rng::new(99);
    let small: Vec<_> = us.places.iter().filter(|p| p.population < 5_000).collect();
    let picked = us
        .places
        .iter()
        .take(n / 2)
        .chain((0..n - n / 2).map(|_| small[rng.below(small.len())]));
    picked
        .map(|p| {
            let label = format!("{}, {}", p.name, p.state);
            let place = g
                .resolve(&label)
                .unwrap_or_else(|e| panic!("{label} does not resolve: {e}"))
                .place;
            Point {
                label,
                lat: place.lat,
                lon: place.lon,
            }
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
async fn near_case(
    us: &UsData,
    count: usize,
    seed: u64,
    now: DateTime<Utc>,
    rounds: usize,
    scan_points: usize,
    goal: Duration,
    table: &mut Table,
    notes: &mut Vec<String>,
) {
    let n = if count >= 1_000_000 {
        format!("{}M", count / 1_000_000)
    } else {
        format!("{}k", count / 1_000)
    };
    eprintln!("loading {count} rallies ...");
    let loaded = load::load(us, count, now, seed).await;
    let store = loaded.store.clone();
    notes.push(format!(
        "{n}: loaded {count} rallies (+RSVPs, one transaction, 500-row INSERTs, WAL checkpoint) \
         in {:.1} s; database file {:.0} MB at {}",
        loaded.load_time.as_secs_f64(),
        loaded.file_mb,
        loaded.dir.path().display()
    ));
    let service = Service::new(store.clone(), Arc::new(ManualClock::new(now)));
    let actor = Actor {
        user_id: ASKER,
        server_id: SERVER,
        is_moderator: false,
    };
    let points = query_points(us, env_num("RALLYBOT_BENCH_POINTS", POINTS).max(2));
    let radius_km = DistanceUnit::Miles.to_km(RADIUS_MI);
    let until = now + chrono::Duration::days(3660);
    let query = |label: &str| NearQuery {
        place: label.to_string(),
        radius: Some(RADIUS_MI),
        ..Default::default()
    };

    let phase = Instant::now();
    let progress =
        |what: &str| eprintln!("  [{n}] {what} ({:.1} s)", phase.elapsed().as_secs_f64());
    progress(&format!(
        "loaded in {:.1} s",
        loaded.load_time.as_secs_f64()
    ));
    let query_plan = plan(&store, now, until).await;
    progress(&format!("nearest_in plan: {query_plan}"));
    notes.push(format!("{n}: nearest_in plan: {query_plan}"));
    // Warm-up, and the answers to check.
    let mut answers = Vec::with_capacity(points.len());
    for p in &points {
        let r = service.near(&actor, query(&p.label)).await.expect("near");
        answers.push(
            r.rallies
                .iter()
                .map(|(v, d)| (v.rally.id, *d))
                .collect::<Vec<_>>(),
        );
    }
    progress("warm-up pass done");
    let mut near = Samples::new(
        format!("{n}: Service::near 50 mi, 25 nearest + rows"),
        Some(goal),
    );
    for _ in 0..rounds {
        for p in &points {
            let t = Instant::now();
            let r = service.near(&actor, query(&p.label)).await.expect("near");
            near.push(t.elapsed());
            std::hint::black_box(r);
        }
    }

    progress("near() timed");
    // Reference queries, each over every point for `rounds` passes.
    let rtree_sql = "SELECT id FROM rally_positions
         WHERE max_lat >= ?1 AND min_lat <= ?2 AND max_lon >= ?3 AND min_lon <= ?4
           AND max_minute >= ?5 AND min_minute <= ?6";
    let mut rtree = Samples::new(format!("{n}: bare R*Tree box query, 50 mi box, ids"), None);
    let mut rtree_rows = Vec::new();
    let mut one_step = Samples::new(
        format!("{n}: Store::nearest_in, 26 nearest + rows in the 50 mi circle"),
        None,
    );
    let mut views = Samples::new(format!("{n}: Store::rally_views (25 ids)"), None);
    let mut select1 = Samples::new(format!("{n}: sqlx round trip (SELECT 1)"), None);
    for round in 0..rounds {
        for (p, answer) in points.iter().zip(&answers) {
            let b = boxes_around(p.lat, p.lon, radius_km)[0];
            let t = Instant::now();
            // The index holds microdegrees and minutes.
            let rows = sqlx::query(rtree_sql)
                .bind((b.min_lat * 1e6).floor() as i64)
                .bind((b.max_lat * 1e6).ceil() as i64)
                .bind((b.min_lon * 1e6).floor() as i64)
                .bind((b.max_lon * 1e6).ceil() as i64)
                .bind(now.timestamp() / 60)
                .bind(until.timestamp() / 60)
                .fetch_all(store.pool())
                .await
                .expect("rtree");
            rtree.push(t.elapsed());
            if round == 0 {
                rtree_rows.push(rows.len());
            }
            let t = Instant::now();
            let query = Nearest {
                shared: Vec::new(),
                server_id: SERVER,
                user_id: ASKER,
                origin: (p.lat, p.lon),
                km: radius_km,
                from: now,
                until,
                campaign: None,
                want: LIMIT + 1,
            };
            let found = store.nearest_in(&query).await.expect("nearest_in");
            one_step.push(t.elapsed());
            std::hint::black_box(found);
            let ids: Vec<i64> = answer.iter().map(|(id, _)| *id).collect();
            let t = Instant::now();
            let found = store.rally_views(&ids, ASKER).await.expect("views");
            views.push(t.elapsed());
            std::hint::black_box(found);
            let t = Instant::now();
            let one: i64 = sqlx::query_scalar("SELECT 1")
                .fetch_one(store.pool())
                .await
                .expect("select 1");
            select1.push(t.elapsed());
            std::hint::black_box(one);
        }
    }

    progress("reference queries timed");
    // Full scan: timed on `scan_points` points, each checked against near().
    let mut full = Samples::new(
        format!("{n}: full scan (all upcoming, haversine, sort, rows)"),
        None,
    );
    let stride = (points.len() / scan_points).max(1);
    for (p, answer) in points
        .iter()
        .zip(&answers)
        .step_by(stride)
        .take(scan_points)
    {
        let t = Instant::now();
        let resolved = Gazetteer::global()
            .resolve(&p.label)
            .expect("resolve")
            .place;
        let ids = scan::full_scan(
            &store,
            SERVER,
            (resolved.lat, resolved.lon),
            radius_km,
            now,
            until,
            LIMIT,
        )
        .await;
        full.push(t.elapsed());
        let near_ids: Vec<i64> = answer.iter().map(|(id, _)| *id).collect();
        assert_eq!(
            ids, near_ids,
            "full scan and near() disagree at {}",
            p.label
        );
    }

    progress("full scans timed");
    // Correctness at every point, against one snapshot of every upcoming rally.
    let all = scan::select_all(&store, SERVER, now, until).await;
    assert_eq!(
        all.len(),
        count,
        "every generated rally is upcoming and approved"
    );
    let mut within = Vec::new();
    for (p, answer) in points.iter().zip(&answers) {
        let expected = scan::rank(&all, p.lat, p.lon, radius_km, usize::MAX);
        within.push(expected.len());
        let expected: Vec<(i64, f64)> = expected.into_iter().take(LIMIT).collect();
        let got: Vec<i64> = answer.iter().map(|(id, _)| *id).collect();
        let want: Vec<i64> = expected.iter().map(|(id, _)| *id).collect();
        if got != want {
            panic!(
                "WRONG ANSWER at {} ({}, {}): near() gave {got:?}, the full scan {want:?}",
                p.label, p.lat, p.lon
            );
        }
        for ((_, mi), (_, km)) in answer.iter().zip(&expected) {
            assert!(
                (mi * KM_PER_MILE - km).abs() < 1e-6,
                "distance differs at {}",
                p.label
            );
        }
    }
    progress("verified");
    within.sort_unstable();
    rtree_rows.sort_unstable();
    let short = answers.iter().filter(|a| a.len() < LIMIT).count();
    notes.push(format!(
        "{n}: verified {} query points (half the biggest US places, half towns \
         < 5,000 people): near() == full scan, same 25 ids in order; {short} points have fewer \
         than 25 within 50 mi; rallies within 50 mi: median {}, max {}; 50 mi box rows: median {}, max {}",
        points.len(),
        within[within.len() / 2],
        within[within.len() - 1],
        rtree_rows[rtree_rows.len() / 2],
        rtree_rows[rtree_rows.len() - 1],
    ));
    let speedup = |q: f64| full.pct(q).as_secs_f64() / near.pct(q).as_secs_f64();
    notes.push(format!(
        "{n}: full scan / near(): {:.0}x at p50, {:.0}x at p99",
        speedup(50.0),
        speedup(99.0)
    ));
    for s in [near, full, rtree, one_step, views, select1] {
        table.add(s);
    }
    loaded.store.close().await;
}

/// EXPLAIN QUERY PLAN of the nearby query (src/store/positions.rs).
async fn plan(store: &rallybot::store::Store, now: DateTime<Utc>, until: DateTime<Utc>) -> String {
    let query = Nearest {
        shared: Vec::new(),
        server_id: SERVER,
        user_id: ASKER,
        origin: (30.0, -97.0),
        km: RADIUS_MI * KM_PER_MILE,
        from: now,
        until,
        campaign: None,
        want: LIMIT + 1,
    };
    store
        .nearest_plan(&query)
        .await
        .expect("explain")
        .join(" | ")
}
