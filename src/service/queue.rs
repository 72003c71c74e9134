//! The approval queue as moderators see it, and what the organiser and moderators hear when a
//! rally is submitted, approved or rejected.
use super::Service;
use crate::domain::{
    Actor, Clash, NewItem, Notice, OutboxKind, Payload, Rally, RallyStatus, RallyView,
};
use crate::error::Result;

/// A pending rally with the clash moderators should weigh, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct QueueEntry {
    pub view: RallyView,
    pub clash: Vec<Clash>,
}

impl Service {
    /// The pending rallies, soonest first, each flagged when it clashes with an approved one.
    pub async fn queue(&self, actor: &Actor) -> Result<Vec<QueueEntry>> {
        let pending = self.pending_queue(actor).await?;
        let mut out = Vec::with_capacity(pending.len());
        for view in pending {
            let clash = super::notes::clashes(&self.clashes(&view.rally).await?);
            out.push(QueueEntry { view, clash });
        }
        Ok(out)
    }

    /// Whether the actor could reject rally `id` now, before asking them for a reason.
    pub async fn check_can_reject(&self, actor: &Actor, id: i64) -> Result<()> {
        super::permissions::require_moderator(actor, crate::domain::Action::RejectRallies)?;
        let rally = self.visible_rally(actor, id).await?;
        if rally.status != crate::domain::RallyStatus::Pending {
            return Err(
                super::rallies::wrong_status(&rally, crate::domain::RallyAction::Reject).into(),
            );
        }
        Ok(())
    }

    /// Where to post a notice of a new submission in the actor's server, if anywhere.
    pub async fn moderator_channel(&self, actor: &Actor) -> Result<Option<i64>> {
        Ok(self
            .store
            .server_settings(actor.server_id)
            .await?
            .moderator_channel_id)
    }

    /// Tells the organiser, by DM through the outbox, that a moderator approved or rejected
    /// their rally.
    pub(crate) async fn tell_organiser(&self, rally: &Rally, reason: Option<&str>) -> Result<()> {
        let notice = match rally.status {
            RallyStatus::Approved => Notice::Approved,
            _ => Notice::Rejected {
                reason: reason.map(str::to_string),
            },
        };
        let now = self.now();
        let item = NewItem {
            kind: OutboxKind::Notice,
            rally_id: rally.id,
            target_id: rally.organiser_id,
            message_id: None,
            lead: None,
            payload: Payload::Notice(notice),
            due_at: now,
        };
        self.store.enqueue(&[item], now).await?;
        self.outbox_changed.notify_one();
        Ok(())
    }

    /// Posts a new submission for the moderators, through the outbox, in the server's
    /// moderator channel if one is set. The submission stands whatever becomes of the post;
    /// the queue lists it anyway.
    pub(crate) async fn post_for_moderators(&self, rally: &Rally, clash: Vec<Clash>) -> Result<()> {
        let settings = self.store.server_settings(rally.server_id).await?;
        let Some(channel) = settings.moderator_channel_id else {
            return Ok(());
        };
        let now = self.now();
        let item = NewItem {
            kind: OutboxKind::ModeratorPost,
            rally_id: rally.id,
            target_id: channel,
            message_id: None,
            lead: None,
            payload: Payload::Submission(clash),
            due_at: now,
        };
        self.store.enqueue(&[item], now).await?;
        self.outbox_changed.notify_one();
        Ok(())
    }
}
