//! Interaction callbacks and the interaction webhook, as Discord sequences them.

mod common;

use common::{call, Gw, DEADLINE};
use fake_discord::*;
use serde_json::json;
use serenity::all::{Message, MessageInteractionMetadata};

async fn answer(
    fake: &FakeDiscord,
    h: &InteractionHandle,
    body: serde_json::Value,
) -> (u16, serde_json::Value) {
    call(
        fake,
        "POST",
        &format!("/interactions/{}/{}/callback", h.id, h.token),
        Some(body),
    )
    .await
}

fn webhook(h: &InteractionHandle, rest: &str) -> String {
    format!("/webhooks/{SAMPLE_APPLICATION_ID}/{}{rest}", h.token)
}

#[tokio::test]
async fn deferred_reply_then_edit_and_followups() {
    let fake = FakeDiscord::start(FakeConfig::default()).await;
    let (_gw, _) = Gw::login(&fake, 1).await;
    let h = fake
        .dispatch_interaction(InteractionSpec::command("rally").subcommand("list"))
        .unwrap();

    let (status, body) = call(
        &fake,
        "POST",
        &webhook(&h, ""),
        Some(json!({ "content": "early" })),
    )
    .await;
    assert_eq!(
        (status, body["code"].clone()),
        (404, json!(10015)),
        "no follow-up before the callback"
    );

    assert_eq!(
        answer(&fake, &h, json!({ "type": 5, "data": { "flags": 64 } }))
            .await
            .0,
        204
    );
    let cb = h.callback(DEADLINE).await.unwrap();
    assert_eq!(cb.kind, 5);
    assert!(cb.is_ephemeral());
    let thinking = h.original_response().unwrap();
    assert_eq!(thinking.flags, 64 | 128, "ephemeral and loading");

    let (status, _) = answer(
        &fake,
        &h,
        json!({ "type": 4, "data": { "content": "twice" } }),
    )
    .await;
    assert_eq!(status, 400, "already acknowledged");

    let (status, edited) = call(
        &fake,
        "PATCH",
        &webhook(&h, "/messages/@original"),
        Some(json!({ "content": "3 rallies" })),
    )
    .await;
    assert_eq!(status, 200, "{edited}");
    let done = h
        .wait_for_original(|m| m.content == "3 rallies", DEADLINE)
        .await
        .unwrap();
    assert_eq!(done.flags, 64, "no longer loading");
    assert_eq!(done.edits.len(), 1);

    let (_, f) = call(
        &fake,
        "POST",
        &format!("{}?wait=true", webhook(&h, "")),
        Some(json!({ "content": "more" })),
    )
    .await;
    let fid = f["id"].as_str().unwrap();
    call(
        &fake,
        "PATCH",
        &webhook(&h, &format!("/messages/{fid}")),
        Some(json!({ "content": "even more" })),
    )
    .await;
    let followups = h.wait_for_followups(1, DEADLINE).await.unwrap();
    assert_eq!(followups[0].content, "even more");
    assert_eq!(
        followups[0].source,
        MessageSource::Followup {
            interaction_id: h.id
        }
    );
    assert_eq!(
        call(&fake, "DELETE", &webhook(&h, "/messages/@original"), None)
            .await
            .0,
        204
    );
    assert_eq!(
        call(&fake, "GET", &webhook(&h, "/messages/@original"), None)
            .await
            .0,
        404
    );

    let (status, body) = call(
        &fake,
        "POST",
        &format!("/interactions/{}/wrong-token/callback", h.id),
        Some(json!({ "type": 4 })),
    )
    .await;
    assert_eq!((status, body["code"].clone()), (404, json!(10062)));
}

#[tokio::test]
async fn callback_types_must_fit_the_interaction() {
    let fake = FakeDiscord::start(FakeConfig::default()).await;
    let (_gw, _) = Gw::login(&fake, 1).await;
    let ac = fake
        .dispatch_interaction(InteractionSpec::autocomplete("rally").focused("city", "Lon", 3))
        .unwrap();
    let (status, _) = answer(
        &fake,
        &ac,
        json!({ "type": 4, "data": { "content": "nope" } }),
    )
    .await;
    assert_eq!(status, 400);
    assert!(ac.callback_now().is_none());
    let choices =
        json!({ "type": 8, "data": { "choices": [{ "name": "London", "value": "london" }] } });
    assert_eq!(answer(&fake, &ac, choices).await.0, 204);
    assert_eq!(
        ac.callback(DEADLINE).await.unwrap().choices()[0]["value"],
        "london"
    );

    let cmd = fake
        .dispatch_interaction(InteractionSpec::command("rally"))
        .unwrap();
    let (status, body) = answer(&fake, &cmd, json!({ "type": 4, "data": { "content": "" } })).await;
    assert_eq!(
        (status, body["code"].clone()),
        (400, json!(50006)),
        "empty reply"
    );
}

#[tokio::test]
async fn component_update_edits_the_message_it_was_on() {
    let fake = FakeDiscord::start(FakeConfig::default()).await;
    let (_gw, _) = Gw::login(&fake, 1).await;
    let (_, sent) = call(
        &fake,
        "POST",
        &format!("/channels/{SAMPLE_GENERAL_ID}/messages"),
        Some(json!({
        "content": "March on Saturday", "components": [{ "type": 1, "components": [
            { "type": 2, "style": 1, "label": "Going", "custom_id": "rsvp" }] }] })),
    )
    .await;
    let mid: u64 = sent["id"].as_str().unwrap().parse().unwrap();

    let click = fake
        .dispatch_interaction(
            InteractionSpec::button("rsvp")
                .on_message(mid)
                .by(SAMPLE_BOB_ID),
        )
        .unwrap();
    assert_eq!(click.channel_id, SAMPLE_GENERAL_ID);
    let update = json!({ "type": 7, "data": { "content": "March on Saturday (1 going)", "components": [] } });
    assert_eq!(answer(&fake, &click, update).await.0, 204);
    let m = fake.message(mid).unwrap();
    assert_eq!(
        (m.content.as_str(), m.components.len()),
        ("March on Saturday (1 going)", 0)
    );

    // After a deferred update, @original is that same message.
    let again = fake
        .dispatch_interaction(InteractionSpec::button("rsvp").on_message(mid))
        .unwrap();
    answer(&fake, &again, json!({ "type": 6 })).await;
    call(
        &fake,
        "PATCH",
        &webhook(&again, "/messages/@original"),
        Some(json!({ "content": "2 going" })),
    )
    .await;
    assert_eq!(fake.message(mid).unwrap().content, "2 going");
}

#[tokio::test]
async fn modal_reply_carries_the_triggering_interaction() {
    let fake = FakeDiscord::start(FakeConfig::default()).await;
    let (_gw, _) = Gw::login(&fake, 1).await;
    let cmd = fake
        .dispatch_interaction(InteractionSpec::command("rally").subcommand("new"))
        .unwrap();
    let modal = json!({ "type": 9, "data": { "custom_id": "new-rally", "title": "New rally", "components": [
        { "type": 1, "components": [{ "type": 4, "custom_id": "title", "label": "Title", "style": 1 }] }] } });
    assert_eq!(answer(&fake, &cmd, modal).await.0, 204);

    let submit = fake
        .dispatch_interaction(InteractionSpec::modal("new-rally").field("title", "Vigil"))
        .unwrap();
    assert_eq!(
        answer(
            &fake,
            &submit,
            json!({ "type": 4, "data": { "content": "Created Vigil" } })
        )
        .await
        .0,
        204
    );
    let (_, original) = call(&fake, "GET", &webhook(&submit, "/messages/@original"), None).await;
    let original: Message = serde_json::from_value(original).unwrap();
    let Some(MessageInteractionMetadata::ModalSubmit(meta)) =
        original.interaction_metadata.as_deref()
    else {
        panic!("{:?}", original.interaction_metadata);
    };
    assert_eq!(meta.id.get(), submit.id);
    assert!(
        matches!(*meta.triggering_interaction_metadata, MessageInteractionMetadata::Command(ref c) if c.id.get() == cmd.id)
    );
}

#[tokio::test]
async fn dispatch_needs_a_session_and_known_places() {
    let fake = FakeDiscord::start(FakeConfig::default()).await;
    assert!(matches!(
        fake.dispatch_interaction(InteractionSpec::command("rally")),
        Err(FakeError::NoGatewaySession)
    ));
    let (_gw, _) = Gw::login(&fake, 1).await;
    assert!(matches!(
        fake.dispatch_interaction(InteractionSpec::command("rally").in_channel(77)),
        Err(FakeError::UnknownChannel(77))
    ));
    assert!(matches!(
        fake.dispatch_interaction(InteractionSpec::command("rally").by(SAMPLE_CAROL_ID)),
        Err(FakeError::UnknownUser(SAMPLE_CAROL_ID))
    ));
    // A registered guild command's id is what the interaction carries.
    let (_, created) = call(
        &fake,
        "POST",
        &format!("/applications/{SAMPLE_APPLICATION_ID}/guilds/{SAMPLE_GUILD_ID}/commands"),
        Some(json!({ "name": "rally", "description": "Rallies" })),
    )
    .await;
    fake.dispatch_interaction(InteractionSpec::command("rally"))
        .unwrap();
    let frame = fake
        .wait_for_gateway(|r| matches!(&r.kind, GatewayRecordKind::Sent { event: Some(e), .. } if e == "INTERACTION_CREATE"), DEADLINE)
        .await
        .unwrap();
    let GatewayRecordKind::Sent { frame, .. } = frame.kind else {
        unreachable!()
    };
    let frame: serde_json::Value = serde_json::from_str(&frame).unwrap();
    assert_eq!(frame["d"]["data"]["id"], created["id"]);
    assert_eq!(frame["d"]["data"]["guild_id"], SAMPLE_GUILD_ID.to_string());
}
