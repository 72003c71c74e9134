//! Which reminders a rally has: channel reminders at each of the server's offsets and a
//! personal one for each person going, kept in line with the rally through the outbox.
use chrono::{DateTime, Duration, Utc};

use super::Service;
use crate::domain::{NewItem, OutboxKind, Rally, RallyStatus, ServerSettings};
use crate::error::Result;
use crate::store::GoingRsvp;

/// A personal reminder's default lead.
pub const DEFAULT_PERSONAL_LEAD: Duration = Duration::hours(1);

impl Service {
    /// Replaces the rally's pending reminders: channel reminders at each of the server's offsets
    /// and personal ones for each "going" RSVP, those still ahead; none unless it is approved.
    /// Reminders already sent stay sent; a rally moved later gets its reminders again.
    pub(crate) async fn reschedule_reminders(&self, rally: &Rally) -> Result<()> {
        let now = self.now();
        let mut new = Vec::new();
        if rally.status == RallyStatus::Approved && rally.starts_at > now {
            let settings = self.store.server_settings(rally.server_id).await?;
            let going = self.store.going_rsvps(rally.id).await?;
            new = planned_reminders(rally, &settings, &going, now);
        }
        self.store
            .replace_pending_reminders(rally.id, None, &new, now)
            .await?;
        self.outbox_changed.notify_one();
        Ok(())
    }

    /// The same for one person's reminder, after they RSVP or change their choice.
    pub(crate) async fn reschedule_personal(&self, rally: &Rally, user_id: i64) -> Result<()> {
        let now = self.now();
        let mut new = Vec::new();
        if rally.status == RallyStatus::Approved && rally.starts_at > now {
            let going = self.store.going_rsvps(rally.id).await?;
            if let Some(g) = going.iter().find(|g| g.user_id == user_id) {
                new.extend(personal(rally, g).filter(|r| r.due_at > now));
            }
        }
        let only = Some((OutboxKind::PersonalReminder, user_id));
        self.store
            .replace_pending_reminders(rally.id, only, &new, now)
            .await?;
        self.outbox_changed.notify_one();
        Ok(())
    }
}

/// The reminders an approved rally should have pending at `now`: channel reminders at each of
/// the server's offsets (in its reminder channel, else the rally's own) and a personal one for
/// each "going" RSVP, those still ahead.
pub(crate) fn planned_reminders(
    rally: &Rally,
    settings: &ServerSettings,
    going: &[GoingRsvp],
    now: DateTime<Utc>,
) -> Vec<NewItem> {
    let mut new = Vec::new();
    if rally.status != RallyStatus::Approved || rally.starts_at <= now {
        return new;
    }
    if let Some(channel) = settings.reminder_channel_id.or(rally.channel_id) {
        for lead in &settings.reminder_offsets {
            new.push(NewItem::reminder(
                OutboxKind::ChannelReminder,
                rally.id,
                channel,
                *lead,
                rally.starts_at,
            ));
        }
    }
    new.extend(going.iter().filter_map(|g| personal(rally, g)));
    new.retain(|r| r.due_at > now);
    new
}

fn personal(rally: &Rally, going: &GoingRsvp) -> Option<NewItem> {
    if going.remind_off {
        return None;
    }
    let lead = going
        .remind_before
        .map(Duration::seconds)
        .unwrap_or(DEFAULT_PERSONAL_LEAD);
    Some(NewItem::reminder(
        OutboxKind::PersonalReminder,
        rally.id,
        going.user_id,
        lead,
        rally.starts_at,
    ))
}
