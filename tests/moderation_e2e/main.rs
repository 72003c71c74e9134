//! Moderation end to end: the real bot against the fake Discord.
#[path = "../support/mod.rs"]
mod support;

mod pings;
mod queue;

use fake_discord::{
    InteractionSpec, MemberSpec, UserSpec, SAMPLE_ALICE_ID, SAMPLE_ANNOUNCEMENTS_ID, SAMPLE_BOB_ID,
    SAMPLE_GENERAL_ID, SAMPLE_GUILD_ID,
};
use serde_json::Value;
use support::{Bot, WAIT};

/// "erin", a plain member of the sample server.
const ERIN_ID: u64 = 920_000_000_000_000_042;

fn config() -> fake_discord::FakeConfig {
    let mut config = support::config();
    let guild = config
        .guilds
        .iter_mut()
        .find(|g| g.id == SAMPLE_GUILD_ID)
        .unwrap();
    guild
        .members
        .push(MemberSpec::new(UserSpec::new(ERIN_ID, "erin")));
    config
}

/// A local start some weeks ahead of today (the bot runs on the real clock), and its instant.
fn ahead(days: i64, tz: chrono_tz::Tz) -> (String, i64) {
    use chrono::TimeZone;
    let date = chrono::Utc::now().with_timezone(&tz).date_naive() + chrono::Duration::days(days);
    let local = date.and_hms_opt(18, 0, 0).unwrap();
    let instant = tz.from_local_datetime(&local).single().unwrap().timestamp();
    (local.format("%Y-%m-%d %H:%M").to_string(), instant)
}

fn cmd(name: &str, sub: &str, by: u64) -> InteractionSpec {
    InteractionSpec::command(name)
        .subcommand(sub)
        .by(by)
        .in_guild(SAMPLE_GUILD_ID)
        .in_channel(SAMPLE_GENERAL_ID)
}

async fn ask(fake: &fake_discord::FakeDiscord, spec: InteractionSpec) -> Value {
    let handle = fake.dispatch_interaction(spec).unwrap();
    let callback = handle.callback(WAIT).await.expect("the bot answers");
    callback.data.unwrap_or(Value::Null)
}

fn content(data: &Value) -> &str {
    data["content"].as_str().unwrap_or("")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_moved_then_cancelled_rally_reaches_everyone_and_every_card() {
    let fake = fake_discord::FakeDiscord::start(config()).await;
    let bot = Bot::start(&fake).await;
    let tz = chrono_tz::America::Chicago;
    let (when, old) = ahead(30, tz);
    let data = ask(
        &fake,
        cmd("rally", "create", SAMPLE_ALICE_ID)
            .string("title", "Keep Families Together")
            .string("place", "Austin, TX")
            .string("when", &when),
    )
    .await;
    assert!(content(&data).starts_with("Rally #1 is listed"), "{data}");
    for (who, status) in [(SAMPLE_BOB_ID, "going"), (ERIN_ID, "interested")] {
        let data = ask(
            &fake,
            cmd("rally", "rsvp", who)
                .string("rally", "1")
                .string("status", status),
        )
        .await;
        assert!(content(&data).starts_with("You're"), "{data}");
    }
    let data = ask(
        &fake,
        cmd("rallymod", "announce", SAMPLE_ALICE_ID)
            .string("rally", "1")
            .option(
                "channel",
                fake_discord::OptionValue::Channel(SAMPLE_ANNOUNCEMENTS_ID),
            ),
    )
    .await;
    assert!(content(&data).starts_with("Announced"), "{data}");
    let card = fake.messages_in(SAMPLE_ANNOUNCEMENTS_ID)[0].clone();

    // The organiser moves it a day later.
    let (new_when, new) = ahead(31, tz);
    let data = ask(
        &fake,
        cmd("rally", "edit", SAMPLE_ALICE_ID)
            .string("rally", "1")
            .string("when", &new_when),
    )
    .await;
    assert!(!content(&data).is_empty(), "{data}");
    let (was, now) = (format!("was <t:{old}:F>"), format!("now <t:{new}:F>"));
    for user in [SAMPLE_BOB_ID, ERIN_ID] {
        let dm = fake
            .wait_for_message(
                |m| Some(m.channel_id) == fake.dm_channel(user) && m.content.contains(&now),
                WAIT,
            )
            .await
            .unwrap_or_else(|e| {
                panic!(
                    "everyone who answered hears of the new time: {e} {:?}",
                    fake.messages()
                        .iter()
                        .map(|m| (m.channel_id, m.content.clone()))
                        .collect::<Vec<_>>()
                )
            });
        assert!(dm.content.contains(&was), "old, then new: {}", dm.content);
        assert_eq!(
            dm.allowed_mentions.as_ref().unwrap()["parse"],
            serde_json::json!([])
        );
    }
    let edited = fake
        .wait_for_message(|m| m.id == card.id && !m.edits.is_empty(), WAIT)
        .await
        .expect("the announcement card is edited in place");
    let fields = serde_json::to_string(&edited.embeds).unwrap();
    assert!(fields.contains(&format!("<t:{new}:F>")), "{fields}");
    assert_eq!(
        fake.messages_in(SAMPLE_ANNOUNCEMENTS_ID).len(),
        1,
        "edited, not reposted"
    );

    // Erin closes her DMs; then the rally is cancelled.
    fake.set_dms_closed(ERIN_ID, true);
    let data = ask(
        &fake,
        cmd("rally", "cancel", SAMPLE_ALICE_ID)
            .string("rally", "1")
            .string("reason", "storm warning"),
    )
    .await;
    assert!(content(&data).contains("cancelled"), "{data}");
    let dm = fake
        .wait_for_message(
            |m| {
                Some(m.channel_id) == fake.dm_channel(SAMPLE_BOB_ID)
                    && m.content.contains("is cancelled")
            },
            WAIT,
        )
        .await
        .expect("Bob hears it is cancelled");
    assert!(dm.content.contains("storm warning"), "{}", dm.content);
    let edited = fake
        .wait_for_message(|m| m.id == card.id && m.edits.len() >= 2, WAIT)
        .await
        .expect("the card shows the cancellation");
    assert!(
        edited.components.is_empty(),
        "no RSVP buttons on a cancelled rally"
    );
    assert!(serde_json::to_string(&edited.embeds)
        .unwrap()
        .contains("Cancelled"));

    // Her DM was refused (403, code 50007), and the bot has recorded that.
    fake.wait_for_request(
        |r| {
            r.method == "POST"
                && r.status == 403
                && Some(r.path.clone())
                    == fake
                        .dm_channel(ERIN_ID)
                        .map(|c| format!("/api/v10/channels/{c}/messages"))
        },
        WAIT,
    )
    .await
    .expect("Erin's DM is refused");
    // The bot logs the failure once it has recorded it.
    let line = bot
        .wait_for_log("outbox item failed", WAIT)
        .await
        .expect("the failure is recorded");
    assert!(line.contains("direct messages are closed"), "{line}");

    // Erin is told, privately, the next time she uses the bot.
    let handle = fake
        .dispatch_interaction(cmd("rally", "list", ERIN_ID))
        .unwrap();
    handle.callback(WAIT).await.unwrap();
    // A public list, so the notice comes as a private follow-up.
    let followups = handle.wait_for_followups(1, WAIT).await.unwrap();
    assert!(followups[0].is_ephemeral());
    assert!(
        followups[0]
            .content
            .contains("a direct message about rally")
            && followups[0]
                .content
                .contains("your direct messages are closed")
            && followups[0].content.contains("rally:1"),
        "{}",
        followups[0].content
    );
}
