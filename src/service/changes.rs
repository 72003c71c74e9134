//! Changes that reach everyone coming. When an approved rally's time or place changes, or it is
//! cancelled, everyone who RSVPed gets a direct message saying what changed (old, then new),
//! and every card the bot posted for it is edited in place. Both go through an outbox with the
//! reminders' guarantees: claimed before sending (at most once; a DM carries a nonce so a
//! resend after a crash is one message), paced by the notifier, retried when transient, and a
//! DM that can't be delivered is recorded and the person told on their next command.
use chrono::{DateTime, Duration, Utc};
use futures_util::{stream, StreamExt};
use when::local_label;

use super::model::{Actor, Rally, RallyStatus, RallyView};
use super::reminders::{backoff, Notifier, SendError, StepReport, LATE_GRACE, MAX_ATTEMPTS};
use super::timefmt::discord_timestamp;
use super::Service;
use crate::error::Result;

/// How many notices one step claims at most.
const BATCH: i64 = 100;
/// Deliveries under way at once within a step; the notifier still paces them.
const IN_FLIGHT: usize = 8;

/// What became of one claimed notice.
enum Tally {
    Sent,
    Skipped,
    Deferred,
    Retried,
    Failed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    /// A direct message to a person who RSVPed; target is the user.
    Dm,
    /// An edit of a posted card; target is the channel.
    Card,
}

impl NoticeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            NoticeKind::Dm => "dm",
            NoticeKind::Card => "card",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "dm" => Some(NoticeKind::Dm),
            "card" => Some(NoticeKind::Card),
            _ => None,
        }
    }
}

/// Where a card was posted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardKind {
    Announcement,
    Reminder,
}

impl CardKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CardKind::Announcement => "announcement",
            CardKind::Reminder => "reminder",
        }
    }
}

/// A claimed notice.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeNotice {
    pub id: i64,
    pub rally_id: i64,
    pub kind: NoticeKind,
    pub target_id: i64,
    pub message_id: Option<i64>,
    /// The DM's words, or the line shown above an edited card.
    pub text: String,
    pub attempts: i64,
}

/// A notice that could not be delivered (or may not have been), for moderators.
#[derive(Debug, Clone, PartialEq)]
pub struct FailedNotice {
    pub rally_id: i64,
    pub kind: NoticeKind,
    /// The user of a DM, the channel of a card.
    pub target_id: i64,
    pub last_error: Option<String>,
}

/// A card to edit, with the rally as it is now.
#[derive(Debug, Clone, PartialEq)]
pub struct CardEdit {
    pub channel_id: i64,
    pub message_id: i64,
    pub note: String,
    pub view: RallyView,
}

/// The message nonce of a change DM, so a resend after a crash is one message on Discord.
pub fn dm_nonce(notice_id: i64) -> String {
    format!("rallybot-change-{notice_id}")
}

/// What a change means for people coming: the lines of old-then-new, empty when neither the
/// time nor the place changed.
pub fn time_or_place_lines(old: &Rally, new: &Rally) -> Vec<String> {
    let mut lines = Vec::new();
    let when = |t: DateTime<Utc>, r: &Rally| {
        format!(
            "{} ({})",
            discord_timestamp(t, 'F'),
            local_label(t, r.time_zone)
        )
    };
    if old.starts_at != new.starts_at || old.time_zone != new.time_zone {
        lines.push(format!(
            "Start: was {}, now {}",
            when(old.starts_at, old),
            when(new.starts_at, new)
        ));
    }
    if old.ends_at != new.ends_at {
        let end = |t: Option<DateTime<Utc>>, r: &Rally| t.map_or("none".into(), |t| when(t, r));
        lines.push(format!(
            "End: was {}, now {}",
            end(old.ends_at, old),
            end(new.ends_at, new)
        ));
    }
    if old.place_name != new.place_name
        || old.latitude != new.latitude
        || old.longitude != new.longitude
    {
        lines.push(format!(
            "Place: was {}, now {}",
            old.place_name, new.place_name
        ));
    }
    if old.address != new.address {
        let show = |a: &str| {
            if a.is_empty() {
                "none".to_string()
            } else {
                a.to_string()
            }
        };
        lines.push(format!(
            "Address: was {}, now {}",
            show(&old.address),
            show(&new.address)
        ));
    }
    lines
}

impl Service {
    /// After an edit: tells everyone who RSVPed when the time or place of an approved rally
    /// changed, and updates its posted cards whatever changed.
    pub(crate) async fn announce_edit(&self, old: &Rally, new: &Rally) -> Result<()> {
        if old.status != RallyStatus::Approved {
            return Ok(());
        }
        let lines = time_or_place_lines(old, new);
        let users = if lines.is_empty() {
            Vec::new()
        } else {
            self.store.rsvp_user_ids(new.id).await?
        };
        let text = format!(
            "Rally #{} {} has changed.\n{}\nIf you can't make it now, change your answer with /rally rsvp rally:{}.",
            new.id,
            new.title,
            lines
                .iter()
                .map(|l| format!("- {l}"))
                .collect::<Vec<_>>()
                .join("\n"),
            new.id
        );
        let note = format!(
            "Updated: rally #{} has changed; the card shows it as it is now.",
            new.id
        );
        self.queue_notices(new.id, &users, &text, &note).await
    }

    /// After a cancellation: tells everyone who RSVPed to an approved rally, and marks its
    /// posted cards cancelled.
    pub(crate) async fn announce_cancel(&self, old: &Rally, reason: Option<&str>) -> Result<()> {
        if old.status != RallyStatus::Approved {
            return Ok(());
        }
        let users = self.store.rsvp_user_ids(old.id).await?;
        let why = reason.map_or(String::new(), |r| format!(" Reason: {r}"));
        let text = format!(
            "Rally #{} {}, planned for {} ({}) at {}, is cancelled.{why}",
            old.id,
            old.title,
            discord_timestamp(old.starts_at, 'F'),
            local_label(old.starts_at, old.time_zone),
            old.place_name
        );
        let note = format!("Cancelled: rally #{} will not take place.", old.id);
        self.queue_notices(old.id, &users, &text, &note).await
    }

    async fn queue_notices(
        &self,
        rally_id: i64,
        users: &[i64],
        text: &str,
        note: &str,
    ) -> Result<()> {
        let cards = self.store.cards_of_rally(rally_id).await?;
        if users.is_empty() && cards.is_empty() {
            return Ok(());
        }
        self.store
            .queue_change_notices(rally_id, users, text, &cards, note, self.now())
            .await?;
        tracing::info!(
            rally = rally_id,
            dms = users.len(),
            cards = cards.len(),
            "change notices queued"
        );
        self.reminders_changed.notify_one();
        Ok(())
    }

    /// Remembers a card posted for a rally of the actor's server, so changes can edit it.
    pub async fn record_card(
        &self,
        actor: &Actor,
        rally_id: i64,
        channel_id: i64,
        message_id: i64,
        kind: CardKind,
    ) -> Result<()> {
        let rally = self.visible_rally(actor, rally_id).await?;
        self.store
            .record_card(rally.id, channel_id, message_id, kind, self.now())
            .await?;
        if kind == CardKind::Announcement {
            let after = format!("announced in channel {channel_id}");
            self.audit(actor, Some(rally.id), "announce", "", &after)
                .await?;
        }
        Ok(())
    }

    /// What the actor should hear about failed change DMs since they last used the bot.
    pub(crate) async fn change_notices_for(&self, actor: &Actor) -> Result<Vec<String>> {
        let failed = self
            .store
            .take_untold_change_failures(actor.server_id, actor.user_id)
            .await?;
        Ok(failed
            .into_iter()
            .map(|(rally, why)| {
                let why = why.replace("their direct messages", "your direct messages");
                format!(
                    "I couldn't send you a direct message about rally #{rally} ({why}); see it now with /rally info rally:{rally}. To hear about changes, allow direct messages from this server's members."
                )
            })
            .collect())
    }

    /// Delivers the change notices due at `now`; part of each scheduler step.
    pub(crate) async fn deliver_change_notices<N: Notifier>(
        &self,
        now: DateTime<Utc>,
        notifier: &N,
        report: &mut StepReport,
    ) -> Result<()> {
        report.skipped += self
            .store
            .skip_stale_change_notices(now, now - LATE_GRACE)
            .await?;
        loop {
            let claimed = self.store.claim_due_change_notices(now, BATCH).await?;
            if claimed.is_empty() {
                return Ok(());
            }
            // A few in flight, as for reminders: a DM is two requests, and waiting for each
            // answer in turn would leave most of the notifier's send slots unused.
            let mut outcomes = stream::iter(claimed)
                .map(|notice| self.deliver_notice(notice, now, notifier))
                .buffered(IN_FLIGHT);
            while let Some(outcome) = outcomes.next().await {
                match outcome? {
                    Tally::Sent => report.sent += 1,
                    Tally::Skipped => report.skipped += 1,
                    Tally::Deferred => report.deferred += 1,
                    Tally::Retried => report.retried += 1,
                    Tally::Failed => report.failed += 1,
                }
            }
        }
    }

    async fn deliver_notice<N: Notifier>(
        &self,
        n: ChangeNotice,
        now: DateTime<Utc>,
        notifier: &N,
    ) -> Result<Tally> {
        let outcome = match n.kind {
            NoticeKind::Dm => {
                notifier
                    .send_dm(n.target_id, &n.text, &dm_nonce(n.id))
                    .await
            }
            NoticeKind::Card => {
                let Some(rally) = self.store.rally(n.rally_id).await? else {
                    let why = Some("the rally is gone");
                    self.store
                        .finish_change_notice(n.id, "skipped", why, None, false, now)
                        .await?;
                    return Ok(Tally::Skipped);
                };
                let edit = CardEdit {
                    channel_id: n.target_id,
                    message_id: n.message_id.unwrap_or_default(),
                    note: n.text.clone(),
                    view: RallyView {
                        counts: self.store.rsvp_counts(rally.id).await?,
                        my_rsvp: None,
                        rally,
                    },
                };
                notifier.edit_card(&edit).await
            }
        };
        let store = &self.store;
        match outcome {
            Ok(()) => {
                store
                    .finish_change_notice(n.id, "sent", None, None, false, now)
                    .await?;
                Ok(Tally::Sent)
            }
            Err(SendError::Paced { after }) => {
                let at = now + Duration::from_std(after).unwrap_or(Duration::seconds(1));
                store
                    .finish_change_notice(n.id, "pending", None, Some(at), true, now)
                    .await?;
                Ok(Tally::Deferred)
            }
            Err(SendError::Transient {
                reason,
                retry_after,
            }) if n.attempts < MAX_ATTEMPTS => {
                let at = now + backoff(n.attempts, retry_after);
                store
                    .finish_change_notice(n.id, "pending", Some(&reason), Some(at), false, now)
                    .await?;
                Ok(Tally::Retried)
            }
            Err(e) => {
                let reason = match &e {
                    SendError::Transient { reason, .. } => {
                        format!("gave up after {} attempts: {reason}", n.attempts)
                    }
                    other => other.to_string(),
                };
                store
                    .finish_change_notice(n.id, "failed", Some(&reason), None, false, now)
                    .await?;
                // Logged once recorded: what the log says failed, the database has.
                tracing::warn!(notice = n.id, rally = n.rally_id, kind = n.kind.as_str(), %reason, "change notice failed");
                Ok(Tally::Failed)
            }
        }
    }
}
