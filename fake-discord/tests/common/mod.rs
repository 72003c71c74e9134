//! Helpers shared by the integration tests: a bare gateway client and a raw HTTP client.

#![allow(dead_code)]

use std::time::Duration;

use fake_discord::FakeDiscord;
use futures::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{connect_async, MaybeTlsStream, WebSocketStream};

pub const DEADLINE: Duration = Duration::from_secs(10);

/// A minimal gateway client speaking JSON text frames.
pub struct Gw {
    pub ws: WebSocketStream<MaybeTlsStream<TcpStream>>,
}

impl Gw {
    pub async fn connect(fake: &FakeDiscord) -> Gw {
        let (ws, _) = connect_async(format!("{}/?v=10&encoding=json", fake.gateway_url()))
            .await
            .expect("gateway connect");
        Gw { ws }
    }

    pub async fn send(&mut self, v: Value) {
        self.ws
            .send(Message::Text(v.to_string()))
            .await
            .expect("gateway send");
    }

    /// The next JSON frame; `None` once the server closed (the close code is returned as
    /// `{"close": code}`).
    pub async fn recv(&mut self) -> Option<Value> {
        loop {
            let msg = tokio::time::timeout(DEADLINE, self.ws.next())
                .await
                .expect("gateway frame within the deadline")?;
            match msg {
                Ok(Message::Text(t)) => {
                    return Some(serde_json::from_str(&t).expect("frame is JSON"))
                }
                Ok(Message::Close(frame)) => {
                    return Some(json!({ "close": frame.map(|f| u16::from(f.code)) }));
                }
                Ok(_) => continue,
                Err(_) => return None,
            }
        }
    }

    /// Frames until (and including) the one `pred` accepts.
    pub async fn recv_until(&mut self, pred: impl Fn(&Value) -> bool) -> Vec<Value> {
        let mut out = Vec::new();
        loop {
            let v = self.recv().await.expect("connection open");
            let done = pred(&v);
            out.push(v);
            if done {
                return out;
            }
        }
    }

    pub async fn identify(&mut self, token: &str, intents: u64) {
        self.send(json!({ "op": 2, "d": {
            "token": token, "intents": intents, "compress": false, "large_threshold": 250,
            "properties": { "os": "linux", "browser": "test", "device": "test" },
        }}))
        .await;
    }

    /// HELLO, IDENTIFY, then every frame up to the last GUILD_CREATE.
    pub async fn login(fake: &FakeDiscord, intents: u64) -> (Gw, Vec<Value>) {
        let mut gw = Gw::connect(fake).await;
        let hello = gw.recv().await.unwrap();
        assert_eq!(hello["op"], 10, "{hello}");
        gw.identify(&format!("Bot {}", fake.config().token), intents)
            .await;
        let guilds = if intents & 1 != 0 {
            fake.config().guilds.len()
        } else {
            0
        };
        let mut frames = vec![hello];
        let mut seen_creates = 0;
        loop {
            let f = gw.recv().await.expect("ready frames");
            let is_ready = f["t"] == "READY";
            if f["t"] == "GUILD_CREATE" {
                seen_creates += 1;
            }
            frames.push(f);
            if (is_ready && guilds == 0) || (seen_creates == guilds && guilds > 0) {
                return (gw, frames);
            }
        }
    }
}

pub fn http() -> reqwest::Client {
    reqwest::Client::new()
}

pub fn auth(fake: &FakeDiscord) -> String {
    format!("Bot {}", fake.config().token)
}

/// A bot-authenticated request; returns status and JSON body (Null if none).
pub async fn call(
    fake: &FakeDiscord,
    method: &str,
    path: &str,
    body: Option<Value>,
) -> (u16, Value) {
    let (status, _, body) = call_full(fake, method, path, body).await;
    (status, body)
}

pub async fn call_full(
    fake: &FakeDiscord,
    method: &str,
    path: &str,
    body: Option<Value>,
) -> (u16, reqwest::header::HeaderMap, Value) {
    let url = format!("{}/api/v10{path}", fake.base_url());
    let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
    let mut req = http()
        .request(method, url)
        .header("Authorization", auth(fake));
    if let Some(b) = body {
        req = req
            .header("Content-Type", "application/json")
            .body(b.to_string());
    }
    let resp = req.send().await.expect("request to the fake");
    let status = resp.status().as_u16();
    let headers = resp.headers().clone();
    let text = resp.text().await.unwrap();
    let json = if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).expect("JSON body")
    };
    (status, headers, json)
}
