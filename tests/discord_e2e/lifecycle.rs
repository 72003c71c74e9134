//! The bot's life on the gateway: a dropped connection, SIGTERM.
use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_a_dropped_connection_the_bot_resumes_and_answers() {
    let fake = fake_discord::FakeDiscord::start(support::config()).await;
    let _bot = Bot::start(&fake).await;
    let (_, data) = ask(&fake, rally("about").by(SAMPLE_BOB_ID)).await;
    assert!(
        data["embeds"][0]["title"]
            .as_str()
            .unwrap()
            .starts_with("rallybot "),
        "{data}"
    );

    fake.drop_gateway(DropMode::Abort);
    let resumed = fake
        .wait_for_gateway(
            |r| matches!(r.kind, GatewayRecordKind::Resume { accepted: true, .. }),
            WAIT,
        )
        .await
        .expect("the bot resumes its session");
    assert!(resumed.connection >= 2);
    let (_, data) = ask(&fake, rally("list").by(SAMPLE_BOB_ID)).await;
    assert!(
        data["content"]
            .as_str()
            .unwrap()
            .starts_with("No upcoming rallies"),
        "{data}"
    );
    // Commands were registered once, not again after the reconnect.
    assert_eq!(fake.command_registrations(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_stops_the_bot_cleanly() {
    let fake = fake_discord::FakeDiscord::start(support::config()).await;
    let bot = Bot::start(&fake).await;
    let (_, data) = ask(&fake, rally("list").by(SAMPLE_BOB_ID)).await;
    assert!(
        data["content"]
            .as_str()
            .unwrap()
            .starts_with("No upcoming rallies"),
        "{data}"
    );

    let (status, dir) = bot.terminate().await;
    support::assert_closed_cleanly(status, &dir);
}
