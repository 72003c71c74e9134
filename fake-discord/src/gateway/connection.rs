//! One gateway WebSocket connection: HELLO, then IDENTIFY/RESUME/heartbeats from the client
//! and frames queued by the fake, in queue order.

use std::sync::Arc;

use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade};
use axum::extract::State;
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};
use tokio::sync::mpsc;

use super::{GatewayRecordKind, GatewayState, Outbound, Session};
use crate::ids::opaque_token;
use crate::payloads::{self, ReadyArgs};
use crate::state::{lock, Shared};

/// Intent bit for GUILD_CREATE and the other guild events.
const GUILDS_INTENT: u64 = 1;

pub(crate) async fn upgrade(
    State(shared): State<Arc<Shared>>,
    uri: Uri,
    ws: WebSocketUpgrade,
) -> Response {
    let refused = lock(&shared.gateway).refuse_if_down();
    if refused {
        shared.notify();
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    }
    let query = uri.query().map(str::to_owned);
    ws.on_upgrade(move |socket| run(shared, socket, query))
}

async fn run(shared: Arc<Shared>, mut socket: WebSocket, query: Option<String>) {
    let (tx, mut rx) = mpsc::unbounded_channel();
    let conn = {
        let mut gw = lock(&shared.gateway);
        let conn = gw.open(tx, query);
        let interval = shared.config.heartbeat_interval_ms;
        gw.send_op(conn, 10, json!({ "heartbeat_interval": interval }));
        conn
    };
    shared.notify();
    let mut shutdown = shared.shutdown.subscribe();
    let (mut code, mut by_server) = (None, false);
    loop {
        tokio::select! {
            out = rx.recv() => match out {
                Some(Outbound::Frame(frame)) => {
                    if socket.send(Message::Text(frame.as_ref().into())).await.is_err() {
                        break;
                    }
                }
                Some(Outbound::Close(c, reason)) => {
                    let frame = CloseFrame { code: c, reason: reason.into() };
                    let _ = socket.send(Message::Close(Some(frame))).await;
                    (code, by_server) = (Some(c), true);
                    break;
                }
                Some(Outbound::Abort) | None => {
                    by_server = true;
                    break;
                }
            },
            msg = socket.recv() => match msg {
                Some(Ok(Message::Text(text))) => {
                    handle_text(&shared, conn, text.as_str());
                    shared.notify();
                }
                Some(Ok(Message::Binary(_))) => {
                    // serenity only sends text; Discord rejects what it can't decode.
                    lock(&shared.gateway).close(conn, 4002, "Decode error");
                }
                Some(Ok(Message::Close(frame))) => {
                    code = frame.map(|f| f.code);
                    break;
                }
                Some(Ok(_)) => {}
                Some(Err(_)) | None => break,
            },
            _ = shutdown.changed() => break,
        }
    }
    lock(&shared.gateway).closed(conn, code, by_server);
    shared.notify();
}

fn handle_text(shared: &Shared, conn: u64, text: &str) {
    let mut gw = lock(&shared.gateway);
    let Ok(payload) = serde_json::from_str::<Value>(text) else {
        gw.close(conn, 4002, "Decode error");
        return;
    };
    let op = payload.get("op").and_then(Value::as_u64);
    let d = payload.get("d").cloned().unwrap_or(Value::Null);
    let identified = gw.connections.get(&conn).and_then(|c| c.session.clone());
    match op {
        Some(1) => {
            gw.record(conn, GatewayRecordKind::Heartbeat { seq: d.as_u64() });
            if !gw.no_heartbeat_ack {
                gw.send_op_bare(conn, 11);
            }
        }
        Some(2) if identified.is_some() => gw.close(conn, 4005, "Already authenticated"),
        Some(2) => identify(shared, &mut gw, conn, &d),
        Some(6) => resume(shared, &mut gw, conn, &d),
        Some(op @ (3 | 4 | 8 | 31)) if identified.is_some() => {
            gw.record(conn, GatewayRecordKind::Received { op, payload: d });
        }
        Some(3 | 4 | 8 | 31) => gw.close(conn, 4003, "Not authenticated"),
        Some(op) => {
            gw.record(conn, GatewayRecordKind::Received { op, payload: d });
            gw.close(conn, 4001, "Unknown opcode");
        }
        None => gw.close(conn, 4002, "Decode error"),
    }
}

/// Discord's IDENTIFY takes the bare token; serenity sends it with a `Bot ` prefix, which
/// Discord accepts too.
fn token_ok(shared: &Shared, d: &Value) -> bool {
    let token = d.get("token").and_then(Value::as_str).unwrap_or("");
    token.strip_prefix("Bot ").unwrap_or(token) == shared.config.token
}

fn identify(shared: &Shared, gw: &mut GatewayState, conn: u64, d: &Value) {
    let ok = token_ok(shared, d);
    let intents = d.get("intents").and_then(Value::as_u64).unwrap_or(0);
    let shard = d.get("shard").and_then(|s| {
        let a = s.as_array()?;
        Some([a.first()?.as_u64()? as u32, a.get(1)?.as_u64()? as u32])
    });
    let large_threshold = d.get("large_threshold").and_then(Value::as_u64);
    let session_id = ok.then(|| opaque_token(shared.ids.next(), 32));
    gw.record(
        conn,
        GatewayRecordKind::Identify {
            token_ok: ok,
            accepted: ok,
            intents,
            shard,
            compress: d.get("compress").and_then(Value::as_bool).unwrap_or(false),
            large_threshold,
            session_id: session_id.clone(),
        },
    );
    let Some(session_id) = session_id else {
        gw.close(conn, 4004, "Authentication failed");
        return;
    };
    gw.sessions.insert(
        session_id.clone(),
        Session {
            seq: 0,
            sent: Default::default(),
            conn: Some(conn),
        },
    );
    if let Some(c) = gw.connections.get_mut(&conn) {
        c.session = Some(session_id.clone());
    }
    gw.current = Some(session_id.clone());

    // A guild belongs to shard (guild_id >> 22) % num_shards.
    let [shard_id, shards] = shard.unwrap_or([0, 1]);
    let guilds: Vec<_> = shared
        .config
        .guilds
        .iter()
        .filter(|g| shards <= 1 || (g.id >> 22) % u64::from(shards) == u64::from(shard_id))
        .collect();
    let guild_ids: Vec<u64> = guilds.iter().map(|g| g.id).collect();
    let ready = payloads::ready(&ReadyArgs {
        bot: &shared.config.bot,
        guild_ids: &guild_ids,
        session_id: &session_id,
        resume_gateway_url: &shared.ws_url,
        shard,
        application_id: shared.config.application_id,
        application_flags: shared.config.application_flags,
    });
    let limit = shared.config.replay_limit;
    gw.dispatch_in(&session_id, "READY", ready, limit);
    if intents & GUILDS_INTENT != 0 {
        let threshold = large_threshold.unwrap_or(50);
        for g in guilds {
            let payload =
                payloads::guild_create(g, shared.config.bot.id, &shared.joined_at, threshold);
            gw.dispatch_in(&session_id, "GUILD_CREATE", payload, limit);
        }
    }
}

fn resume(shared: &Shared, gw: &mut GatewayState, conn: u64, d: &Value) {
    let ok = token_ok(shared, d);
    let session_id = d
        .get("session_id")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned();
    let seq = d.get("seq").and_then(Value::as_u64).unwrap_or(0);
    let replay: Option<Vec<_>> = gw.sessions.get(&session_id).filter(|_| ok).and_then(|s| {
        // Refuse when events the client missed were already dropped from the buffer.
        let oldest = s.sent.front().map_or(s.seq + 1, |(n, _)| *n);
        (seq + 1 >= oldest && seq <= s.seq).then(|| {
            s.sent
                .iter()
                .filter(|(n, _)| *n > seq)
                .map(|(_, f)| f.clone())
                .collect()
        })
    });
    gw.record(
        conn,
        GatewayRecordKind::Resume {
            session_id: session_id.clone(),
            seq,
            token_ok: ok,
            accepted: replay.is_some(),
            replayed: replay.as_ref().map_or(0, Vec::len),
        },
    );
    let Some(replay) = replay else {
        if !ok {
            gw.close(conn, 4004, "Authentication failed");
        } else {
            gw.send_op(conn, 9, json!(false));
        }
        return;
    };
    if let Some(old) = gw.sessions.get(&session_id).and_then(|s| s.conn) {
        if let Some(c) = gw.connections.get_mut(&old) {
            c.session = None;
        }
    }
    if let Some(s) = gw.sessions.get_mut(&session_id) {
        s.conn = Some(conn);
    }
    if let Some(c) = gw.connections.get_mut(&conn) {
        c.session = Some(session_id.clone());
        for frame in replay {
            let _ = c.tx.send(Outbound::Frame(frame));
        }
    }
    gw.current = Some(session_id.clone());
    gw.dispatch_in(
        &session_id,
        "RESUMED",
        json!({}),
        shared.config.replay_limit,
    );
}

impl GatewayState {
    /// A frame with only `op` (HEARTBEAT_ACK), as Discord sends it.
    fn send_op_bare(&mut self, conn: u64, op: u8) {
        let frame: Arc<str> = json!({ "op": op }).to_string().into();
        if let Some(c) = self.connections.get(&conn) {
            let _ = c.tx.send(Outbound::Frame(frame.clone()));
        }
        self.record(
            conn,
            GatewayRecordKind::Sent {
                op,
                event: None,
                seq: None,
                frame,
            },
        );
    }
}
