//! HTTP around the pages: validators and 304s, the security headers every answer carries, and
//! the not-found and error pages.
use std::time::SystemTime;

use axum::body::Body as HttpBody;
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::http::StatusCode;
use axum::response::Response;

use super::cache::{etag_of, whole_seconds, Body};
use super::lang::Choice;
use super::pages;

/// No script, no frames, no third-party anything: styles and images from the page's own
/// origin (the map is inline SVG), forms only back to it.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// A cached page, or 304 when the client's copy is still this one. `negotiated`: the page's
/// language came from Accept-Language.
pub fn cached(request: &HeaderMap, body: &Body, negotiated: bool) -> Response {
    let last_modified = httpdate::fmt_http_date(body.last_modified);
    let status = if not_modified(request, &body.etag, body.last_modified) {
        StatusCode::NOT_MODIFIED
    } else {
        StatusCode::OK
    };
    let payload = if status == StatusCode::OK {
        HttpBody::from(body.bytes.clone())
    } else {
        HttpBody::empty()
    };
    let mut response = Response::new(payload);
    *response.status_mut() = status;
    let h = response.headers_mut();
    secure(h);
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(body.content_type),
    );
    insert(h, header::ETAG, &body.etag);
    insert(h, header::LAST_MODIFIED, &last_modified);
    vary(h, negotiated);
    // Kept, but asked about every time: a page turned off must not linger anywhere.
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

/// A page that never changes while the program runs (the stylesheet, the home page): made
/// once, then answered like any cached page.
pub fn fixed(content_type: &'static str, text: String) -> Body {
    Body {
        content_type,
        etag: etag_of(text.as_bytes()),
        bytes: text.into(),
        last_modified: whole_seconds(SystemTime::now()),
    }
}

/// RFC 9110: If-None-Match decides when present; else If-Modified-Since.
fn not_modified(request: &HeaderMap, etag: &str, last_modified: SystemTime) -> bool {
    if let Some(tags) = request
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
    {
        return tags
            .split(',')
            .map(str::trim)
            .any(|t| t == "*" || t == etag || t.strip_prefix("W/") == Some(etag));
    }
    request
        .get(header::IF_MODIFIED_SINCE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| httpdate::parse_http_date(v).ok())
        .is_some_and(|since| last_modified <= since)
}

pub fn not_found(lang: Choice) -> Response {
    page(StatusCode::NOT_FOUND, pages::not_found(lang.lang), lang)
}

pub fn error_page(status: StatusCode, apology: &str, lang: Choice) -> Response {
    page(status, pages::error(apology, lang.lang), lang)
}

fn page(status: StatusCode, html: String, lang: Choice) -> Response {
    let mut response = Response::new(HttpBody::from(html));
    *response.status_mut() = status;
    let h = response.headers_mut();
    secure(h);
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    vary(h, lang.negotiated);
    response
}

/// A page worded by the reader's Accept-Language is one of several at its address: caches
/// keep one per header (a 304 says it too, RFC 9110 §15.4.5).
fn vary(h: &mut HeaderMap, negotiated: bool) {
    if negotiated {
        h.insert(header::VARY, HeaderValue::from_static("accept-language"));
    }
}

fn secure(h: &mut HeaderMap) {
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    // The address holds the server's slug: links out must not carry it along.
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
}

fn insert(h: &mut HeaderMap, name: header::HeaderName, value: &str) {
    if let Ok(v) = HeaderValue::from_str(value) {
        h.insert(name, v);
    }
}
