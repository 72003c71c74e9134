//! The service layer: every rule of rallybot, in plain Rust types. Front ends (the console, the
//! Discord adapter) turn their input into these calls and render what comes back.
pub mod abuse;
pub mod access;
pub mod announce;
pub mod audit;
pub mod bulk;
pub mod campaigns;
pub mod changes;
pub mod choices;
pub mod clock;
mod execute;
pub mod location;
mod moderation;
mod near;
pub mod notes;
pub mod outbox;
pub mod overview;
pub mod permissions;
pub mod queue;
mod rallies;
pub mod reminders;
pub mod request;
pub mod response;
mod rsvp;
pub mod settings;
pub mod validate;

use std::sync::Arc;

use chrono::{DateTime, Utc};

pub use clock::{Clock, ManualClock, SystemClock};
pub use moderation::SettingsChange;
pub use near::{NearQuery, NearResult};
pub use outbox::DeliveryFailures;
pub use rallies::{Change, Created, Edited, NewRally, RallyEdit};

use crate::domain::{Actor, Rally, RallyView};
use crate::error::Result;
use crate::store::Store;

#[derive(Clone)]
pub struct Service {
    store: Store,
    clock: Arc<dyn Clock>,
    outbox: crate::outbox::Outbox,
    /// Woken whenever something is queued in the outbox, so the scheduler looks again.
    outbox_changed: Arc<tokio::sync::Notify>,
    /// What the bot may do in a channel, as the front end knows it.
    access: access::AccessSlot,
}

impl Service {
    pub fn new(store: Store, clock: Arc<dyn Clock>) -> Self {
        Service {
            outbox: crate::outbox::Outbox::new(store.clone()),
            store,
            clock,
            outbox_changed: Arc::new(tokio::sync::Notify::new()),
            access: access::AccessSlot::default(),
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Lets the front end answer what the bot may do in a channel.
    pub fn set_channel_access(&self, access: Arc<dyn access::ChannelAccess>) {
        self.access.set(access);
    }

    /// Notified whenever something is queued in the outbox.
    pub fn outbox_changed(&self) -> Arc<tokio::sync::Notify> {
        self.outbox_changed.clone()
    }

    /// The rally if it exists and the actor may see it.
    async fn visible_rally(&self, actor: &Actor, id: i64) -> Result<Rally> {
        let rally = self.store.rally(id).await?;
        Ok(permissions::visible(actor, rally, id)?)
    }

    /// Adds RSVP counts and the actor's own RSVP to each rally.
    async fn views(&self, actor: &Actor, rallies: Vec<Rally>) -> Result<Vec<RallyView>> {
        let ids: Vec<i64> = rallies.iter().map(|r| r.id).collect();
        let mut counts = self.store.rsvp_counts_for(&ids).await?;
        let mine: std::collections::HashMap<i64, _> = self
            .store
            .rsvps_of_user(actor.server_id, actor.user_id)
            .await?
            .into_iter()
            .collect();
        Ok(rallies
            .into_iter()
            .map(|rally| RallyView {
                counts: counts.remove(&rally.id).unwrap_or_default(),
                my_rsvp: mine.get(&rally.id).copied(),
                rally,
            })
            .collect())
    }

    async fn view(&self, actor: &Actor, rally: Rally) -> Result<RallyView> {
        Ok(RallyView {
            counts: self.store.rsvp_counts(rally.id).await?,
            my_rsvp: self.store.rsvp_of(rally.id, actor.user_id).await?,
            rally,
        })
    }
}

#[cfg(test)]
mod tests;
