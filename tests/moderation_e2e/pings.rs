//! Settings that name missing permissions, and whom announcements ping.
use super::*;

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
