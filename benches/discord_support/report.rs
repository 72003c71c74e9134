//! The bench's printed tables.
use std::collections::HashMap;
use std::time::{Duration, Instant};

use super::bot::Memory;
use super::inproc::InProcess;
use super::measure::{Run, Sample};
use super::seed::Seeded;
use super::stats::{ms, ratio, Summary};

pub const MEASURED: usize = 500;
pub const WARMUP: usize = 20;
pub const SERVERS: usize = 1_000;

pub struct Latency {
    pub near: Run,
    pub about: Run,
    pub floor: Run,
    /// When the floor client's handler was entered, by interaction id.
    pub floor_entered: HashMap<u64, Instant>,
    pub inproc: InProcess,
    pub ready: Memory,
    pub after: Memory,
    pub seeded: Seeded,
    pub seed_time: Duration,
    pub ephemeral_near: bool,
}

pub struct Resident {
    pub servers: usize,
    pub first: Memory,
    pub second: Memory,
    pub ready_in: Duration,
}

fn verdict(ok: bool) -> &'static str {
    if ok {
        "ok"
    } else {
        "MISSED"
    }
}

pub fn print_latency(lat: &Latency) {
    let total = |r: &Run| r.summary(|s: &Sample| s.latency);
    let (near, about, floor) = (total(&lat.near), total(&lat.about), total(&lat.floor));
    println!();
    println!(
        "1-2. Interaction latency, ms: INTERACTION_CREATE frame queued by the fake -> callback \
         recorded by the fake; {MEASURED} sequential after {WARMUP} warm-up"
    );
    println!(
        "{:<52} {:>4} {:>8} {:>8} {:>8} {:>8}  goal",
        "case", "n", "p50", "p99", "max", "mean"
    );
    let row = |name: &str, s: &Summary, goal: &str| {
        println!(
            "{:<52} {:>4} {:>8} {:>8} {:>8} {:>8}  {goal}",
            name,
            s.n,
            ms(s.p50),
            ms(s.p99),
            ms(s.max),
            ms(s.mean)
        );
    };
    let near_goal = format!(
        "p50 < 1 ms {}, p99 < 5 ms {}",
        verdict(near.p50 < Duration::from_millis(1)),
        verdict(near.p99 < Duration::from_millis(5))
    );
    row("/rally near, 20 US cities, 10k rallies", &near, &near_goal);
    row("/rally about (no database)", &about, "");
    row(
        "floor: trivial serenity client in-process, near",
        &floor,
        "",
    );
    println!(
        "{:<52} {:>4} {:>8} {:>8} {:>8} {:>8}",
        "ratio near / about",
        "",
        ratio(near.p50, about.p50),
        ratio(near.p99, about.p99),
        ratio(near.max, about.max),
        ratio(near.mean, about.mean)
    );

    println!();
    println!("Legs, p50 / p99 ms (client = frame queued -> callback request reaches the fake)");
    println!(
        "{:<10} {:>17} {:>17} {:>17} {:>17}",
        "case", "fake builds+queues", "client", "fake callback", "from dispatch call"
    );
    for (name, run) in [
        ("near", &lat.near),
        ("about", &lat.about),
        ("floor", &lat.floor),
    ] {
        let leg = |f: fn(&Sample) -> Duration| {
            let s = run.summary(f);
            format!("{} / {}", ms(s.p50), ms(s.p99))
        };
        println!(
            "{:<10} {:>17} {:>17} {:>17} {:>17}",
            name,
            leg(|s| s.build),
            leg(|s| s.client),
            leg(|s| s.fake_callback),
            leg(|s| s.from_call)
        );
    }
    let client = |r: &Run| r.summary(|s: &Sample| s.client).p50;
    let floor_client = client(&lat.floor);
    println!(
        "bot's own share of the client leg (p50 minus the floor's {} ms): near {} ms, about {} ms",
        ms(floor_client),
        ms(client(&lat.near).saturating_sub(floor_client)),
        ms(client(&lat.about).saturating_sub(floor_client))
    );
    println!(
        "near replies are {}; the floor answers with the bot's first near reply, byte for byte",
        if lat.ephemeral_near {
            "ephemeral"
        } else {
            "public"
        }
    );
}

/// Where the time goes: rallybot's service alone, and the floor client's legs.
pub fn print_breakdown(lat: &Latency) {
    const STALL: Duration = Duration::from_millis(20);
    println!();
    println!("Breakdown");
    let stalls = |r: &Run| r.samples.iter().filter(|s| s.latency >= STALL).count();
    println!(
        "round trips of 20 ms or more: near {}/{n}, about {}/{n}, floor {}/{n}",
        stalls(&lat.near),
        stalls(&lat.about),
        stalls(&lat.floor),
        n = MEASURED
    );
    for (name, run) in [("near", &lat.near), ("floor", &lat.floor)] {
        let rest: Vec<Duration> = run
            .samples
            .iter()
            .map(|s| s.latency)
            .filter(|l| *l < STALL)
            .collect();
        if let Some(s) = (!rest.is_empty()).then(|| Summary::of(&rest)) {
            println!(
                "{name} without them: n {} p50 {} / p99 {} / max {} ms",
                s.n,
                ms(s.p50),
                ms(s.p99),
                ms(s.max)
            );
        }
    }
    for (name, run) in [("near", &lat.near), ("floor", &lat.floor)] {
        let mut lens: Vec<(usize, usize, usize)> = Vec::new();
        for s in &run.samples {
            let stalled = usize::from(s.latency >= STALL);
            match lens.iter_mut().find(|(l, _, _)| *l == s.frame_len) {
                Some(e) => (e.1, e.2) = (e.1 + stalled, e.2 + 1),
                None => lens.push((s.frame_len, stalled, 1)),
            }
        }
        lens.sort_unstable();
        let text: Vec<String> = lens
            .iter()
            .map(|(l, st, n)| format!("{l}:{st}/{n}"))
            .collect();
        println!(
            "{name}: INTERACTION_CREATE bytes:stalled/sent {}",
            text.join(" ")
        );
    }
    let (mut delivery, mut send) = (Vec::new(), Vec::new());
    let (mut stall_delivery, mut stall_send) = (0, 0);
    for s in &lat.floor.samples {
        let Some(&entered) = lat.floor_entered.get(&s.id) else {
            continue;
        };
        let request_at = s.queued_at + s.client;
        let (d, h) = (
            entered.saturating_duration_since(s.queued_at),
            request_at.saturating_duration_since(entered),
        );
        stall_delivery += usize::from(d >= STALL);
        stall_send += usize::from(h >= STALL);
        delivery.push(d);
        send.push(h);
    }
    let pair = |v: &[Duration]| {
        let s = Summary::of(v);
        format!(
            "p50 {} / p99 {} / max {} ms",
            ms(s.p50),
            ms(s.p99),
            ms(s.max)
        )
    };
    println!(
        "floor, frame queued -> serenity handler entered: {} ({} of 20 ms+)",
        pair(&delivery),
        stall_delivery
    );
    println!(
        "floor, handler entered -> callback request at the fake: {} ({} of 20 ms+)",
        pair(&send),
        stall_send
    );
    println!(
        "rallybot service in-process, actor_for + execute(Near) + notices, same database: {}",
        pair(&lat.inproc.near)
    );
    let p = &lat.inproc;
    println!("  of which: place lookup (gazetteer) {}", pair(&p.locate));
    println!(
        "  Store::nearest_in, 26 within 10 km {}",
        pair(&p.positions_10km)
    );
    println!(
        "  Store::nearest_in, 26 within 50 mi {}",
        pair(&p.positions_50mi)
    );
    println!("  nearest_in plan: {}", p.plan.join(" | "));
    println!(
        "  notices (untold-failures check, after every command) {}",
        pair(&p.notices)
    );
    println!("  its plan: {}", p.notices_plan.join(" | "));
    println!(
        "one SQLite round trip through the sqlx pool (SELECT 1), in-process: {}",
        pair(&p.select1)
    );
}

pub fn print_memory(lat: &Latency, resident: &[Resident]) {
    println!();
    println!("3. Resident memory of the bot process, MiB (/proc/PID/status)");
    println!("{:<60} {:>7} {:>7}  goal", "case", "VmRSS", "VmHWM");
    let row = |name: &str, m: &Memory, goal: &str| {
        println!(
            "{:<60} {:>7.1} {:>7.1}  {goal}",
            name,
            m.rss_mib(),
            m.hwm_mib()
        );
    };
    for r in resident {
        let goal = if r.servers == SERVERS {
            format!("< 80 MiB {}", verdict(r.first.rss_mib() < 80.0))
        } else {
            String::new()
        };
        row(
            &format!(
                "after READY + {} GUILD_CREATE + 1 round trip ({} ms)",
                r.servers,
                r.ready_in.as_millis()
            ),
            &r.first,
            &goal,
        );
        row("  after a second round trip", &r.second, "");
    }
    if let [small, large, ..] = resident {
        let per = (large.first.rss_kib as f64 - small.first.rss_kib as f64)
            / (large.servers - small.servers) as f64;
        println!("per extra server (RSS difference): {per:.1} KiB");
    }
    row(
        "latency bot (1 server, 10k rallies) after READY",
        &lat.ready,
        "",
    );
    row(
        "latency bot after 1,040 near/about interactions",
        &lat.after,
        "",
    );
}
