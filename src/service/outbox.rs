//! The service's side of the outbox: driving it, and what people hear of what it could not
//! deliver. Moderators see every failure of their server; a person hears, once, of the direct
//! messages that could not reach them.
use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::Service;
use crate::domain::{Actor, OutboxItem};
use crate::error::Result;
use crate::outbox::{Notifier, StepReport};

/// How many failed items `/rallymod status` lists, newest first.
const STATUS_MAX: i64 = 100;

/// What `/rallymod status` shows: everything that could not be delivered, each with its
/// rally's title.
#[derive(Debug, Clone, PartialEq)]
pub struct DeliveryFailures {
    pub items: Vec<(OutboxItem, String)>,
}

impl DeliveryFailures {
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Reminders, channel or personal.
    pub fn reminders(&self) -> impl Iterator<Item = &(OutboxItem, String)> {
        self.items.iter().filter(|(i, _)| i.kind.is_reminder())
    }

    /// Everything else: direct messages about a rally, card edits, posts for moderators.
    pub fn messages(&self) -> impl Iterator<Item = &(OutboxItem, String)> {
        self.items.iter().filter(|(i, _)| !i.kind.is_reminder())
    }
}

impl Service {
    /// Delivers everything due at `now` through `notifier`: one step of the outbox.
    pub async fn deliver_due<N: Notifier>(
        &self,
        now: DateTime<Utc>,
        notifier: &N,
    ) -> Result<StepReport> {
        self.purge_expired(now).await?;
        self.outbox.step(now, notifier).await
    }

    /// At start-up: what a previous process left mid-send. Returns (requeued, abandoned).
    pub async fn recover_outbox(&self) -> Result<(u64, u64)> {
        self.outbox.recover(self.now()).await
    }

    /// Direct messages to the actor that could not be delivered and that they have not heard
    /// of: each is told once, on their next command.
    pub async fn untold_failures(&self, actor: &Actor) -> Result<Vec<OutboxItem>> {
        if !self.store.has_untold_failures(actor.user_id).await? {
            return Ok(Vec::new());
        }
        self.store
            .take_untold_failures(actor.server_id, actor.user_id)
            .await
    }

    /// What of this server's rallies could not be delivered, newest first.
    pub async fn delivery_failures(&self, actor: &Actor) -> Result<DeliveryFailures> {
        super::permissions::require_moderator(actor, crate::domain::Action::SeeUndelivered)?;
        let items = self.store.failed_items(actor.server_id, STATUS_MAX).await?;
        let ids: Vec<i64> = items.iter().map(|i| i.rally_id).collect();
        let titles: HashMap<i64, String> = self
            .store
            .rallies_by_ids(&ids)
            .await?
            .into_iter()
            .map(|r| (r.id, r.title))
            .collect();
        Ok(DeliveryFailures {
            items: items
                .into_iter()
                .map(|i| {
                    let title = titles.get(&i.rally_id).cloned().unwrap_or_default();
                    (i, title)
                })
                .collect(),
        })
    }
}
