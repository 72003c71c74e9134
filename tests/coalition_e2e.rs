//! A coalition through the fake Discord: three servers (the owner, a member, an outsider) and
//! the real bot binary. A member's rally in the shared campaign is found from the owner and
//! not from the outsider; an RSVP from the owner counts; after the member leaves it is gone;
//! and the street address reaches only the person who said they are going.
mod support;

use fake_discord::{
    ChannelSpec, GuildSpec, InteractionSpec, MemberSpec, UserSpec, SAMPLE_ALICE_ID, SAMPLE_BOB_ID,
    SAMPLE_GENERAL_ID, SAMPLE_GUILD_ID,
};
use serde_json::Value;
use support::{Bot, DAVE_ID, OTHER_CHANNEL_ID, OTHER_GUILD_ID, WAIT};

const OUTSIDE_GUILD_ID: u64 = 940_000_000_000_000_001;
const OUTSIDE_CHANNEL_ID: u64 = 941_000_000_000_000_001;
const FRANK_ID: u64 = 920_000_000_000_000_050;
const ADDRESS: &str = "1457 Quiet Lane, behind the library";

fn config() -> fake_discord::FakeConfig {
    let mut config = support::config();
    config.guilds.push(
        GuildSpec::new(
            OUTSIDE_GUILD_ID,
            "Outside Group",
            UserSpec::new(FRANK_ID, "frank"),
        )
        .channel(ChannelSpec::text(OUTSIDE_CHANNEL_ID, "general"))
        .member(MemberSpec::new(UserSpec::new(FRANK_ID, "frank"))),
    );
    config
}

/// A slash command by `by` in the first channel of `guild`.
fn cmd(path: &[&str], by: u64, guild: u64) -> InteractionSpec {
    let channel = match guild {
        SAMPLE_GUILD_ID => SAMPLE_GENERAL_ID,
        OTHER_GUILD_ID => OTHER_CHANNEL_ID,
        _ => OUTSIDE_CHANNEL_ID,
    };
    let mut spec = InteractionSpec::command(path[0]);
    if path.len() == 3 {
        spec = spec.subcommand_group(path[1]);
    }
    spec.subcommand(path[path.len() - 1])
        .by(by)
        .in_guild(guild)
        .in_channel(channel)
}

async fn ask(fake: &fake_discord::FakeDiscord, spec: InteractionSpec) -> Value {
    let handle = fake.dispatch_interaction(spec).expect("dispatched");
    let callback = handle.callback(WAIT).await.expect("the bot answers");
    callback.data.unwrap_or(Value::Null)
}

fn text(data: &Value) -> String {
    serde_json::to_string(data).unwrap()
}

/// A day some weeks ahead, as the campaign's and the rally's date.
fn day() -> String {
    (chrono::Utc::now() + chrono::Duration::days(20))
        .format("%Y-%m-%d")
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_shared_campaign_crosses_to_its_members_only_and_the_address_only_to_those_going() {
    let fake = fake_discord::FakeDiscord::start(config()).await;
    let _bot = Bot::start(&fake).await;
    let day = day();

    // Alice (Manage Events) makes a coalition in the owner server and invites the member.
    let made = ask(
        &fake,
        cmd(
            &["rallymod", "coalition", "create"],
            SAMPLE_ALICE_ID,
            SAMPLE_GUILD_ID,
        )
        .string("name", "Texas Together"),
    )
    .await;
    assert!(text(&made).contains("is created"), "{made}");
    let invite = ask(
        &fake,
        cmd(
            &["rallymod", "coalition", "invite"],
            SAMPLE_ALICE_ID,
            SAMPLE_GUILD_ID,
        ),
    )
    .await;
    assert_eq!(
        invite["flags"], 64,
        "the code is shown only to the moderator"
    );
    let content = invite["content"].as_str().unwrap();
    let code = content
        .lines()
        .find(|l| l.len() == 23 && l.chars().filter(|c| *c == '-').count() == 3)
        .unwrap_or_else(|| panic!("no code in {content}"))
        .to_string();
    let joined = ask(
        &fake,
        cmd(&["rallymod", "coalition", "join"], DAVE_ID, OTHER_GUILD_ID).string("code", &code),
    )
    .await;
    assert!(text(&joined).contains("has joined"), "{joined}");
    let shared = ask(
        &fake,
        cmd(
            &["rallymod", "campaign", "create"],
            SAMPLE_ALICE_ID,
            SAMPLE_GUILD_ID,
        )
        .string("name", "Day of Action")
        .string("start", &day)
        .string("end", &day)
        .string("coalition", "Texas Together"),
    )
    .await;
    assert!(text(&shared).contains("is created"), "{shared}");

    // Dave registers a rally in the member server, in the shared campaign, with an address.
    let created = ask(
        &fake,
        cmd(&["rally", "create"], DAVE_ID, OTHER_GUILD_ID)
            .string("title", "Houston march")
            .string("place", "Houston, TX")
            .string("when", format!("{day} 18:00"))
            .string("campaign", "Day of Action")
            .string("address", ADDRESS),
    )
    .await;
    assert!(text(&created).contains("is listed"), "{created}");

    // Found from the owner server, marked with its server; not from the outsider.
    let near = |by, guild, place: &str| {
        cmd(&["rally", "near"], by, guild)
            .string("place", place)
            .option("radius", fake_discord::OptionValue::Number(300.0))
    };
    let from_owner = ask(&fake, near(SAMPLE_BOB_ID, SAMPLE_GUILD_ID, "Austin, TX")).await;
    assert!(text(&from_owner).contains("Houston march"), "{from_owner}");
    assert!(text(&from_owner).contains("Other Network"), "{from_owner}");
    let outside = ask(&fake, near(FRANK_ID, OUTSIDE_GUILD_ID, "Houston, TX")).await;
    assert!(!text(&outside).contains("Houston march"), "{outside}");
    assert!(text(&outside).contains("No upcoming rallies"), "{outside}");

    // Bob, in the owner server, says he is going: it counts, and his private reply has the
    // meeting point.
    let rsvp = ask(
        &fake,
        cmd(&["rally", "rsvp"], SAMPLE_BOB_ID, SAMPLE_GUILD_ID).string("rally", "1"),
    )
    .await;
    assert_eq!(rsvp["flags"], 64);
    assert!(text(&rsvp).contains("Quiet Lane"), "{rsvp}");
    let info = ask(
        &fake,
        cmd(&["rally", "info"], DAVE_ID, OTHER_GUILD_ID).string("rally", "1"),
    )
    .await;
    assert!(text(&info).contains("1 going"), "{info}");

    // Of everything the bot sent, only Bob's private reply carried the address.
    let mut carriers = Vec::new();
    for c in fake.callbacks() {
        if c.data
            .as_ref()
            .is_some_and(|d| text(d).contains("Quiet Lane"))
        {
            carriers.push(c.interaction_id);
        }
    }
    let rsvp_id = fake
        .callbacks()
        .iter()
        .find(|c| {
            c.data
                .as_ref()
                .is_some_and(|d| text(d).contains("You're going"))
        })
        .map(|c| c.interaction_id)
        .expect("Bob's RSVP reply");
    let mut posted = Vec::new();
    for r in fake.requests() {
        let body = r.body.as_ref().map(text).unwrap_or_default();
        let raw = r.raw_body.clone().unwrap_or_default();
        if body.contains("Quiet Lane") || raw.contains("Quiet Lane") {
            posted.push(r.path.clone());
        }
    }
    assert_eq!(carriers, [rsvp_id], "only Bob's RSVP reply");
    assert_eq!(posted.len(), 1, "{posted:?}");
    assert!(
        posted[0].contains(&format!("/interactions/{rsvp_id}/")),
        "{posted:?}"
    );

    // The member leaves: its rally is gone from the owner's search at once.
    let left = ask(
        &fake,
        cmd(&["rallymod", "coalition", "leave"], DAVE_ID, OTHER_GUILD_ID),
    )
    .await;
    assert!(text(&left).contains("has left"), "{left}");
    let after = ask(&fake, near(SAMPLE_BOB_ID, SAMPLE_GUILD_ID, "Austin, TX")).await;
    assert!(!text(&after).contains("Houston march"), "{after}");
}
