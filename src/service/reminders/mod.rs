//! Reminders that never silently fail: channel reminders before each rally and personal ones
//! for those going, kept in a durable outbox and delivered by a step function of `now`.
//!
//! Delivery is exactly once across crashes, and never more than once. A reminder is claimed
//! (`sending`) before it is handed to the notifier, which sends it with a nonce derived from its
//! id and `enforce_nonce`, so Discord returns the first message instead of posting a second.
//! A claim found at the next start (the process died between sending and recording) is sent
//! again with that nonce when it is younger than `NONCE_WINDOW`; older claims are past the
//! window Discord remembers nonces for, so they are marked `unknown` and never resent: a
//! duplicate reminder would teach people to ignore them.
mod schedule;
mod step;

use std::future::Future;

use chrono::{DateTime, Duration, Utc};

use super::model::RallyView;

pub(crate) use schedule::planned_reminders;
pub use step::StepReport;

/// A personal reminder's default lead.
pub const DEFAULT_PERSONAL_LEAD: Duration = Duration::hours(1);
/// A reminder that came due while rallybot was down is still sent if its rally started less
/// than this long ago; otherwise it is skipped.
pub const LATE_GRACE: Duration = Duration::minutes(15);
/// How long a claim may be resent after a crash: within the few minutes Discord remembers a
/// message nonce.
pub const NONCE_WINDOW: Duration = Duration::minutes(2);
/// Transient failures are retried this many times in all.
pub const MAX_ATTEMPTS: i64 = 6;
/// How many reminders one step claims at most.
pub const BATCH: i64 = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReminderKind {
    /// Posted in a channel; target is the channel id.
    Channel,
    /// Sent as a direct message; target is the user id.
    Personal,
}

impl ReminderKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ReminderKind::Channel => "channel",
            ReminderKind::Personal => "personal",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "channel" => Some(ReminderKind::Channel),
            "personal" => Some(ReminderKind::Personal),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReminderStatus {
    Pending,
    Sending,
    Sent,
    Failed,
    Skipped,
    Unknown,
}

impl ReminderStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ReminderStatus::Pending => "pending",
            ReminderStatus::Sending => "sending",
            ReminderStatus::Sent => "sent",
            ReminderStatus::Failed => "failed",
            ReminderStatus::Skipped => "skipped",
            ReminderStatus::Unknown => "unknown",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "pending" => ReminderStatus::Pending,
            "sending" => ReminderStatus::Sending,
            "sent" => ReminderStatus::Sent,
            "failed" => ReminderStatus::Failed,
            "skipped" => ReminderStatus::Skipped,
            "unknown" => ReminderStatus::Unknown,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Reminder {
    pub id: i64,
    pub rally_id: i64,
    pub kind: ReminderKind,
    pub target_id: i64,
    pub lead: Duration,
    pub due_at: DateTime<Utc>,
    pub status: ReminderStatus,
    pub attempts: i64,
    pub next_attempt_at: DateTime<Utc>,
    pub last_error: Option<String>,
}

/// One reminder to deliver, with the rally as it is now.
#[derive(Debug, Clone, PartialEq)]
pub struct Delivery {
    /// Also the message nonce, so a resend after a crash is recognised as the same message.
    pub reminder_id: i64,
    pub kind: ReminderKind,
    pub target_id: i64,
    pub lead: Duration,
    pub view: RallyView,
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
    /// Not sent, to stay under a rate limit: try again at `after` from now, not counted as an
    /// attempt.
    #[error("held back for {after:?} to stay under a rate limit")]
    Paced { after: std::time::Duration },
}

/// Where reminders leave the process: Discord in the bot, the terminal in the console, a
/// recorder in tests.
pub trait Notifier: Sync {
    fn deliver(&self, delivery: &Delivery) -> impl Future<Output = Result<(), SendError>> + Send;

    /// Delivers a reminder and says which message a channel reminder became, so its card can
    /// be edited when the rally changes. Front ends that post nothing editable keep this.
    fn deliver_posted(
        &self,
        delivery: &Delivery,
    ) -> impl Future<Output = Result<Option<i64>, SendError>> + Send {
        async move { self.deliver(delivery).await.map(|()| None) }
    }

    /// A direct message about a change to a rally; `nonce` makes a resend one message.
    fn send_dm(
        &self,
        user_id: i64,
        text: &str,
        nonce: &str,
    ) -> impl Future<Output = Result<(), SendError>> + Send;

    /// Edits a posted card to show the rally as it is now.
    fn edit_card(
        &self,
        edit: &super::changes::CardEdit,
    ) -> impl Future<Output = Result<(), SendError>> + Send;
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

/// "1 day 2 hours", "30 minutes": a lead as people say it.
pub fn lead_words(lead: Duration) -> String {
    let mut minutes = lead.num_minutes().max(0);
    let mut parts = Vec::new();
    for (size, name) in [(24 * 60, "day"), (60, "hour"), (1, "minute")] {
        let n = minutes / size;
        minutes %= size;
        if n > 0 {
            parts.push(format!("{n} {name}{}", if n == 1 { "" } else { "s" }));
        }
    }
    if parts.is_empty() {
        "less than a minute".into()
    } else {
        parts.join(" ")
    }
}

/// The words of a reminder, the same in every front end.
pub fn reminder_text(delivery: &Delivery) -> String {
    let rally = &delivery.view.rally;
    format!(
        "Reminder: #{} {} starts in {} ({}), at {}.",
        rally.id,
        rally.title,
        lead_words(delivery.lead),
        super::timefmt::discord_timestamp(rally.starts_at, 'R'),
        rally.place_name
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leads_in_words() {
        assert_eq!(lead_words(Duration::hours(24)), "1 day");
        assert_eq!(lead_words(Duration::minutes(90)), "1 hour 30 minutes");
        assert_eq!(lead_words(Duration::minutes(15)), "15 minutes");
        assert_eq!(
            lead_words(Duration::days(2) + Duration::hours(1)),
            "2 days 1 hour"
        );
    }

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
