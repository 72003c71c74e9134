//! The real bot binary, end to end against the fake Discord on loopback.
#[path = "../support/mod.rs"]
mod support;

mod announce_spanish;
mod announcements;
mod campaigns;
mod lifecycle;
mod spanish;

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
            "about", "mydata", "campaign"
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
