//! The real bot end to end against the fake Discord on loopback: interaction latency and
//! resident memory, printed as a table.
//!
//!     cargo bench --bench discord
//!
//! One command does everything: `cargo bench` builds the `rallybot` binary with the bench
//! profile (which inherits `release`) into `target/release/rallybot` before running this, and
//! the bench runs that file (`CARGO_BIN_EXE_rallybot`). Running a nested `cargo build` from
//! here would wait forever on the build-directory lock `cargo bench` holds.
//!
//! Figures are printed, never asserted. Wrong answers panic: every `/rally near` reply must be
//! a type 4 callback with an embed listing nearby rallies, every `/rally about` one with an
//! embed. Nothing sleeps: every wait is on the fake's `wait_for_*` with a deadline.
mod discord_support;

use std::time::Instant;

use fake_discord::{
    CallbackRecord, FakeConfig, FakeDiscord, InteractionSpec, SAMPLE_BOB_ID, SAMPLE_GENERAL_ID,
    SAMPLE_GUILD_ID,
};
use serde_json::Value;

use discord_support::bot::{self, BotProcess, TOKEN};
use discord_support::floor::Floor;
use discord_support::inproc;
use discord_support::measure;
use discord_support::report::{self, Latency, Resident, MEASURED, SERVERS, WARMUP};
use discord_support::seed::{self, QUERY_CITIES};
use discord_support::stats::ms;

const RALLIES: usize = 10_000;
const EPHEMERAL: u64 = 1 << 6;

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    rt.block_on(bench());
}

fn rally(sub: &str) -> InteractionSpec {
    InteractionSpec::command("rally")
        .subcommand(sub)
        .in_guild(SAMPLE_GUILD_ID)
        .in_channel(SAMPLE_GENERAL_ID)
        .by(SAMPLE_BOB_ID)
}

fn near_spec(i: usize) -> InteractionSpec {
    rally("near").string("place", QUERY_CITIES[i % QUERY_CITIES.len()])
}

fn data(cb: &CallbackRecord) -> &Value {
    cb.data.as_ref().unwrap_or(&Value::Null)
}

/// A near reply: a message (type 4) with an embed of rallies within 50 mi of the city asked.
fn check_near(i: usize, cb: &CallbackRecord) -> Result<(), String> {
    let d = data(cb);
    let city = QUERY_CITIES[i % QUERY_CITIES.len()];
    if cb.kind != 4 {
        return Err(format!(
            "near #{i} ({city}): callback type {}: {d}",
            cb.kind
        ));
    }
    let embed = &d["embeds"][0];
    let title = embed["title"].as_str().unwrap_or("");
    let town = city.split(',').next().unwrap_or(city);
    if !(title.starts_with("Rallies within 50 mi of ") && title.contains(town)) {
        return Err(format!(
            "near #{i} ({city}): no list of rallies near {town}: {d}"
        ));
    }
    let fields = embed["fields"].as_array().map_or(&[][..], Vec::as_slice);
    let distances = fields
        .iter()
        .all(|f| f["value"].as_str().unwrap_or("").contains(" mi away"));
    if fields.is_empty() || !distances {
        return Err(format!("near #{i} ({city}): fields without distances: {d}"));
    }
    Ok(())
}

/// An about reply, or the floor client's: a message (type 4) with an embed.
fn check_embed(i: usize, cb: &CallbackRecord) -> Result<(), String> {
    let d = data(cb);
    if cb.kind != 4 || d["embeds"].as_array().is_none_or(|e| e.is_empty()) {
        return Err(format!(
            "reply #{i}: callback type {} without embed: {d}",
            cb.kind
        ));
    }
    Ok(())
}

/// One checked round trip outside the measured runs.
async fn once(
    fake: &FakeDiscord,
    spec: InteractionSpec,
    check: fn(usize, &CallbackRecord) -> Result<(), String>,
) {
    let trip = measure::round_trip(fake, spec).await;
    if let Err(e) = check(0, &trip.callback) {
        panic!("{e}\nINTERACTION_CREATE sent: {}", trip.frame);
    }
}

async fn latency() -> Latency {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let url = format!("sqlite://{}", dir.path().join("bot.db").display());
    let t = Instant::now();
    let seeded = seed::seed(&url, SAMPLE_GUILD_ID, RALLIES).await;
    let seed_time = t.elapsed();

    let config = FakeConfig {
        token: TOKEN.to_string(),
        ..FakeConfig::default()
    };
    let fake = FakeDiscord::start(config).await;
    let bot = BotProcess::start(&fake, dir.path(), &url).await;
    // One round trip so READY and GUILD_CREATE have been handled before reading memory.
    once(&fake, rally("about"), check_embed).await;
    let ready = bot.memory();
    let near = measure::run(&fake, WARMUP, MEASURED, near_spec, check_near).await;
    let about = measure::run(&fake, WARMUP, MEASURED, |_| rally("about"), check_embed).await;
    let after = bot.memory();
    drop(bot);
    drop(fake);
    let inproc = inproc::near(&url, SAMPLE_GUILD_ID, SAMPLE_BOB_ID, WARMUP, MEASURED).await;

    // The floor: the same near interactions, answered by a trivial in-process client with
    // the bot's own first near reply, byte for byte.
    let body = near.first_body.clone().expect("the bot's near reply body");
    let ephemeral_near = body["data"]["flags"].as_u64().unwrap_or(0) & EPHEMERAL != 0;
    let fake = FakeDiscord::start(FakeConfig {
        token: TOKEN.to_string(),
        ..FakeConfig::default()
    })
    .await;
    let client = Floor::start(&fake, body).await;
    let floor = measure::run(&fake, WARMUP, MEASURED, near_spec, check_embed).await;
    let floor_entered = client.entered();
    client.stop().await;
    Latency {
        near,
        about,
        floor,
        floor_entered,
        inproc,
        ready,
        after,
        seeded,
        seed_time,
        ephemeral_near,
    }
}

/// The bot's memory once it has READY and every GUILD_CREATE of `servers` servers behind it.
async fn resident(servers: usize) -> Resident {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let url = format!("sqlite://{}", dir.path().join("bot.db").display());
    let fake = FakeDiscord::start(FakeConfig::with_generated_guilds(TOKEN, servers)).await;
    let started = Instant::now();
    let bot = BotProcess::start(&fake, dir.path(), &url).await;
    // READY and every GUILD_CREATE are queued in the same step as the IDENTIFY is accepted.
    assert_eq!(
        bot::guild_creates_sent(&fake),
        servers,
        "the fake sent one GUILD_CREATE per server"
    );
    // The shard reads frames in order and caches each event before taking the next, so an
    // answer to an interaction queued after the last GUILD_CREATE means all were processed.
    let last = fake.config().guilds.last().expect("a server").id;
    let about = InteractionSpec::command("rally")
        .subcommand("about")
        .in_guild(last);
    once(&fake, about.clone(), check_embed).await;
    let ready_in = started.elapsed();
    let first = bot.memory();
    once(&fake, about, check_embed).await;
    let second = bot.memory();
    Resident {
        servers,
        first,
        second,
        ready_in,
    }
}

async fn bench() {
    let loadavg = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "rallybot Discord round-trip bench (the real binary against fake-discord on 127.0.0.1)"
    );
    println!("binary    {}", bot::binary().display());
    println!(
        "machine   {} cpus, loadavg at start {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        loadavg
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    );
    let lat = latency().await;
    let small = resident(1).await;
    let large = resident(SERVERS).await;
    let loadavg = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "database  {} approved upcoming rallies in the server asked from, around {} US cities \
         ({} distinct place names), seeded in {} ms",
        lat.seeded.rallies,
        lat.seeded.cities,
        lat.seeded.distinct_places,
        ms(lat.seed_time)
    );
    println!(
        "loadavg at end {}",
        loadavg
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    );
    report::print_latency(&lat);
    report::print_breakdown(&lat);
    report::print_memory(&lat, &[small, large]);
}
