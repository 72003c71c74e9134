//! The real bot binary when the gateway can't be reached: where it looks for it, that SIGTERM
//! still stops it cleanly, and that it comes back after an outage.
mod support;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use fake_discord::{
    DropMode, FakeDiscord, Fault, GatewayRecordKind, InteractionSpec, SAMPLE_BOB_ID,
    SAMPLE_GENERAL_ID, SAMPLE_GUILD_ID,
};
use support::{assert_closed_cleanly, Bot, STARTUP, TOKEN, WAIT};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_gateway_lookup_is_retried_at_discord_api_url() {
    let fake = FakeDiscord::start(support::config()).await;
    // serenity alone would fall back to Discord's real gateway after this.
    fake.fail_next("GET /gateway", 1, Fault::status(503));
    let bot = Bot::start_in(&fake, Arc::new(tempfile::tempdir().unwrap()), &[]).await;
    let logged = bot
        .wait_for_log("can't get the gateway address", STARTUP)
        .await;
    assert!(logged.is_some(), "the failure is logged");
    assert!(fake.route_count("GET /gateway") >= 2);
    assert_eq!(fake.pending_faults(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_stops_a_bot_whose_gateway_is_down() {
    let fake = FakeDiscord::start(support::config()).await;
    fake.set_gateway_down(true);
    let bot = Bot::spawn_in(&fake, Arc::new(tempfile::tempdir().unwrap()), &[]);
    fake.wait_for_gateway(|r| matches!(r.kind, GatewayRecordKind::Refused), STARTUP)
        .await
        .expect("the bot tries the gateway");
    let (status, dir) = bot.terminate().await;
    assert_closed_cleanly(status, &dir);
    assert_eq!(fake.gateway_connections(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_stops_a_bot_still_asking_for_the_gateway_address() {
    let fake = FakeDiscord::start(support::config()).await;
    fake.fail_next("GET /gateway", 1_000, Fault::status(503));
    let bot = Bot::spawn_in(&fake, Arc::new(tempfile::tempdir().unwrap()), &[]);
    let logged = bot
        .wait_for_log("can't get the gateway address", STARTUP)
        .await;
    assert!(logged.is_some(), "the failure is logged");
    let (status, dir) = bot.terminate().await;
    assert_closed_cleanly(status, &dir);
    assert!(
        fake.gateway_log().is_empty(),
        "no gateway was tried without an address from DISCORD_API_URL"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_token_stops_the_bot_with_a_line_naming_the_key() {
    let fake = FakeDiscord::start(support::config()).await;
    // Well formed, so the config accepts it, but not the token the fake knows.
    let wrong = "OTAwMDAwMDAwMDAwMDAwMDAy.Gwrong.not-the-token-the-fake-expects-0000";
    assert_ne!(wrong, TOKEN);
    let bot = Bot::spawn_in(
        &fake,
        Arc::new(tempfile::tempdir().unwrap()),
        &[("DISCORD_TOKEN", wrong)],
    );
    let line = bot
        .wait_for_log("DISCORD_TOKEN was refused", STARTUP)
        .await
        .expect("the refusal is named");
    assert!(line.starts_with("configuration error: "), "{line}");
    let refused = fake
        .wait_for_gateway(
            |r| {
                matches!(
                    r.kind,
                    GatewayRecordKind::Identify {
                        token_ok: false,
                        ..
                    }
                )
            },
            STARTUP,
        )
        .await;
    assert!(refused.is_ok(), "the fake saw the wrong token");
    let log = bot.log_lines();
    let (status, _dir) = bot.wait_exit().await;
    assert_eq!(status.code(), Some(2), "{status:?}");
    for secret in wrong.split('.') {
        assert!(
            log.iter().all(|l| !l.contains(secret)),
            "a part of the token was logged: {log:?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_a_gateway_outage_the_bot_comes_back_and_answers() {
    let fake = FakeDiscord::start(support::config()).await;
    let _bot = Bot::start(&fake).await;
    fake.set_gateway_down(true);
    fake.drop_gateway(DropMode::Abort);
    // A second refusal shows the bot keeps trying through the outage.
    let refusals = AtomicUsize::new(0);
    fake.wait_for_gateway(
        |r| {
            matches!(r.kind, GatewayRecordKind::Refused)
                && refusals.fetch_add(1, Ordering::Relaxed) + 1 == 2
        },
        STARTUP,
    )
    .await
    .expect("the bot tries again during the outage");
    fake.set_gateway_down(false);
    fake.wait_for_gateway(
        |r| {
            r.connection >= 2
                && matches!(
                    r.kind,
                    GatewayRecordKind::Resume { accepted: true, .. }
                        | GatewayRecordKind::Identify { accepted: true, .. }
                )
        },
        STARTUP,
    )
    .await
    .expect("the bot reconnects once the gateway is back");
    let list = InteractionSpec::command("rally")
        .subcommand("list")
        .in_guild(SAMPLE_GUILD_ID)
        .in_channel(SAMPLE_GENERAL_ID)
        .by(SAMPLE_BOB_ID);
    let handle = fake.dispatch_interaction(list).expect("a session");
    let answer = handle.callback(WAIT).await.expect("the bot answers");
    let content = answer.data.expect("a message")["content"].clone();
    assert!(
        content.as_str().unwrap().starts_with("No upcoming rallies"),
        "{content}"
    );
    // Commands were registered once, not again after the outage.
    assert_eq!(fake.command_registrations(), 1);
}
