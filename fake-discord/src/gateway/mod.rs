//! The gateway: sessions with sequence numbers, replay buffers for RESUME, and the knobs that
//! drop connections or invalidate sessions.

mod connection;

pub(crate) use connection::upgrade;

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;
use std::time::Instant;

use serde_json::{json, Value};
use tokio::sync::mpsc;

/// How the drop knob ends a gateway connection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DropMode {
    /// Send a close frame with this code (4000 "unknown error" is resumable), then hang up.
    Close(u16),
    /// Hang up without a close frame, like a network failure.
    Abort,
}

/// Something that happened on the gateway, in order.
#[derive(Clone, Debug)]
pub struct GatewayRecord {
    pub at: Instant,
    /// Connections are numbered from 1 in the order they opened; 0 for a dispatch kept for
    /// replay while its session had no connection.
    pub connection: u64,
    pub kind: GatewayRecordKind,
}

#[derive(Clone, Debug)]
pub enum GatewayRecordKind {
    /// A WebSocket connection opened; `query` is the URL's query (serenity sends `v=10`).
    Connected { query: Option<String> },
    /// Op 2. `accepted` is false when the token was wrong (the fake closed with 4004).
    Identify {
        token_ok: bool,
        accepted: bool,
        intents: u64,
        shard: Option<[u32; 2]>,
        compress: bool,
        large_threshold: Option<u64>,
        session_id: Option<String>,
    },
    /// Op 6. `accepted` is false when the fake answered op 9 instead.
    Resume {
        session_id: String,
        seq: u64,
        token_ok: bool,
        accepted: bool,
        replayed: usize,
    },
    /// Op 1 with the client's last sequence number.
    Heartbeat { seq: Option<u64> },
    /// Any other op the client sent.
    Received { op: u64, payload: Value },
    /// A frame the fake sent.
    Sent {
        op: u8,
        event: Option<String>,
        seq: Option<u64>,
        frame: Arc<str>,
    },
    /// The connection ended; `by_server` when the fake ended it.
    Closed { code: Option<u16>, by_server: bool },
    /// A WebSocket upgrade answered 503 because the gateway was set down.
    Refused,
}

pub(crate) enum Outbound {
    Frame(Arc<str>),
    Close(u16, &'static str),
    Abort,
}

struct Conn {
    tx: mpsc::UnboundedSender<Outbound>,
    session: Option<String>,
}

struct Session {
    seq: u64,
    sent: VecDeque<(u64, Arc<str>)>,
    conn: Option<u64>,
}

pub(crate) struct GatewayState {
    sessions: HashMap<String, Session>,
    current: Option<String>,
    connections: HashMap<u64, Conn>,
    next_conn: u64,
    pub log: Vec<GatewayRecord>,
    /// Records removed by `clear_logs`.
    pub log_cleared: usize,
    /// Whether `Sent` records are kept (off for long benchmarks).
    pub log_frames: bool,
    pub no_heartbeat_ack: bool,
    /// Upgrades are answered 503 (an outage) while set.
    pub down: bool,
}

impl Default for GatewayState {
    fn default() -> Self {
        Self {
            sessions: HashMap::new(),
            current: None,
            connections: HashMap::new(),
            next_conn: 0,
            log: Vec::new(),
            log_cleared: 0,
            log_frames: true,
            no_heartbeat_ack: false,
            down: false,
        }
    }
}

impl GatewayState {
    /// Records from position `from` (counting across clears).
    pub(crate) fn log_since(&self, from: usize) -> &[GatewayRecord] {
        let start = from.saturating_sub(self.log_cleared).min(self.log.len());
        &self.log[start..]
    }

    pub(crate) fn clear_log(&mut self) {
        self.log_cleared += self.log.len();
        self.log.clear();
    }
}

impl std::fmt::Debug for GatewayState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GatewayState")
            .field("sessions", &self.sessions.len())
            .field("connections", &self.connections.len())
            .field("log", &self.log.len())
            .finish()
    }
}

impl GatewayState {
    fn record(&mut self, connection: u64, kind: GatewayRecordKind) {
        if !self.log_frames && matches!(kind, GatewayRecordKind::Sent { .. }) {
            return;
        }
        self.log.push(GatewayRecord {
            at: Instant::now(),
            connection,
            kind,
        });
    }

    /// Records a refused upgrade when the gateway is down; true if it was refused.
    pub(crate) fn refuse_if_down(&mut self) -> bool {
        if self.down {
            self.record(0, GatewayRecordKind::Refused);
        }
        self.down
    }

    fn open(&mut self, tx: mpsc::UnboundedSender<Outbound>, query: Option<String>) -> u64 {
        self.next_conn += 1;
        let id = self.next_conn;
        self.connections.insert(id, Conn { tx, session: None });
        self.record(id, GatewayRecordKind::Connected { query });
        id
    }

    fn closed(&mut self, conn: u64, code: Option<u16>, by_server: bool) {
        if let Some(c) = self.connections.remove(&conn) {
            if let Some(s) = c.session.and_then(|s| self.sessions.get_mut(&s)) {
                if s.conn == Some(conn) {
                    s.conn = None;
                }
            }
        }
        self.record(conn, GatewayRecordKind::Closed { code, by_server });
    }

    /// Sends a non-dispatch frame on one connection.
    fn send_op(&mut self, conn: u64, op: u8, d: Value) {
        let frame: Arc<str> = json!({ "op": op, "d": d, "s": null, "t": null })
            .to_string()
            .into();
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

    fn close(&mut self, conn: u64, code: u16, reason: &'static str) {
        if let Some(c) = self.connections.get(&conn) {
            let _ = c.tx.send(Outbound::Close(code, reason));
        }
    }

    /// Numbers and sends (or keeps for replay) one dispatch of a session.
    fn dispatch_in(
        &mut self,
        session_id: &str,
        event: &str,
        d: Value,
        limit: usize,
    ) -> Option<u64> {
        let session = self.sessions.get_mut(session_id)?;
        session.seq += 1;
        let seq = session.seq;
        let frame: Arc<str> = json!({ "op": 0, "t": event, "s": seq, "d": d })
            .to_string()
            .into();
        session.sent.push_back((seq, frame.clone()));
        while session.sent.len() > limit.max(1) {
            session.sent.pop_front();
        }
        let conn = session.conn;
        if let Some(c) = conn.and_then(|c| self.connections.get(&c)) {
            let _ = c.tx.send(Outbound::Frame(frame.clone()));
        }
        self.record(
            conn.unwrap_or(0),
            GatewayRecordKind::Sent {
                op: 0,
                event: Some(event.to_owned()),
                seq: Some(seq),
                frame,
            },
        );
        Some(seq)
    }

    /// Dispatches to the most recently identified session; `None` without one.
    pub(crate) fn dispatch(&mut self, event: &str, d: Value, limit: usize) -> Option<u64> {
        let current = self.current.clone()?;
        self.dispatch_in(&current, event, d, limit)
    }

    pub(crate) fn has_session(&self) -> bool {
        self.current.is_some()
    }

    pub(crate) fn drop_connections(&mut self, mode: &DropMode) -> usize {
        for c in self.connections.values() {
            let _ = c.tx.send(match mode {
                DropMode::Close(code) => Outbound::Close(*code, "fake-discord drop knob"),
                DropMode::Abort => Outbound::Abort,
            });
        }
        self.connections.len()
    }

    /// Op 9 on the current session's connection. A non-resumable invalidation forgets the
    /// session, so a later RESUME of it fails too.
    pub(crate) fn invalidate_session(&mut self, resumable: bool) -> bool {
        let Some(current) = self.current.clone() else {
            return false;
        };
        let conn = self.sessions.get(&current).and_then(|s| s.conn);
        if let Some(conn) = conn {
            self.send_op(conn, 9, json!(resumable));
        }
        if !resumable {
            self.sessions.remove(&current);
            self.current = None;
        }
        conn.is_some()
    }

    /// Op 7: asks the client to reconnect and resume.
    pub(crate) fn request_reconnect(&mut self) -> bool {
        let conn = self
            .current
            .as_ref()
            .and_then(|s| self.sessions.get(s))
            .and_then(|s| s.conn);
        if let Some(conn) = conn {
            self.send_op(conn, 7, Value::Null);
        }
        conn.is_some()
    }

    pub(crate) fn live_connections(&self) -> usize {
        self.connections.len()
    }
}
