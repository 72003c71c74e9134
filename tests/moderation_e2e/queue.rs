//! The approval queue: buttons and the reason modal.
use super::*;

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
