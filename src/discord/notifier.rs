//! The outbox through Discord: the notifier that posts reminders, direct messages, card edits
//! and posts for moderators, paced under Discord's limits.
use std::collections::{HashMap, VecDeque};
use std::sync::Arc;
use std::time::Duration;

use serenity::all::{
    ChannelId, CreateAllowedMentions, CreateEmbed, CreateMessage, EditMessage, Http, HttpError,
    MessageId, Nonce, UserId,
};
use tokio::sync::Mutex;
use tokio::time::Instant;

use super::components::{moderation_row, rsvp_row};
use super::escape::{markdown, markdown_keeping_timestamps};
use super::render::card;
use super::style::{Discord, DiscordIn};
use crate::domain::{Notice, RallyStatus, RallyView};
use crate::i18n::Lang;
use crate::outbox::{Delivery, Message, Notifier, SendError};
use crate::text;

/// Requests per second the notifier allows itself, with `CREDIT` slots of catch-up: at most 50
/// in any second, Discord's global limit (interaction replies don't count against it).
pub const REQUESTS_PER_SECOND: u32 = 48;
const CREDIT: u32 = 2;

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

impl DiscordNotifier {
    /// A direct message channel with `user`.
    async fn dm_channel(&self, user: i64) -> Result<ChannelId, SendError> {
        self.pace().await;
        Ok(UserId::new(user as u64)
            .create_dm_channel(&self.http)
            .await
            .map_err(classify)?
            .id)
    }

    /// Posts `message` in `channel` with the delivery's nonce, within the channel's limit.
    async fn post(
        &self,
        channel: ChannelId,
        message: CreateMessage,
        nonce: &str,
    ) -> Result<MessageId, SendError> {
        if let Err(after) = self.channel_slot(channel.get()) {
            return Err(SendError::Paced { after });
        }
        self.pace().await;
        let message = message
            .allowed_mentions(CreateAllowedMentions::new())
            // The same item sent twice (after a crash) is one message on Discord.
            .nonce(Nonce::String(nonce.to_string()))
            .enforce_nonce(true);
        channel
            .send_message(&self.http, message)
            .await
            .map(|posted| posted.id)
            .map_err(classify)
    }

    async fn edit(&self, channel: i64, message: i64, edit: EditMessage) -> Result<(), SendError> {
        self.pace().await;
        ChannelId::new(channel as u64)
            .edit_message(&self.http, MessageId::new(message as u64), edit)
            .await
            .map(|_| ())
            .map_err(classify)
    }
}

/// A rally's card with its RSVP buttons while it takes answers, worded in `lang`.
fn card_with_buttons(
    view: &RallyView,
    lang: Lang,
) -> (CreateEmbed, Vec<serenity::all::CreateActionRow>) {
    let buttons = if view.rally.status == RallyStatus::Approved {
        vec![rsvp_row(view, lang)]
    } else {
        Vec::new()
    };
    (card(view, None, lang), buttons)
}

impl Notifier for DiscordNotifier {
    async fn send(&self, d: &Delivery) -> Result<Option<i64>, SendError> {
        let style = DiscordIn(d.lang);
        match &d.message {
            Message::ChannelReminder {
                channel,
                lead,
                view,
            } => {
                let (embed, buttons) = card_with_buttons(view, d.lang);
                let message = CreateMessage::new()
                    .content(text::reminder(*lead, &view.rally, &style, d.lang))
                    .embed(embed)
                    .components(buttons);
                let channel = ChannelId::new(*channel as u64);
                let posted = self.post(channel, message, &d.nonce).await?;
                Ok(Some(posted.get() as i64))
            }
            Message::PersonalReminder { user, lead, view } => {
                let (embed, buttons) = card_with_buttons(view, d.lang);
                let message = CreateMessage::new()
                    .content(text::reminder(*lead, &view.rally, &style, d.lang))
                    .embed(embed)
                    .components(buttons);
                let channel = self.dm_channel(*user).await?;
                // A DM's card is the person's own; only channel cards are edited later.
                self.post(channel, message, &d.nonce).await.map(|_| None)
            }
            Message::Notice {
                user,
                notice,
                rally,
            } => {
                let words = match notice {
                    // Written before notices were values: its timestamps stay live.
                    Notice::Text { text } => markdown_keeping_timestamps(text),
                    other => text::notice(other, rally, &style, d.lang),
                };
                let channel = self.dm_channel(*user).await?;
                let message = CreateMessage::new().content(words);
                self.post(channel, message, &d.nonce).await.map(|_| None)
            }
            Message::CardEdit {
                channel,
                message,
                note,
                view,
            } => {
                let (embed, buttons) = card_with_buttons(view, d.lang);
                let edit = EditMessage::new()
                    .content(markdown(&text::card_note(*note, view.rally.id, d.lang)))
                    .embed(embed)
                    .components(buttons)
                    .allowed_mentions(CreateAllowedMentions::new());
                self.edit(*channel, *message, edit).await.map(|_| None)
            }
            Message::ModeratorPost {
                channel,
                view,
                clash,
            } => {
                let r = &view.rally;
                let mut content = text::moderator_post(r, &style, d.lang);
                if !clash.is_empty() {
                    content.push_str(&format!(
                        "\n{}",
                        text::clash_words_in(clash, &Discord, d.lang)
                    ));
                }
                let message = CreateMessage::new()
                    .content(content)
                    .embed(card(view, None, d.lang))
                    .components(vec![moderation_row(r.id, d.lang)]);
                let channel = ChannelId::new(*channel as u64);
                self.post(channel, message, &d.nonce).await.map(|_| None)
            }
        }
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
