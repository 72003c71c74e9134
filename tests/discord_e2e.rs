//! The real bot binary, end to end against the fake Discord on loopback.
mod support;

use fake_discord::{
    DropMode, GatewayRecordKind, InteractionSpec, SAMPLE_ALICE_ID, SAMPLE_BOB_ID,
    SAMPLE_GENERAL_ID, SAMPLE_GUILD_ID,
};
use serde_json::{json, Value};
use support::{Bot, DAVE_ID, OTHER_CHANNEL_ID, OTHER_GUILD_ID, WAIT};

const EPHEMERAL: u64 = 1 << 6;

/// A local start some weeks ahead of today (the bot runs on the real clock), and its instant.
fn ahead(days: i64, tz: chrono_tz::Tz) -> (String, i64) {
    use chrono::TimeZone;
    let date = chrono::Utc::now().with_timezone(&tz).date_naive() + chrono::Duration::days(days);
    let local = date.and_hms_opt(18, 0, 0).unwrap();
    let instant = tz.from_local_datetime(&local).single().unwrap().timestamp();
    (local.format("%Y-%m-%d %H:%M").to_string(), instant)
}

fn rally(sub: &str) -> InteractionSpec {
    InteractionSpec::command("rally")
        .subcommand(sub)
        .in_guild(SAMPLE_GUILD_ID)
        .in_channel(SAMPLE_GENERAL_ID)
}

fn flags(data: &Value) -> u64 {
    data["flags"].as_u64().unwrap_or(0)
}

/// Sends the interaction and returns the callback's `data`.
async fn ask(fake: &fake_discord::FakeDiscord, spec: InteractionSpec) -> (u8, Value) {
    let handle = fake.dispatch_interaction(spec).unwrap();
    let callback = handle.callback(WAIT).await.expect("the bot answers");
    (callback.kind, callback.data.unwrap_or(Value::Null))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn registration_cards_search_rsvp_and_autocomplete() {
    let fake = fake_discord::FakeDiscord::start(support::config()).await;
    let _bot = Bot::start(&fake).await;

    // Registered once, globally, with the contract's names and the moderators' permission.
    let commands = fake.commands(None);
    let rally_cmd = commands
        .iter()
        .find(|c| c.name == "rally")
        .expect("/rally registered");
    let subs: Vec<&str> = rally_cmd.body["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        subs,
        [
            "create", "near", "info", "list", "rsvp", "mine", "remindme", "edit", "cancel",
            "about", "campaign"
        ]
    );
    let create = &rally_cmd.body["options"][0]["options"];
    let required: Vec<&str> = create
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["required"] == json!(true))
        .map(|o| o["name"].as_str().unwrap())
        .collect();
    assert_eq!(required, ["title", "place", "when"]);
    let rallymod = commands
        .iter()
        .find(|c| c.name == "rallymod")
        .expect("/rallymod registered");
    assert_eq!(
        rallymod.body["default_member_permissions"],
        json!("8589934592"),
        "Manage Events"
    );

    // Alice has Manage Events through her role, so her rally is listed at once, as a card.
    let (when, instant) = ahead(40, chrono_tz::America::Chicago);
    let (kind, data) = ask(
        &fake,
        rally("create")
            .by(SAMPLE_ALICE_ID)
            .string("title", "@everyone Keep Families Together")
            .string("place", "Austin, TX")
            .string("when", &when),
    )
    .await;
    assert_eq!(kind, 4);
    assert_eq!(
        flags(&data) & EPHEMERAL,
        0,
        "a listed rally's card is public: {data}"
    );
    let card = &data["embeds"][0];
    assert_eq!(card["title"], json!("#1 @everyone Keep Families Together"));
    let fields = card["fields"].to_string();
    assert!(
        fields.contains(&format!("<t:{instant}:F>")) && fields.contains("Austin, Texas, US"),
        "{fields}"
    );
    // Nothing a user typed may ping: allowed mentions parse nothing.
    assert_eq!(data["allowed_mentions"]["parse"], json!([]), "{data}");
    let buttons = data["components"][0]["components"].as_array().unwrap();
    assert_eq!(buttons[0]["label"], json!("Going (0)"));

    // Bob's submission waits for approval and is told so privately.
    let (_, data) = ask(
        &fake,
        rally("create")
            .by(SAMPLE_BOB_ID)
            .string("title", "Pending one")
            .string("place", "78701")
            .string("when", &ahead(41, chrono_tz::America::Chicago).0),
    )
    .await;
    assert_ne!(flags(&data) & EPHEMERAL, 0);
    assert!(
        data["content"]
            .as_str()
            .unwrap()
            .contains("A moderator will review it"),
        "{data}"
    );

    // Near with a city name finds the listed rally, privately, with its distance.
    let (_, data) = ask(
        &fake,
        rally("near")
            .by(SAMPLE_BOB_ID)
            .string("place", "Round Rock, TX"),
    )
    .await;
    assert_ne!(flags(&data) & EPHEMERAL, 0);
    let embed = &data["embeds"][0];
    assert!(
        embed["title"]
            .as_str()
            .unwrap()
            .starts_with("Rallies within 50 mi of Round Rock, Texas, US (1)"),
        "{embed}"
    );
    assert!(
        embed["fields"][0]["value"]
            .as_str()
            .unwrap()
            .contains("mi away"),
        "{embed}"
    );

    // An RSVP button on the card updates the counts in place.
    let card_handle = fake
        .dispatch_interaction(rally("info").by(SAMPLE_BOB_ID).string("rally", "1"))
        .unwrap();
    card_handle.callback(WAIT).await.unwrap();
    let card_message = card_handle
        .wait_for_original(|_| true, WAIT)
        .await
        .expect("the card is a message");
    let click = InteractionSpec::button("rsvp:1:going")
        .on_message(card_message.id)
        .by(SAMPLE_BOB_ID)
        .in_guild(SAMPLE_GUILD_ID)
        .in_channel(SAMPLE_GENERAL_ID);
    let (kind, data) = ask(&fake, click).await;
    assert_eq!(kind, 7, "the card message is updated");
    assert_eq!(
        data["components"][0]["components"][0]["label"],
        json!("Going (1)"),
        "{data}"
    );
    assert!(
        data["embeds"][0]["fields"].to_string().contains("1 going"),
        "{data}"
    );

    // Autocomplete: places from the gazetteer, rallies the user may see.
    let (kind, data) = ask(
        &fake,
        InteractionSpec::autocomplete("rally")
            .subcommand("near")
            .focused("place", "Aust", 3)
            .by(SAMPLE_BOB_ID)
            .in_guild(SAMPLE_GUILD_ID),
    )
    .await;
    assert_eq!(kind, 8);
    let names: Vec<&str> = data["choices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names.first(), Some(&"Austin, Texas, US"), "{names:?}");
    let (_, data) = ask(
        &fake,
        InteractionSpec::autocomplete("rally")
            .subcommand("info")
            .focused("rally", "famil", 3)
            .by(SAMPLE_BOB_ID)
            .in_guild(SAMPLE_GUILD_ID),
    )
    .await;
    let choices = data["choices"].as_array().unwrap();
    assert_eq!(
        choices.len(),
        1,
        "Bob sees only the listed rally: {choices:?}"
    );
    assert_eq!(choices[0]["value"], json!("1"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refusals_stay_private_and_servers_stay_apart() {
    let fake = fake_discord::FakeDiscord::start(support::config()).await;
    let _bot = Bot::start(&fake).await;
    let (_, data) = ask(
        &fake,
        rally("create")
            .by(SAMPLE_BOB_ID)
            .string("title", "Bob's rally")
            .string("place", "Austin, TX")
            .string("when", &ahead(41, chrono_tz::America::Chicago).0),
    )
    .await;
    assert!(
        data["content"]
            .as_str()
            .unwrap()
            .starts_with("Rally #1 is submitted"),
        "{data}"
    );

    // Bob has no Manage Events: the service refuses, whatever the client let through.
    let approve = InteractionSpec::command("rallymod")
        .subcommand("approve")
        .string("rally", "1")
        .by(SAMPLE_BOB_ID)
        .in_guild(SAMPLE_GUILD_ID)
        .in_channel(SAMPLE_GENERAL_ID);
    let (_, data) = ask(&fake, approve).await;
    assert_ne!(flags(&data) & EPHEMERAL, 0);
    assert!(
        data["content"]
            .as_str()
            .unwrap()
            .starts_with("Only moderators can approve rallies"),
        "{data}"
    );

    // Alice moderates and approves it.
    let approve = InteractionSpec::command("rallymod")
        .subcommand("approve")
        .string("rally", "1")
        .by(SAMPLE_ALICE_ID)
        .in_guild(SAMPLE_GUILD_ID)
        .in_channel(SAMPLE_GENERAL_ID);
    let (_, data) = ask(&fake, approve).await;
    assert!(
        data["content"]
            .as_str()
            .unwrap()
            .starts_with("Rally #1 is approved"),
        "{data}"
    );

    // Dave, in another server, can neither see nor cancel it.
    let other = |sub: &str| {
        InteractionSpec::command("rally")
            .subcommand(sub)
            .by(DAVE_ID)
            .in_guild(OTHER_GUILD_ID)
            .in_channel(OTHER_CHANNEL_ID)
    };
    let (_, data) = ask(&fake, other("info").string("rally", "1")).await;
    assert!(
        data["content"]
            .as_str()
            .unwrap()
            .starts_with("There is no rally #1"),
        "{data}"
    );
    let (_, data) = ask(&fake, other("cancel").string("rally", "1")).await;
    assert!(
        data["content"]
            .as_str()
            .unwrap()
            .starts_with("There is no rally #1"),
        "{data}"
    );
    let (_, data) = ask(&fake, other("list")).await;
    assert!(
        data["content"]
            .as_str()
            .unwrap()
            .starts_with("No upcoming rallies"),
        "{data}"
    );
    // Still listed at home.
    let (_, data) = ask(&fake, rally("list").by(SAMPLE_BOB_ID)).await;
    assert!(
        data["embeds"][0]["title"]
            .as_str()
            .unwrap()
            .starts_with("Upcoming rallies (1)"),
        "{data}"
    );

    // A server command in a DM says what to do.
    let dm = InteractionSpec::command("rally")
        .subcommand("mine")
        .by(SAMPLE_BOB_ID)
        .in_dm();
    let (_, data) = ask(&fake, dm).await;
    assert!(
        data["content"]
            .as_str()
            .unwrap()
            .contains("only works inside a server"),
        "{data}"
    );
    // Bad input gets a clear private error.
    let (_, data) = ask(
        &fake,
        rally("create")
            .by(SAMPLE_BOB_ID)
            .string("title", "x")
            .string("place", "Atlantis, ZZ")
            .string("when", "tomorrow 6pm"),
    )
    .await;
    assert_ne!(flags(&data) & EPHEMERAL, 0);
    assert!(
        data["content"]
            .as_str()
            .unwrap()
            .contains("I don't know a place called"),
        "{data}"
    );
}

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
    assert_eq!(subs, ["create", "edit", "archive"]);

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
