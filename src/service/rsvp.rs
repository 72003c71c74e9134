//! RSVPs: going, interested or not going.
use super::rallies::wrong_status;
use super::Service;
use crate::domain::{Actor, RallyAction, RallyStatus, RallyView, RsvpChoice, RsvpStatus};
use crate::error::{Result, UserError};

impl Service {
    /// Records the actor's answer and returns the rally with its new counts.
    pub async fn rsvp(&self, actor: &Actor, id: i64, choice: RsvpChoice) -> Result<RallyView> {
        let rally = self.visible_rally(actor, id).await?;
        if rally.status != RallyStatus::Approved {
            return Err(wrong_status(&rally, RallyAction::Rsvp).into());
        }
        let now = self.now();
        if rally.ends_at.unwrap_or(rally.starts_at) < now {
            return Err(UserError::AlreadyStarted {
                id,
                action: RallyAction::Rsvp,
            }
            .into());
        }
        match choice {
            RsvpChoice::Going => {
                self.store
                    .set_rsvp(id, actor.user_id, RsvpStatus::Going, now)
                    .await?
            }
            RsvpChoice::Interested => {
                self.store
                    .set_rsvp(id, actor.user_id, RsvpStatus::Interested, now)
                    .await?
            }
            RsvpChoice::NotGoing => self.store.remove_rsvp(id, actor.user_id).await?,
        }
        self.reschedule_personal(&rally, actor.user_id).await?;
        self.view(actor, rally).await
    }

    /// Sets the actor's personal reminder for a rally they are going to: `before` the start, or
    /// none.
    pub async fn remind_me(
        &self,
        actor: &Actor,
        id: i64,
        before: Option<chrono::Duration>,
    ) -> Result<RallyView> {
        let rally = self.visible_rally(actor, id).await?;
        if self.store.rsvp_of(id, actor.user_id).await? != Some(RsvpStatus::Going) {
            return Err(UserError::RemindNeedsGoing { id }.into());
        }
        let seconds = before.map(|d| d.num_seconds());
        self.store
            .set_rsvp_reminder(id, actor.user_id, seconds, before.is_none())
            .await?;
        self.reschedule_personal(&rally, actor.user_id).await?;
        self.view(actor, rally).await
    }

    /// Rallies the actor answered in this server, still to come (or cancelled), soonest first.
    pub async fn my_rsvps(&self, actor: &Actor) -> Result<Vec<RallyView>> {
        let now = self.now();
        let mut rallies = Vec::new();
        for (id, _) in self
            .store
            .rsvps_of_user(actor.server_id, actor.user_id)
            .await?
        {
            if let Some(rally) = self.store.rally(id).await? {
                let visible = super::permissions::can_see(actor, &rally, false);
                if visible && rally.ends_at.unwrap_or(rally.starts_at) >= now {
                    rallies.push(rally);
                }
            }
        }
        self.views(actor, rallies).await
    }
}
