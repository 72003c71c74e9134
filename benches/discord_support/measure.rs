//! Sequential interaction round trips through the fake, each split into its legs.
use std::sync::Arc;
use std::time::{Duration, Instant};

use fake_discord::{CallbackRecord, FakeDiscord, GatewayRecordKind, InteractionSpec};
use serde_json::Value;

use super::bot::WAIT;
use super::stats::Summary;

/// One round trip. `latency` is the headline figure: from the fake queueing the
/// INTERACTION_CREATE frame on the bot's connection to the fake recording the callback.
#[derive(Clone, Copy, Debug)]
pub struct Sample {
    /// The interaction's id.
    pub id: u64,
    /// When the fake queued the INTERACTION_CREATE frame on the connection.
    pub queued_at: Instant,
    /// The frame's length in bytes.
    pub frame_len: usize,
    /// `dispatch_interaction` called -> frame queued (the fake building the payload).
    pub build: Duration,
    /// Frame queued -> the callback's HTTP request reaches the fake's router (WebSocket write,
    /// the client reading, handling and answering, HTTP to loopback).
    pub client: Duration,
    /// Callback request reached the router -> callback recorded (body read, parsed, checked
    /// and stored by the fake).
    pub fake_callback: Duration,
    /// Frame queued -> callback recorded.
    pub latency: Duration,
    /// `dispatch_interaction` called -> callback recorded.
    pub from_call: Duration,
}

/// Summaries of every leg over a run.
pub struct Run {
    pub samples: Vec<Sample>,
    /// The body of the first callback request (`{"type":4,"data":{...}}`).
    pub first_body: Option<Value>,
}

impl Run {
    pub fn summary(&self, leg: impl Fn(&Sample) -> Duration) -> Summary {
        let v: Vec<Duration> = self.samples.iter().map(leg).collect();
        Summary::of(&v)
    }
}

/// What one round trip gave.
pub struct Trip {
    pub sample: Sample,
    pub callback: CallbackRecord,
    /// The callback request's JSON body.
    pub body: Option<Value>,
    /// The INTERACTION_CREATE frame as sent.
    pub frame: Arc<str>,
}

/// Dispatches `spec`, awaits the callback and reads the fake's timestamps for each leg.
pub async fn round_trip(fake: &FakeDiscord, spec: InteractionSpec) -> Trip {
    let called = Instant::now();
    let handle = fake
        .dispatch_interaction(spec)
        .expect("dispatching an interaction (is the bot's gateway session up?)");
    let callback = handle
        .callback(WAIT)
        .await
        .unwrap_or_else(|e| panic!("no callback for interaction {}: {e}", handle.id));
    let seq = handle.seq;
    let sent = fake
        .wait_for_gateway(
            |r| {
                matches!(&r.kind, GatewayRecordKind::Sent { seq: Some(s), event: Some(e), .. }
                    if *s == seq && e == "INTERACTION_CREATE")
            },
            WAIT,
        )
        .await
        .expect("the fake logs the INTERACTION_CREATE frame it sent");
    let path = format!("/interactions/{}/", handle.id);
    let request = fake
        .wait_for_request(
            |r| r.method == "POST" && r.path.contains(&path) && r.path.ends_with("/callback"),
            WAIT,
        )
        .await
        .expect("the fake logs the callback request");
    assert_eq!(
        request.status, 204,
        "the fake refused the callback: {request:?}"
    );
    // Bound the fake's logs: each round trip starts from empty ones.
    fake.clear_logs();
    let at = callback.received_at;
    let sample = Sample {
        id: handle.id,
        queued_at: sent.at,
        frame_len: 0,
        build: sent.at.saturating_duration_since(called),
        client: request.received_at.saturating_duration_since(sent.at),
        fake_callback: at.saturating_duration_since(request.received_at),
        latency: at.saturating_duration_since(sent.at),
        from_call: at.saturating_duration_since(called),
    };
    let frame = match sent.kind {
        GatewayRecordKind::Sent { frame, .. } => frame,
        _ => unreachable!("filtered on Sent"),
    };
    let sample = Sample {
        frame_len: frame.len(),
        ..sample
    };
    Trip {
        sample,
        callback,
        body: request.body,
        frame,
    }
}

/// `warmup` unmeasured round trips, then `n` measured ones, one at a time. `spec(i)` gives
/// the i-th interaction; `check(i, callback)` says what is wrong with an answer, and the run
/// panics with it and the frame sent (warm-up included).
pub async fn run(
    fake: &FakeDiscord,
    warmup: usize,
    n: usize,
    spec: impl Fn(usize) -> InteractionSpec,
    check: impl Fn(usize, &CallbackRecord) -> Result<(), String>,
) -> Run {
    fake.clear_logs();
    let mut samples = Vec::with_capacity(n);
    let mut first_body = None;
    for i in 0..warmup + n {
        let trip = round_trip(fake, spec(i)).await;
        if let Err(e) = check(i, &trip.callback) {
            panic!("{e}\nINTERACTION_CREATE sent: {}", trip.frame);
        }
        if i >= warmup {
            samples.push(trip.sample);
        }
        if first_body.is_none() {
            first_body = trip.body;
        }
    }
    Run {
        samples,
        first_body,
    }
}
