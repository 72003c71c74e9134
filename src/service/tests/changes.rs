//! Changes that reach everyone coming: DMs to people who RSVPed and edits of posted cards,
//! through the outbox, driven step by step on a hand-moved clock.
use std::collections::HashSet;
use std::sync::Mutex;

use chrono::Duration;

use super::*;
use crate::domain::{
    CardKind, LocalTime, MovedField, Notice, OutboxKind, OutboxStatus, RallyStatus, RsvpChoice,
};
use crate::outbox::{Delivery, Message, Notifier, SendError};
use crate::service::RallyEdit;

const CAROL: Actor = Actor {
    user_id: 5,
    server_id: SERVER,
    is_moderator: false,
};
const CHANNEL: i64 = 777;

/// A card edit as the notifier was asked to make it.
#[derive(Debug, Clone)]
struct CardEdit {
    channel_id: i64,
    message_id: i64,
    view: crate::domain::RallyView,
}

/// Writes times as Discord does, so the words of a DM can be checked here.
struct Markup;

impl crate::text::Style for Markup {
    fn time(&self, t: LocalTime) -> String {
        format!(
            "<t:{}:F> ({})",
            t.at.timestamp(),
            when::local_label(t.at, t.zone)
        )
    }
    fn relative(&self, _t: LocalTime) -> Option<String> {
        None
    }
    fn channel(&self, id: i64) -> String {
        format!("<#{id}>")
    }
    fn role(&self, id: i64) -> String {
        format!("<@&{id}>")
    }
    fn user(&self, id: i64) -> String {
        format!("<@{id}>")
    }
    fn text(&self, s: &str) -> String {
        s.to_string()
    }
}

/// Records what would leave the process; users in `closed` have their DMs closed.
#[derive(Default)]
struct Recorder {
    dms: Mutex<Vec<(i64, String, String)>>,
    notices: Mutex<Vec<Notice>>,
    edits: Mutex<Vec<CardEdit>>,
    posted: Mutex<Vec<(OutboxKind, i64)>>,
    closed: HashSet<i64>,
    next_message: Mutex<i64>,
}

impl Notifier for Recorder {
    async fn send(&self, d: &Delivery) -> Result<Option<i64>, SendError> {
        match &d.message {
            Message::ChannelReminder { channel, .. } => {
                self.posted
                    .lock()
                    .unwrap()
                    .push((OutboxKind::ChannelReminder, *channel));
                let mut next = self.next_message.lock().unwrap();
                *next += 1;
                Ok(Some(9000 + *next))
            }
            Message::PersonalReminder { user, .. } => {
                self.posted
                    .lock()
                    .unwrap()
                    .push((OutboxKind::PersonalReminder, *user));
                Ok(None)
            }
            Message::Notice {
                user,
                notice,
                rally,
            } => {
                if self.closed.contains(user) {
                    return Err(SendError::DmsClosed);
                }
                let words = crate::text::notice(notice, rally, &Markup, crate::i18n::Lang::En);
                self.notices.lock().unwrap().push(notice.clone());
                self.dms
                    .lock()
                    .unwrap()
                    .push((*user, words, d.nonce.clone()));
                Ok(None)
            }
            Message::CardEdit {
                channel,
                message,
                view,
                ..
            } => {
                self.edits.lock().unwrap().push(CardEdit {
                    channel_id: *channel,
                    message_id: *message,
                    view: view.clone(),
                });
                Ok(None)
            }
            Message::ModeratorPost { .. } => Ok(None),
        }
    }
}

impl Recorder {
    fn dms(&self) -> Vec<(i64, String, String)> {
        std::mem::take(&mut *self.dms.lock().unwrap())
    }
    fn edits(&self) -> Vec<CardEdit> {
        std::mem::take(&mut *self.edits.lock().unwrap())
    }
}

/// An approved rally with Alice going, Bob interested and Carol not answering.
async fn with_rsvps(f: &Fixture) -> i64 {
    let new = new_rally("March", "2026-12-05 18:00");
    let id = f
        .service
        .create_rally_in(&MOD, Some(CHANNEL), new)
        .await
        .unwrap()
        .view
        .rally
        .id;
    f.service.rsvp(&ALICE, id, RsvpChoice::Going).await.unwrap();
    f.service
        .rsvp(&BOB, id, RsvpChoice::Interested)
        .await
        .unwrap();
    id
}

async fn step(f: &Fixture, n: &Recorder) {
    f.service.deliver_due(f.service.now(), n).await.unwrap();
}

#[tokio::test]
async fn a_new_time_reaches_everyone_who_answered_with_old_and_new() {
    let f = fixture().await;
    let n = Recorder::default();
    let id = with_rsvps(&f).await;
    let old = f
        .service
        .store()
        .rally(id)
        .await
        .unwrap()
        .unwrap()
        .starts_at;
    f.service
        .record_card(&MOD, id, 4242, 5151, CardKind::Announcement)
        .await
        .unwrap();
    let edit = RallyEdit {
        when: Some("2026-12-06 19:30".into()),
        ..Default::default()
    };
    let new = f
        .service
        .edit_rally(&MOD, id, edit)
        .await
        .unwrap()
        .view
        .rally
        .starts_at;
    step(&f, &n).await;

    let dms = n.dms();
    let users: Vec<i64> = dms.iter().map(|d| d.0).collect();
    assert_eq!(
        users,
        [ALICE.user_id, BOB.user_id],
        "going and interested, not Carol"
    );
    let text = &dms[0].1;
    let (was, now) = (
        format!("<t:{}:F>", old.timestamp()),
        format!("<t:{}:F>", new.timestamp()),
    );
    assert!(text.contains(&was) && text.contains(&now), "{text}");
    assert!(text.find(&was) < text.find(&now), "old before new: {text}");
    assert!(
        text.contains("December 6, 2026 at 7:30 PM CST"),
        "local time too: {text}"
    );
    assert_ne!(dms[0].2, dms[1].2, "each DM has its own nonce");
    // The outbox holds the change as values, not words: each front end words it.
    let notices = std::mem::take(&mut *n.notices.lock().unwrap());
    let Notice::Changed { fields } = &notices[0] else {
        panic!("not a change: {notices:?}")
    };
    assert!(
        matches!(fields[..], [MovedField::Start { was, now }] if was.at == old && now.at == new),
        "{fields:?}"
    );

    let edits = n.edits();
    assert_eq!(edits.len(), 1);
    assert_eq!((edits[0].channel_id, edits[0].message_id), (4242, 5151));
    assert_eq!(
        edits[0].view.rally.starts_at, new,
        "the card shows the rally as it is now"
    );
    assert_eq!(edits[0].view.counts.going, 1);

    // Delivered once: another step sends nothing more.
    step(&f, &n).await;
    assert!(n.dms().is_empty() && n.edits().is_empty());
}

#[tokio::test]
async fn a_title_change_updates_cards_but_sends_no_dms() {
    let f = fixture().await;
    let n = Recorder::default();
    let id = with_rsvps(&f).await;
    f.service
        .record_card(&MOD, id, 4242, 5151, CardKind::Announcement)
        .await
        .unwrap();
    let edit = RallyEdit {
        title: Some("March for housing".into()),
        ..Default::default()
    };
    f.service.edit_rally(&MOD, id, edit).await.unwrap();
    step(&f, &n).await;
    assert!(n.dms().is_empty());
    let edits = n.edits();
    assert_eq!(edits.len(), 1);
    assert_eq!(edits[0].view.rally.title, "March for housing");
}

#[tokio::test]
async fn a_new_place_says_where_it_was_and_where_it_is() {
    let f = fixture().await;
    let n = Recorder::default();
    let id = with_rsvps(&f).await;
    let edit = RallyEdit {
        place: Some("Dallas, TX".into()),
        ..Default::default()
    };
    f.service.edit_rally(&ALICE, id, edit).await.unwrap_err();
    f.service
        .edit_rally(
            &MOD,
            id,
            RallyEdit {
                place: Some("Dallas, TX".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    step(&f, &n).await;
    let dms = n.dms();
    assert_eq!(dms.len(), 2);
    assert!(
        dms[0].1.contains("Place: was 30.2672") && dms[0].1.contains("now Dallas"),
        "{}",
        dms[0].1
    );
}

#[tokio::test]
async fn cancelling_tells_everyone_and_marks_every_card() {
    let f = fixture().await;
    let n = Recorder::default();
    let id = with_rsvps(&f).await;
    // A channel reminder card, posted by the scheduler, is remembered as well.
    let start = f
        .service
        .store()
        .rally(id)
        .await
        .unwrap()
        .unwrap()
        .starts_at;
    f.clock.set(start - Duration::hours(24));
    step(&f, &n).await;
    assert_eq!(
        *n.posted.lock().unwrap(),
        [(OutboxKind::ChannelReminder, CHANNEL)],
        "the day-before channel reminder"
    );
    f.service
        .record_card(&MOD, id, 4242, 5151, CardKind::Announcement)
        .await
        .unwrap();

    f.service
        .cancel_rally(&MOD, id, Some("storm warning"))
        .await
        .unwrap();
    step(&f, &n).await;
    let dms = n.dms();
    assert_eq!(dms.len(), 2);
    assert!(
        dms[0].1.contains("is cancelled") && dms[0].1.contains("storm warning"),
        "{}",
        dms[0].1
    );
    let mut cards: Vec<(i64, i64)> = n
        .edits()
        .iter()
        .inspect(|e| assert_eq!(e.view.rally.status, RallyStatus::Cancelled))
        .map(|e| (e.channel_id, e.message_id))
        .collect();
    cards.sort();
    assert_eq!(cards, [(CHANNEL, 9001), (4242, 5151)]);
    // And no reminder goes out for it any more.
    f.clock.set(start - Duration::hours(1));
    step(&f, &n).await;
    assert_eq!(n.posted.lock().unwrap().len(), 1);
}

#[tokio::test]
async fn a_closed_dm_is_recorded_and_told_once_next_time() {
    let f = fixture().await;
    let n = Recorder {
        closed: [BOB.user_id].into(),
        ..Default::default()
    };
    let id = with_rsvps(&f).await;
    f.service.cancel_rally(&MOD, id, None).await.unwrap();
    step(&f, &n).await;
    assert_eq!(n.dms().len(), 1, "Alice heard; Bob's DMs are closed");
    let items = f.service.store().outbox_of_rally(id).await.unwrap();
    let bob = items
        .iter()
        .find(|i| i.kind == OutboxKind::Notice && i.target_id == BOB.user_id)
        .unwrap();
    assert_eq!(bob.status, OutboxStatus::Failed);
    // Not retried.
    step(&f, &n).await;
    assert!(n.dms().is_empty());
    let told = f.service.untold_failures(&BOB).await.unwrap();
    assert_eq!(told.len(), 1);
    let words = crate::text::untold(&told[0], crate::i18n::Lang::En);
    assert!(words.contains(&format!("rally #{id}")), "{words}");
    assert!(words.contains("your direct messages are closed"), "{words}");
    assert!(
        f.service.untold_failures(&BOB).await.unwrap().is_empty(),
        "told once"
    );
    assert!(f.service.untold_failures(&ALICE).await.unwrap().is_empty());
}

#[tokio::test]
async fn pending_rallies_and_people_who_never_answered_hear_nothing() {
    let f = fixture().await;
    let n = Recorder::default();
    let id = f
        .service
        .create_rally(&CAROL, new_rally("Pending", "2026-12-05 18:00"))
        .await
        .unwrap()
        .view
        .rally
        .id;
    let edit = RallyEdit {
        when: Some("2026-12-07 18:00".into()),
        ..Default::default()
    };
    f.service.edit_rally(&CAROL, id, edit).await.unwrap();
    f.service.cancel_rally(&CAROL, id, None).await.unwrap();
    step(&f, &n).await;
    assert!(n.dms().is_empty() && n.edits().is_empty());
    assert!(f
        .service
        .store()
        .outbox_of_rally(id)
        .await
        .unwrap()
        .iter()
        .all(|i| i.kind.is_reminder()));
}

#[tokio::test]
async fn a_claim_cut_off_by_a_crash_is_resent_only_while_its_nonce_holds() {
    let f = fixture().await;
    let n = Recorder::default();
    let id = with_rsvps(&f).await;
    f.service.cancel_rally(&MOD, id, None).await.unwrap();
    // Claimed, then the process died before recording the outcome.
    let now = f.service.now();
    let claimed = f.service.store().claim_due(now, 100).await.unwrap();
    assert_eq!(claimed.len(), 2);
    f.clock.set(now + Duration::minutes(10));
    let (requeued, abandoned) = f.service.recover_outbox().await.unwrap();
    assert_eq!((requeued, abandoned), (0, 2), "too old to resend safely");
    step(&f, &n).await;
    assert!(n.dms().is_empty(), "never sent twice");
}

#[tokio::test]
async fn cards_of_another_server_cannot_be_recorded() {
    let f = fixture().await;
    let id = with_rsvps(&f).await;
    let err = user_err(
        f.service
            .record_card(&OTHER_MOD, id, 1, 2, CardKind::Announcement)
            .await,
    );
    assert_eq!(err, UserError::RallyNotFound { id });
    assert!(f
        .service
        .store()
        .cards_of_rally(id)
        .await
        .unwrap()
        .is_empty());
}

/// A change DM that could not be delivered is listed for moderators by `/rallymod status`,
/// with the rally's title and the reason, and only for the rally's own server.
#[tokio::test]
async fn moderators_see_failed_change_messages() {
    let f = fixture().await;
    let n = Recorder {
        closed: [BOB.user_id].into(),
        ..Default::default()
    };
    let id = with_rsvps(&f).await;
    assert!(f.service.delivery_failures(&MOD).await.unwrap().is_empty());
    f.service.cancel_rally(&MOD, id, None).await.unwrap();
    step(&f, &n).await;
    let failed = f.service.delivery_failures(&MOD).await.unwrap();
    assert_eq!(failed.reminders().count(), 0, "{failed:?}");
    assert_eq!(failed.messages().count(), 1, "{failed:?}");
    let (notice, title) = failed.messages().next().unwrap();
    assert_eq!(
        (
            notice.rally_id,
            notice.kind,
            notice.target_id,
            title.as_str()
        ),
        (id, OutboxKind::Notice, BOB.user_id, "March")
    );
    assert!(notice.last_error.is_some(), "{notice:?}");
    // Telling Bob does not clear it for the moderators.
    assert_eq!(f.service.untold_failures(&BOB).await.unwrap().len(), 1);
    assert_eq!(
        f.service
            .delivery_failures(&MOD)
            .await
            .unwrap()
            .messages()
            .count(),
        1
    );

    let refused = user_err(f.service.delivery_failures(&ALICE).await);
    assert!(
        matches!(refused, UserError::ModeratorsOnly { .. }),
        "{refused:?}"
    );
    let elsewhere = Actor {
        server_id: SERVER + 1,
        ..MOD
    };
    assert!(f
        .service
        .delivery_failures(&elsewhere)
        .await
        .unwrap()
        .is_empty());
}
