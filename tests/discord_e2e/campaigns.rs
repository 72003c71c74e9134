//! Campaigns through Discord: autocomplete and the overview.
use super::*;

fn campaign_command(sub: &str) -> InteractionSpec {
    InteractionSpec::command("rallymod")
        .subcommand_group("campaign")
        .subcommand(sub)
        .in_guild(SAMPLE_GUILD_ID)
        .in_channel(SAMPLE_GENERAL_ID)
}

async fn campaign_choices(
    fake: &fake_discord::FakeDiscord,
    spec: InteractionSpec,
    typed: &str,
) -> Vec<(String, String)> {
    let (kind, data) = ask(fake, spec.focused("campaign", typed, 3)).await;
    assert_eq!(kind, 8, "an autocomplete answer");
    data["choices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap().to_string(),
                c["value"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn campaigns_autocomplete_and_their_overview() {
    let fake = fake_discord::FakeDiscord::start(support::config()).await;
    let _bot = Bot::start(&fake).await;
    let rallymod = fake
        .commands(None)
        .into_iter()
        .find(|c| c.name == "rallymod")
        .unwrap();
    let group = rallymod.body["options"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["name"] == json!("campaign"))
        .expect("a campaign group")
        .clone();
    assert_eq!(group["type"], json!(2), "a subcommand group");
    let subs: Vec<&str> = group["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["name"].as_str().unwrap())
        .collect();
    assert_eq!(subs, ["create", "edit", "archive", "remove"]);

    let (when, _) = ahead(40, chrono_tz::America::Chicago);
    let day = &when[..10];
    let (_, data) = ask(
        &fake,
        campaign_command("create")
            .by(SAMPLE_ALICE_ID)
            .string("name", "Day of Action")
            .string("start", day)
            .string("end", day),
    )
    .await;
    assert_ne!(flags(&data) & EPHEMERAL, 0);
    assert!(
        data["content"]
            .as_str()
            .unwrap()
            .starts_with("Campaign \"Day of Action\" is created."),
        "{data}"
    );
    // Bob may not create one: the service checks, whatever Discord let through.
    let (_, data) = ask(
        &fake,
        campaign_command("create")
            .by(SAMPLE_BOB_ID)
            .string("name", "Bob's")
            .string("start", day)
            .string("end", day),
    )
    .await;
    assert!(
        data["content"]
            .as_str()
            .unwrap()
            .starts_with("Only moderators can create campaigns"),
        "{data}"
    );

    let create_field = || {
        InteractionSpec::autocomplete("rally")
            .subcommand("create")
            .by(SAMPLE_BOB_ID)
            .in_guild(SAMPLE_GUILD_ID)
    };
    let choices = campaign_choices(&fake, create_field(), "day").await;
    assert_eq!(choices.len(), 1, "{choices:?}");
    assert_eq!(choices[0].1, "Day of Action");
    // Nothing crosses servers.
    let elsewhere = InteractionSpec::autocomplete("rally")
        .subcommand("create")
        .by(DAVE_ID)
        .in_guild(OTHER_GUILD_ID);
    assert!(campaign_choices(&fake, elsewhere, "day").await.is_empty());

    let (_, data) = ask(
        &fake,
        rally("create")
            .by(SAMPLE_ALICE_ID)
            .string("title", "Austin for the day")
            .string("place", "Austin, TX")
            .string("when", &when)
            .string("campaign", "Day of Action"),
    )
    .await;
    assert_eq!(
        data["embeds"][0]["title"],
        json!("#1 Austin for the day"),
        "{data}"
    );

    let (_, data) = ask(
        &fake,
        rally("campaign")
            .by(SAMPLE_BOB_ID)
            .string("campaign", "day of action"),
    )
    .await;
    assert_eq!(
        flags(&data) & EPHEMERAL,
        0,
        "the overview is public: {data}"
    );
    let embed = &data["embeds"][0];
    assert_eq!(embed["title"], json!("Campaign: Day of Action"));
    assert!(
        embed["description"]
            .as_str()
            .unwrap()
            .contains("**1** rallies in **1** cities and **1** states"),
        "{embed}"
    );
    assert_eq!(
        embed["fields"][0]["name"],
        json!("Texas · Austin"),
        "{embed}"
    );

    // Archived: gone from the choices for joining, still there for looking up.
    ask(
        &fake,
        campaign_command("archive")
            .by(SAMPLE_ALICE_ID)
            .string("campaign", "Day of Action"),
    )
    .await;
    assert!(campaign_choices(&fake, create_field(), "").await.is_empty());
    let lookup = InteractionSpec::autocomplete("rally")
        .subcommand("campaign")
        .by(SAMPLE_BOB_ID)
        .in_guild(SAMPLE_GUILD_ID);
    let choices = campaign_choices(&fake, lookup, "").await;
    assert!(choices[0].0.ends_with("(archived)"), "{choices:?}");
}
