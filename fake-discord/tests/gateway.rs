//! Gateway protocol details, driven by a bare WebSocket client.

mod common;

use common::{Gw, DEADLINE};
use fake_discord::*;
use serde_json::{json, Value};
use serenity::all::{Event, GatewayEvent};

fn seq(frame: &Value) -> u64 {
    frame["s"].as_u64().expect("dispatch has s")
}

async fn wait_closed(fake: &FakeDiscord, connection: u64) {
    fake.wait_for_gateway(
        |r| r.connection == connection && matches!(r.kind, GatewayRecordKind::Closed { .. }),
        DEADLINE,
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn resume_replays_missed_dispatches_then_resumed() {
    let fake = FakeDiscord::start(FakeConfig::default()).await;
    let (mut gw, frames) = Gw::login(&fake, 1).await;
    let last = seq(frames.last().unwrap());
    let session = frames[1]["d"]["session_id"].as_str().unwrap().to_owned();
    assert_eq!(
        frames.iter().skip(1).map(seq).collect::<Vec<_>>(),
        (1..=last).collect::<Vec<_>>()
    );

    assert_eq!(fake.drop_gateway(DropMode::Abort), 1);
    assert!(gw.recv().await.is_none(), "hung up without a close frame");
    wait_closed(&fake, 1).await;
    let a = fake.dispatch("TYPING_START", json!({ "n": 1 })).unwrap();
    let b = fake.dispatch("TYPING_START", json!({ "n": 2 })).unwrap();
    assert_eq!((a, b), (last + 1, last + 2));

    let mut gw = Gw::connect(&fake).await;
    assert_eq!(gw.recv().await.unwrap()["op"], 10);
    gw.send(json!({ "op": 6, "d": { "token": format!("Bot {SAMPLE_TOKEN}"), "session_id": session, "seq": last } }))
        .await;
    let replayed = gw.recv_until(|f| f["t"] == "RESUMED").await;
    assert_eq!(
        replayed.iter().map(seq).collect::<Vec<_>>(),
        vec![last + 1, last + 2, last + 3]
    );
    assert_eq!(replayed[0]["d"]["n"], 1);
    assert_eq!(replayed[2]["d"], json!({}));
    let GatewayEvent::Dispatch(_, Event::Resumed(_)) =
        serde_json::from_value(replayed[2].clone()).unwrap()
    else {
        panic!("serenity must read RESUMED: {}", replayed[2]);
    };
    // Live again: new dispatches flow on the new connection.
    fake.dispatch("TYPING_START", json!({ "n": 3 })).unwrap();
    assert_eq!(seq(&gw.recv().await.unwrap()), last + 4);
}

#[tokio::test]
async fn resume_fails_with_op9_for_unknown_or_expired_sessions() {
    let fake = FakeDiscord::start(FakeConfig {
        replay_limit: 2,
        ..FakeConfig::default()
    })
    .await;
    let (_gw, frames) = Gw::login(&fake, 1).await;
    let session = frames[1]["d"]["session_id"].as_str().unwrap().to_owned();

    let mut gw = Gw::connect(&fake).await;
    gw.recv().await.unwrap();
    gw.send(json!({ "op": 6, "d": { "token": SAMPLE_TOKEN, "session_id": "nope", "seq": 1 } }))
        .await;
    assert_eq!(
        gw.recv().await.unwrap(),
        json!({ "op": 9, "d": false, "s": null, "t": null })
    );

    // Only the last 2 dispatches are kept: resuming from seq 0 is impossible.
    for n in 0..3 {
        fake.dispatch("TYPING_START", json!({ "n": n })).unwrap();
    }
    gw.send(json!({ "op": 6, "d": { "token": SAMPLE_TOKEN, "session_id": session, "seq": 0 } }))
        .await;
    assert_eq!(gw.recv().await.unwrap()["op"], 9);
}

#[tokio::test]
async fn invalid_session_knob_forces_a_new_identify() {
    let fake = FakeDiscord::start(FakeConfig::default()).await;
    let (mut gw, frames) = Gw::login(&fake, 0).await;
    let old = frames[1]["d"]["session_id"].as_str().unwrap().to_owned();
    assert!(fake.invalidate_session(false));
    let op9 = gw.recv().await.unwrap();
    assert!(matches!(
        serde_json::from_value(op9).unwrap(),
        GatewayEvent::InvalidateSession(false)
    ));
    assert!(matches!(
        fake.dispatch("TYPING_START", json!({})),
        Err(FakeError::NoGatewaySession)
    ));

    let mut gw = Gw::connect(&fake).await;
    gw.recv().await.unwrap();
    gw.send(json!({ "op": 6, "d": { "token": SAMPLE_TOKEN, "session_id": old, "seq": 1 } }))
        .await;
    assert_eq!(gw.recv().await.unwrap()["d"], false);
    let (_gw, frames) = Gw::login(&fake, 0).await;
    assert_ne!(frames[1]["d"]["session_id"].as_str().unwrap(), old);
    assert_eq!(seq(&frames[1]), 1, "a new session numbers from 1");

    assert!(fake.invalidate_session(true));
    assert!(
        fake.has_gateway_session(),
        "a resumable invalidation keeps the session"
    );
}

#[tokio::test]
async fn bad_token_closes_4004_and_other_ops() {
    let fake = FakeDiscord::start(FakeConfig::default()).await;
    let mut gw = Gw::connect(&fake).await;
    gw.recv().await.unwrap();
    gw.identify("Bot wrong", 1).await;
    assert_eq!(gw.recv().await.unwrap(), json!({ "close": 4004 }));
    let rec = fake
        .wait_for_gateway(
            |r| matches!(r.kind, GatewayRecordKind::Identify { .. }),
            DEADLINE,
        )
        .await
        .unwrap();
    assert!(matches!(
        rec.kind,
        GatewayRecordKind::Identify {
            token_ok: false,
            accepted: false,
            ..
        }
    ));

    // The bare token (Discord's documented form) is accepted as well as serenity's `Bot ` one.
    let mut gw = Gw::connect(&fake).await;
    gw.recv().await.unwrap();
    gw.identify(SAMPLE_TOKEN, 0).await;
    assert_eq!(gw.recv().await.unwrap()["t"], "READY");
    gw.identify(SAMPLE_TOKEN, 0).await;
    assert_eq!(gw.recv().await.unwrap(), json!({ "close": 4005 }));

    let (mut gw, _) = Gw::login(&fake, 0).await;
    assert!(fake.request_reconnect());
    assert!(matches!(
        serde_json::from_value(gw.recv().await.unwrap()).unwrap(),
        GatewayEvent::Reconnect
    ));
    gw.send(json!({ "op": 99, "d": null })).await;
    assert_eq!(gw.recv().await.unwrap(), json!({ "close": 4001 }));
}

#[tokio::test]
async fn heartbeat_ack_knob() {
    let fake = FakeDiscord::start(FakeConfig::default()).await;
    let (mut gw, _) = Gw::login(&fake, 0).await;
    gw.send(json!({ "op": 1, "d": 1 })).await;
    assert_eq!(gw.recv().await.unwrap(), json!({ "op": 11 }));

    fake.set_heartbeat_ack(false);
    gw.send(json!({ "op": 1, "d": 2 })).await;
    fake.wait_for_gateway(
        |r| matches!(r.kind, GatewayRecordKind::Heartbeat { seq: Some(2) }),
        DEADLINE,
    )
    .await
    .unwrap();
    // An ACK would have been queued when the heartbeat was recorded, before this dispatch.
    fake.dispatch("TYPING_START", json!({})).unwrap();
    assert_eq!(gw.recv().await.unwrap()["t"], "TYPING_START");
}

#[tokio::test]
async fn gateway_down_knob_refuses_upgrades_until_lifted() {
    let fake = FakeDiscord::start(FakeConfig::default()).await;
    fake.set_gateway_down(true);
    let url = format!("{}/?v=10&encoding=json", fake.gateway_url());
    let err = tokio_tungstenite::connect_async(&url)
        .await
        .expect_err("the upgrade is refused");
    assert!(
        matches!(
            &err,
            tokio_tungstenite::tungstenite::Error::Http(r) if r.status() == 503
        ),
        "{err:?}"
    );
    let refused = fake.gateway_log();
    assert!(
        matches!(
            refused[..],
            [GatewayRecord {
                connection: 0,
                kind: GatewayRecordKind::Refused,
                ..
            }]
        ),
        "{refused:?}"
    );
    assert_eq!(fake.gateway_connections(), 0);
    // REST still answers while the gateway is down.
    let got = common::http()
        .get(format!("{}/api/v10/gateway", fake.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(got.status(), 200);

    fake.set_gateway_down(false);
    let (_gw, ready) = Gw::login(&fake, 0).await;
    assert!(ready.iter().any(|f| f["t"] == "READY"), "{ready:?}");
}

#[tokio::test]
async fn a_thousand_guilds_and_shard_filtering() {
    let fake = FakeDiscord::start(FakeConfig::with_generated_guilds(SAMPLE_TOKEN, 1000)).await;
    let (_gw, frames) = Gw::login(&fake, 1).await;
    let creates: Vec<_> = frames.iter().filter(|f| f["t"] == "GUILD_CREATE").collect();
    assert_eq!(creates.len(), 1000);
    assert_eq!(frames[1]["d"]["guilds"].as_array().unwrap().len(), 1000);
    for f in [creates[0], creates[999]] {
        let GatewayEvent::Dispatch(_, Event::GuildCreate(g)) =
            serde_json::from_value(f.clone()).unwrap()
        else {
            panic!("{f}");
        };
        assert_eq!(g.guild.members.len(), 3, "owner, member, bot");
    }

    // Shard 1 of 2 gets only the guilds with (id >> 22) % 2 == 1.
    let mut gw = Gw::connect(&fake).await;
    gw.recv().await.unwrap();
    gw.send(json!({ "op": 2, "d": { "token": SAMPLE_TOKEN, "intents": 1, "shard": [1, 2], "properties": {} } })).await;
    let ready = gw.recv().await.unwrap();
    assert_eq!(ready["d"]["shard"], json!([1, 2]));
    let expected: Vec<String> = fake
        .config()
        .guilds
        .iter()
        .filter(|g| (g.id >> 22) % 2 == 1)
        .map(|g| g.id.to_string())
        .collect();
    assert!(!expected.is_empty() && expected.len() < 1000);
    let got: Vec<String> = ready["d"]["guilds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(got, expected);
}
