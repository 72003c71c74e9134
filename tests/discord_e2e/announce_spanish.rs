//! An announcement in a server whose language is Spanish: the posted card is Spanish for
//! everyone, the English moderator who asked hears back in English, and a click keeps the
//! card Spanish.
use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn announce_in_a_spanish_server_posts_a_spanish_card_and_confirms_in_english() {
    use fake_discord::SAMPLE_ANNOUNCEMENTS_ID;
    let fake = fake_discord::FakeDiscord::start(support::config()).await;
    let _bot = Bot::start(&fake).await;

    let (when, _) = ahead(30, chrono_tz::America::Chicago);
    let (_, data) = ask(
        &fake,
        rally("create")
            .by(SAMPLE_ALICE_ID)
            .string("title", "Vigilia")
            .string("place", "Austin, TX")
            .string("when", &when),
    )
    .await;
    assert!(
        data["content"].as_str().unwrap().starts_with("Rally #1"),
        "{data}"
    );
    let moderator = |sub: &str| {
        InteractionSpec::command("rallymod")
            .subcommand(sub)
            .by(SAMPLE_ALICE_ID)
            .in_guild(SAMPLE_GUILD_ID)
            .in_channel(SAMPLE_GENERAL_ID)
    };
    let (_, data) = ask(&fake, moderator("settings").string("language", "es")).await;
    assert_eq!(flags(&data), EPHEMERAL, "{data}");

    let (_, data) = ask(
        &fake,
        moderator("announce").string("rally", "1").option(
            "channel",
            fake_discord::OptionValue::Channel(SAMPLE_ANNOUNCEMENTS_ID),
        ),
    )
    .await;
    assert_eq!(
        data["content"],
        json!(format!("Announced in <#{SAMPLE_ANNOUNCEMENTS_ID}>.")),
        "the moderator's Discord is in English"
    );
    let posted = fake.messages_in(SAMPLE_ANNOUNCEMENTS_ID);
    assert_eq!(posted.len(), 1);
    assert_eq!(posted[0].embeds[0]["fields"][0]["name"], json!("Cuándo"));
    let labels = |components: &Value| -> Vec<String> {
        components[0]["components"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["label"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        labels(&json!(posted[0].components)),
        ["Voy (0)", "Me interesa (0)", "No puedo ir"]
    );

    // An English speaker's click: the card everyone sees stays Spanish.
    let click = fake
        .dispatch_interaction(
            InteractionSpec::button("rsvp:1:going")
                .on_message(posted[0].id)
                .by(SAMPLE_BOB_ID)
                .in_guild(SAMPLE_GUILD_ID)
                .in_channel(SAMPLE_ANNOUNCEMENTS_ID),
        )
        .unwrap();
    let update = click.callback(WAIT).await.unwrap();
    let data = update.data.unwrap();
    assert_eq!(
        labels(&data["components"]),
        ["Voy (1)", "Me interesa (0)", "No puedo ir"],
        "{data}"
    );
    let confirm = click.wait_for_followups(1, WAIT).await.unwrap();
    assert!(
        confirm[0]
            .content
            .starts_with("You're going to #1 Vigilia."),
        "{}",
        confirm[0].content
    );
}
