//! One step of the scheduler: deliver what is due at `now`. Tests and the console call it
//! with a clock of their own; the bot calls it when the next reminder comes due.
use chrono::{DateTime, Duration, Utc};
use futures_util::{stream, StreamExt};

use super::{
    backoff, Delivery, Notifier, Reminder, ReminderKind, ReminderStatus, SendError, BATCH,
    LATE_GRACE, MAX_ATTEMPTS, NONCE_WINDOW,
};
use crate::domain::{RallyStatus, RallyView};
use crate::error::Result;
use crate::service::Service;

/// Deliveries under way at once within a step.
const IN_FLIGHT: usize = 8;

/// What became of one claimed reminder.
enum Outcome {
    Sent,
    Skipped,
    Deferred,
    Retried,
    Failed,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct StepReport {
    pub sent: usize,
    pub retried: usize,
    pub failed: usize,
    pub skipped: u64,
    /// Held back by pacing, for a later step.
    pub deferred: usize,
    /// When the next pending reminder is due.
    pub next_due: Option<DateTime<Utc>>,
}

impl Service {
    /// At start-up: reminders a previous process left mid-send are sent again (same nonce, so
    /// Discord keeps one) when recent, and otherwise marked unknown. Returns (requeued,
    /// abandoned).
    pub async fn recover_reminders(&self) -> Result<(u64, u64)> {
        let now = self.now();
        let (requeued, abandoned) = self
            .store
            .recover_in_flight_reminders(now, now - NONCE_WINDOW)
            .await?;
        let (notices_requeued, notices_abandoned) = self
            .store
            .recover_change_notices(now, now - NONCE_WINDOW)
            .await?;
        let (requeued, abandoned) = (requeued + notices_requeued, abandoned + notices_abandoned);
        if requeued + abandoned > 0 {
            tracing::warn!(
                requeued,
                abandoned,
                "reminders cut off mid-send by the last stop"
            );
        }
        Ok((requeued, abandoned))
    }

    /// What the actor should hear about since they last used the bot: personal reminders that
    /// could not reach them. Each is told once.
    pub async fn notices(&self, actor: &crate::domain::Actor) -> Result<Vec<String>> {
        if !self.store.has_untold_failures(actor.user_id).await? {
            return Ok(Vec::new());
        }
        let failed = self
            .store
            .take_untold_failures(actor.server_id, actor.user_id)
            .await?;
        let mut notices: Vec<String> = failed
            .iter()
            .map(|r| {
                format!(
                    "Your reminder for rally #{} couldn't be sent: {}. To get reminders, allow direct messages from this server's members.",
                    r.rally_id,
                    r.last_error.as_deref().unwrap_or("Discord refused it")
                )
            })
            .collect();
        notices.extend(self.change_notices_for(actor).await?);
        Ok(notices)
    }

    /// Delivers every reminder due at `now` through `notifier`.
    pub async fn deliver_due<N: Notifier>(
        &self,
        now: DateTime<Utc>,
        notifier: &N,
    ) -> Result<StepReport> {
        let mut report = StepReport {
            skipped: self.store.skip_stale_reminders(now, LATE_GRACE).await?,
            ..Default::default()
        };
        loop {
            let claimed = self.store.claim_due_reminders(now, BATCH).await?;
            if claimed.is_empty() {
                break;
            }
            // A few in flight, so one slow answer doesn't cost the burst a send slot; the
            // notifier paces them.
            let mut outcomes = stream::iter(claimed)
                .map(|reminder| self.deliver_one(reminder, now, notifier))
                .buffered(IN_FLIGHT);
            while let Some(outcome) = outcomes.next().await {
                match outcome? {
                    Outcome::Sent => report.sent += 1,
                    Outcome::Skipped => report.skipped += 1,
                    Outcome::Deferred => report.deferred += 1,
                    Outcome::Retried => report.retried += 1,
                    Outcome::Failed => report.failed += 1,
                }
            }
        }
        self.deliver_change_notices(now, notifier, &mut report)
            .await?;
        let notices_due = self.store.next_change_notice_at().await?;
        report.next_due = match (self.store.next_reminder_at().await?, notices_due) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        Ok(report)
    }

    async fn deliver_one<N: Notifier>(
        &self,
        r: Reminder,
        now: DateTime<Utc>,
        notifier: &N,
    ) -> Result<Outcome> {
        let rally = match self.store.rally(r.rally_id).await? {
            Some(rally) if rally.status == RallyStatus::Approved => rally,
            // Cancelled or gone since it was claimed: nothing to remind anyone of.
            _ => {
                let why = Some("the rally is no longer listed");
                self.store
                    .finish_reminder(r.id, ReminderStatus::Skipped, why, now)
                    .await?;
                return Ok(Outcome::Skipped);
            }
        };
        let view = RallyView {
            counts: self.store.rsvp_counts(rally.id).await?,
            my_rsvp: None,
            rally,
        };
        let delivery = Delivery {
            reminder_id: r.id,
            kind: r.kind,
            target_id: r.target_id,
            lead: r.lead,
            view,
        };
        match notifier.deliver_posted(&delivery).await {
            Ok(posted) => {
                self.store
                    .finish_reminder(r.id, ReminderStatus::Sent, None, now)
                    .await?;
                // A channel reminder's card is remembered, to be edited when the rally changes.
                if let (Some(message), ReminderKind::Channel) = (posted, r.kind) {
                    let kind = crate::service::changes::CardKind::Reminder;
                    self.store
                        .record_card(r.rally_id, r.target_id, message, kind, now)
                        .await?;
                }
                Ok(Outcome::Sent)
            }
            Err(SendError::Paced { after }) => {
                let at = now + Duration::from_std(after).unwrap_or(Duration::seconds(1));
                self.store.defer_reminder(r.id, at, now).await?;
                Ok(Outcome::Deferred)
            }
            Err(SendError::Transient {
                reason,
                retry_after,
            }) if r.attempts < MAX_ATTEMPTS => {
                let at = now + backoff(r.attempts, retry_after);
                tracing::info!(reminder = r.id, attempt = r.attempts, %reason, %at, "reminder will be retried");
                self.store.retry_reminder_at(r.id, at, &reason, now).await?;
                Ok(Outcome::Retried)
            }
            Err(e) => {
                let reason = match &e {
                    SendError::Transient { reason, .. } => {
                        format!("gave up after {} attempts: {reason}", r.attempts)
                    }
                    other => other.to_string(),
                };
                tracing::warn!(reminder = r.id, rally = r.rally_id, kind = r.kind.as_str(), %reason, "reminder failed");
                self.store
                    .finish_reminder(r.id, ReminderStatus::Failed, Some(&reason), now)
                    .await?;
                Ok(Outcome::Failed)
            }
        }
    }
}
