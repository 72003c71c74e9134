//! The public pages over HTTP on loopback, with 10,000 upcoming rallies in the server and a
//! day of action of 100 of them:
//!
//!     cargo bench --bench web
//!
//! Latency of the campaign page (kept, and rendered afresh after a write), of near searches
//! from 300 ZIP codes never searched before, the page weights including the map, the time to
//! serve a calendar feed of 1,000 rallies, and, when `wrk` is installed, requests per second.
//! Figures are printed, never asserted; a wrong page (no rallies found) panics.
#[allow(dead_code)]
mod support;

use std::sync::Arc;
use std::time::Instant;

use chrono::{DateTime, TimeZone, Utc};
use rallybot::commands::{parse, Invocation};
use rallybot::domain::{Caller, Origin};
use rallybot::service::response::Response;
use rallybot::service::{ManualClock, Service};

use support::gaz;
use support::load::{self, SERVER};
use support::stats::{Samples, Table};

const RALLIES: usize = 10_000;
const ROUNDS: usize = 2_000;
const FRESH_ROUNDS: usize = 200;
const SEARCHES: usize = 300;
/// Enough feeds that the p99 is not simply the slowest one.
const FEED_ROUNDS: usize = 200;

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    rt.block_on(run());
}

async fn ask(service: &Service, path: &[&str], options: &[(&str, &str)]) -> Response {
    let caller = Caller {
        user_id: 1,
        origin: Origin {
            server_id: Some(SERVER),
            channel_id: Some(1),
            server_name: Some("Bench Coalition".into()),
        },
        manage_events: true,
        role_ids: Vec::new(),
        ..Default::default()
    };
    let request = parse(Invocation::new(path, options)).expect("a command");
    service
        .execute(&caller, request)
        .await
        .expect("answered")
        .response
}

async fn run() {
    let now: DateTime<Utc> = Utc.with_ymd_and_hms(2026, 12, 1, 12, 0, 0).unwrap();
    let us = gaz::load();
    let loaded = load::load(&us, RALLIES, now, 11).await;
    let store = loaded.store.clone();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let service =
        Service::new(store.clone(), Arc::new(ManualClock::new(now))).with_public_url(&base);
    ask(
        &service,
        &["rallymod", "campaign", "create"],
        &[
            ("name", "Day of Action"),
            ("start", "2026-12-01"),
            ("end", "2027-02-01"),
        ],
    )
    .await;
    sqlx::query("UPDATE rallies SET campaign_id = (SELECT id FROM campaigns) WHERE id % 100 = 0")
        .execute(store.pool())
        .await
        .unwrap();
    let Response::Settings {
        page: Some(page), ..
    } = ask(
        &service,
        &["rallymod", "settings"],
        &[("public_page", "true")],
    )
    .await
    else {
        panic!("no page address");
    };
    let pages = service.clone();
    tokio::spawn(async move {
        rallybot::web::serve(listener, pages, std::future::pending())
            .await
            .unwrap();
    });
    let http = reqwest::Client::new();
    let campaign = format!("{page}/c/1");
    let get = |url: String| {
        let http = http.clone();
        async move {
            let started = Instant::now();
            let r = http.get(&url).send().await.unwrap();
            assert_eq!(r.status(), 200, "{url}");
            let body = r.bytes().await.unwrap();
            (started.elapsed(), body)
        }
    };
    let bump = || async {
        // What any write does to the server's pages: they are rendered again.
        sqlx::query("UPDATE public_versions SET version = version + 1 WHERE server_id = ?1")
            .bind(SERVER)
            .execute(store.pool())
            .await
            .unwrap();
    };
    let mut table = Table::new();
    let goal = Some(std::time::Duration::from_millis(5));

    let (_, first) = get(campaign.clone()).await;
    let campaign_weight = first.len();
    assert!(String::from_utf8_lossy(&first).contains("<svg"), "a map");
    let mut kept = Samples::new("campaign page (100 rallies, kept)", goal);
    for _ in 0..ROUNDS {
        kept.push(get(campaign.clone()).await.0);
    }
    table.add(kept);
    let mut fresh = Samples::new("campaign page rendered afresh after a write", goal);
    for _ in 0..FRESH_ROUNDS {
        bump().await;
        fresh.push(get(campaign.clone()).await.0);
    }
    table.add(fresh);

    let zips: Vec<String> = us
        .zips
        .iter()
        .step_by(97)
        .take(SEARCHES)
        .map(|z| format!("{z:05}"))
        .collect();
    let mut near = Samples::new("near search from a new ZIP code, 50 mi", goal);
    let mut near_weights = Vec::new();
    let mut found_any = 0;
    for zip in &zips {
        let (took, body) = get(format!("{campaign}?place={zip}&radius=250")).await;
        near.push(took);
        near_weights.push(body.len());
        if String::from_utf8_lossy(&body).contains("<ol class=\"rallies\">") {
            found_any += 1;
        }
    }
    assert!(
        found_any > SEARCHES / 2,
        "searches found rallies only {found_any} times"
    );
    table.add(near);
    let mut near_kept = Samples::new("the same near searches again (kept)", goal);
    for zip in &zips {
        near_kept.push(get(format!("{campaign}?place={zip}&radius=250")).await.0);
    }
    table.add(near_kept);

    let feed = format!("{page}/calendar.ics");
    let mut ics = Samples::new(
        "server feed of 1,000 rallies, afresh",
        Some(std::time::Duration::from_millis(20)),
    );
    let mut feed_bytes = 0;
    for _ in 0..FEED_ROUNDS {
        bump().await;
        let (took, body) = get(feed.clone()).await;
        let events = String::from_utf8_lossy(&body)
            .matches("BEGIN:VEVENT")
            .count();
        assert_eq!(events, 1000, "a feed of 1,000 rallies");
        feed_bytes = body.len();
        ics.push(took);
    }
    table.add(ics);
    let (_, server_page) = get(page.clone()).await;

    println!(
        "{RALLIES} rallies loaded in {:.1} s; database {:.1} MB",
        loaded.load_time.as_secs_f64(),
        loaded.file_mb
    );
    print!("{}", table.render());
    near_weights.sort_unstable();
    println!(
        "page weight: campaign page with its map {:.1} KB (goal < 60 KB); near results median {:.1} KB, max {:.1} KB; server page (first 100 of 1,000 listed) {:.1} KB; feed of 1,000 rallies {:.0} KB",
        campaign_weight as f64 / 1024.0,
        near_weights[near_weights.len() / 2] as f64 / 1024.0,
        near_weights[near_weights.len() - 1] as f64 / 1024.0,
        server_page.len() as f64 / 1024.0,
        feed_bytes as f64 / 1024.0,
    );
    wrk(&campaign, &zips).await;
}

/// Requests per second with wrk on loopback, when it is installed (wrk shares the 2 cores).
async fn wrk(campaign: &str, zips: &[String]) {
    if std::process::Command::new("wrk")
        .arg("--version")
        .output()
        .is_err()
    {
        println!("wrk is not installed: no requests-per-second figures");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("near.lua");
    let path = campaign
        .split_once("//")
        .map(|(_, rest)| &rest[rest.find('/').unwrap()..])
        .unwrap();
    let list: Vec<String> = zips.iter().map(|z| format!("\"{z}\"")).collect();
    std::fs::write(
        &script,
        format!(
            "local zips = {{{}}}\nlocal i = 0\nrequest = function()\n  i = i + 1\n  return wrk.format(\"GET\", \"{path}?place=\" .. zips[(i % #zips) + 1] .. \"&radius=\" .. (10 + math.floor(i / #zips) % 240))\nend\n",
            list.join(",")
        ),
    )
    .unwrap();
    for (label, args) in [
        ("campaign page", vec![campaign.to_string()]),
        (
            "near searches (300 ZIP codes x changing radius)",
            vec![
                "-s".into(),
                script.display().to_string(),
                campaign.to_string(),
            ],
        ),
    ] {
        let out = tokio::task::spawn_blocking(move || {
            std::process::Command::new("wrk")
                .args(["-t2", "-c32", "-d5s", "--latency"])
                .args(&args)
                .output()
        })
        .await
        .unwrap()
        .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        let rps = text
            .lines()
            .find(|l| l.starts_with("Requests/sec"))
            .unwrap_or("Requests/sec: ?");
        let p99 = text
            .lines()
            .find(|l| l.trim_start().starts_with("99%"))
            .unwrap_or("99% ?");
        println!(
            "wrk -t2 -c32 -d5s, {label}: {} ; latency {}",
            rps.trim(),
            p99.trim()
        );
    }
}
