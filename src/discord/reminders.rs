//! Reminders through Discord: the notifier that posts them, paced under Discord's global
//! limit, and the scheduler loop that sleeps until the next one is due.
use std::collections::{HashMap, VecDeque};
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use serenity::all::{
    ChannelId, CreateAllowedMentions, CreateMessage, EditMessage, Http, HttpError, MessageId,
    Nonce, UserId,
};
use tokio::sync::{Mutex, Notify};
use tokio::time::Instant;

use super::components::rsvp_row;
use super::escape::{markdown, markdown_keeping_timestamps};
use super::render::card;
use crate::domain::RallyStatus;
use crate::service::changes::CardEdit;
use crate::service::reminders::{reminder_text, Delivery, Notifier, ReminderKind, SendError};
use crate::service::Service;

/// Requests per second the scheduler allows itself, with `CREDIT` slots of catch-up: at most 50
/// in any second, Discord's global limit (interaction replies don't count against it).
pub const REQUESTS_PER_SECOND: u32 = 48;
const CREDIT: u32 = 2;
/// With nothing scheduled, look again after this long anyway.
const IDLE_CHECK: Duration = Duration::from_secs(3600);
/// Reminders written by another process (`rallybot import`) can't wake this one, so it looks
/// again at least this often.
const OUTSIDE_CHANGES: Duration = Duration::from_secs(60);
/// After a failed step (the database was busy, say), try again after this long.
const ERROR_PAUSE: Duration = Duration::from_secs(5);

/// Discord's limit on posting to one channel: 5 messages per 5 seconds.
const CHANNEL_BURST: usize = 5;
const CHANNEL_WINDOW: Duration = Duration::from_secs(5);

pub struct DiscordNotifier {
    http: Arc<Http>,
    next_slot: Mutex<Instant>,
    interval: Duration,
    /// Recent sends per channel, for the per-channel limit.
    recent: std::sync::Mutex<HashMap<u64, VecDeque<Instant>>>,
}

impl DiscordNotifier {
    pub fn new(http: Arc<Http>, per_second: u32) -> Self {
        DiscordNotifier {
            http,
            next_slot: Mutex::new(Instant::now()),
            interval: Duration::from_secs(1) / per_second.max(1),
            recent: std::sync::Mutex::new(HashMap::new()),
        }
    }

    /// Takes a send slot in `channel`, or says how long until one frees up. A held-back
    /// reminder goes back to the outbox, so other channels are not kept waiting.
    fn channel_slot(&self, channel: u64) -> Result<(), Duration> {
        let now = Instant::now();
        let mut recent = self.recent.lock().unwrap_or_else(|e| e.into_inner());
        let sent = recent.entry(channel).or_default();
        while sent
            .front()
            .is_some_and(|t| now.duration_since(*t) >= CHANNEL_WINDOW)
        {
            sent.pop_front();
        }
        if sent.len() >= CHANNEL_BURST {
            return Err(CHANNEL_WINDOW - now.duration_since(sent[0]));
        }
        sent.push_back(now);
        Ok(())
    }

    /// Waits for the next free request slot. A slot missed while the step was busy elsewhere
    /// can be caught up, up to `CREDIT` of them, so stalls don't add up over a long burst.
    async fn pace(&self) {
        let mut next = self.next_slot.lock().await;
        let now = Instant::now();
        let earliest = now.checked_sub(self.interval * CREDIT).unwrap_or(now);
        let at = (*next).max(earliest);
        *next = at + self.interval;
        drop(next);
        tokio::time::sleep_until(at).await;
    }
}

impl Notifier for DiscordNotifier {
    async fn deliver(&self, d: &Delivery) -> Result<(), SendError> {
        self.deliver_posted(d).await.map(|_| ())
    }

    async fn send_dm(&self, user_id: i64, text: &str, nonce: &str) -> Result<(), SendError> {
        self.pace().await;
        let channel = UserId::new(user_id as u64)
            .create_dm_channel(&self.http)
            .await
            .map_err(classify)?
            .id;
        if let Err(after) = self.channel_slot(channel.get()) {
            return Err(SendError::Paced { after });
        }
        self.pace().await;
        let message = CreateMessage::new()
            .content(markdown_keeping_timestamps(text))
            .allowed_mentions(CreateAllowedMentions::new())
            .nonce(Nonce::String(nonce.to_string()))
            .enforce_nonce(true);
        channel
            .send_message(&self.http, message)
            .await
            .map(|_| ())
            .map_err(classify)
    }

    async fn edit_card(&self, edit: &CardEdit) -> Result<(), SendError> {
        self.pace().await;
        let buttons = if edit.view.rally.status == RallyStatus::Approved {
            vec![rsvp_row(&edit.view)]
        } else {
            Vec::new()
        };
        let message = EditMessage::new()
            .content(markdown(&edit.note))
            .embed(card(&edit.view, None))
            .components(buttons)
            .allowed_mentions(CreateAllowedMentions::new());
        ChannelId::new(edit.channel_id as u64)
            .edit_message(&self.http, MessageId::new(edit.message_id as u64), message)
            .await
            .map(|_| ())
            .map_err(classify)
    }

    async fn deliver_posted(&self, d: &Delivery) -> Result<Option<i64>, SendError> {
        let message = CreateMessage::new()
            .content(markdown_keeping_timestamps(&reminder_text(d)))
            .embed(card(&d.view, None))
            .components(vec![rsvp_row(&d.view)])
            .allowed_mentions(CreateAllowedMentions::new())
            // The same reminder sent twice (after a crash) is one message on Discord.
            .nonce(Nonce::String(format!("rallybot-{}", d.reminder_id)))
            .enforce_nonce(true);
        let channel = match d.kind {
            ReminderKind::Channel => ChannelId::new(d.target_id as u64),
            ReminderKind::Personal => {
                self.pace().await;
                UserId::new(d.target_id as u64)
                    .create_dm_channel(&self.http)
                    .await
                    .map_err(classify)?
                    .id
            }
        };
        if let Err(after) = self.channel_slot(channel.get()) {
            return Err(SendError::Paced { after });
        }
        self.pace().await;
        let posted = channel
            .send_message(&self.http, message)
            .await
            .map_err(classify)?;
        // A DM's card is the person's own; only channel cards are edited when a rally changes.
        Ok((d.kind == ReminderKind::Channel).then(|| posted.id.get() as i64))
    }
}

/// Sorts a Discord failure into retry-later or give-up.
fn classify(e: serenity::Error) -> SendError {
    let serenity::Error::Http(HttpError::UnsuccessfulRequest(response)) = &e else {
        // Network trouble and the like: worth another try.
        return SendError::Transient {
            reason: e.to_string(),
            retry_after: None,
        };
    };
    let status = response.status_code.as_u16();
    let code = response.error.code;
    let reason = format!(
        "Discord answered {status} (code {code}): {}",
        response.error.message
    );
    match status {
        // serenity can't read Discord's 429 body, so retry_after is not known here: backoff.
        429 | 500..=599 => SendError::Transient {
            reason,
            retry_after: None,
        },
        403 if code == 50007 => SendError::DmsClosed,
        _ => SendError::Permanent { reason },
    }
}

/// Runs the scheduler until `stop` is notified: one step, then sleep until the next reminder is
/// due or reminders change. Started once per process, not per gateway connection.
pub async fn run_scheduler(service: Service, notifier: DiscordNotifier, stop: Arc<Notify>) {
    if let Err(e) = service.recover_reminders().await {
        crate::error::report(&e, "reminder recovery");
    }
    let changed = service.reminders_changed();
    loop {
        let wait = match service.deliver_due(Utc::now(), &notifier).await {
            Ok(report) => {
                if report.sent + report.failed + report.retried > 0 || report.skipped > 0 {
                    tracing::info!(
                        sent = report.sent,
                        retried = report.retried,
                        failed = report.failed,
                        skipped = report.skipped,
                        "reminders step"
                    );
                }
                report
                    .next_due
                    .map(|at| (at - Utc::now()).to_std().unwrap_or(Duration::ZERO))
                    .unwrap_or(IDLE_CHECK)
                    .min(OUTSIDE_CHANGES)
            }
            Err(e) => {
                crate::error::report(&e, "reminders step");
                ERROR_PAUSE
            }
        };
        tokio::select! {
            _ = tokio::time::sleep(wait) => {}
            _ = changed.notified() => {}
            _ = stop.notified() => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn a_channel_takes_five_messages_per_five_seconds() {
        let notifier = DiscordNotifier::new(Arc::new(Http::new("x.y.z")), 50);
        for _ in 0..5 {
            assert_eq!(notifier.channel_slot(1), Ok(()));
        }
        assert_eq!(notifier.channel_slot(1), Err(CHANNEL_WINDOW));
        assert_eq!(
            notifier.channel_slot(2),
            Ok(()),
            "other channels are not held up"
        );
        tokio::time::advance(Duration::from_secs(2)).await;
        assert_eq!(notifier.channel_slot(1), Err(Duration::from_secs(3)));
        tokio::time::advance(Duration::from_secs(3)).await;
        assert_eq!(notifier.channel_slot(1), Ok(()));
    }

    #[tokio::test(start_paused = true)]
    async fn a_stall_is_caught_up_by_at_most_two_slots() {
        let notifier = DiscordNotifier::new(Arc::new(Http::new("x.y.z")), 50);
        notifier.pace().await;
        tokio::time::advance(Duration::from_secs(1)).await;
        let start = Instant::now();
        for _ in 0..3 {
            notifier.pace().await;
        }
        // The slot due now and two of credit go at once; the next waits for the pace again.
        assert_eq!(start.elapsed(), Duration::ZERO);
        notifier.pace().await;
        assert_eq!(start.elapsed(), Duration::from_millis(20));
    }

    #[tokio::test(start_paused = true)]
    async fn pacing_spaces_requests_evenly() {
        let notifier = DiscordNotifier::new(Arc::new(Http::new("x.y.z")), 50);
        let start = Instant::now();
        for _ in 0..100 {
            notifier.pace().await;
        }
        // 100 slots at 50 per second: the last starts 1.98 s after the first.
        assert_eq!(start.elapsed(), Duration::from_millis(1980));
    }
}
