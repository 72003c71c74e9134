//! One step of the outbox: deliver what is due at `now`. Tests and the console call it with a
//! clock of their own; the bot calls it whenever the next item comes due.
use chrono::{DateTime, Duration, Utc};
use futures_util::{stream, StreamExt};

use super::{
    backoff, Delivery, Message, Notifier, Outbox, SendError, BATCH, IN_FLIGHT, LATE_GRACE,
    MAX_ATTEMPTS,
};
use crate::domain::{
    AddressVisibility, CardNote, FailureKind, MovedField, Notice, OutboxItem, OutboxKind, Payload,
    Rally, RallyStatus, RallyView, RsvpStatus, Settle,
};
use crate::error::Result;
use crate::i18n::Lang;

/// What one step did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StepReport {
    pub sent: usize,
    pub retried: usize,
    pub failed: usize,
    pub skipped: u64,
    /// Held back by pacing, for a later step.
    pub deferred: usize,
    /// When the next pending item is due.
    pub next_due: Option<DateTime<Utc>>,
}

impl StepReport {
    fn count(&mut self, outcome: &Settle) {
        match outcome {
            Settle::Sent { .. } => self.sent += 1,
            Settle::Skipped { .. } => self.skipped += 1,
            Settle::Deferred { .. } => self.deferred += 1,
            Settle::Retry { .. } => self.retried += 1,
            Settle::Failed { .. } => self.failed += 1,
        }
    }
}

impl Outbox {
    /// Delivers every item due at `now` through `notifier`.
    pub async fn step<N: Notifier>(&self, now: DateTime<Utc>, notifier: &N) -> Result<StepReport> {
        let mut report = StepReport {
            skipped: self.store.skip_stale(now, LATE_GRACE).await?,
            ..Default::default()
        };
        loop {
            let claimed = self.store.claim_due(now, BATCH).await?;
            if claimed.is_empty() {
                break;
            }
            // A few lanes in flight, so one slow answer doesn't cost the burst a send slot
            // (the notifier paces them); within a lane, one at a time and in order.
            let mut outcomes = stream::iter(lanes(claimed))
                .map(|lane| self.deliver_lane(lane, now, notifier))
                .buffer_unordered(IN_FLIGHT);
            while let Some(outcomes) = outcomes.next().await {
                for outcome in outcomes? {
                    report.count(&outcome);
                }
            }
        }
        report.next_due = self.store.next_due().await?;
        Ok(report)
    }

    /// Delivers one lane's items in order. Once one is held back or will be retried, the rest
    /// wait for the same moment unsent, so a channel or a person never reads a later message
    /// before an earlier one.
    async fn deliver_lane<N: Notifier>(
        &self,
        lane: Vec<OutboxItem>,
        now: DateTime<Utc>,
        notifier: &N,
    ) -> Result<Vec<Settle>> {
        let mut outcomes = Vec::with_capacity(lane.len());
        let mut held_until = None;
        for item in lane {
            let outcome = match held_until {
                Some(at) => {
                    let outcome = Settle::Deferred { at };
                    self.store.settle(&item, &outcome, now).await?;
                    outcome
                }
                None => self.deliver_one(item, now, notifier).await?,
            };
            if let Settle::Deferred { at } | Settle::Retry { at, .. } = &outcome {
                held_until = Some(*at);
            }
            outcomes.push(outcome);
        }
        Ok(outcomes)
    }

    /// Delivers one claimed item and settles it: the outcome is written, then logged.
    async fn deliver_one<N: Notifier>(
        &self,
        item: OutboxItem,
        now: DateTime<Utc>,
        notifier: &N,
    ) -> Result<Settle> {
        let outcome = match self.message_for(&item).await? {
            Ok((message, lang)) => {
                let delivery = Delivery {
                    id: item.id,
                    nonce: item.nonce.clone(),
                    message,
                    lang,
                };
                outcome_of(&item, notifier.send(&delivery).await, now)
            }
            Err(skip) => skip,
        };
        self.store.settle(&item, &outcome, now).await?;
        let kind = item.kind.as_str();
        match &outcome {
            Settle::Retry { at, error } => {
                tracing::info!(item = item.id, kind, attempt = item.attempts, %error, %at, "outbox item will be retried")
            }
            Settle::Failed { error, .. } => {
                tracing::warn!(item = item.id, rally = item.rally_id, kind, %error, "outbox item failed")
            }
            _ => {}
        }
        Ok(outcome)
    }

    /// What to send for an item, with its rally as it is now, and the language to word it in;
    /// or why it is skipped.
    async fn message_for(&self, item: &OutboxItem) -> Result<Result<(Message, Lang), Settle>> {
        let skip = |detail: &str| {
            Err(Settle::Skipped {
                why: FailureKind::RallyGone,
                detail: detail.to_string(),
            })
        };
        let Some(rally) = self.store.rally(item.rally_id).await? else {
            return Ok(skip("the rally is gone"));
        };
        let listed = rally.status == RallyStatus::Approved;
        let server_id = rally.server_id;
        let lead = item.lead.unwrap_or(Duration::zero());
        let message = match item.kind {
            // Cancelled since it was scheduled: nothing to remind anyone of.
            OutboxKind::ChannelReminder | OutboxKind::PersonalReminder if !listed => {
                return Ok(skip("the rally is no longer listed"))
            }
            OutboxKind::ChannelReminder => Message::ChannelReminder {
                channel: item.target_id,
                lead,
                view: self.view(public(rally)).await?,
            },
            OutboxKind::PersonalReminder => {
                // Personal reminders go to people going.
                let rally = for_reader(rally, item.target_id, true);
                Message::PersonalReminder {
                    user: item.target_id,
                    lead,
                    view: self.view(rally).await?,
                }
            }
            OutboxKind::Notice => match &item.payload {
                Payload::Notice(notice) => {
                    let going = self.store.rsvp_of(rally.id, item.target_id).await?
                        == Some(RsvpStatus::Going);
                    let rally = for_reader(rally, item.target_id, going);
                    let notice = without_hidden_address(notice, &rally);
                    if matches!(&notice, Notice::Changed { fields } if fields.is_empty()) {
                        return Ok(Err(Settle::Skipped {
                            why: FailureKind::RallyGone,
                            detail: "nothing this reader may see has changed".into(),
                        }));
                    }
                    Message::Notice {
                        user: item.target_id,
                        notice,
                        rally,
                    }
                }
                _ => return Ok(skip("the notice has no content")),
            },
            OutboxKind::CardEdit => Message::CardEdit {
                channel: item.target_id,
                message: item.message_id.unwrap_or_default(),
                note: match item.payload {
                    Payload::Card(note) => note,
                    _ => CardNote::Updated,
                },
                view: self.view(public(rally)).await?,
            },
            OutboxKind::ModeratorPost if rally.status != RallyStatus::Pending => {
                return Ok(skip("the rally was decided before this could be sent"))
            }
            OutboxKind::ModeratorPost => Message::ModeratorPost {
                channel: item.target_id,
                clash: match &item.payload {
                    Payload::Submission(clash) => clash.clone(),
                    _ => Vec::new(),
                },
                // The moderator channel is seen by more than the moderators.
                view: self.view(public(rally)).await?,
            },
        };
        // Only for what is sent: a burst of skipped items costs no language lookups.
        let reader = matches!(item.kind, OutboxKind::PersonalReminder | OutboxKind::Notice)
            .then_some(item.target_id);
        let lang = super::language_for(&self.store, server_id, reader).await?;
        Ok(Ok((message, lang)))
    }

    /// The rally with its counts, as anyone sees it.
    async fn view(&self, rally: Rally) -> Result<RallyView> {
        Ok(RallyView {
            counts: self.store.rsvp_counts(rally.id).await?,
            my_rsvp: None,
            from_server: None,
            rally,
        })
    }
}

/// Claimed items grouped by where they go (a channel, or a person's direct messages), each
/// lane in the order claimed, lanes in the order of their first item.
fn lanes(claimed: Vec<OutboxItem>) -> Vec<Vec<OutboxItem>> {
    let mut lanes: Vec<Vec<OutboxItem>> = Vec::new();
    let mut lane_of = std::collections::HashMap::new();
    for item in claimed {
        let lane = *lane_of.entry(item.target_id).or_insert_with(|| {
            lanes.push(Vec::new());
            lanes.len() - 1
        });
        lanes[lane].push(item);
    }
    lanes
}

/// The rally as a channel may see it: its address only when the organiser made it public.
fn public(mut rally: Rally) -> Rally {
    if rally.address_visibility != AddressVisibility::Public {
        rally.address.clear();
    }
    rally
}

/// The rally as one person may see it in a direct message: the address when public, when they
/// are going and it is for people going, or when they organise it.
fn for_reader(mut rally: Rally, user: i64, going: bool) -> Rally {
    let may = match rally.address_visibility {
        AddressVisibility::Public => true,
        AddressVisibility::Going => going || rally.organiser_id == user,
        AddressVisibility::Organisers => rally.organiser_id == user,
    };
    if !may {
        rally.address.clear();
    }
    rally
}

/// A change notice without its address line when the reader may not see the address (the
/// rally as given has it blanked then).
fn without_hidden_address(notice: &Notice, rally: &Rally) -> Notice {
    match notice {
        Notice::Changed { fields } if rally.address.is_empty() => Notice::Changed {
            fields: fields
                .iter()
                .filter(|f| !matches!(f, MovedField::Address { .. }))
                .cloned()
                .collect(),
        },
        other => other.clone(),
    }
}

/// How a send ends for the outbox.
fn outcome_of(
    item: &OutboxItem,
    sent: std::result::Result<Option<i64>, SendError>,
    now: DateTime<Utc>,
) -> Settle {
    match sent {
        Ok(message_id) => Settle::Sent { message_id },
        Err(SendError::Paced { after }) => Settle::Deferred {
            at: now + Duration::from_std(after).unwrap_or(Duration::seconds(1)),
        },
        Err(SendError::Transient {
            reason,
            retry_after,
        }) if item.attempts < MAX_ATTEMPTS => Settle::Retry {
            at: now + backoff(item.attempts, retry_after),
            error: reason,
        },
        Err(SendError::Transient { reason, .. }) => Settle::Failed {
            why: FailureKind::GaveUp,
            error: format!("gave up after {} attempts: {reason}", item.attempts),
        },
        Err(e @ SendError::DmsClosed) => Settle::Failed {
            why: FailureKind::DmsClosed,
            error: e.to_string(),
        },
        Err(e @ SendError::Permanent { .. }) => Settle::Failed {
            why: FailureKind::Refused,
            error: e.to_string(),
        },
    }
}
