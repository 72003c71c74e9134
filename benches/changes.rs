//! Changes that reach everyone: what one cancellation of a rally with many RSVPs costs.
//!
//!     cargo bench --bench changes            # 10,000 RSVPs
//!     RALLYBOT_BENCH_RSVPS=2000 cargo bench --bench changes
//!
//! Figures are printed, never asserted; a lost or doubled notice panics. It times, on a file
//! database in WAL mode: the cancel itself (what the moderator waits for: it queues one DM per
//! RSVP and one edit per posted card), and one scheduler pass delivering them all through a
//! notifier that only counts, i.e. rallybot's own cost per notice without Discord. Through
//! Discord the DMs are paced under the global limit: each DM is two requests (open the DM
//! channel, send), so at 48 requests per second 10,000 DMs take about 10,000 × 2 / 48 ≈ 417 s.
use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use chrono::{TimeZone, Utc};
use rallybot::domain::CardKind;
use rallybot::domain::{Actor, RsvpChoice};
use rallybot::outbox::{Delivery, Message, Notifier, SendError};
use rallybot::service::{ManualClock, NewRally, Service};
use rallybot::store::Store;

const SERVER: i64 = 1;
const MOD: Actor = Actor {
    user_id: 1,
    server_id: SERVER,
    is_moderator: true,
};

#[derive(Default)]
struct Counting {
    dms: Mutex<Vec<i64>>,
    edits: Mutex<usize>,
}

impl Notifier for Counting {
    async fn send(&self, d: &Delivery) -> Result<Option<i64>, SendError> {
        match &d.message {
            Message::Notice { user, .. } => self.dms.lock().unwrap().push(*user),
            Message::CardEdit { .. } => *self.edits.lock().unwrap() += 1,
            _ => {}
        }
        Ok(None)
    }
}

fn main() {
    let rsvps: i64 = std::env::var("RALLYBOT_BENCH_RSVPS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    rt.block_on(run(rsvps));
}

async fn run(rsvps: i64) {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("bench.db").display());
    let store = Store::open(&url).await.expect("open the database");
    let clock = Arc::new(ManualClock::new(
        Utc.with_ymd_and_hms(2026, 11, 28, 12, 0, 0).unwrap(),
    ));
    let service = Service::new(store.clone(), clock);
    let new = NewRally {
        title: "Day of action".into(),
        place: "30.2672,-97.7431".into(),
        tz: Some("America/Chicago".into()),
        when: "2026-12-05 18:00".into(),
        ..Default::default()
    };
    let id = service
        .create_rally(&MOD, new)
        .await
        .expect("create")
        .view
        .rally
        .id;
    let seeding = Instant::now();
    for user in 0..rsvps {
        let actor = Actor {
            user_id: 1_000 + user,
            server_id: SERVER,
            is_moderator: false,
        };
        let choice = if user % 3 == 0 {
            RsvpChoice::Interested
        } else {
            RsvpChoice::Going
        };
        service.rsvp(&actor, id, choice).await.expect("rsvp");
    }
    for card in 0..3 {
        service
            .record_card(&MOD, id, 50 + card, 500 + card, CardKind::Announcement)
            .await
            .expect("card");
    }
    println!(
        "seeded {rsvps} RSVPs and 3 cards in {:.1} s",
        seeding.elapsed().as_secs_f64()
    );

    let cancel = Instant::now();
    service
        .cancel_rally(&MOD, id, Some("storm warning"))
        .await
        .expect("cancel");
    let cancel = cancel.elapsed();
    let notifier = Counting::default();
    let pass = Instant::now();
    let report = service
        .deliver_due(service.now(), &notifier)
        .await
        .expect("deliver");
    let pass = pass.elapsed();

    let dms = notifier.dms.lock().unwrap().clone();
    let unique: HashSet<i64> = dms.iter().copied().collect();
    assert_eq!(dms.len() as i64, rsvps, "every RSVP gets one DM");
    assert_eq!(unique.len(), dms.len(), "no DM twice");
    assert_eq!(*notifier.edits.lock().unwrap(), 3, "every card edited");
    println!(
        "cancel (queues {rsvps} DMs + 3 card edits): {:.1} ms",
        cancel.as_secs_f64() * 1e3
    );
    println!(
        "one scheduler pass delivering them (no Discord): {:.2} s, {:.0} µs per notice (sent {})",
        pass.as_secs_f64(),
        pass.as_secs_f64() * 1e6 / (rsvps + 3) as f64,
        report.sent
    );
    println!(
        "through Discord at 48 requests/s: about {:.0} s for the DMs (2 requests each)",
        rsvps as f64 * 2.0 / 48.0
    );
    store.close().await;
}
