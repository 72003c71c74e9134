//! The one durable outbox: everything that leaves the process later (channel and personal
//! reminders, direct messages about a rally, edits of posted cards, posts for moderators) is a
//! row of one table with one lifecycle, delivered by one step function of `now`.
//!
//! Each item goes out exactly once across crashes, and never twice. It is claimed (`sending`)
//! before it is handed to the notifier, which sends posts and direct messages with the item's
//! nonce and `enforce_nonce`, so Discord returns the first message instead of posting a second.
//! A claim found at the next start (the process died between sending and recording) is sent
//! again with that nonce when it is younger than `NONCE_WINDOW`; an older one is past the window
//! Discord remembers nonces for, so it becomes `unknown` and is never resent: a duplicate
//! reminder would teach people to ignore them. A card edit shows the rally as it is, so it is
//! always safe to repeat. The outcome of every claim is written before it is logged.
mod step;

use std::future::Future;

use chrono::Duration;

use crate::domain::{CardNote, Clash, Notice, OutboxKind, Rally, RallyView};
use crate::i18n::Lang;
use crate::store::Store;

pub use step::StepReport;

/// An item that came due while rallybot was down is still sent if its rally started (a
/// reminder) or ended (a notice) less than this long ago; otherwise it is skipped.
pub const LATE_GRACE: Duration = Duration::minutes(15);
/// How long a claim may be resent after a crash: within the few minutes Discord remembers a
/// message nonce.
pub const NONCE_WINDOW: Duration = Duration::minutes(2);
/// Transient failures are retried this many times in all.
pub const MAX_ATTEMPTS: i64 = 6;
/// How many items one pass of a step claims at most.
pub const BATCH: i64 = 100;
/// Deliveries under way at once within a step; the notifier still paces them. A direct
/// message is two requests, and waiting for each answer in turn would leave most of the
/// notifier's send slots unused.
pub const IN_FLIGHT: usize = 8;

/// One item to deliver, with the rally as it is now.
#[derive(Debug, Clone, PartialEq)]
pub struct Delivery {
    pub id: i64,
    /// Sent with posts and direct messages, so a resend after a crash is one message.
    pub nonce: String,
    pub message: Message,
    /// The language it is worded in: its reader's, or its channel's server's.
    pub lang: Lang,
}

/// The language of what goes to `reader` (a direct message), or to a channel of the server
/// when `reader` is `None`: the reader's last, else the server's.
pub async fn language_for(
    store: &Store,
    server_id: i64,
    reader: Option<i64>,
) -> crate::error::Result<Lang> {
    if let Some(user) = reader {
        if let Some(lang) = store.user_language(user).await? {
            return Ok(lang);
        }
    }
    Ok(store.server_settings(server_id).await?.lang())
}

/// What to send, as values: each notifier words it for its reader.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// A reminder card posted in a channel, `lead` before the start.
    ChannelReminder {
        channel: i64,
        lead: Duration,
        view: RallyView,
    },
    /// A reminder card sent to someone going.
    PersonalReminder {
        user: i64,
        lead: Duration,
        view: RallyView,
    },
    /// A direct message about a rally.
    Notice {
        user: i64,
        notice: Notice,
        rally: Rally,
    },
    /// An edit of a posted card to show the rally as it is now.
    CardEdit {
        channel: i64,
        message: i64,
        note: CardNote,
        view: RallyView,
    },
    /// A new submission for moderators, with Approve and Reject buttons.
    ModeratorPost {
        channel: i64,
        view: RallyView,
        clash: Vec<Clash>,
    },
}

impl Message {
    pub fn kind(&self) -> OutboxKind {
        match self {
            Message::ChannelReminder { .. } => OutboxKind::ChannelReminder,
            Message::PersonalReminder { .. } => OutboxKind::PersonalReminder,
            Message::Notice { .. } => OutboxKind::Notice,
            Message::CardEdit { .. } => OutboxKind::CardEdit,
            Message::ModeratorPost { .. } => OutboxKind::ModeratorPost,
        }
    }
}

/// Why a delivery failed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SendError {
    /// Worth trying again (rate limited, server error, network): after `retry_after` if known.
    #[error("{reason}")]
    Transient {
        reason: String,
        retry_after: Option<std::time::Duration>,
    },
    /// Trying again can't help (missing access, unknown channel).
    #[error("{reason}")]
    Permanent { reason: String },
    /// The person doesn't accept direct messages from the bot.
    #[error("their direct messages are closed")]
    DmsClosed,
    /// Not sent, to stay under a rate limit: try again `after` from now, not counted as an
    /// attempt.
    #[error("held back for {after:?} to stay under a rate limit")]
    Paced { after: std::time::Duration },
}

/// Where the outbox leaves the process: Discord in the bot, the terminal in the console, a
/// recorder in tests.
pub trait Notifier: Sync {
    /// Sends one delivery; returns the message a posted channel card became, so it can be
    /// edited when its rally changes.
    fn send(
        &self,
        delivery: &Delivery,
    ) -> impl Future<Output = Result<Option<i64>, SendError>> + Send;
}

/// Backoff for the `attempt`-th failure (from 1): 5 s doubling to at most 5 minutes, or what
/// Discord asked for when longer.
pub fn backoff(attempt: i64, retry_after: Option<std::time::Duration>) -> Duration {
    let exp = Duration::seconds(5 * (1_i64 << (attempt - 1).clamp(0, 6))).min(Duration::minutes(5));
    let asked = retry_after
        .and_then(|d| Duration::from_std(d).ok())
        .unwrap_or(Duration::zero());
    exp.max(asked)
}

/// The outbox over a store.
#[derive(Clone)]
pub struct Outbox {
    store: Store,
}

impl Outbox {
    pub fn new(store: Store) -> Self {
        Outbox { store }
    }

    /// At start-up: items a previous process left mid-send are sent again (same nonce, so
    /// Discord keeps one) when recent, and otherwise marked unknown. Returns (requeued,
    /// abandoned).
    pub async fn recover(
        &self,
        now: chrono::DateTime<chrono::Utc>,
    ) -> crate::error::Result<(u64, u64)> {
        let (requeued, abandoned) = self.store.recover_outbox(now, now - NONCE_WINDOW).await?;
        if requeued + abandoned > 0 {
            tracing::warn!(
                requeued,
                abandoned,
                "outbox items cut off mid-send by the last stop"
            );
        }
        Ok((requeued, abandoned))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_honours_retry_after() {
        assert_eq!(backoff(1, None), Duration::seconds(5));
        assert_eq!(backoff(2, None), Duration::seconds(10));
        assert_eq!(backoff(4, None), Duration::seconds(40));
        assert_eq!(backoff(20, None), Duration::minutes(5));
        assert_eq!(
            backoff(1, Some(std::time::Duration::from_secs(30))),
            Duration::seconds(30)
        );
        assert_eq!(
            backoff(3, Some(std::time::Duration::from_millis(100))),
            Duration::seconds(20)
        );
    }
}
