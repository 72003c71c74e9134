//! The permission matrix end to end: member, organiser, moderator and a moderator of another
//! server, against approve, reject, edit, cancel, announce and settings, through the fake
//! Discord. Each refusal is a private, clear error and changes nothing: not the database, not
//! what was posted.
mod support;

use fake_discord::{
    InteractionSpec, MemberSpec, OptionValue, UserSpec, SAMPLE_ALICE_ID, SAMPLE_ANNOUNCEMENTS_ID,
    SAMPLE_BOB_ID, SAMPLE_GENERAL_ID, SAMPLE_GUILD_ID,
};
use rallybot::store::Store;
use serde_json::Value;
use support::{Bot, DAVE_ID, OTHER_CHANNEL_ID, OTHER_GUILD_ID, WAIT};

/// "erin", a plain member who organises the rallies here.
const ERIN_ID: u64 = 920_000_000_000_000_042;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Who {
    Member,
    Organiser,
    Moderator,
    OtherModerator,
}

fn user(who: Who) -> u64 {
    match who {
        Who::Member => SAMPLE_BOB_ID,
        Who::Organiser => ERIN_ID,
        Who::Moderator => SAMPLE_ALICE_ID,
        Who::OtherModerator => DAVE_ID,
    }
}

fn cmd(name: &str, sub: &str, who: Who) -> InteractionSpec {
    let (guild, channel) = if who == Who::OtherModerator {
        (OTHER_GUILD_ID, OTHER_CHANNEL_ID)
    } else {
        (SAMPLE_GUILD_ID, SAMPLE_GENERAL_ID)
    };
    InteractionSpec::command(name)
        .subcommand(sub)
        .by(user(who))
        .in_guild(guild)
        .in_channel(channel)
}

async fn ask(fake: &fake_discord::FakeDiscord, spec: InteractionSpec) -> Value {
    let handle = fake.dispatch_interaction(spec).unwrap();
    handle
        .callback(WAIT)
        .await
        .unwrap()
        .data
        .unwrap_or(Value::Null)
}

fn ahead(days: i64) -> String {
    let tz = chrono_tz::America::Chicago;
    let date = chrono::Utc::now().with_timezone(&tz).date_naive() + chrono::Duration::days(days);
    format!("{} 18:00", date.format("%Y-%m-%d"))
}

/// What any action could have changed, read from the bot's own database.
async fn snapshot(store: &Store, fake: &fake_discord::FakeDiscord) -> String {
    let mut out = String::new();
    for query in [
        "SELECT group_concat(id || '|' || title || '|' || status || '|' || starts_at || '|'
             || COALESCE(status_reason, '') || '|' || updated_at, ';') FROM rallies",
        "SELECT group_concat(id || '|' || require_approval || '|' || daily_limit || '|'
             || updated_at, ';') FROM servers",
        "SELECT CAST(COUNT(*) AS TEXT) FROM audit_log",
        "SELECT CAST(COUNT(*) AS TEXT) FROM outbox WHERE kind IN ('notice', 'card_edit')",
        "SELECT CAST(COUNT(*) AS TEXT) FROM rally_cards",
    ] {
        let row: Option<String> = sqlx::query_scalar(query)
            .fetch_one(store.pool())
            .await
            .unwrap();
        out.push_str(&row.unwrap_or_default());
        out.push('\n');
    }
    // And nothing was posted in a server but the replies. (DMs the outbox sends after an
    // allowed action arrive in their own time; a refused one would show in the outbox.)
    let posted = fake
        .messages()
        .iter()
        .filter(|m| m.source == fake_discord::MessageSource::Channel && m.guild_id.is_some())
        .count();
    out.push_str(&posted.to_string());
    out
}

/// Runs one cell that must be refused: a private error starting with `expected`, and nothing
/// changed.
async fn refused(
    fake: &fake_discord::FakeDiscord,
    store: &Store,
    spec: InteractionSpec,
    expected: &str,
    cell: &str,
) {
    let before = snapshot(store, fake).await;
    let data = ask(fake, spec).await;
    let content = data["content"].as_str().unwrap_or("");
    assert!(content.starts_with(expected), "{cell}: {data}");
    assert_ne!(
        data["flags"].as_u64().unwrap_or(0) & 64,
        0,
        "{cell}: private"
    );
    assert_eq!(
        snapshot(store, fake).await,
        before,
        "{cell}: nothing changed"
    );
}

async fn ok(fake: &fake_discord::FakeDiscord, spec: InteractionSpec, expected: &str, cell: &str) {
    let data = ask(fake, spec).await;
    let text = serde_json::to_string(&data).unwrap();
    assert!(text.contains(expected), "{cell}: {data}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn permission_matrix_through_discord() {
    use Who::*;
    let mut config = support::config();
    config.guilds[0]
        .members
        .push(MemberSpec::new(UserSpec::new(ERIN_ID, "erin")));
    let fake = fake_discord::FakeDiscord::start(config).await;
    let bot = Bot::start(&fake).await;
    let store = Store::open(&Bot::database_url(&bot.dir)).await.unwrap();

    // Erin submits three rallies; they wait for approval.
    for (title, days) in [("One", 20), ("Two", 21), ("Three", 22)] {
        ok(
            &fake,
            cmd("rally", "create", Organiser)
                .string("title", title)
                .string("place", "Austin, TX")
                .string("when", ahead(days)),
            "submitted",
            "create",
        )
        .await;
    }
    let not_found = "There is no rally #";
    let mods_only = "Only moderators";
    let not_theirs = "Only the organiser of rally";

    // Approve #1.
    for (who, expected) in [
        (Member, mods_only),
        (Organiser, mods_only),
        (OtherModerator, not_found),
    ] {
        let spec = cmd("rallymod", "approve", who).string("rally", "1");
        refused(&fake, &store, spec, expected, &format!("{who:?} approve")).await;
    }
    ok(
        &fake,
        cmd("rallymod", "approve", Moderator).string("rally", "1"),
        "approved",
        "approve",
    )
    .await;
    ok(
        &fake,
        cmd("rallymod", "approve", Moderator).string("rally", "3"),
        "approved",
        "approve",
    )
    .await;

    // Reject #2.
    for (who, expected) in [
        (Member, mods_only),
        (Organiser, mods_only),
        (OtherModerator, not_found),
    ] {
        let spec = cmd("rallymod", "reject", who)
            .string("rally", "2")
            .string("reason", "no");
        refused(&fake, &store, spec, expected, &format!("{who:?} reject")).await;
    }
    ok(
        &fake,
        cmd("rallymod", "reject", Moderator).string("rally", "2"),
        "rejected",
        "reject",
    )
    .await;

    // Edit #1: its organiser and moderators may.
    for (who, expected) in [(Member, not_theirs), (OtherModerator, not_found)] {
        let spec = cmd("rally", "edit", who)
            .string("rally", "1")
            .string("title", "Hijacked");
        refused(&fake, &store, spec, expected, &format!("{who:?} edit")).await;
    }
    ok(
        &fake,
        cmd("rally", "edit", Organiser)
            .string("rally", "1")
            .string("title", "One, renamed"),
        "updated",
        "organiser edit",
    )
    .await;
    ok(
        &fake,
        cmd("rally", "edit", Moderator)
            .string("rally", "1")
            .string("title", "One again"),
        "updated",
        "moderator edit",
    )
    .await;

    // Cancel #3.
    for (who, expected) in [(Member, not_theirs), (OtherModerator, not_found)] {
        let spec = cmd("rally", "cancel", who).string("rally", "3");
        refused(&fake, &store, spec, expected, &format!("{who:?} cancel")).await;
    }
    ok(
        &fake,
        cmd("rally", "cancel", Organiser).string("rally", "3"),
        "cancelled",
        "cancel",
    )
    .await;

    // Settings of this server.
    for who in [Member, Organiser] {
        let spec = cmd("rallymod", "settings", who).option("daily_limit", OptionValue::Integer(2));
        refused(&fake, &store, spec, mods_only, &format!("{who:?} settings")).await;
    }
    // Dave changes his own server's settings; this server's stay as they were.
    let before = snapshot(&store, &fake).await;
    ok(
        &fake,
        cmd("rallymod", "settings", OtherModerator).option("daily_limit", OptionValue::Integer(2)),
        "2 rallies per member",
        "other settings",
    )
    .await;
    let here: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM servers WHERE id = ?1 AND daily_limit = 2")
            .bind(SAMPLE_GUILD_ID as i64)
            .fetch_one(store.pool())
            .await
            .unwrap();
    assert_eq!(here, 0, "nothing crosses servers");
    assert_ne!(
        snapshot(&store, &fake).await,
        before,
        "Dave's own server changed"
    );
    ok(
        &fake,
        cmd("rallymod", "settings", Moderator).option("daily_limit", OptionValue::Integer(3)),
        "3 rallies per member",
        "settings",
    )
    .await;

    // Announce #1.
    for (who, expected) in [
        (Member, mods_only),
        (Organiser, mods_only),
        (OtherModerator, not_found),
    ] {
        let spec = cmd("rallymod", "announce", who)
            .string("rally", "1")
            .option("channel", OptionValue::Channel(SAMPLE_ANNOUNCEMENTS_ID));
        refused(&fake, &store, spec, expected, &format!("{who:?} announce")).await;
    }
    assert!(fake.messages_in(SAMPLE_ANNOUNCEMENTS_ID).is_empty());
    ok(
        &fake,
        cmd("rallymod", "announce", Moderator)
            .string("rally", "1")
            .option("channel", OptionValue::Channel(SAMPLE_ANNOUNCEMENTS_ID)),
        "Announced",
        "announce",
    )
    .await;
    assert_eq!(fake.messages_in(SAMPLE_ANNOUNCEMENTS_ID).len(), 1);
}
