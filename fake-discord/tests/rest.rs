//! REST error shapes, knobs, commands and uploads.

mod common;

use common::{auth, call, http};
use fake_discord::*;
use serde_json::{json, Value};

#[tokio::test]
async fn unknown_routes_are_404_and_recorded() {
    let fake = FakeDiscord::start(FakeConfig::default()).await;
    let (status, body) = call(
        &fake,
        "GET",
        &format!("/guilds/{SAMPLE_GUILD_ID}/bans"),
        None,
    )
    .await;
    assert_eq!(
        (status, body),
        (404, json!({ "message": "404: Not Found", "code": 0 }))
    );
    let (status, body) = call(&fake, "PUT", "/users/@me/channels", None).await;
    assert_eq!((status, body["code"].clone()), (405, json!(0)));
    let unmatched = fake.unmatched_requests();
    assert_eq!(unmatched.len(), 2);
    assert_eq!(
        unmatched[0].api_path(),
        format!("/guilds/{SAMPLE_GUILD_ID}/bans")
    );
    assert_eq!(fake.route_count("GET <unmatched>"), 1);
    // A known route is recorded with its template.
    call(&fake, "GET", "/users/@me", None).await;
    assert_eq!(fake.route_count("GET /users/{user_id}"), 1);
}

#[tokio::test]
async fn auth_is_checked_and_never_recorded_in_clear() {
    let fake = FakeDiscord::start(FakeConfig::default()).await;
    let resp = http()
        .get(format!("{}/api/v10/users/@me", fake.base_url()))
        .header("Authorization", "Bot not-the-token")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 401);
    let resp = http()
        .get(format!("{}/api/v10/gateway", fake.base_url()))
        .send()
        .await
        .unwrap();
    let body: Value = serde_json::from_str(&resp.text().await.unwrap()).unwrap();
    assert_eq!(body["url"], fake.gateway_url(), "no auth needed");
    call(&fake, "GET", "/users/@me", None).await;
    let reqs = fake.requests();
    assert_eq!(
        reqs.iter().map(|r| r.auth).collect::<Vec<_>>(),
        vec![
            AuthCheck::Mismatched,
            AuthCheck::Missing,
            AuthCheck::Matched
        ]
    );
    assert_eq!(reqs[2].header("authorization"), Some("<redacted>"));
    assert!(!format!("{reqs:?}").contains(SAMPLE_TOKEN));
    assert_ne!(auth(&fake), "<redacted>");
}

#[tokio::test]
async fn channel_errors_and_knobs() {
    let fake = FakeDiscord::start(FakeConfig::default()).await;
    let hi = Some(json!({ "content": "hi" }));
    let (status, body) = call(&fake, "POST", "/channels/1234/messages", hi.clone()).await;
    assert_eq!((status, body["code"].clone()), (404, json!(10003)));

    let (_, dm) = call(
        &fake,
        "POST",
        "/users/@me/channels",
        Some(json!({ "recipient_id": SAMPLE_BOB_ID.to_string() })),
    )
    .await;
    let dm_id = dm["id"].as_str().unwrap().to_owned();
    assert_eq!(
        call(
            &fake,
            "POST",
            &format!("/channels/{dm_id}/messages"),
            hi.clone()
        )
        .await
        .0,
        200
    );
    fake.set_dms_closed(SAMPLE_BOB_ID, true);
    let (status, body) = call(
        &fake,
        "POST",
        &format!("/channels/{dm_id}/messages"),
        hi.clone(),
    )
    .await;
    assert_eq!(
        (status, body),
        (
            403,
            json!({ "message": "Cannot send messages to this user", "code": 50007 })
        )
    );
    fake.set_dms_closed(SAMPLE_BOB_ID, false);
    assert_eq!(
        call(
            &fake,
            "POST",
            &format!("/channels/{dm_id}/messages"),
            hi.clone()
        )
        .await
        .0,
        200
    );
    assert_eq!(
        fake.dm_channel(SAMPLE_BOB_ID).map(|c| c.to_string()),
        Some(dm_id)
    );

    fake.set_missing_access(SAMPLE_ANNOUNCEMENTS_ID, true);
    let (status, body) = call(
        &fake,
        "GET",
        &format!("/channels/{SAMPLE_ANNOUNCEMENTS_ID}"),
        None,
    )
    .await;
    assert_eq!((status, body["code"].clone()), (403, json!(50001)));

    let (status, body) = call(
        &fake,
        "POST",
        &format!("/channels/{SAMPLE_GENERAL_ID}/messages"),
        Some(json!({ "content": "" })),
    )
    .await;
    assert_eq!((status, body["code"].clone()), (400, json!(50006)));
    let long = Some(json!({ "content": "x".repeat(2001) }));
    let (status, body) = call(
        &fake,
        "POST",
        &format!("/channels/{SAMPLE_GENERAL_ID}/messages"),
        long,
    )
    .await;
    assert_eq!((status, body["code"].clone()), (400, json!(50035)));
    assert_eq!(
        body["errors"]["content"]["_errors"][0]["code"],
        "BASE_TYPE_MAX_LENGTH"
    );
}

#[tokio::test]
async fn permissions_from_roles_and_overwrites() {
    let mut config = FakeConfig::default();
    // The bot may read #announcements but not post there.
    let bot_role = {
        let g = &mut config.guilds[0];
        g.channels[1].overwrites.push(OverwriteSpec {
            target: OverwriteTarget::Member(SAMPLE_BOT_ID),
            allow: 0,
            deny: permissions::SEND_MESSAGES,
        });
        g.roles.len()
    };
    let fake = FakeDiscord::start(config).await;
    assert_eq!(
        fake.config().guilds[0].roles.len(),
        bot_role + 1,
        "the fake added the bot's role"
    );
    let (status, body) = call(
        &fake,
        "POST",
        &format!("/channels/{SAMPLE_ANNOUNCEMENTS_ID}/messages"),
        Some(json!({ "content": "hi" })),
    )
    .await;
    assert_eq!((status, body["code"].clone()), (403, json!(50013)));
    assert_eq!(
        call(
            &fake,
            "GET",
            &format!("/channels/{SAMPLE_ANNOUNCEMENTS_ID}"),
            None
        )
        .await
        .0,
        200
    );
}

#[tokio::test]
async fn commands_overwrite_create_edit_delete() {
    let fake = FakeDiscord::start(FakeConfig::default()).await;
    let app = SAMPLE_APPLICATION_ID;
    let base = format!("/applications/{app}/commands");
    let rally = json!({ "name": "rally", "description": "Rallies", "options": [] });
    let (_, first) = call(
        &fake,
        "PUT",
        &base,
        Some(json!([rally, { "name": "help", "description": "Help" }])),
    )
    .await;
    let (_, second) = call(&fake, "PUT", &base, Some(json!([rally]))).await;
    assert_eq!(first[0]["id"], second[0]["id"], "same name keeps its id");
    assert_ne!(first[0]["version"], second[0]["version"]);
    assert_eq!(fake.commands(None).len(), 1);

    let bad = json!([{ "name": "Rally Now", "description": "" }]);
    let (status, body) = call(&fake, "PUT", &base, Some(bad)).await;
    assert_eq!(status, 400);
    assert!(body["errors"]["0"]["name"]["_errors"].is_array(), "{body}");
    assert!(
        body["errors"]["0"]["description"]["_errors"].is_array(),
        "{body}"
    );
    let (status, _) = call(&fake, "PUT", &base, Some(json!([rally, rally]))).await;
    assert_eq!(status, 400, "duplicate names");
    assert_eq!(
        fake.commands(None).len(),
        1,
        "a rejected overwrite changes nothing"
    );

    let id = second[0]["id"].as_str().unwrap();
    let (status, edited) = call(
        &fake,
        "PATCH",
        &format!("{base}/{id}"),
        Some(json!({ "description": "Organise rallies" })),
    )
    .await;
    assert_eq!(
        (status, edited["description"].clone()),
        (200, json!("Organise rallies"))
    );
    let (status, again) = call(
        &fake,
        "POST",
        &base,
        Some(json!({ "name": "rally", "description": "Again" })),
    )
    .await;
    assert_eq!(
        (status, again["id"].clone()),
        (200, second[0]["id"].clone()),
        "POST upserts by name"
    );
    assert_eq!(
        call(&fake, "DELETE", &format!("{base}/{id}"), None).await.0,
        204
    );
    let (status, body) = call(&fake, "GET", &format!("{base}/{id}"), None).await;
    assert_eq!((status, body["code"].clone()), (404, json!(10063)));
    let (status, body) = call(&fake, "GET", "/applications/42/commands", None).await;
    assert_eq!((status, body["code"].clone()), (404, json!(10002)));

    let guild = format!("/applications/{app}/guilds/{SAMPLE_GUILD_ID}/commands");
    let (status, created) = call(&fake, "POST", &guild, Some(rally.clone())).await;
    assert_eq!(status, 201);
    assert_eq!(created["guild_id"], SAMPLE_GUILD_ID.to_string());
    assert_eq!(fake.commands(Some(SAMPLE_GUILD_ID)).len(), 1);
}

#[tokio::test]
async fn uploads_through_serenity_are_parsed() {
    let fake = FakeDiscord::start(FakeConfig::default()).await;
    let http = serenity::http::HttpBuilder::new(&fake.config().token)
        .proxy(fake.base_url())
        .ratelimiter_disabled(true)
        .build();
    let msg = serenity::all::ChannelId::new(SAMPLE_GENERAL_ID)
        .send_message(
            &http,
            serenity::builder::CreateMessage::new()
                .content("route map attached")
                .add_file(serenity::builder::CreateAttachment::bytes(
                    b"march route".to_vec(),
                    "route.txt",
                )),
        )
        .await
        .expect("multipart send");
    assert_eq!(msg.attachments[0].filename, "route.txt");
    let stored = fake.message(msg.id.get()).unwrap();
    assert_eq!(stored.content, "route map attached");
    let req = fake.requests().pop().unwrap();
    assert_eq!(req.files.len(), 1);
    assert_eq!(
        (req.files[0].filename.as_str(), req.files[0].size),
        ("route.txt", 11)
    );
    assert_eq!(req.body.unwrap()["content"], "route map attached");
}

#[tokio::test]
async fn waits_wake_on_new_requests_and_logs_can_be_cleared() {
    let fake = FakeDiscord::start(FakeConfig::default()).await;
    call(&fake, "GET", "/users/@me", None).await;
    fake.clear_logs();
    assert!(fake.requests().is_empty());
    assert_eq!(
        fake.route_count("GET /users/{user_id}"),
        1,
        "counters survive"
    );
    // The waiter starts before the request exists and wakes when it is recorded.
    let waiter = fake.wait_for_request(|r| r.api_path() == "/users/@me", common::DEADLINE);
    let (req, (status, _)) = tokio::join!(waiter, call(&fake, "GET", "/users/@me", None));
    assert_eq!(status, 200);
    assert_eq!(
        req.unwrap().index,
        1,
        "indexes keep counting across a clear"
    );
    let missing = fake
        .wait_for_request(
            |r| r.method == "DELETE",
            std::time::Duration::from_millis(50),
        )
        .await;
    assert!(matches!(missing, Err(FakeError::Timeout { .. })));
}
