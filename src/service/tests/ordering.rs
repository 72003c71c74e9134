//! The outbox keeps each channel's and each person's messages in the order they were queued,
//! while different destinations are still delivered side by side.
use std::sync::Mutex;

use chrono::{Duration, TimeZone, Utc};

use super::*;
use crate::outbox::{Delivery, Message, Notifier, SendError};

const CHANNEL: i64 = 555;
const OTHER_CHANNEL: i64 = 556;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Event {
    Start(i64),
    End(i64),
}

/// Records when each channel reminder's send starts and ends, and lets others run in between;
/// the first `fail_first` sends fail transiently. With `hold_first`, the first send to
/// `CHANNEL` does not finish before a send to `OTHER_CHANNEL` has started (or, were deliveries
/// one at a time, before a deadline that makes the test fail instead of hang).
#[derive(Default)]
struct Interleaving {
    events: Mutex<Vec<(i64, Event)>>,
    fail_first: Mutex<usize>,
    hold_first: bool,
    other_started: tokio::sync::Notify,
}

impl Notifier for Interleaving {
    async fn send(&self, d: &Delivery) -> Result<Option<i64>, SendError> {
        let Message::ChannelReminder { channel, view, .. } = &d.message else {
            return Ok(None);
        };
        let id = view.rally.id;
        let first = {
            let mut events = self.events.lock().unwrap();
            events.push((*channel, Event::Start(id)));
            events.len() == 1
        };
        if *channel == OTHER_CHANNEL {
            self.other_started.notify_one();
        }
        if self.hold_first && first && *channel == CHANNEL {
            let wait = self.other_started.notified();
            let _ = tokio::time::timeout(std::time::Duration::from_secs(10), wait).await;
        }
        // A send is a round trip: give every other delivery in flight its turn.
        for _ in 0..4 {
            tokio::task::yield_now().await;
        }
        {
            let mut fail = self.fail_first.lock().unwrap();
            if *fail > 0 {
                *fail -= 1;
                return Err(SendError::Transient {
                    reason: "502 Bad Gateway".into(),
                    retry_after: None,
                });
            }
        }
        self.events.lock().unwrap().push((*channel, Event::End(id)));
        Ok(None)
    }
}

impl Interleaving {
    fn take(&self) -> Vec<(i64, Event)> {
        std::mem::take(&mut *self.events.lock().unwrap())
    }
}

/// A listed rally announced in `channel`, created `n`th so its reminders are queued in turn.
async fn listed_in(f: &Fixture, channel: i64, n: usize) -> i64 {
    let new = NewRally {
        title: format!("Rally {n}"),
        place: "Austin, TX".into(),
        when: "2026-12-05 18:00".into(),
        ..Default::default()
    };
    f.service
        .create_rally_in(&MOD, Some(channel), new)
        .await
        .unwrap()
        .view
        .rally
        .id
}

fn in_channel(events: &[(i64, Event)], channel: i64) -> Vec<Event> {
    events
        .iter()
        .filter(|(c, _)| *c == channel)
        .map(|(_, e)| *e)
        .collect()
}

#[tokio::test]
async fn one_channels_posts_go_out_one_at_a_time_in_order_others_alongside() {
    let f = fixture().await;
    let first = listed_in(&f, CHANNEL, 1).await;
    let other = listed_in(&f, OTHER_CHANNEL, 2).await;
    let second = listed_in(&f, CHANNEL, 3).await;
    let third = listed_in(&f, CHANNEL, 4).await;
    let n = Interleaving {
        hold_first: true,
        ..Default::default()
    };
    let day_before = Utc.with_ymd_and_hms(2026, 12, 5, 0, 0, 0).unwrap();
    f.clock.set(day_before);
    let report = f.service.deliver_due(day_before, &n).await.unwrap();
    assert_eq!(report.sent, 4, "{report:?}");
    let events = n.take();
    use Event::*;
    assert_eq!(
        in_channel(&events, CHANNEL),
        [
            Start(first),
            End(first),
            Start(second),
            End(second),
            Start(third),
            End(third)
        ],
        "{events:?}"
    );
    // The other channel didn't wait for the first to be done.
    let other_started = events
        .iter()
        .position(|e| *e == (OTHER_CHANNEL, Start(other)))
        .unwrap();
    let first_ended = events
        .iter()
        .position(|e| *e == (CHANNEL, End(first)))
        .unwrap();
    assert!(other_started < first_ended, "{events:?}");
}

#[tokio::test]
async fn a_post_to_be_retried_holds_back_the_ones_after_it_in_its_channel() {
    let f = fixture().await;
    let first = listed_in(&f, CHANNEL, 1).await;
    let second = listed_in(&f, CHANNEL, 2).await;
    let n = Interleaving {
        fail_first: Mutex::new(1),
        ..Default::default()
    };
    let day_before = Utc.with_ymd_and_hms(2026, 12, 5, 0, 0, 0).unwrap();
    f.clock.set(day_before);
    let report = f.service.deliver_due(day_before, &n).await.unwrap();
    assert_eq!((report.sent, report.retried), (0, 1), "{report:?}");
    assert_eq!(
        report.deferred, 1,
        "the second waits for the first: {report:?}"
    );
    use Event::*;
    assert_eq!(in_channel(&n.take(), CHANNEL), [Start(first)]);

    let retry_at = report.next_due.expect("both are still pending");
    assert!(retry_at > day_before && retry_at < day_before + Duration::minutes(5));
    f.clock.set(retry_at);
    let report = f.service.deliver_due(retry_at, &n).await.unwrap();
    assert_eq!(report.sent, 2, "{report:?}");
    assert_eq!(
        in_channel(&n.take(), CHANNEL),
        [Start(first), End(first), Start(second), End(second)]
    );
    let mut attempts = Vec::new();
    for id in [first, second] {
        attempts.push(f.service.store().outbox_of_rally(id).await.unwrap()[0].attempts);
    }
    assert_eq!(attempts, [2, 1], "waiting is not an attempt");
}
