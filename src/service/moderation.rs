//! What only moderators do: the approval queue, approving, rejecting and server settings.
use super::permissions::require_moderator;
use super::rallies::wrong_status;
use super::{validate, Service};
use crate::domain::limits::LIST_MAX;
use crate::domain::{
    Action, Actor, DistanceUnit, RallyAction, RallyStatus, RallyView, ServerSettings,
};
use crate::error::{Result, UserError};

/// Settings to change; `None` leaves a setting as it is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SettingsChange {
    pub require_approval: Option<bool>,
    pub distance_unit: Option<DistanceUnit>,
    /// `Some(None)` clears the moderator role.
    pub moderator_role_id: Option<Option<i64>>,
    /// `Some(None)`: reminders go to the channel each rally was created in.
    pub reminder_channel_id: Option<Option<i64>>,
    pub reminder_offsets: Option<Vec<chrono::Duration>>,
    /// `Some(None)`: announce where the command is used.
    pub announcement_channel_id: Option<Option<i64>>,
    /// `Some(None)`: no notices of new submissions.
    pub moderator_channel_id: Option<Option<i64>>,
    /// `Some(None)`: announcements ping nobody.
    pub announcement_role_id: Option<Option<i64>>,
    pub daily_limit: Option<i64>,
    pub retention_days: Option<i64>,
    /// Turns the server's public pages and feeds on or off.
    pub public_page: Option<bool>,
    /// A Discord invitation for the pages, or "none".
    pub invite_url: Option<String>,
    /// `Some(None)`: follow the server's language in Discord.
    pub language: Option<Option<crate::i18n::Lang>>,
    /// What the server is called, as the front end knows it: the pages' heading.
    pub server_name: Option<String>,
}

impl Service {
    /// Pending rallies of the actor's server that have not started, soonest first.
    pub async fn pending_queue(&self, actor: &Actor) -> Result<Vec<RallyView>> {
        require_moderator(actor, Action::SeeQueue)?;
        let rallies = self
            .store
            .rallies_by_status(actor.server_id, RallyStatus::Pending, self.now(), LIST_MAX)
            .await?;
        self.views(actor, rallies).await
    }

    pub async fn approve_rally(&self, actor: &Actor, id: i64) -> Result<RallyView> {
        require_moderator(actor, Action::ApproveRallies)?;
        let rally = self.visible_rally(actor, id).await?;
        if rally.status != RallyStatus::Pending {
            return Err(wrong_status(&rally, RallyAction::Approve).into());
        }
        if rally.starts_at <= self.now() {
            return Err(UserError::AlreadyStarted {
                id,
                action: RallyAction::Approve,
            }
            .into());
        }
        self.transition(actor, id, RallyStatus::Approved, None, RallyAction::Approve)
            .await
    }

    /// The rally to announce: moderators announce approved rallies that have not ended.
    pub async fn announcement(&self, actor: &Actor, id: i64) -> Result<RallyView> {
        require_moderator(actor, Action::AnnounceRallies)?;
        let rally = self.visible_rally(actor, id).await?;
        if rally.status != RallyStatus::Approved {
            return Err(wrong_status(&rally, RallyAction::Announce).into());
        }
        if rally.ends_at.unwrap_or(rally.starts_at) < self.now() {
            return Err(UserError::AlreadyStarted {
                id,
                action: RallyAction::Announce,
            }
            .into());
        }
        self.show_rally(actor, id).await
    }

    pub async fn reject_rally(
        &self,
        actor: &Actor,
        id: i64,
        reason: Option<&str>,
    ) -> Result<RallyView> {
        require_moderator(actor, Action::RejectRallies)?;
        let reason = reason.map(validate::reason).transpose()?;
        let rally = self.visible_rally(actor, id).await?;
        if rally.status != RallyStatus::Pending {
            return Err(wrong_status(&rally, RallyAction::Reject).into());
        }
        let reason = reason.filter(|r| !r.is_empty());
        self.transition(
            actor,
            id,
            RallyStatus::Rejected,
            reason.as_deref(),
            RallyAction::Reject,
        )
        .await
    }

    async fn transition(
        &self,
        actor: &Actor,
        id: i64,
        to: RallyStatus,
        reason: Option<&str>,
        action: RallyAction,
    ) -> Result<RallyView> {
        let moved = self
            .store
            .transition_rally(id, &[RallyStatus::Pending], to, reason, self.now())
            .await?;
        if !moved {
            // Another moderator got there first.
            let current = self.visible_rally(actor, id).await?;
            return Err(wrong_status(&current, action).into());
        }
        tracing::info!(rally = id, by = actor.user_id, ?action, "moderation");
        let after = match reason {
            Some(r) => format!("{}: {r}", to.as_str()),
            None => to.as_str().to_string(),
        };
        let verb = match to {
            RallyStatus::Approved => "approve",
            _ => "reject",
        };
        self.audit(actor, Some(id), verb, "pending", &after).await?;
        let view = self.show_rally(actor, id).await?;
        self.reschedule_reminders(&view.rally).await?;
        if view.rally.organiser_id != actor.user_id {
            self.tell_organiser(&view.rally, reason).await?;
        }
        Ok(view)
    }

    pub async fn settings(&self, actor: &Actor) -> Result<ServerSettings> {
        require_moderator(actor, Action::SeeSettings)?;
        self.store.server_settings(actor.server_id).await
    }

    pub async fn update_settings(
        &self,
        actor: &Actor,
        change: SettingsChange,
    ) -> Result<ServerSettings> {
        require_moderator(actor, Action::ChangeSettings)?;
        // Every channel set must be one the bot can post cards in, checked before anything
        // is saved.
        for channel in [
            change.reminder_channel_id,
            change.announcement_channel_id,
            change.moderator_channel_id,
        ]
        .into_iter()
        .flatten()
        .flatten()
        {
            self.require_channel(actor.server_id, channel, super::access::POST_CARD)?;
        }
        let mut settings = self.store.server_settings(actor.server_id).await?;
        let before = settings.clone();
        if let Some(v) = change.require_approval {
            settings.require_approval = v;
        }
        if let Some(v) = change.distance_unit {
            settings.distance_unit = v;
        }
        if let Some(v) = change.moderator_role_id {
            settings.moderator_role_id = v;
        }
        let reminders_moved =
            change.reminder_channel_id.is_some() || change.reminder_offsets.is_some();
        if let Some(v) = change.reminder_channel_id {
            settings.reminder_channel_id = v;
        }
        if let Some(v) = change.reminder_offsets {
            settings.reminder_offsets = v;
        }
        if let Some(v) = change.announcement_channel_id {
            settings.announcement_channel_id = v;
        }
        if let Some(v) = change.moderator_channel_id {
            settings.moderator_channel_id = v;
        }
        if let Some(v) = change.announcement_role_id {
            settings.announcement_role_id = v;
        }
        if let Some(v) = change.daily_limit {
            settings.daily_limit = v;
        }
        if let Some(v) = change.retention_days {
            settings.retention_days = v;
        }
        if let Some(v) = change.language {
            settings.language = v;
        }
        super::public::apply_settings(
            &mut settings,
            change.public_page,
            change.invite_url.as_deref(),
        )?;
        self.store
            .save_server_settings(&settings, self.now())
            .await?;
        if let Some(name) = change
            .server_name
            .as_deref()
            .filter(|_| settings.public_page)
        {
            self.store.set_public_name(actor.server_id, name).await?;
        }
        let (was, now) = super::settings::settings_diff(&before, &settings);
        if !now.is_empty() {
            self.audit(actor, None, "settings", &was, &now).await?;
        }
        if reminders_moved {
            let upcoming = self
                .store
                .rallies_by_status(actor.server_id, RallyStatus::Approved, self.now(), i64::MAX)
                .await?;
            for rally in &upcoming {
                self.reschedule_reminders(rally).await?;
            }
        }
        Ok(settings)
    }
}
