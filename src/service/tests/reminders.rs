//! The reminder outbox driven step by step on a hand-moved clock.
use std::collections::VecDeque;
use std::sync::Mutex;

use chrono::{DateTime, Duration, TimeZone, Utc};

use super::*;
use crate::domain::{OutboxItem, OutboxKind, OutboxStatus, RsvpChoice};
use crate::outbox::{Delivery, Message, Notifier, SendError};
use crate::service::{RallyEdit, SettingsChange};

/// Records reminders delivered; answers with queued failures first.
#[derive(Default)]
struct Recorder {
    delivered: Mutex<Vec<(OutboxKind, i64, i64, Duration)>>,
    failures: Mutex<VecDeque<SendError>>,
}

impl Recorder {
    fn failing(errors: impl IntoIterator<Item = SendError>) -> Self {
        Recorder {
            failures: Mutex::new(errors.into_iter().collect()),
            ..Default::default()
        }
    }

    fn take(&self) -> Vec<(OutboxKind, i64, i64, Duration)> {
        std::mem::take(&mut *self.delivered.lock().unwrap())
    }
}

impl Notifier for Recorder {
    async fn send(&self, d: &Delivery) -> Result<Option<i64>, SendError> {
        if let Some(e) = self.failures.lock().unwrap().pop_front() {
            return Err(e);
        }
        let (target, lead, view) = match &d.message {
            Message::ChannelReminder {
                channel,
                lead,
                view,
            } => (*channel, *lead, view),
            Message::PersonalReminder { user, lead, view } => (*user, *lead, view),
            _ => return Ok(None),
        };
        self.delivered
            .lock()
            .unwrap()
            .push((d.message.kind(), target, view.rally.id, lead));
        Ok(None)
    }
}

/// The rally's reminders in the outbox, in the order they are due.
async fn reminders_of(f: &Fixture, id: i64) -> Vec<OutboxItem> {
    let all = f.service.store().outbox_of_rally(id).await.unwrap();
    all.into_iter().filter(|i| i.kind.is_reminder()).collect()
}

const CHANNEL: i64 = 555;

async fn listed(f: &Fixture, place: &str, when: &str) -> (i64, DateTime<Utc>) {
    let new = NewRally {
        // Distinct titles: the same title, place and day would be refused as a duplicate.
        title: format!("R {when}"),
        place: place.into(),
        when: when.into(),
        ..Default::default()
    };
    let r = f
        .service
        .create_rally_in(&MOD, Some(CHANNEL), new)
        .await
        .unwrap()
        .view
        .rally;
    (r.id, r.starts_at)
}

async fn step(
    f: &Fixture,
    at: DateTime<Utc>,
    n: &Recorder,
) -> Vec<(OutboxKind, i64, i64, Duration)> {
    f.clock.set(at);
    f.service.deliver_due(at, n).await.unwrap();
    n.take()
}

#[tokio::test]
async fn channel_reminders_go_out_once_at_each_offset() {
    let f = fixture().await;
    let n = Recorder::default();
    let (id, start) = listed(&f, "Austin, TX", "2026-12-05 18:00").await;
    assert!(
        step(&f, start - Duration::hours(24) - Duration::seconds(1), &n)
            .await
            .is_empty()
    );
    assert_eq!(
        step(&f, start - Duration::hours(24), &n).await,
        [(
            OutboxKind::ChannelReminder,
            CHANNEL,
            id,
            Duration::hours(24)
        )]
    );
    assert!(
        step(&f, start - Duration::hours(2), &n).await.is_empty(),
        "sent once only"
    );
    assert_eq!(
        step(&f, start - Duration::hours(1), &n).await,
        [(OutboxKind::ChannelReminder, CHANNEL, id, Duration::hours(1))]
    );
    assert!(step(&f, start, &n).await.is_empty());
    let statuses: Vec<OutboxStatus> = reminders_of(&f, id)
        .await
        .iter()
        .map(|r| r.status)
        .collect();
    assert_eq!(statuses, [OutboxStatus::Sent, OutboxStatus::Sent]);
}

#[tokio::test]
async fn pending_and_cancelled_rallies_send_nothing() {
    let f = fixture().await;
    let n = Recorder::default();
    let pending = f
        .service
        .create_rally(&ALICE, new_rally("Pending", "2026-12-05 18:00"))
        .await
        .unwrap()
        .view
        .rally;
    assert!(reminders_of(&f, pending.id).await.is_empty());
    let (id, start) = listed(&f, "Austin, TX", "2026-12-05 18:00").await;
    f.service
        .cancel_rally(&MOD, id, Some("storm"))
        .await
        .unwrap();
    assert!(step(&f, start, &n).await.is_empty());
    assert!(reminders_of(&f, id).await.is_empty());
    // Approval schedules them.
    f.clock
        .set(Utc.with_ymd_and_hms(2026, 11, 28, 12, 0, 0).unwrap());
    f.service.approve_rally(&MOD, pending.id).await.unwrap();
    assert_eq!(
        reminders_of(&f, pending.id).await.len(),
        0,
        "no channel known for a rally made without one"
    );
}

#[tokio::test]
async fn an_edited_start_moves_the_reminders() {
    let f = fixture().await;
    let n = Recorder::default();
    let (id, start) = listed(&f, "Austin, TX", "2026-12-05 18:00").await;
    f.service
        .edit_rally(
            &MOD,
            id,
            RallyEdit {
                when: Some("2026-12-06 18:00".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(
        step(&f, start - Duration::hours(1), &n).await.is_empty(),
        "the old times are gone"
    );
    let moved = start + Duration::days(1);
    let at_24h = step(&f, moved - Duration::hours(24), &n).await;
    assert_eq!(
        at_24h,
        [(
            OutboxKind::ChannelReminder,
            CHANNEL,
            id,
            Duration::hours(24)
        )]
    );
    let at_1h = step(&f, moved - Duration::hours(1), &n).await;
    assert_eq!(
        at_1h,
        [(OutboxKind::ChannelReminder, CHANNEL, id, Duration::hours(1))]
    );
}

#[tokio::test]
async fn the_24h_reminder_keeps_its_instant_across_spring_forward() {
    let f = fixture().await;
    let n = Recorder::default();
    // Clocks in New York jump forward at 2 AM on 2027-03-14; the rally is 9 AM the next day.
    let (_, start) = listed(&f, "New York, NY", "2027-03-15 09:00").await;
    assert_eq!(start, Utc.with_ymd_and_hms(2027, 3, 15, 13, 0, 0).unwrap());
    let due = start - Duration::hours(24);
    assert_eq!(
        due,
        Utc.with_ymd_and_hms(2027, 3, 14, 13, 0, 0).unwrap(),
        "9 AM EDT the day before"
    );
    assert!(step(&f, due - Duration::seconds(1), &n).await.is_empty());
    assert_eq!(step(&f, due, &n).await.len(), 1);
}

#[tokio::test]
async fn going_people_get_their_own_reminder() {
    let f = fixture().await;
    let n = Recorder::default();
    let (id, start) = listed(&f, "Austin, TX", "2026-12-05 18:00").await;
    f.service.rsvp(&BOB, id, RsvpChoice::Going).await.unwrap();
    f.service.rsvp(&ALICE, id, RsvpChoice::Going).await.unwrap();
    f.service
        .remind_me(&ALICE, id, Some(Duration::minutes(30)))
        .await
        .unwrap();
    f.service
        .rsvp(&ALICE_ELSEWHERE, id, RsvpChoice::Interested)
        .await
        .unwrap_err();
    let at_1h = step(&f, start - Duration::hours(1), &n).await;
    assert!(
        at_1h.contains(&(
            OutboxKind::PersonalReminder,
            BOB.user_id,
            id,
            Duration::hours(1)
        )),
        "{at_1h:?}"
    );
    assert!(!at_1h.iter().any(|d| d.1 == ALICE.user_id), "{at_1h:?}");
    assert_eq!(
        step(&f, start - Duration::minutes(30), &n).await,
        [(
            OutboxKind::PersonalReminder,
            ALICE.user_id,
            id,
            Duration::minutes(30)
        )]
    );
}

#[tokio::test]
async fn not_going_or_off_means_no_personal_reminder() {
    let f = fixture().await;
    let n = Recorder::default();
    let (id, start) = listed(&f, "Austin, TX", "2026-12-05 18:00").await;
    f.service.rsvp(&BOB, id, RsvpChoice::Going).await.unwrap();
    f.service
        .rsvp(&BOB, id, RsvpChoice::Interested)
        .await
        .unwrap();
    f.service.rsvp(&ALICE, id, RsvpChoice::Going).await.unwrap();
    f.service.remind_me(&ALICE, id, None).await.unwrap();
    let err = user_err(
        f.service
            .remind_me(&BOB, id, Some(Duration::hours(2)))
            .await,
    );
    assert_eq!(err, UserError::RemindNeedsGoing { id });
    let sent = step(&f, start - Duration::hours(1), &n).await;
    assert!(
        sent.iter().all(|d| d.0 == OutboxKind::ChannelReminder),
        "{sent:?}"
    );
}

#[tokio::test]
async fn after_downtime_late_reminders_go_only_while_the_rally_is_fresh() {
    let f = fixture().await;
    let n = Recorder::default();
    let (fresh, fresh_start) = listed(&f, "Austin, TX", "2026-12-05 18:00").await;
    let (stale, _) = listed(&f, "Austin, TX", "2026-12-05 17:00").await;
    // The bot was down from well before both until 10 minutes after the fresh one began.
    let back = fresh_start + Duration::minutes(10);
    let sent = step(&f, back, &n).await;
    let rallies: Vec<i64> = sent.iter().map(|d| d.2).collect();
    assert_eq!(
        rallies,
        [fresh, fresh],
        "both of the fresh rally's, none of the stale one's"
    );
    let statuses: Vec<OutboxStatus> = reminders_of(&f, stale)
        .await
        .iter()
        .map(|r| r.status)
        .collect();
    assert_eq!(statuses, [OutboxStatus::Skipped, OutboxStatus::Skipped]);
}

#[tokio::test]
async fn transient_failures_are_retried_with_backoff_honouring_retry_after() {
    let f = fixture().await;
    let (id, start) = listed(&f, "Austin, TX", "2026-12-05 18:00").await;
    let due = start - Duration::hours(24);
    let slow_down = SendError::Transient {
        reason: "429".into(),
        retry_after: Some(std::time::Duration::from_secs(30)),
    };
    let n = Recorder::failing([
        slow_down,
        SendError::Transient {
            reason: "502".into(),
            retry_after: None,
        },
    ]);
    assert!(step(&f, due, &n).await.is_empty());
    let r = &reminders_of(&f, id).await[0];
    assert_eq!(
        (r.status, r.next_attempt_at, r.attempts),
        (OutboxStatus::Pending, due + Duration::seconds(30), 1)
    );
    assert!(
        step(&f, due + Duration::seconds(29), &n).await.is_empty(),
        "not before retry_after"
    );
    assert!(
        step(&f, due + Duration::seconds(30), &n).await.is_empty(),
        "the 502"
    );
    // Second failure: 10 s backoff.
    assert_eq!(step(&f, due + Duration::seconds(40), &n).await.len(), 1);
    let r = &reminders_of(&f, id).await[0];
    assert_eq!((r.status, r.attempts), (OutboxStatus::Sent, 3));
}

#[tokio::test]
async fn permanent_failures_and_closed_dms_are_recorded_not_retried() {
    let f = fixture().await;
    let (id, start) = listed(&f, "Austin, TX", "2026-12-05 18:00").await;
    f.service.rsvp(&BOB, id, RsvpChoice::Going).await.unwrap();
    let n = Recorder::failing([
        SendError::Permanent {
            reason: "403 Missing Access in channel 555".into(),
        },
        SendError::DmsClosed,
    ]);
    let at = start - Duration::hours(1);
    f.service
        .store()
        .replace_pending_reminders(id, Some((OutboxKind::ChannelReminder, CHANNEL)), &[], at)
        .await
        .unwrap();
    f.service
        .update_settings(
            &MOD,
            SettingsChange {
                reminder_offsets: Some(vec![Duration::hours(1)]),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(step(&f, at, &n).await.is_empty());
    assert!(
        step(&f, at + Duration::minutes(30), &n).await.is_empty(),
        "never retried"
    );
    let failed = f.service.store().failed_items(SERVER, 10).await.unwrap();
    assert_eq!(failed.len(), 2);
    let reasons: Vec<&str> = failed
        .iter()
        .map(|r| r.last_error.as_deref().unwrap())
        .collect();
    assert!(
        reasons.contains(&"403 Missing Access in channel 555"),
        "{reasons:?}"
    );
    assert!(
        reasons.contains(&"their direct messages are closed"),
        "{reasons:?}"
    );
    // Bob is told once.
    assert_eq!(
        f.service
            .store()
            .take_untold_failures(SERVER, BOB.user_id)
            .await
            .unwrap()
            .len(),
        1
    );
    assert!(f
        .service
        .store()
        .take_untold_failures(SERVER, BOB.user_id)
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn a_reminder_cut_off_mid_send_is_resent_only_within_the_nonce_window() {
    let f = fixture().await;
    let n = Recorder::default();
    let (id, start) = listed(&f, "Austin, TX", "2026-12-05 18:00").await;
    let day = start - Duration::hours(24);
    let hour = start - Duration::hours(1);
    // A process claimed the 24h reminder and died before recording the outcome; it restarts a
    // minute later: the reminder goes again (Discord keeps one message per nonce).
    assert_eq!(f.service.store().claim_due(day, 10).await.unwrap().len(), 1);
    f.clock.set(day + Duration::minutes(1));
    assert_eq!(f.service.recover_outbox().await.unwrap(), (1, 0));
    let resent = step(&f, day + Duration::minutes(1), &n).await;
    assert_eq!(
        resent,
        [(
            OutboxKind::ChannelReminder,
            CHANNEL,
            id,
            Duration::hours(24)
        )]
    );
    // The 1h one is claimed and the process stays down for ten minutes: too late to resend.
    assert_eq!(
        f.service.store().claim_due(hour, 10).await.unwrap().len(),
        1
    );
    f.clock.set(hour + Duration::minutes(10));
    assert_eq!(f.service.recover_outbox().await.unwrap(), (0, 1));
    assert!(step(&f, hour + Duration::minutes(10), &n).await.is_empty());
    let statuses: Vec<OutboxStatus> = reminders_of(&f, id)
        .await
        .iter()
        .map(|r| r.status)
        .collect();
    assert_eq!(statuses, [OutboxStatus::Sent, OutboxStatus::Unknown]);
}
