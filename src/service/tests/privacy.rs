//! Addresses only for those who should have them, nothing kept for ever, and a person's own
//! data: seen, exported, erased.
use std::sync::Mutex;

use chrono::Duration;

use super::*;
use crate::domain::{OutboxKind, RallyStatus, RsvpChoice};
use crate::outbox::{Delivery, Message, Notifier, SendError};
use crate::service::request::{MyDataAction, Request};
use crate::service::response::Response;
use crate::service::{RallyEdit, SettingsChange};

const CAROL: Actor = Actor {
    user_id: 5,
    server_id: SERVER,
    is_moderator: false,
};
const ADDRESS: &str = "12 Congress Ave, back steps";

async fn with_address(f: &Fixture, visibility: &str) -> i64 {
    let mut new = new_rally("March", "2026-12-05 18:00");
    new.address = Some(ADDRESS.into());
    new.address_visibility = Some(visibility.into());
    let created = f.service.create_rally(&ALICE, new).await.unwrap();
    // Redaction happens at the one way in (`execute`), not inside the service's own calls.
    assert_eq!(created.view.rally.address, ADDRESS);
    let id = created.view.rally.id;
    f.service.approve_rally(&MOD, id).await.unwrap();
    id
}

/// Runs a request through the one way in, as a front end would, and returns the rally views
/// the response carries.
async fn views(f: &Fixture, who: &Actor, request: Request) -> Vec<crate::domain::RallyView> {
    let caller = crate::domain::Caller {
        user_id: who.user_id,
        origin: crate::domain::Origin {
            server_id: Some(who.server_id),
            channel_id: Some(1),
            server_name: None,
        },
        manage_events: who.is_moderator,
        role_ids: Vec::new(),
        lang: crate::i18n::Lang::En,
        server_lang: None,
    };
    let answer = f.service.execute(&caller, request).await.unwrap();
    match answer.response {
        Response::Rally(v) | Response::Rsvp(v) => vec![v],
        Response::List { rallies, .. } => rallies,
        Response::Mine {
            organising,
            answered,
        } => organising.into_iter().chain(answered).collect(),
        Response::Queue(q) => q.into_iter().map(|e| e.view).collect(),
        Response::Announce { view, .. } => vec![view],
        other => panic!("no views in {other:?}"),
    }
}

fn addresses(views: &[crate::domain::RallyView]) -> Vec<String> {
    views.iter().map(|v| v.rally.address.clone()).collect()
}

#[tokio::test]
async fn going_means_the_person_going_sees_it_privately_and_nobody_sees_it_in_public() {
    let f = fixture().await;
    let id = with_address(&f, "going").await;
    // Public replies: the card and the list.
    assert_eq!(
        addresses(&views(&f, &BOB, Request::Info { rally: id }).await),
        [""]
    );
    assert_eq!(
        addresses(&views(&f, &MOD, Request::Info { rally: id }).await),
        [""]
    );
    assert_eq!(addresses(&views(&f, &ALICE, Request::List).await), [""]);
    let announced = views(
        &f,
        &MOD,
        Request::Announce {
            rally: id,
            channel: None,
            ping: None,
        },
    )
    .await;
    assert_eq!(addresses(&announced), [""], "an announcement is public");
    // Bob says he's going: his private reply has it; Carol, interested, doesn't.
    let bob = Request::Rsvp {
        rally: id,
        choice: RsvpChoice::Going,
    };
    assert_eq!(addresses(&views(&f, &BOB, bob).await), [ADDRESS]);
    let carol = Request::Rsvp {
        rally: id,
        choice: RsvpChoice::Interested,
    };
    assert_eq!(addresses(&views(&f, &CAROL, carol).await), [""]);
    assert_eq!(addresses(&views(&f, &BOB, Request::Mine).await), [ADDRESS]);
    assert_eq!(addresses(&views(&f, &CAROL, Request::Mine).await), [""]);
    // The organiser sees it in private replies.
    assert_eq!(
        addresses(&views(&f, &ALICE, Request::Mine).await),
        [ADDRESS]
    );
}

#[tokio::test]
async fn public_is_for_everyone_and_organisers_for_the_organiser_and_moderators_only() {
    let f = fixture().await;
    let open = with_address(&f, "public").await;
    assert_eq!(
        addresses(&views(&f, &CAROL, Request::Info { rally: open }).await),
        [ADDRESS]
    );
    let f = fixture().await;
    let closed = with_address(&f, "organisers").await;
    let going = Request::Rsvp {
        rally: closed,
        choice: RsvpChoice::Going,
    };
    assert_eq!(addresses(&views(&f, &BOB, going).await), [""]);
    assert_eq!(
        addresses(&views(&f, &ALICE, Request::Mine).await),
        [ADDRESS]
    );
    // A bad visibility is refused, naming the choices.
    let mut bad = new_rally("Other", "2026-12-05 19:00");
    bad.address_visibility = Some("friends".into());
    let err = user_err(f.service.create_rally(&ALICE, bad).await);
    assert!(
        err.to_string().contains("public, going or organisers"),
        "{err}"
    );
}

/// Records what the outbox sends, with the address each message carries.
#[derive(Default)]
struct Recorder {
    sent: Mutex<Vec<(OutboxKind, i64, String)>>,
}

impl Notifier for Recorder {
    async fn send(&self, d: &Delivery) -> Result<Option<i64>, SendError> {
        let (target, address) = match &d.message {
            Message::ChannelReminder { channel, view, .. } => {
                (*channel, view.rally.address.clone())
            }
            Message::PersonalReminder { user, view, .. } => (*user, view.rally.address.clone()),
            Message::Notice { user, rally, .. } => (*user, rally.address.clone()),
            Message::CardEdit { channel, view, .. } => (*channel, view.rally.address.clone()),
            Message::ModeratorPost { channel, view, .. } => (*channel, view.rally.address.clone()),
        };
        self.sent
            .lock()
            .unwrap()
            .push((d.message.kind(), target, address));
        Ok(Some(77))
    }
}

#[tokio::test]
async fn reminders_carry_the_address_only_to_the_people_going() {
    let f = fixture().await;
    let mut new = new_rally("March", "2026-12-05 18:00");
    new.address = Some(ADDRESS.into());
    let id = f
        .service
        .create_rally_in(&MOD, Some(555), new)
        .await
        .unwrap()
        .view
        .rally
        .id;
    f.service.rsvp(&BOB, id, RsvpChoice::Going).await.unwrap();
    f.service
        .rsvp(&CAROL, id, RsvpChoice::Interested)
        .await
        .unwrap();
    let start = f
        .service
        .store()
        .rally(id)
        .await
        .unwrap()
        .unwrap()
        .starts_at;
    let n = Recorder::default();
    f.clock.set(start - Duration::hours(1));
    f.service.deliver_due(f.service.now(), &n).await.unwrap();
    let sent = std::mem::take(&mut *n.sent.lock().unwrap());
    assert!(
        sent.contains(&(OutboxKind::PersonalReminder, BOB.user_id, ADDRESS.into())),
        "{sent:?}"
    );
    assert!(
        sent.contains(&(OutboxKind::ChannelReminder, 555, String::new())),
        "{sent:?}"
    );
    // A moved address reaches Bob (going) but not Carol (interested).
    let edit = RallyEdit {
        address: Some("City Hall".into()),
        when: Some("2026-12-05 19:00".into()),
        ..Default::default()
    };
    f.service.edit_rally(&MOD, id, edit).await.unwrap();
    f.service.deliver_due(f.service.now(), &n).await.unwrap();
    let sent = std::mem::take(&mut *n.sent.lock().unwrap());
    assert!(
        sent.contains(&(OutboxKind::Notice, BOB.user_id, "City Hall".into())),
        "{sent:?}"
    );
    assert!(
        sent.contains(&(OutboxKind::Notice, CAROL.user_id, String::new())),
        "{sent:?}"
    );
    assert!(
        sent.contains(&(OutboxKind::CardEdit, 555, String::new())),
        "{sent:?}"
    );
}

#[tokio::test]
async fn who_answered_is_forgotten_after_the_retention_and_the_counts_stay() {
    let f = fixture().await;
    f.service
        .update_settings(
            &MOD,
            SettingsChange {
                retention_days: Some(2),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let id = approved(&f, "March", "2026-12-05 18:00").await;
    f.service.rsvp(&BOB, id, RsvpChoice::Going).await.unwrap();
    f.service
        .rsvp(&CAROL, id, RsvpChoice::Interested)
        .await
        .unwrap();
    let start = f
        .service
        .store()
        .rally(id)
        .await
        .unwrap()
        .unwrap()
        .starts_at;
    let count = |f: &Fixture| {
        let pool = f.service.store().pool().clone();
        async move {
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM rsvps")
                .fetch_one(&pool)
                .await
                .unwrap()
        }
    };
    let n = Recorder::default();
    f.clock.set(start + Duration::days(1));
    f.service.deliver_due(f.service.now(), &n).await.unwrap();
    assert_eq!(count(&f).await, 2, "kept within the retention");
    f.clock.set(start + Duration::days(2) + Duration::hours(2));
    f.service.deliver_due(f.service.now(), &n).await.unwrap();
    assert_eq!(count(&f).await, 0, "who answered is forgotten");
    let view = f.service.show_rally(&MOD, id).await.unwrap();
    assert_eq!(
        (view.counts.going, view.counts.interested),
        (1, 1),
        "the counts stay"
    );
    let personal: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM outbox WHERE kind IN ('personal_reminder', 'notice')",
    )
    .fetch_one(f.service.store().pool())
    .await
    .unwrap();
    assert_eq!(personal, 0);
    // Out of range is refused.
    let err = crate::commands::parse(crate::commands::Invocation::new(
        &["rallymod", "settings"],
        &[("retention_days", "400")],
    ))
    .unwrap_err();
    assert!(err.to_string().contains("from 1 to 365"), "{err}");
}

#[tokio::test]
async fn a_person_sees_exports_and_erases_what_is_held_about_them() {
    let f = fixture().await;
    let theirs = approved(&f, "Alice's march", "2026-12-05 18:00").await;
    let other = approved(&f, "Another", "2026-12-06 18:00").await;
    f.service
        .rsvp(&ALICE, other, RsvpChoice::Going)
        .await
        .unwrap();
    f.service
        .rsvp(&BOB, other, RsvpChoice::Going)
        .await
        .unwrap();
    let Response::MyData(held) = f.service.my_data(&ALICE, MyDataAction::Show).await.unwrap()
    else {
        panic!()
    };
    assert_eq!(held.rsvps.len(), 1);
    assert_eq!(held.organising.len(), 2);
    let Response::MyDataExport { json } = f
        .service
        .my_data(&ALICE, MyDataAction::Export)
        .await
        .unwrap()
    else {
        panic!()
    };
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(doc["rsvps"][0]["rally"], other);
    assert_eq!(doc["discord_user_id"], "1");
    // Delete asks first, and changes nothing until confirmed.
    assert_eq!(
        f.service
            .my_data(&ALICE, MyDataAction::Delete)
            .await
            .unwrap(),
        Response::ConfirmForget
    );
    assert_eq!(
        f.service
            .show_rally(&BOB, other)
            .await
            .unwrap()
            .counts
            .going,
        2
    );
    let Response::Forgotten(gone) = f
        .service
        .my_data(&ALICE, MyDataAction::ConfirmDelete)
        .await
        .unwrap()
    else {
        panic!()
    };
    assert_eq!((gone.rsvps, gone.rallies), (1, 2));
    assert_eq!(
        f.service
            .show_rally(&BOB, other)
            .await
            .unwrap()
            .counts
            .going,
        1
    );
    let rally = f.service.store().rally(theirs).await.unwrap().unwrap();
    assert!(rally.organiser_gone && rally.organiser_id == 0);
    assert_eq!(rally.status, RallyStatus::Approved, "the rally stays");
    let Response::MyData(after) = f.service.my_data(&ALICE, MyDataAction::Show).await.unwrap()
    else {
        panic!()
    };
    assert!(after.rsvps.is_empty() && after.organising.is_empty() && after.messages.is_empty());
    // A moderator gives it a new organiser.
    let reassign = RallyEdit {
        organiser: Some(format!("<@{}>", BOB.user_id)),
        ..Default::default()
    };
    assert!(f
        .service
        .edit_rally(&CAROL, theirs, reassign.clone())
        .await
        .is_err());
    f.service.edit_rally(&MOD, theirs, reassign).await.unwrap();
    let rally = f.service.store().rally(theirs).await.unwrap().unwrap();
    assert!(!rally.organiser_gone && rally.organiser_id == BOB.user_id);
}
