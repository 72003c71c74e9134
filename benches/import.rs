//! Importing a coalition's spreadsheet: 1,000 rows into an on-disk database, reminders
//! included (the server has a reminder channel, so each rally gets two channel reminders).
//!
//!     cargo bench --bench import
//!
//! Goal: under 0.5 s for 1,000 rows. The gazetteer is loaded once before timing (the CLI loads
//! it once per run; its load time is printed separately). Figures are printed, never asserted;
//! the bench panics only on wrong answers.
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use places::Gazetteer;
use rallybot::domain::Actor;
use rallybot::service::bulk::ImportOptions;
use rallybot::service::{ManualClock, Service, SettingsChange};
use rallybot::store::Store;

const ROWS: usize = 1_000;
const RUNS: usize = 5;
const SERVER: i64 = 77;
const EXAMPLE: &str = include_str!("../examples/day-of-action.csv");

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime");
    rt.block_on(bench());
}

/// 1,000 rows cycling through the example's places, each with its own key and time.
fn file(shift_minutes: usize) -> Vec<u8> {
    let mut reader = csv::Reader::from_reader(EXAMPLE.as_bytes());
    let header = reader.headers().expect("header").clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(&header).expect("write");
    for i in 0..ROWS {
        let mut row: Vec<String> = rows[i % rows.len()].iter().map(String::from).collect();
        row[0] = format!("bench-{i:04}");
        row[1] = format!("{} #{i}", row[1]);
        let minutes = 8 * 60 + (i * 7 + shift_minutes) % (8 * 60);
        row[5] = format!("{:02}:{:02}", minutes / 60, minutes % 60);
        row[6] = String::new();
        out.write_record(&row).expect("write");
    }
    out.into_inner().expect("csv")
}

async fn fresh(dir: &tempfile::TempDir, run: usize) -> Service {
    let url = format!(
        "sqlite://{}",
        dir.path().join(format!("import-{run}.db")).display()
    );
    let store = Store::open(&url).await.expect("database");
    let clock = Arc::new(ManualClock::new(
        Utc.with_ymd_and_hms(2026, 11, 28, 12, 0, 0).unwrap(),
    ));
    let service = Service::new(store, clock);
    let moderator = Actor {
        user_id: 1,
        server_id: SERVER,
        is_moderator: true,
    };
    service
        .update_settings(
            &moderator,
            SettingsChange {
                reminder_channel_id: Some(Some(999)),
                ..Default::default()
            },
        )
        .await
        .expect("settings");
    service
}

async fn count(service: &Service, table: &str) -> i64 {
    let sql = match table {
        "rallies" => "SELECT COUNT(*) FROM rallies",
        _ => "SELECT COUNT(*) FROM outbox WHERE status = 'pending' AND kind IN ('channel_reminder', 'personal_reminder')",
    };
    sqlx::query_scalar(sql)
        .fetch_one(service.store().pool())
        .await
        .expect("count")
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

async fn bench() {
    let started = Instant::now();
    Gazetteer::global();
    println!(
        "gazetteer load (once per process): {}",
        ms(started.elapsed())
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let csv = file(0);
    let options = ImportOptions {
        server_id: SERVER,
        ..Default::default()
    };
    let mut fresh_times = Vec::new();
    let mut last = None;
    for run in 0..RUNS {
        let service = fresh(&dir, run).await;
        let t = Instant::now();
        let report = service
            .import_csv(&csv, &options, &())
            .await
            .expect("import");
        fresh_times.push(t.elapsed());
        assert_eq!(report.created, ROWS);
        assert_eq!(count(&service, "rallies").await, ROWS as i64);
        assert_eq!(count(&service, "reminders").await, 2 * ROWS as i64);
        last = Some(service);
    }
    fresh_times.sort();
    println!(
        "import {ROWS} new rows (on disk, {} reminders): min {}, median {}, max {} over {RUNS} runs (goal: under 500 ms)",
        2 * ROWS,
        ms(fresh_times[0]),
        ms(fresh_times[RUNS / 2]),
        ms(fresh_times[RUNS - 1])
    );
    let service = last.expect("a run");
    let t = Instant::now();
    let report = service
        .import_csv(&csv, &options, &())
        .await
        .expect("again");
    println!(
        "re-import, all {} unchanged: {}",
        report.unchanged,
        ms(t.elapsed())
    );
    assert_eq!(report.unchanged, ROWS);
    let moved = file(30);
    let t = Instant::now();
    let report = service
        .import_csv(&moved, &options, &())
        .await
        .expect("moved");
    println!(
        "re-import, all {} moved (reminders rescheduled): {}",
        report.updated,
        ms(t.elapsed())
    );
    assert_eq!(report.updated, ROWS);
    assert_eq!(count(&service, "reminders").await, 2 * ROWS as i64);
    let t = Instant::now();
    let (exported, rallies) = service.export_csv(SERVER, None).await.expect("export");
    println!(
        "export {rallies} rallies ({} bytes): {}",
        exported.len(),
        ms(t.elapsed())
    );
}
