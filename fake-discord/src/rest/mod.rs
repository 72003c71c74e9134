//! The REST API under `/api/v10`: routing, recording, fault injection and error shapes.

mod callbacks;
mod channels;
mod commands;
mod guilds;
mod messages;
mod multipart;
mod users;
mod validate;

pub(crate) use users::open_dm;

use std::sync::Arc;
use std::time::{Instant, SystemTime};

use axum::body::Body;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};

use crate::faults::Fault;
use crate::recorder::{AuthCheck, Injected, RecordedRequest};
use crate::state::{lock, Shared};
use crate::store::UploadedFile;

type S = Arc<Shared>;

/// The request body, parsed once by the recording layer and handed to handlers.
#[derive(Clone, Debug, Default)]
pub(crate) struct Parsed {
    pub json: Option<Value>,
    pub files: Vec<UploadedFile>,
}

/// Set on responses of matched routes, for the recording layer.
#[derive(Clone)]
struct RouteTemplate(String);

pub(crate) fn v10(path: &str) -> String {
    format!("/api/v10{path}")
}

pub(crate) fn router(shared: S) -> Router {
    let api = Router::new()
        .route(&v10("/gateway"), get(gateway))
        .route(&v10("/gateway/bot"), get(gateway_bot))
        .merge(users::routes())
        .merge(guilds::routes())
        .merge(channels::routes())
        .merge(commands::routes())
        .merge(callbacks::routes())
        .route_layer(middleware::from_fn_with_state(shared.clone(), guard))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(middleware::from_fn_with_state(shared.clone(), record))
        .with_state(shared.clone());
    Router::new()
        .route("/", get(crate::gateway::upgrade))
        .with_state(shared)
        .fallback_service(api)
}

/// A Discord-shaped error answer; small, so handlers can return `Result<_, ApiError>`.
#[derive(Debug)]
pub(crate) struct ApiError {
    status: StatusCode,
    body: Value,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(self.body)).into_response()
    }
}

/// What handlers return.
pub(crate) type Reply = Result<Response, ApiError>;

/// Discord's error body `{ "message", "code" }` with `status`.
pub(crate) fn error(status: u16, code: u32, message: &str) -> ApiError {
    ApiError {
        status: StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
        body: json!({ "message": message, "code": code }),
    }
}

/// 400 "Invalid Form Body" (50035) with Discord's nested `errors`.
pub(crate) fn form_error(errors: Value) -> ApiError {
    ApiError {
        status: StatusCode::BAD_REQUEST,
        body: json!({ "message": "Invalid Form Body", "code": 50035, "errors": errors }),
    }
}

pub(crate) fn ok_json(v: Value) -> Response {
    Json(v).into_response()
}

pub(crate) fn no_content() -> Response {
    StatusCode::NO_CONTENT.into_response()
}

/// A path id; Discord answers 400 "Invalid Form Body" for non-snowflakes.
pub(crate) fn snowflake(raw: &str) -> Result<u64, ApiError> {
    raw.parse().map_err(|_| {
        form_error(json!({ "id": { "_errors": [{
            "code": "NUMBER_TYPE_COERCE",
            "message": format!("Value \"{raw}\" is not snowflake."),
        }] } }))
    })
}

async fn not_found() -> ApiError {
    error(404, 0, "404: Not Found")
}

async fn method_not_allowed() -> ApiError {
    error(405, 0, "405: Method Not Allowed")
}

async fn gateway(State(s): State<S>) -> Response {
    ok_json(json!({ "url": s.ws_url }))
}

async fn gateway_bot(State(s): State<S>) -> Response {
    ok_json(json!({
        "url": s.ws_url,
        "shards": 1,
        "session_start_limit": { "total": 1000, "remaining": 999, "reset_after": 14_400_000, "max_concurrency": 1 },
    }))
}

/// Routes that Discord serves without the bot's token.
fn needs_bot_auth(template: &str) -> bool {
    !(template.starts_with("/api/v10/gateway")
        || template.starts_with("/api/v10/interactions/")
        || template.starts_with("/api/v10/webhooks/"))
}

/// Interaction endpoints are exempt from the global rate limit (Discord's documentation).
fn counts_for_global_limit(template: &str) -> bool {
    !(template.starts_with("/api/v10/interactions/") || template.starts_with("/api/v10/webhooks/"))
}

/// Runs on matched routes only: auth, scripted faults, the global limit.
async fn guard(State(s): State<S>, matched: MatchedPath, req: Request, next: Next) -> Response {
    let template = matched.as_str().to_owned();
    let method = req.method().as_str().to_owned();
    let path = req.uri().path().to_owned();
    let auth = req
        .extensions()
        .get::<AuthCheck>()
        .copied()
        .unwrap_or(AuthCheck::Missing);
    // Decide before awaiting: no lock may be held across `next.run`.
    let early = if s.config.enforce_auth && needs_bot_auth(&template) && auth != AuthCheck::Matched
    {
        Some(error(401, 0, "401: Unauthorized").into_response())
    } else {
        let mut faults = lock(&s.faults);
        if let Some(fault) = faults.take(&method, &path) {
            let mut r = fault_response(&fault);
            r.extensions_mut().insert(fault.injected());
            Some(r)
        } else if counts_for_global_limit(&template) {
            faults.take_global(Instant::now()).err().map(|retry_after| {
                let mut r = rate_limited(retry_after, true, "global");
                r.extensions_mut()
                    .insert(Injected::GlobalLimit { retry_after });
                r
            })
        } else {
            None
        }
    };
    let mut response = match early {
        Some(r) => r,
        None => next.run(req).await,
    };
    response.extensions_mut().insert(RouteTemplate(template));
    response
}

fn fault_response(fault: &Fault) -> Response {
    match *fault {
        Fault::RateLimited {
            retry_after,
            global,
            scope,
        } => rate_limited(retry_after, global, scope.as_str()),
        Fault::Status(code) => {
            let reason = StatusCode::from_u16(code)
                .ok()
                .and_then(|s| s.canonical_reason())
                .unwrap_or("Error");
            error(code, 0, &format!("{code}: {reason}")).into_response()
        }
    }
}

/// A 429 shaped like Discord's: body `retry_after` in seconds, headers for the bucket.
fn rate_limited(retry_after: f64, global: bool, scope: &str) -> Response {
    let body = json!({ "message": "You are being rate limited.", "retry_after": retry_after, "global": global });
    let mut r = (StatusCode::TOO_MANY_REQUESTS, Json(body)).into_response();
    let reset = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0)
        + retry_after;
    let h = r.headers_mut();
    let mut set = |name: &'static str, value: String| {
        if let Ok(v) = HeaderValue::from_str(&value) {
            h.insert(name, v);
        }
    };
    set("retry-after", format!("{}", retry_after.ceil() as u64));
    set("x-ratelimit-scope", scope.to_owned());
    if global {
        set("x-ratelimit-global", "true".into());
    } else {
        set("x-ratelimit-limit", "5".into());
        set("x-ratelimit-remaining", "0".into());
        set("x-ratelimit-reset", format!("{reset:.3}"));
        set("x-ratelimit-reset-after", format!("{retry_after:.3}"));
        set(
            "x-ratelimit-bucket",
            "fakebucket0000000000000000000000".into(),
        );
    }
    r
}

/// Records every request (matched or not) with its body and the status it got.
async fn record(State(s): State<S>, req: Request, next: Next) -> Response {
    let received_at = Instant::now();
    let received_at_wall = SystemTime::now();
    let (mut parts, body) = req.into_parts();
    let bytes = axum::body::to_bytes(body, 64 * 1024 * 1024)
        .await
        .unwrap_or_default();
    let auth = auth_check(&parts.headers, &s.config.authorization());
    let (parsed, raw_body) = parse_body(&parts.headers, &bytes);
    let headers = parts
        .headers
        .iter()
        .map(|(k, v)| {
            let value = if k == header::AUTHORIZATION {
                "<redacted>".to_owned()
            } else {
                String::from_utf8_lossy(v.as_bytes()).into_owned()
            };
            (k.as_str().to_owned(), value)
        })
        .collect();
    let method = parts.method.as_str().to_owned();
    let path = parts.uri.path().to_owned();
    let query = parts.uri.query().map(str::to_owned);
    parts.extensions.insert(auth);
    parts.extensions.insert(parsed.clone());
    let response = next.run(Request::from_parts(parts, Body::empty())).await;
    let route = response
        .extensions()
        .get::<RouteTemplate>()
        .map(|t| t.0.strip_prefix("/api/v10").unwrap_or(&t.0).to_owned());
    let request = RecordedRequest {
        index: 0,
        method,
        path,
        query,
        headers,
        auth,
        body: parsed.json,
        raw_body,
        files: parsed.files,
        route,
        status: response.status().as_u16(),
        injected: response.extensions().get::<Injected>().cloned(),
        received_at,
        received_at_wall,
    };
    lock(&s.recorder).push(request);
    s.notify();
    response
}

fn auth_check(headers: &HeaderMap, expected: &str) -> AuthCheck {
    match headers.get(header::AUTHORIZATION) {
        None => AuthCheck::Missing,
        Some(v) if v.as_bytes() == expected.as_bytes() => AuthCheck::Matched,
        Some(_) => AuthCheck::Mismatched,
    }
}

fn parse_body(headers: &HeaderMap, bytes: &[u8]) -> (Parsed, Option<String>) {
    if bytes.is_empty() {
        return (Parsed::default(), None);
    }
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if let Some(form) = multipart::parse(content_type, bytes) {
        let json = form
            .payload_json
            .as_deref()
            .and_then(|p| serde_json::from_str(p).ok());
        return (
            Parsed {
                json,
                files: form.files,
            },
            None,
        );
    }
    match serde_json::from_slice(bytes) {
        Ok(json) => (
            Parsed {
                json: Some(json),
                files: Vec::new(),
            },
            None,
        ),
        Err(_) => (
            Parsed::default(),
            Some(String::from_utf8_lossy(bytes).into_owned()),
        ),
    }
}
