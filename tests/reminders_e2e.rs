//! Reminders from the real bot binary, counted at the fake Discord.
mod support;

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{Duration, Utc};
use fake_discord::{FakeDiscord, SAMPLE_ALICE_ID, SAMPLE_GENERAL_ID, SAMPLE_GUILD_ID};
use rallybot::domain::Actor;
use rallybot::service::{ManualClock, NewRally, Service};
use rallybot::store::Store;
use serde_json::json;
use support::{Bot, WAIT};

/// Creates `count` listed rallies straight through the service, as if made a few minutes ago,
/// whose 1-hour reminders are already due (their rallies start 58 minutes from now).
async fn due_reminders(dir: &tempfile::TempDir, count: usize) {
    due_reminders_in(dir, count, SAMPLE_GENERAL_ID).await
}

async fn due_reminders_in(dir: &tempfile::TempDir, count: usize, channel: u64) {
    let store = Store::open(&Bot::database_url(dir)).await.unwrap();
    let made_at = Utc::now() - Duration::minutes(5);
    let service = Service::new(store.clone(), Arc::new(ManualClock::new(made_at)));
    let moderator = Actor {
        user_id: SAMPLE_ALICE_ID as i64,
        server_id: SAMPLE_GUILD_ID as i64,
        is_moderator: true,
    };
    for i in 0..count {
        let new = NewRally {
            // Distinct per channel: the same title, place and day would be a duplicate.
            title: format!("Rally {i} in {channel} @everyone"),
            place: "Austin, TX".into(),
            when: "in 63 minutes".into(),
            ..Default::default()
        };
        service
            .create_rally_in(&moderator, Some(channel as i64), new)
            .await
            .unwrap();
    }
    store.close().await;
}

/// Messages in #general by nonce.
fn by_nonce(fake: &FakeDiscord) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for m in fake.messages_in(SAMPLE_GENERAL_ID) {
        *counts
            .entry(m.nonce.clone().unwrap_or_default())
            .or_default() += 1;
    }
    counts
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn due_reminders_are_posted_once_each_with_no_pings() {
    let fake = FakeDiscord::start(support::config()).await;
    let dir = Arc::new(tempfile::tempdir().unwrap());
    due_reminders(&dir, 3).await;
    let _bot = Bot::start_in(&fake, dir, &[]).await;
    fake.wait_for_message(|_| fake.messages_in(SAMPLE_GENERAL_ID).len() >= 3, WAIT)
        .await
        .expect("three reminders arrive");
    let messages = fake.messages_in(SAMPLE_GENERAL_ID);
    assert_eq!(messages.len(), 3);
    for m in &messages {
        assert!(m.content.starts_with("Reminder: #"), "{}", m.content);
        assert!(m.content.contains("starts in 1 hour"), "{}", m.content);
        assert_eq!(m.allowed_mentions.as_ref().unwrap()["parse"], json!([]));
        assert_eq!(
            m.components[0]["components"][0]["label"],
            json!("Going (0)")
        );
    }
    assert_eq!(by_nonce(&fake).len(), 3, "three distinct reminders");
}

/// Reminder messages anywhere, by nonce.
fn all_by_nonce(fake: &FakeDiscord) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for m in fake.messages() {
        if let Some(nonce) = m.nonce.filter(|n| n.starts_with("rallybot-")) {
            *counts.entry(nonce).or_default() += 1;
        }
    }
    counts
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_mid_burst_and_restarted_every_reminder_arrives_exactly_once() {
    // 300 reminders over 60 channels: five per channel, Discord's per-channel burst.
    const CHANNELS: u64 = 60;
    const PER_CHANNEL: usize = 5;
    const COUNT: usize = CHANNELS as usize * PER_CHANNEL;
    let first_channel = 940_000_000_000_000_001;
    let mut config = support::config();
    let mut guild = config.guilds.remove(0);
    for i in 0..CHANNELS {
        guild = guild.channel(fake_discord::ChannelSpec::text(
            first_channel + i,
            format!("city-{i}"),
        ));
    }
    config.guilds.insert(0, guild);
    let fake = FakeDiscord::start(config).await;
    // Discord's global limit; the bot paces itself under it.
    fake.set_global_rate_limit(Some(50));
    let dir = Arc::new(tempfile::tempdir().unwrap());
    for i in 0..CHANNELS {
        due_reminders_in(&dir, PER_CHANNEL, first_channel + i).await;
    }
    let mut bot = Bot::start_in(&fake, dir.clone(), &[]).await;
    fake.wait_for_message(|_| all_by_nonce(&fake).len() >= 100, WAIT)
        .await
        .expect("the burst is under way");
    bot.child.kill().unwrap(); // SIGKILL
    bot.child.wait().unwrap();
    let before_restart = all_by_nonce(&fake).len();
    assert!(
        before_restart < COUNT,
        "killed mid-burst ({before_restart} sent)"
    );
    drop(bot);

    let _bot = Bot::start_in(&fake, dir, &[]).await;
    fake.wait_for_message(|_| all_by_nonce(&fake).len() >= COUNT, WAIT)
        .await
        .expect("every reminder arrives after the restart");
    let counts = all_by_nonce(&fake);
    assert_eq!(counts.len(), COUNT, "every reminder arrived");
    assert!(counts.values().all(|n| *n == 1), "none twice: {counts:?}");
    let limited = fake.requests().iter().filter(|r| r.status == 429).count();
    assert_eq!(limited, 0, "paced under the global limit");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn storms_of_429_and_500_delay_reminders_and_a_deleted_channel_is_reported() {
    use fake_discord::{Fault, InteractionSpec};
    const GONE: u64 = 911_000_000_000_000_099;
    let fake = FakeDiscord::start(support::config()).await;
    let dir = Arc::new(tempfile::tempdir().unwrap());
    due_reminders(&dir, 3).await;
    due_reminders_in(&dir, 1, GONE).await;
    fake.fail_next("POST /channels/*/messages", 2, Fault::rate_limited(1.0));
    fake.fail_next("POST /channels/*/messages", 2, Fault::status(502));
    let bot = Bot::start_in(&fake, dir, &[]).await;
    fake.wait_for_message(|_| fake.messages_in(SAMPLE_GENERAL_ID).len() >= 3, WAIT)
        .await
        .expect("the reminders get through the storm");
    assert_eq!(fake.pending_faults(), 0, "every fault was met");
    assert_eq!(by_nonce(&fake).len(), 3);
    assert_eq!(fake.messages_in(SAMPLE_GENERAL_ID).len(), 3, "none twice");

    // The reminder for the deleted channel failed for good and moderators can see why.
    let status = InteractionSpec::command("rallymod")
        .subcommand("status")
        .by(SAMPLE_ALICE_ID)
        .in_guild(SAMPLE_GUILD_ID)
        .in_channel(SAMPLE_GENERAL_ID);
    // The bot logs a failure once its outcome is written: then status must show it.
    bot.wait_for_log("outbox item failed", WAIT)
        .await
        .expect("the failure is recorded");
    let handle = fake.dispatch_interaction(status).unwrap();
    let text = handle
        .callback(WAIT)
        .await
        .unwrap()
        .data
        .unwrap()
        .to_string();
    assert!(text.contains("Reminders that failed (1)"), "{text}");
    assert!(text.contains("10003") || text.contains("404"), "{text}");
    assert!(text.contains(&format!("<#{GONE}>")), "{text}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn closed_dms_are_not_retried_and_the_person_is_told_once() {
    use fake_discord::{InteractionSpec, SAMPLE_BOB_ID};
    let fake = FakeDiscord::start(support::config()).await;
    fake.set_dms_closed(SAMPLE_BOB_ID, true);
    let dir = Arc::new(tempfile::tempdir().unwrap());
    due_reminders(&dir, 1).await;
    {
        // Bob said he is going, a few minutes ago.
        let store = Store::open(&Bot::database_url(&dir)).await.unwrap();
        let service = Service::new(
            store.clone(),
            Arc::new(ManualClock::new(Utc::now() - Duration::minutes(4))),
        );
        let bob = Actor {
            user_id: SAMPLE_BOB_ID as i64,
            server_id: SAMPLE_GUILD_ID as i64,
            is_moderator: false,
        };
        service
            .rsvp(&bob, 1, rallybot::domain::RsvpChoice::Going)
            .await
            .unwrap();
        store.close().await;
    }
    let bot = Bot::start_in(&fake, dir, &[]).await;
    let refused = fake
        .wait_for_request(|r| r.method == "POST" && r.status == 403, WAIT)
        .await
        .expect("the DM is refused");
    assert!(refused.path.contains("/channels/"), "{}", refused.path);
    let mine = || {
        InteractionSpec::command("rally")
            .subcommand("mine")
            .by(SAMPLE_BOB_ID)
            .in_guild(SAMPLE_GUILD_ID)
            .in_channel(SAMPLE_GENERAL_ID)
    };
    // The bot logs the failure once it is recorded; Bob hears of it on his next command.
    bot.wait_for_log("outbox item failed", WAIT)
        .await
        .expect("the refusal is recorded");
    let told = fake
        .dispatch_interaction(mine())
        .unwrap()
        .callback(WAIT)
        .await
        .unwrap()
        .data
        .unwrap()["content"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(
        told.contains(
            "Your reminder for rally #1 couldn't be sent: your direct messages are closed"
        ),
        "{told}"
    );
    let again = fake
        .dispatch_interaction(mine())
        .unwrap()
        .callback(WAIT)
        .await
        .unwrap()
        .data
        .unwrap();
    assert!(
        !again.to_string().contains("couldn't be sent"),
        "told once: {again}"
    );
    let dm_posts = fake
        .requests()
        .iter()
        .filter(|r| r.method == "POST" && r.status == 403)
        .count();
    assert_eq!(dm_posts, 1, "a refused DM is not retried");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reminder_dm_is_in_the_language_its_reader_last_used() {
    use fake_discord::SAMPLE_BOB_ID;
    use rallybot::domain::{Caller, Origin, RsvpChoice};
    use rallybot::i18n::Lang;
    use rallybot::service::request::Request;
    let fake = FakeDiscord::start(support::config()).await;
    let dir = Arc::new(tempfile::tempdir().unwrap());
    due_reminders(&dir, 1).await;
    {
        // A few minutes ago Bob, whose Discord is in Spanish, said he is going.
        let store = Store::open(&Bot::database_url(&dir)).await.unwrap();
        let service = Service::new(
            store.clone(),
            Arc::new(ManualClock::new(Utc::now() - Duration::minutes(4))),
        );
        let bob = Caller {
            user_id: SAMPLE_BOB_ID as i64,
            origin: Origin {
                server_id: Some(SAMPLE_GUILD_ID as i64),
                channel_id: Some(SAMPLE_GENERAL_ID as i64),
                server_name: None,
            },
            lang: Lang::Es,
            ..Default::default()
        };
        let rsvp = Request::Rsvp {
            rally: 1,
            choice: RsvpChoice::Going,
        };
        service.execute(&bob, rsvp).await.unwrap();
        store.close().await;
    }
    let _bot = Bot::start_in(&fake, dir, &[]).await;
    // The server is English: its channel reminder is.
    fake.wait_for_message(|_| !fake.messages_in(SAMPLE_GENERAL_ID).is_empty(), WAIT)
        .await
        .expect("the channel reminder is posted");
    let posted = &fake.messages_in(SAMPLE_GENERAL_ID)[0];
    assert!(
        posted.content.starts_with("Reminder: #1"),
        "{}",
        posted.content
    );
    assert!(posted.embeds[0]["fields"].to_string().contains("When"));

    // Bob's comes in Spanish, from the language he last used with the bot.
    let in_dms = || {
        fake.dm_channel(SAMPLE_BOB_ID)
            .map(|c| fake.messages_in(c))
            .unwrap_or_default()
    };
    fake.wait_for_message(|_| !in_dms().is_empty(), WAIT)
        .await
        .expect("Bob's reminder arrives");
    let reminder = &in_dms()[0];
    assert!(
        reminder.content.starts_with("Recordatorio: #1"),
        "{}",
        reminder.content
    );
    let fields = reminder.embeds[0]["fields"].to_string();
    assert!(
        fields.contains("Cuándo") && fields.contains("Hora local: "),
        "{fields}"
    );
    assert_eq!(
        reminder.components[0]["components"][0]["label"],
        json!("Voy (1)")
    );
}
