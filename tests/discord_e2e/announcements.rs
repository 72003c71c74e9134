//! Registration in a development server, and announcements.
use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dev_guild_registration_and_announcements() {
    use fake_discord::SAMPLE_ANNOUNCEMENTS_ID;
    let fake = fake_discord::FakeDiscord::start(support::config()).await;
    let guild = SAMPLE_GUILD_ID.to_string();
    let _bot = Bot::start_with(&fake, &[("DEV_GUILD_ID", &guild)]).await;
    // DEV_GUILD_ID registers in that server only.
    assert!(fake.commands(None).is_empty());
    let names: Vec<String> = fake
        .commands(Some(SAMPLE_GUILD_ID))
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(names, ["rally", "rallymod"]);

    let (when, _) = ahead(30, chrono_tz::America::New_York);
    let (_, data) = ask(
        &fake,
        rally("create")
            .by(SAMPLE_ALICE_ID)
            .string("title", "Vigil @here")
            .string("place", "Boston, MA")
            .string("when", &when),
    )
    .await;
    assert!(
        data["content"]
            .as_str()
            .unwrap()
            .starts_with("Rally #1 is listed"),
        "{data}"
    );

    let announce = |by: u64, channel: u64| {
        InteractionSpec::command("rallymod")
            .subcommand("announce")
            .string("rally", "1")
            .option("channel", fake_discord::OptionValue::Channel(channel))
            .by(by)
            .in_guild(SAMPLE_GUILD_ID)
            .in_channel(SAMPLE_GENERAL_ID)
    };
    // A member can't; a channel of another server is refused; nothing is posted.
    let (_, data) = ask(&fake, announce(SAMPLE_BOB_ID, SAMPLE_ANNOUNCEMENTS_ID)).await;
    assert!(
        data["content"]
            .as_str()
            .unwrap()
            .starts_with("Only moderators can announce"),
        "{data}"
    );
    let (_, data) = ask(&fake, announce(SAMPLE_ALICE_ID, OTHER_CHANNEL_ID)).await;
    assert!(
        data["content"]
            .as_str()
            .unwrap()
            .contains("not a channel of this server"),
        "{data}"
    );
    assert!(fake.messages_in(SAMPLE_ANNOUNCEMENTS_ID).is_empty());
    assert!(fake.messages_in(OTHER_CHANNEL_ID).is_empty());

    let (_, data) = ask(&fake, announce(SAMPLE_ALICE_ID, SAMPLE_ANNOUNCEMENTS_ID)).await;
    assert_eq!(
        data["content"],
        json!(format!("Announced in <#{SAMPLE_ANNOUNCEMENTS_ID}>."))
    );
    let posted = fake.messages_in(SAMPLE_ANNOUNCEMENTS_ID);
    assert_eq!(posted.len(), 1);
    assert_eq!(posted[0].embeds[0]["title"], json!("#1 Vigil @here"));
    assert_eq!(
        posted[0].components[0]["components"][0]["custom_id"],
        json!("rsvp:1:going")
    );
    assert_eq!(
        posted[0].allowed_mentions.as_ref().unwrap()["parse"],
        json!([]),
        "no pings from user text"
    );
}
