//! The approval queue as moderators see it, and what the organiser and moderators hear when a
//! rally is submitted, approved or rejected.
use super::abuse::clash_note;
use super::Service;
use crate::domain::{Actor, Rally, RallyView};
use crate::error::Result;

/// A pending rally with the clash moderators should weigh, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct QueueEntry {
    pub view: RallyView,
    pub clash: Option<String>,
}

impl Service {
    /// The pending rallies, soonest first, each flagged when it clashes with an approved one.
    pub async fn queue(&self, actor: &Actor) -> Result<Vec<QueueEntry>> {
        let pending = self.pending_queue(actor).await?;
        let mut out = Vec::with_capacity(pending.len());
        for view in pending {
            let clash = clash_note(&self.clashes(&view.rally).await?);
            out.push(QueueEntry { view, clash });
        }
        Ok(out)
    }

    /// Whether the actor could reject rally `id` now, before asking them for a reason.
    pub async fn check_can_reject(&self, actor: &Actor, id: i64) -> Result<()> {
        super::permissions::require_moderator(actor, "reject rallies")?;
        let rally = self.visible_rally(actor, id).await?;
        if rally.status != crate::domain::RallyStatus::Pending {
            return Err(super::rallies::wrong_status(&rally, "rejected").into());
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
        let text = match rally.status {
            crate::domain::RallyStatus::Approved => format!(
                "Your rally #{} {} is approved and listed. Share it with /rally info rally:{}.",
                rally.id, rally.title, rally.id
            ),
            _ => format!(
                "Your rally #{} {} was not approved.{}",
                rally.id,
                rally.title,
                reason.map_or(String::new(), |r| format!(" Reason: {r}"))
            ),
        };
        self.store
            .queue_change_notices(rally.id, &[rally.organiser_id], &text, &[], "", self.now())
            .await?;
        self.reminders_changed.notify_one();
        Ok(())
    }
}
