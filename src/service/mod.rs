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
pub mod geo;
pub mod limits;
pub mod location;
pub mod model;
mod moderation;
mod near;
pub mod overview;
pub mod permissions;
pub mod queue;
mod rallies;
pub mod reminders;
pub mod request;
pub mod response;
mod rsvp;
pub mod settings;
pub mod timefmt;
pub mod validate;

use std::sync::Arc;

use chrono::{DateTime, Utc};

pub use clock::{Clock, ManualClock, SystemClock};
pub use moderation::{DeliveryFailures, SettingsChange};
pub use near::{NearQuery, NearResult, DEFAULT_RADIUS, MAX_RADIUS};
pub use rallies::{Change, Created, Edited, NewRally, RallyEdit};

use crate::error::Result;
use crate::store::Store;
use model::{Actor, Rally, RallyView};

#[derive(Clone)]
pub struct Service {
    store: Store,
    clock: Arc<dyn Clock>,
    /// Woken whenever reminders are scheduled, so the scheduler can look again.
    reminders_changed: Arc<tokio::sync::Notify>,
    /// What the bot may do in a channel, as the front end knows it.
    access: access::AccessSlot,
}

impl Service {
    pub fn new(store: Store, clock: Arc<dyn Clock>) -> Self {
        Service {
            store,
            clock,
            reminders_changed: Arc::new(tokio::sync::Notify::new()),
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

    /// Notified whenever reminders are (re)scheduled.
    pub fn reminders_changed(&self) -> Arc<tokio::sync::Notify> {
        self.reminders_changed.clone()
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
