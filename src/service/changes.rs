//! Changes that reach everyone coming. When an approved rally's time or place changes, or it is
//! cancelled, everyone who RSVPed gets a direct message saying what changed (old, then new),
//! and every card the bot posted for it is edited in place. Both go through the outbox with its
//! guarantees; what the message says is kept as values, worded by each front end.
use super::Service;
use crate::domain::{
    Actor, CardKind, CardNote, LocalTime, MovedField, NewItem, Notice, OutboxKind, Payload, Rally,
    RallyStatus,
};
use crate::error::Result;

/// What a change means for people coming, old then new; empty when neither the time nor the
/// place changed.
pub fn moved_fields(old: &Rally, new: &Rally) -> Vec<MovedField> {
    let mut fields = Vec::new();
    let local = |at, r: &Rally| LocalTime {
        at,
        zone: r.time_zone,
    };
    if old.starts_at != new.starts_at || old.time_zone != new.time_zone {
        fields.push(MovedField::Start {
            was: local(old.starts_at, old),
            now: local(new.starts_at, new),
        });
    }
    if old.ends_at != new.ends_at {
        fields.push(MovedField::End {
            was: old.ends_at.map(|t| local(t, old)),
            now: new.ends_at.map(|t| local(t, new)),
        });
    }
    if old.place_name != new.place_name
        || old.latitude != new.latitude
        || old.longitude != new.longitude
    {
        fields.push(MovedField::Place {
            was: old.place_name.clone(),
            now: new.place_name.clone(),
        });
    }
    if old.address != new.address {
        fields.push(MovedField::Address {
            was: old.address.clone(),
            now: new.address.clone(),
        });
    }
    fields
}

impl Service {
    /// After an edit: tells everyone who RSVPed when the time or place of an approved rally
    /// changed, and updates its posted cards whatever changed.
    pub(crate) async fn announce_edit(&self, old: &Rally, new: &Rally) -> Result<()> {
        if old.status != RallyStatus::Approved {
            return Ok(());
        }
        let fields = moved_fields(old, new);
        let users = if fields.is_empty() {
            Vec::new()
        } else {
            self.store.rsvp_user_ids(new.id).await?
        };
        let notice = Notice::Changed { fields };
        self.queue_notices(new.id, &users, notice, CardNote::Updated)
            .await
    }

    /// After a cancellation: tells everyone who RSVPed to an approved rally, and marks its
    /// posted cards cancelled.
    pub(crate) async fn announce_cancel(&self, old: &Rally, reason: Option<&str>) -> Result<()> {
        if old.status != RallyStatus::Approved {
            return Ok(());
        }
        let users = self.store.rsvp_user_ids(old.id).await?;
        let notice = Notice::Cancelled {
            starts: LocalTime {
                at: old.starts_at,
                zone: old.time_zone,
            },
            place: old.place_name.clone(),
            reason: reason.map(str::to_string),
        };
        self.queue_notices(old.id, &users, notice, CardNote::Cancelled)
            .await
    }

    async fn queue_notices(
        &self,
        rally_id: i64,
        users: &[i64],
        notice: Notice,
        note: CardNote,
    ) -> Result<()> {
        let now = self.now();
        let cards = self.store.cards_of_rally(rally_id).await?;
        let mut items: Vec<NewItem> = users
            .iter()
            .map(|user| NewItem {
                kind: OutboxKind::Notice,
                rally_id,
                target_id: *user,
                message_id: None,
                lead: None,
                payload: Payload::Notice(notice.clone()),
                due_at: now,
            })
            .collect();
        items.extend(cards.iter().map(|(channel, message)| NewItem {
            kind: OutboxKind::CardEdit,
            rally_id,
            target_id: *channel,
            message_id: Some(*message),
            lead: None,
            payload: Payload::Card(note),
            due_at: now,
        }));
        if items.is_empty() {
            return Ok(());
        }
        self.store.enqueue(&items, now).await?;
        tracing::info!(
            rally = rally_id,
            dms = users.len(),
            cards = cards.len(),
            "change notices queued"
        );
        self.outbox_changed.notify_one();
        Ok(())
    }

    /// Remembers a card posted for a rally of the actor's server, so changes can edit it.
    pub async fn record_card(
        &self,
        actor: &Actor,
        rally_id: i64,
        channel_id: i64,
        message_id: i64,
        kind: CardKind,
    ) -> Result<()> {
        let rally = self.visible_rally(actor, rally_id).await?;
        self.store
            .record_card(rally.id, channel_id, message_id, kind, self.now())
            .await?;
        if kind == CardKind::Announcement {
            let after = format!("announced in channel {channel_id}");
            self.audit(actor, Some(rally.id), "announce", "", &after)
                .await?;
        }
        Ok(())
    }
}
