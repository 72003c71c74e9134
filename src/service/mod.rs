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
pub mod coalitions;
mod execute;
mod languages;
pub mod location;
mod moderation;
mod mydata;
mod near;
pub mod notes;
pub mod outbox;
pub mod overview;
pub mod permissions;
mod privacy;
pub mod public;
pub mod queue;
mod rallies;
pub mod reminders;
pub mod request;
pub mod response;
mod rsvp;
pub mod settings;
mod sharing;
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
    /// When the retention sweep last ran.
    last_purge: Arc<std::sync::Mutex<Option<DateTime<Utc>>>>,
    /// What the bot may do in a channel, as the front end knows it.
    access: access::AccessSlot,
    /// Where the public pages are served, as people see it (PUBLIC_URL).
    public_url: Arc<str>,
}

impl Service {
    pub fn new(store: Store, clock: Arc<dyn Clock>) -> Self {
        Service {
            outbox: crate::outbox::Outbox::new(store.clone()),
            store,
            clock,
            outbox_changed: Arc::new(tokio::sync::Notify::new()),
            last_purge: Arc::default(),
            access: access::AccessSlot::default(),
            public_url: Arc::from(crate::config::DEFAULT_PUBLIC_URL),
        }
    }

    /// Names where the public pages are served, for the addresses replies give.
    pub fn with_public_url(mut self, url: &str) -> Self {
        self.public_url = Arc::from(url.trim_end_matches('/'));
        self
    }

    pub fn public_url(&self) -> &str {
        &self.public_url
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

    /// The rally if it exists and the actor may see it: in its own server, or shared with
    /// the actor's server through a coalition's campaign.
    async fn visible_rally(&self, actor: &Actor, id: i64) -> Result<Rally> {
        let rally = self.store.rally(id).await?;
        let shared = match &rally {
            Some(r) if r.server_id != actor.server_id => {
                self.shared_with(r, actor.server_id).await?
            }
            _ => false,
        };
        Ok(permissions::visible(actor, rally, id, shared)?)
    }

    /// Adds RSVP counts, the actor's own RSVP and, for a rally of another server, that
    /// server's name, to each rally; in the order given.
    async fn views(&self, actor: &Actor, rallies: Vec<Rally>) -> Result<Vec<RallyView>> {
        let ids: Vec<i64> = rallies.iter().map(|r| r.id).collect();
        let mut views = self.store.rally_views(&ids, actor.user_id).await?;
        self.mark_servers(actor, &mut views).await?;
        Ok(views)
    }

    async fn view(&self, actor: &Actor, rally: Rally) -> Result<RallyView> {
        let mut views = self.views(actor, vec![rally]).await?;
        views
            .pop()
            .ok_or_else(|| crate::error::Error::internal("reading a rally", "it vanished"))
    }
}

#[cfg(test)]
mod tests;
