//! The log of REST requests the fake received, with per-route counters.

use std::collections::HashMap;
use std::time::{Instant, SystemTime};

use serde_json::Value;

use crate::store::UploadedFile;

/// How the request's `Authorization` header compared with `Bot <expected token>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuthCheck {
    Missing,
    Matched,
    Mismatched,
}

/// What the fault knobs did to a request.
#[derive(Clone, Debug, PartialEq)]
pub enum Injected {
    RateLimited { retry_after: f64, global: bool },
    Status(u16),
    GlobalLimit { retry_after: f64 },
}

/// One REST request and the status the fake answered with.
#[derive(Clone, Debug)]
pub struct RecordedRequest {
    /// Position in the log, from 0; keeps counting across `clear_logs`.
    pub index: usize,
    pub method: String,
    /// The full path, such as `/api/v10/channels/1/messages`.
    pub path: String,
    /// The raw query string without `?`; serenity writes `?&key=value`.
    pub query: Option<String>,
    /// Headers in arrival order; the `Authorization` value is replaced by `<redacted>`.
    pub headers: Vec<(String, String)>,
    pub auth: AuthCheck,
    /// The JSON body, or `payload_json` of a multipart body.
    pub body: Option<Value>,
    /// The body when it was not JSON (lossy UTF-8).
    pub raw_body: Option<String>,
    pub files: Vec<UploadedFile>,
    /// The matched route template without `/api/v10`, such as `/channels/{channel_id}/messages`;
    /// `None` when no route matched (the fake answered 404/405).
    pub route: Option<String>,
    pub status: u16,
    pub injected: Option<Injected>,
    pub received_at: Instant,
    pub received_at_wall: SystemTime,
}

impl RecordedRequest {
    /// `"METHOD /route/template"`, the key of the per-route counters.
    pub fn route_key(&self) -> Option<String> {
        self.route
            .as_ref()
            .map(|r| format!("{} {}", self.method, r))
    }

    /// The path without the `/api/v10` prefix.
    pub fn api_path(&self) -> &str {
        self.path.strip_prefix("/api/v10").unwrap_or(&self.path)
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// A query parameter, parsed from serenity's `?&a=1&b=2` form as well as the usual one.
    pub fn query_param(&self, name: &str) -> Option<&str> {
        self.query
            .as_deref()?
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v)
    }
}

#[derive(Debug, Default)]
pub(crate) struct Recorder {
    pub requests: Vec<RecordedRequest>,
    pub route_counts: HashMap<String, u64>,
    /// Requests removed by `clear`; `index` keeps counting across it.
    pub cleared: usize,
}

impl Recorder {
    pub(crate) fn push(&mut self, mut request: RecordedRequest) {
        request.index = self.cleared + self.requests.len();
        let key = request
            .route_key()
            .unwrap_or_else(|| format!("{} <unmatched>", request.method));
        *self.route_counts.entry(key).or_default() += 1;
        self.requests.push(request);
    }

    /// Requests with `index >= from`.
    pub(crate) fn since(&self, from: usize) -> &[RecordedRequest] {
        let start = from.saturating_sub(self.cleared).min(self.requests.len());
        &self.requests[start..]
    }

    pub(crate) fn clear(&mut self) {
        self.cleared += self.requests.len();
        self.requests.clear();
    }
}
