//! Fault knobs: scripted 429s and 5xx, and the global rate limit.

mod common;

use common::{call, call_full};
use fake_discord::*;
use serde_json::json;

fn header<'a>(h: &'a reqwest::header::HeaderMap, name: &str) -> Option<&'a str> {
    h.get(name).and_then(|v| v.to_str().ok())
}

#[tokio::test]
async fn scripted_429_has_discords_body_and_headers_then_clears() {
    let fake = FakeDiscord::start(FakeConfig::default()).await;
    fake.fail_next("POST /channels/*/messages", 2, Fault::rate_limited(1.5));
    let path = format!("/channels/{SAMPLE_GENERAL_ID}/messages");
    let body = json!({ "content": "hello" });

    for _ in 0..2 {
        let (status, h, b) = call_full(&fake, "POST", &path, Some(body.clone())).await;
        assert_eq!(status, 429);
        assert_eq!(
            b,
            json!({ "message": "You are being rate limited.", "retry_after": 1.5, "global": false })
        );
        assert_eq!(header(&h, "retry-after"), Some("2"));
        assert_eq!(header(&h, "x-ratelimit-scope"), Some("user"));
        assert_eq!(header(&h, "x-ratelimit-remaining"), Some("0"));
        assert_eq!(header(&h, "x-ratelimit-reset-after"), Some("1.500"));
        assert!(header(&h, "x-ratelimit-bucket").is_some());
        assert!(header(&h, "x-ratelimit-global").is_none());
    }
    // Other routes were never affected; the matching one recovers once the count is used.
    assert_eq!(call(&fake, "GET", "/users/@me", None).await.0, 200);
    assert_eq!(call(&fake, "POST", &path, Some(body)).await.0, 200);
    assert_eq!(fake.pending_faults(), 0);
    assert_eq!(
        fake.messages().len(),
        1,
        "rate-limited requests created nothing"
    );
    let injected: Vec<_> = fake
        .requests()
        .into_iter()
        .filter_map(|r| r.injected)
        .collect();
    assert_eq!(injected.len(), 2);
    assert!(matches!(
        injected[0],
        Injected::RateLimited { global: false, .. }
    ));
    assert_eq!(fake.route_count("POST /channels/{channel_id}/messages"), 3);
}

#[tokio::test]
async fn serenity_sees_a_429_as_an_error_and_does_not_retry() {
    let fake = FakeDiscord::start(FakeConfig::default()).await;
    fake.fail_next("GET /users/@me", 1, Fault::global_rate_limited(0.25));
    let http = serenity::http::HttpBuilder::new(&fake.config().token)
        .proxy(fake.base_url())
        .ratelimiter_disabled(true)
        .build();
    let err = http
        .get_current_user()
        .await
        .expect_err("a 429 is an error");
    match err {
        serenity::Error::Http(serenity::http::HttpError::UnsuccessfulRequest(resp)) => {
            assert_eq!(resp.status_code.as_u16(), 429);
            // Discord's 429 body has no `code`, which serenity's error type requires: it
            // keeps the status and substitutes code -1 (retry_after is lost).
            assert_eq!(resp.error.code, -1);
        }
        other => panic!("unexpected error {other:?}"),
    }
    assert_eq!(fake.request_count(), 1, "no retry");
    assert_eq!(
        http.get_current_user().await.unwrap().id.get(),
        SAMPLE_BOT_ID
    );
}

#[tokio::test]
async fn global_limit_answers_429_past_the_bucket() {
    let fake = FakeDiscord::start(FakeConfig::default()).await;
    fake.set_global_rate_limit(Some(5));
    let mut statuses = Vec::new();
    let mut last_429 = None;
    for _ in 0..12 {
        let (status, h, b) = call_full(&fake, "GET", "/users/@me", None).await;
        statuses.push(status);
        if status == 429 {
            last_429 = Some((h, b));
        }
    }
    let ok = statuses.iter().filter(|&&s| s == 200).count();
    // A burst of 5, plus at most one token refilled while the loop ran.
    assert!((5..=6).contains(&ok), "{statuses:?}");
    assert_eq!(&statuses[..5], &[200; 5]);
    let (h, b) = last_429.expect("some requests were limited");
    assert_eq!(b["global"], true);
    assert!(b["retry_after"].as_f64().unwrap() > 0.0 && b["retry_after"].as_f64().unwrap() <= 0.2);
    assert_eq!(header(&h, "x-ratelimit-global"), Some("true"));
    assert_eq!(header(&h, "x-ratelimit-scope"), Some("global"));

    fake.set_global_rate_limit(None);
    assert_eq!(call(&fake, "GET", "/users/@me", None).await.0, 200);
}

#[tokio::test]
async fn scripted_5xx() {
    let fake = FakeDiscord::start(FakeConfig::default()).await;
    fake.fail_next("/users/@me", 1, Fault::status(502));
    fake.fail_next("GET /channels", 1, Fault::status(500));
    let (status, body) = call(&fake, "GET", "/users/@me", None).await;
    assert_eq!(
        (status, body),
        (502, json!({ "message": "502: Bad Gateway", "code": 0 }))
    );
    let (status, _) = call(
        &fake,
        "GET",
        &format!("/channels/{SAMPLE_GENERAL_ID}"),
        None,
    )
    .await;
    assert_eq!(status, 500);
    assert_eq!(call(&fake, "GET", "/users/@me", None).await.0, 200);
    assert_eq!(
        call(
            &fake,
            "GET",
            &format!("/channels/{SAMPLE_GENERAL_ID}"),
            None
        )
        .await
        .0,
        200
    );
}
