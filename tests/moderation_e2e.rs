//! Moderation end to end: the real bot against the fake Discord.
mod support;

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

/// The bot's DMs to `user` so far.
fn dms_to(fake: &fake_discord::FakeDiscord, user: u64) -> Vec<String> {
    let Some(channel) = fake.dm_channel(user) else {
        return Vec::new();
    };
    fake.messages_in(channel)
        .into_iter()
        .map(|m| m.content)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_queue_approves_and_rejects_with_a_reason_through_buttons_and_a_modal() {
    use fake_discord::SAMPLE_ANNOUNCEMENTS_ID as MOD_CHANNEL;
    let fake = fake_discord::FakeDiscord::start(config()).await;
    let _bot = Bot::start(&fake).await;
    let data = ask(
        &fake,
        cmd("rallymod", "settings", SAMPLE_ALICE_ID).option(
            "moderator_channel",
            fake_discord::OptionValue::Channel(MOD_CHANNEL),
        ),
    )
    .await;
    assert!(
        serde_json::to_string(&data)
            .unwrap()
            .contains(&format!("<#{MOD_CHANNEL}>")),
        "{data}"
    );
    for (title, days) in [("First", 20), ("Second", 21)] {
        let data = ask(
            &fake,
            cmd("rally", "create", SAMPLE_BOB_ID)
                .string("title", title)
                .string("place", "Austin, TX")
                .string("when", &ahead(days, chrono_tz::America::Chicago).0),
        )
        .await;
        assert!(content(&data).contains("submitted"), "{data}");
    }
    // Each submission is posted for the moderators, with its buttons, through the outbox.
    fake.wait_for_message(|_| fake.messages_in(MOD_CHANNEL).len() >= 2, WAIT)
        .await
        .expect("both submissions are posted for the moderators");
    let notices = fake.messages_in(MOD_CHANNEL);
    assert_eq!(notices.len(), 2);
    assert!(
        notices[0].content.starts_with("New submission #1"),
        "{}",
        notices[0].content
    );
    assert_eq!(
        notices[0].components[0]["components"][0]["custom_id"],
        "approve:1"
    );
    assert_eq!(
        notices[0].components[0]["components"][1]["custom_id"],
        "reject:1"
    );

    let data = ask(&fake, cmd("rallymod", "queue", SAMPLE_ALICE_ID)).await;
    assert_ne!(
        data["flags"].as_u64().unwrap() & 64,
        0,
        "the queue is private"
    );
    let rows = data["components"].as_array().unwrap();
    assert_eq!(
        rows.len(),
        2,
        "one row of buttons per pending rally: {data}"
    );

    // A member's click is refused and changes nothing.
    // Each rally's buttons are on its own notice.
    let click = |by: u64, id: &str| {
        let notice = if id.ends_with(":1") {
            &notices[0]
        } else {
            &notices[1]
        };
        InteractionSpec::button(id)
            .by(by)
            .in_guild(SAMPLE_GUILD_ID)
            .in_channel(MOD_CHANNEL)
            .on_message(notice.id)
    };
    let data = ask(&fake, click(SAMPLE_BOB_ID, "approve:1")).await;
    assert!(content(&data).starts_with("Only moderators"), "{data}");
    assert_ne!(data["flags"].as_u64().unwrap() & 64, 0);
    let data = ask(&fake, click(SAMPLE_BOB_ID, "reject:1")).await;
    assert!(content(&data).starts_with("Only moderators"), "{data}");

    // Approve: the queue shows again without it, and the organiser hears.
    let handle = fake
        .dispatch_interaction(click(SAMPLE_ALICE_ID, "approve:1"))
        .unwrap();
    let callback = handle.callback(WAIT).await.unwrap();
    assert_eq!(callback.kind, 7, "the notice is updated");
    assert!(callback.content().unwrap().contains("#1 First is approved"));
    let notice = fake.message(notices[0].id).unwrap();
    assert!(notice.components.is_empty(), "decided: no more buttons");
    assert!(
        notice.content.contains(&format!("<@{SAMPLE_ALICE_ID}>")),
        "says who: {}",
        notice.content
    );
    fake.wait_for_message(
        |m| {
            Some(m.channel_id) == fake.dm_channel(SAMPLE_BOB_ID)
                && m.content.contains("is approved")
        },
        WAIT,
    )
    .await
    .expect("the organiser is told of the approval");

    // Reject: a modal asks why; the reason reaches the organiser.
    let handle = fake
        .dispatch_interaction(click(SAMPLE_ALICE_ID, "reject:2"))
        .unwrap();
    let callback = handle.callback(WAIT).await.unwrap();
    assert_eq!(callback.kind, 9, "a modal");
    let modal = callback.data.unwrap();
    assert_eq!(modal["custom_id"], "rejectmodal:2");
    assert_eq!(
        modal["components"][0]["components"][0]["custom_id"],
        "reason"
    );
    let data = ask(
        &fake,
        InteractionSpec::modal("rejectmodal:2")
            .field("reason", "Please add an address")
            .by(SAMPLE_ALICE_ID)
            .in_guild(SAMPLE_GUILD_ID)
            .in_channel(MOD_CHANNEL),
    )
    .await;
    assert!(content(&data).contains("#2 Second is rejected"), "{data}");
    let notice = fake.message(notices[1].id).unwrap();
    assert!(
        notice.components.is_empty(),
        "the notice says it is decided"
    );
    assert!(notice.content.contains("is rejected"), "{}", notice.content);
    fake.wait_for_message(
        |m| {
            Some(m.channel_id) == fake.dm_channel(SAMPLE_BOB_ID)
                && m.content.contains("not approved")
        },
        WAIT,
    )
    .await
    .expect("the organiser is told of the rejection");
    assert!(
        dms_to(&fake, SAMPLE_BOB_ID)
            .iter()
            .any(|m| m.contains("Please add an address")),
        "{:?}",
        dms_to(&fake, SAMPLE_BOB_ID)
    );
    let data = ask(&fake, cmd("rallymod", "queue", SAMPLE_ALICE_ID)).await;
    assert_eq!(content(&data), "Nothing is waiting for approval.");
    // Both decisions are in the audit log, newest first.
    let data = ask(&fake, cmd("rallymod", "log", SAMPLE_ALICE_ID)).await;
    let names: Vec<&str> = data["embeds"][0]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(names[..2], ["reject #2", "approve #1"], "{data}");
}

/// `#muted`: the bot may read it but not post (a member overwrite denies it).
const MUTED_ID: u64 = 911_000_000_000_000_077;
const PING_ROLE_ID: u64 = 912_000_000_000_000_077;

fn config_with_muted_channel(mention_everyone: bool) -> fake_discord::FakeConfig {
    use fake_discord::{ChannelSpec, OverwriteSpec, OverwriteTarget, RoleSpec};
    let mut config = config();
    if mention_everyone {
        config.bot_role_permissions |= 1 << 17;
    }
    let bot = config.bot.id;
    let guild = config
        .guilds
        .iter_mut()
        .find(|g| g.id == SAMPLE_GUILD_ID)
        .unwrap();
    let mut muted = ChannelSpec::text(MUTED_ID, "muted");
    muted.overwrites.push(OverwriteSpec {
        target: OverwriteTarget::Member(bot),
        allow: 0,
        deny: (1 << 11) | (1 << 14),
    });
    guild.channels.push(muted);
    guild
        .roles
        .push(RoleSpec::new(PING_ROLE_ID, "Rally alerts", 0));
    config
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn settings_name_missing_permissions_and_announcements_ping_only_the_role() {
    let fake = fake_discord::FakeDiscord::start(config_with_muted_channel(false)).await;
    let _bot = Bot::start(&fake).await;
    let settings = |option: &str, value: fake_discord::OptionValue| {
        cmd("rallymod", "settings", SAMPLE_ALICE_ID).option(option, value)
    };
    use fake_discord::OptionValue::{Channel, Role};
    let data = ask(&fake, settings("announcement_channel", Channel(MUTED_ID))).await;
    assert_eq!(
        content(&data),
        format!("I can't post in <#{MUTED_ID}>: I'm missing Send Messages, Embed Links. Give me that in the channel's permissions and try again.")
    );
    assert_ne!(data["flags"].as_u64().unwrap() & 64, 0);
    let data = ask(&fake, cmd("rallymod", "settings", SAMPLE_ALICE_ID)).await;
    assert!(
        !serde_json::to_string(&data)
            .unwrap()
            .contains(&MUTED_ID.to_string()),
        "not saved: {data}"
    );
    let data = ask(
        &fake,
        settings("announcement_channel", Channel(SAMPLE_ANNOUNCEMENTS_ID))
            .option("announcement_role", Role(PING_ROLE_ID)),
    )
    .await;
    let shown = serde_json::to_string(&data).unwrap();
    assert!(
        shown.contains(&format!("<#{SAMPLE_ANNOUNCEMENTS_ID}>"))
            && shown.contains(&format!("<@&{PING_ROLE_ID}>")),
        "{shown}"
    );

    let (when, _) = ahead(25, chrono_tz::America::Chicago);
    ask(
        &fake,
        cmd("rally", "create", SAMPLE_ALICE_ID)
            .string("title", "@everyone <@&912000000000000001> rally")
            .string("place", "Austin, TX")
            .string("when", &when),
    )
    .await;
    // @everyone needs a permission this bot lacks: refused, naming it; nothing posted.
    let data = ask(
        &fake,
        cmd("rallymod", "announce", SAMPLE_ALICE_ID)
            .string("rally", "1")
            .string("ping", "everyone"),
    )
    .await;
    assert!(content(&data).contains("Mention @everyone"), "{data}");
    assert!(fake.messages_in(SAMPLE_ANNOUNCEMENTS_ID).is_empty());
    // By default the announcement role, and exactly that role, may be pinged.
    let data = ask(
        &fake,
        cmd("rallymod", "announce", SAMPLE_ALICE_ID).string("rally", "1"),
    )
    .await;
    assert!(content(&data).starts_with("Announced"), "{data}");
    let posted = fake.messages_in(SAMPLE_ANNOUNCEMENTS_ID);
    assert_eq!(posted[0].content, format!("<@&{PING_ROLE_ID}>"));
    let mentions = posted[0].allowed_mentions.clone().unwrap();
    assert_eq!(mentions["parse"], serde_json::json!([]), "{mentions}");
    assert_eq!(
        mentions["roles"],
        serde_json::json!([PING_ROLE_ID.to_string()]),
        "{mentions}"
    );
    // A member can't announce, with or without a ping.
    let data = ask(
        &fake,
        cmd("rallymod", "announce", SAMPLE_BOB_ID)
            .string("rally", "1")
            .string("ping", "everyone"),
    )
    .await;
    assert!(content(&data).starts_with("Only moderators"), "{data}");
    assert_eq!(fake.messages_in(SAMPLE_ANNOUNCEMENTS_ID).len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn everyone_is_pinged_only_when_asked_and_the_bot_may() {
    let fake = fake_discord::FakeDiscord::start(config_with_muted_channel(true)).await;
    let _bot = Bot::start(&fake).await;
    let (when, _) = ahead(25, chrono_tz::America::Chicago);
    ask(
        &fake,
        cmd("rally", "create", SAMPLE_ALICE_ID)
            .string("title", "Vigil")
            .string("place", "Austin, TX")
            .string("when", &when),
    )
    .await;
    let announce = |ping: Option<&str>| {
        let spec = cmd("rallymod", "announce", SAMPLE_ALICE_ID)
            .string("rally", "1")
            .option(
                "channel",
                fake_discord::OptionValue::Channel(SAMPLE_ANNOUNCEMENTS_ID),
            );
        match ping {
            Some(p) => spec.string("ping", p),
            None => spec,
        }
    };
    ask(&fake, announce(None)).await;
    ask(&fake, announce(Some("everyone"))).await;
    let posted = fake.messages_in(SAMPLE_ANNOUNCEMENTS_ID);
    assert_eq!(posted.len(), 2);
    assert_eq!(posted[0].content, "", "no role set, nobody asked: no ping");
    assert_eq!(
        posted[0].allowed_mentions.as_ref().unwrap()["parse"],
        serde_json::json!([])
    );
    assert_eq!(posted[1].content, "@everyone");
    assert_eq!(
        posted[1].allowed_mentions.as_ref().unwrap()["parse"],
        serde_json::json!(["everyone"])
    );
}
