//! Creating, showing, listing, editing and cancelling rallies.
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use when::{local_label, parse_when_in, Lang};

use super::campaigns::check_covers;
use super::location::{locate, parse_time_zone};
use super::notes::Note;
use super::permissions::require_organiser_or_moderator;
use super::{validate, Service};
use crate::domain::limits::LIST_MAX;
use crate::domain::{
    Action, Actor, AddressVisibility, Expected, Rally, RallyAction, RallyFields, RallyStatus,
    RallyView,
};
use crate::error::{Result, UserError};

/// A rally as typed by its organiser; the service parses and validates every field.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewRally {
    pub title: String,
    pub place: String,
    pub when: String,
    /// An explicit IANA time zone, overriding the place's own.
    pub tz: Option<String>,
    pub details: Option<String>,
    pub address: Option<String>,
    pub ends: Option<String>,
    /// The campaign to join, by name or "#12".
    pub campaign: Option<String>,
    /// Who may read the address: public, going (the default) or organisers.
    pub address_visibility: Option<String>,
    /// The language `when` and `ends` were typed in.
    pub typed_in: Lang,
}

/// The fields to change; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RallyEdit {
    pub title: Option<String>,
    pub place: Option<String>,
    pub when: Option<String>,
    pub tz: Option<String>,
    pub details: Option<String>,
    pub address: Option<String>,
    pub ends: Option<String>,
    /// A campaign to move the rally into, or "none" to take it out of its campaign.
    pub campaign: Option<String>,
    pub address_visibility: Option<String>,
    /// Moderators only: a new organiser (a user id or mention).
    pub organiser: Option<String>,
    /// The language `when` and `ends` were typed in.
    pub typed_in: Lang,
}

impl RallyEdit {
    fn is_empty(&self) -> bool {
        *self == RallyEdit::default()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Created {
    pub view: RallyView,
    /// Things to tell the organiser: how a time was read, other places of the same name.
    pub notes: Vec<Note>,
}

/// One changed field, as the user would read it: before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub field: &'static str,
    pub before: String,
    pub after: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Edited {
    pub view: RallyView,
    pub changes: Vec<Change>,
    pub notes: Vec<Note>,
}

impl Service {
    /// Registers a rally typed nowhere in particular (its channel reminders go to the server's
    /// reminder channel).
    pub async fn create_rally(&self, actor: &Actor, new: NewRally) -> Result<Created> {
        self.create_rally_in(actor, None, new).await
    }

    /// Registers a rally typed in `channel`, where its channel reminders go unless the server
    /// set a reminder channel.
    pub async fn create_rally_in(
        &self,
        actor: &Actor,
        channel: Option<i64>,
        new: NewRally,
    ) -> Result<Created> {
        let now = self.now();
        let mut notes = Vec::new();
        let title = validate::title(&new.title)?;
        let details = validate::details(new.details.as_deref().unwrap_or(""))?;
        let address = validate::address(new.address.as_deref().unwrap_or(""))?;
        let place = locate(&new.place, new.tz.as_deref())?;
        notes.extend(place.note.clone());
        let (starts_at, note) = parse_start(&new.when, place.time_zone, now, new.typed_in)?;
        notes.extend(note.map(Note::TimeReading));
        let ends_at = parse_end(
            new.ends.as_deref(),
            starts_at,
            place.time_zone,
            new.typed_in,
            &mut notes,
        )?;
        let campaign_id = match new.campaign.as_deref().map(str::trim) {
            Some(reference) if !reference.is_empty() => {
                let campaign = self.open_campaign(actor.server_id, reference).await?;
                check_covers(&campaign, starts_at, place.time_zone)?;
                Some(campaign.id)
            }
            _ => None,
        };
        let fields = RallyFields {
            title,
            details,
            place_name: place.name,
            address,
            latitude: place.latitude,
            longitude: place.longitude,
            time_zone: place.time_zone,
            starts_at,
            ends_at,
            campaign_id,
            address_visibility: visibility(new.address_visibility.as_deref())?.unwrap_or_default(),
        };
        self.store.ensure_server(actor.server_id, now).await?;
        self.check_new_rally(actor, &fields).await?;
        let settings = self.store.server_settings(actor.server_id).await?;
        // A moderator's own rally needs nobody else's approval.
        let status = if settings.require_approval && !actor.is_moderator {
            RallyStatus::Pending
        } else {
            RallyStatus::Approved
        };
        let rally = self
            .store
            .insert_rally(
                actor.server_id,
                actor.user_id,
                channel,
                &fields,
                status,
                now,
            )
            .await?;
        tracing::info!(
            rally = rally.id,
            server = actor.server_id,
            status = status.as_str(),
            "rally created"
        );
        self.reschedule_reminders(&rally).await?;
        self.audit(actor, Some(rally.id), "create", "", &summary(&rally))
            .await?;
        let clash = super::notes::clashes(&self.clashes(&rally).await?);
        if status == RallyStatus::Pending {
            self.post_for_moderators(&rally, clash.clone()).await?;
        }
        if !clash.is_empty() {
            notes.push(Note::Clash(clash));
        }
        Ok(Created {
            view: self.view(actor, rally).await?,
            notes,
        })
    }

    pub async fn show_rally(&self, actor: &Actor, id: i64) -> Result<RallyView> {
        let rally = self.visible_rally(actor, id).await?;
        self.view(actor, rally).await
    }

    /// Approved rallies of the actor's server that have not yet ended, soonest first.
    pub async fn list_upcoming(&self, actor: &Actor) -> Result<Vec<RallyView>> {
        let rallies = self
            .store
            .rallies_by_status(actor.server_id, RallyStatus::Approved, self.now(), LIST_MAX)
            .await?;
        self.views(actor, rallies).await
    }

    pub async fn edit_rally(&self, actor: &Actor, id: i64, edit: RallyEdit) -> Result<Edited> {
        let now = self.now();
        let rally = self.visible_rally(actor, id).await?;
        require_organiser_or_moderator(actor, &rally, RallyAction::Edit)?;
        if !matches!(rally.status, RallyStatus::Pending | RallyStatus::Approved) {
            return Err(wrong_status(&rally, RallyAction::Edit).into());
        }
        if edit.is_empty() {
            return Err(UserError::NothingToChange.into());
        }
        let mut notes = Vec::new();
        let mut fields = rally.fields();
        if let Some(title) = &edit.title {
            fields.title = validate::title(title)?;
        }
        if let Some(details) = &edit.details {
            fields.details = validate::details(details)?;
        }
        if let Some(address) = &edit.address {
            fields.address = validate::address(address)?;
        }
        if let Some(v) = visibility(edit.address_visibility.as_deref())? {
            fields.address_visibility = v;
        }
        let new_organiser = match edit.organiser.as_deref().map(str::trim) {
            Some(o) if !o.is_empty() => {
                super::permissions::require_moderator(actor, Action::ChangeOrganiser)?;
                Some(crate::commands::parse::values::user("organiser", o)?)
            }
            _ => None,
        };
        if let Some(place) = &edit.place {
            let located = locate(place, edit.tz.as_deref())?;
            notes.extend(located.note);
            fields.place_name = located.name;
            fields.latitude = located.latitude;
            fields.longitude = located.longitude;
            fields.time_zone = located.time_zone;
        } else if let Some(tz) = &edit.tz {
            fields.time_zone = parse_time_zone(tz)?;
        }
        if let Some(when) = &edit.when {
            let (starts_at, note) = parse_start(when, fields.time_zone, now, edit.typed_in)?;
            notes.extend(note.map(Note::TimeReading));
            // A start moved past the old end would leave a rally that ends before it begins.
            if edit.ends.is_none() {
                if let Some(end) = fields.ends_at {
                    fields.ends_at = Some(end + (starts_at - fields.starts_at));
                }
            }
            fields.starts_at = starts_at;
        } else if rally.starts_at <= now {
            return Err(UserError::AlreadyStarted {
                id,
                action: RallyAction::Edit,
            }
            .into());
        }
        if let Some(ends) = &edit.ends {
            fields.ends_at = parse_end(
                Some(ends),
                fields.starts_at,
                fields.time_zone,
                edit.typed_in,
                &mut notes,
            )?;
        }
        let mut changes = changes(&rally, &fields);
        if let Some(user) =
            new_organiser.filter(|u| *u != rally.organiser_id || rally.organiser_gone)
        {
            changes.push(Change {
                field: "organiser",
                before: if rally.organiser_gone {
                    "a former member".into()
                } else {
                    format!("user {}", rally.organiser_id)
                },
                after: format!("user {user}"),
            });
        }
        changes.extend(
            self.campaign_change(actor, &rally, &mut fields, &edit)
                .await?,
        );
        if changes.is_empty() {
            return Err(UserError::NothingToChange.into());
        }
        self.store.update_rally_fields(id, &fields, now).await?;
        if let Some(user) = new_organiser {
            self.store.set_organiser(id, user, now).await?;
        }
        tracing::info!(
            rally = id,
            by = actor.user_id,
            changed = changes.len(),
            "rally edited"
        );
        let old = rally;
        let rally = self.visible_rally(actor, id).await?;
        self.reschedule_reminders(&rally).await?;
        self.announce_edit(&old, &rally).await?;
        let side = |pick: fn(&Change) -> &String| {
            changes
                .iter()
                .map(|c| format!("{}: {}", c.field, pick(c)))
                .collect::<Vec<_>>()
                .join("; ")
        };
        self.audit(
            actor,
            Some(id),
            "edit",
            &side(|c| &c.before),
            &side(|c| &c.after),
        )
        .await?;
        Ok(Edited {
            view: self.view(actor, rally).await?,
            changes,
            notes,
        })
    }

    pub async fn cancel_rally(
        &self,
        actor: &Actor,
        id: i64,
        reason: Option<&str>,
    ) -> Result<RallyView> {
        let rally = self.visible_rally(actor, id).await?;
        require_organiser_or_moderator(actor, &rally, RallyAction::Cancel)?;
        let reason = reason.map(validate::reason).transpose()?;
        let reason = reason.filter(|r| !r.is_empty());
        let from = [RallyStatus::Pending, RallyStatus::Approved];
        if !from.contains(&rally.status)
            || !self
                .store
                .transition_rally(
                    id,
                    &from,
                    RallyStatus::Cancelled,
                    reason.as_deref(),
                    self.now(),
                )
                .await?
        {
            let current = self.visible_rally(actor, id).await?;
            return Err(wrong_status(&current, RallyAction::Cancel).into());
        }
        tracing::info!(rally = id, by = actor.user_id, "rally cancelled");
        let view = self.show_rally(actor, id).await?;
        self.reschedule_reminders(&view.rally).await?;
        self.announce_cancel(&rally, reason.as_deref()).await?;
        let after = match &reason {
            Some(r) => format!("cancelled: {r}"),
            None => "cancelled".into(),
        };
        self.audit(actor, Some(id), "cancel", rally.status.as_str(), &after)
            .await?;
        Ok(view)
    }

    /// The actor's own rallies in this server that have not ended, whatever their status.
    pub async fn my_rallies(&self, actor: &Actor) -> Result<Vec<RallyView>> {
        let now = self.now();
        let rallies: Vec<Rally> = self
            .store
            .rallies_of_organiser(actor.server_id, actor.user_id, LIST_MAX)
            .await?
            .into_iter()
            .filter(|r| r.ends_at.unwrap_or(r.starts_at) >= now)
            .collect();
        self.views(actor, rallies).await
    }
}

impl Service {
    /// Applies the edit's campaign (a name, or "none") and checks the rally still falls within
    /// its campaign's days; returns the change to report.
    async fn campaign_change(
        &self,
        actor: &Actor,
        rally: &Rally,
        fields: &mut RallyFields,
        edit: &RallyEdit,
    ) -> Result<Option<Change>> {
        let old = match rally.campaign_id {
            Some(id) => self.store.campaign(rally.server_id, id).await?,
            None => None,
        };
        let new = match edit.campaign.as_deref().map(str::trim) {
            None | Some("") => old.clone(),
            Some(none) if none.eq_ignore_ascii_case("none") => None,
            Some(reference) => {
                let campaign = self.open_campaign(actor.server_id, reference).await?;
                if old.as_ref().map(|c| c.id) == Some(campaign.id) {
                    old.clone()
                } else {
                    Some(campaign)
                }
            }
        };
        fields.campaign_id = new.as_ref().map(|c| c.id);
        if let Some(campaign) = &new {
            let moved = fields.starts_at != rally.starts_at || fields.time_zone != rally.time_zone;
            if moved || fields.campaign_id != rally.campaign_id {
                check_covers(campaign, fields.starts_at, fields.time_zone)?;
            }
        }
        let name = |c: &Option<crate::domain::Campaign>| {
            c.as_ref().map_or("none".to_string(), |c| c.name.clone())
        };
        Ok((fields.campaign_id != rally.campaign_id).then(|| Change {
            field: "campaign",
            before: name(&old),
            after: name(&new),
        }))
    }
}

/// A rally in one line, for the audit log.
pub(super) fn summary(r: &Rally) -> String {
    format!(
        "{} at {}, {}",
        r.title,
        r.place_name,
        local_label(r.starts_at, r.time_zone)
    )
}

pub(super) fn wrong_status(rally: &Rally, action: RallyAction) -> UserError {
    UserError::WrongStatus {
        id: rally.id,
        status: rally.status,
        action,
    }
}

/// A start typed in `lang`; a misreading or refusal is worded in it too.
fn parse_start(
    when: &str,
    tz: Tz,
    now: DateTime<Utc>,
    lang: Lang,
) -> Result<(DateTime<Utc>, Option<String>)> {
    let parsed = parse_when_in(when, tz, now, lang).map_err(UserError::Time)?;
    validate::start(parsed.utc, tz, now)?;
    Ok((parsed.utc, parsed.note.map(|n| n.message(lang))))
}

/// An end is read relative to the start, so "8pm" means 8 PM on the rally's day.
fn parse_end(
    ends: Option<&str>,
    starts_at: DateTime<Utc>,
    tz: Tz,
    lang: Lang,
    notes: &mut Vec<Note>,
) -> Result<Option<DateTime<Utc>>> {
    let Some(ends) = ends.map(str::trim).filter(|e| !e.is_empty()) else {
        return Ok(None);
    };
    let parsed = parse_when_in(ends, tz, starts_at, lang).map_err(UserError::Time)?;
    notes.extend(parsed.note.map(|n| Note::TimeReading(n.message(lang))));
    validate::end(starts_at, Some(parsed.utc), tz)?;
    Ok(Some(parsed.utc))
}

fn changes(old: &Rally, new: &RallyFields) -> Vec<Change> {
    let mut out = Vec::new();
    let mut push = |field, before: String, after: String| {
        if before != after {
            out.push(Change {
                field,
                before,
                after,
            });
        }
    };
    let time = |t: Option<DateTime<Utc>>, tz| {
        t.map(|t| local_label(t, tz))
            .unwrap_or_else(|| "none".into())
    };
    push("title", old.title.clone(), new.title.clone());
    push("place", old.place_name.clone(), new.place_name.clone());
    push("address", old.address.clone(), new.address.clone());
    push(
        "time zone",
        old.time_zone.name().into(),
        new.time_zone.name().into(),
    );
    push(
        "start",
        time(Some(old.starts_at), old.time_zone),
        time(Some(new.starts_at), new.time_zone),
    );
    push(
        "end",
        time(old.ends_at, old.time_zone),
        time(new.ends_at, new.time_zone),
    );
    push("details", old.details.clone(), new.details.clone());
    push(
        "address visibility",
        old.address_visibility.as_str().into(),
        new.address_visibility.as_str().into(),
    );
    out
}

/// `address_visibility:` as typed.
fn visibility(raw: Option<&str>) -> Result<Option<AddressVisibility>, UserError> {
    raw.map(str::trim)
        .filter(|v| !v.is_empty())
        .map(|v| {
            AddressVisibility::parse(v).ok_or(UserError::BadOption {
                option: "address_visibility",
                input: v.to_string(),
                expected: Expected::AddressVisibility,
            })
        })
        .transpose()
}
