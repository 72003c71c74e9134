//! Campaigns: a coalition's day (or days) of action, grouping the local rallies of one server.
//! Moderators create, edit and archive them; an archived campaign takes no new rallies.
use chrono::{DateTime, Datelike, Duration, Months, NaiveDate, Utc};
use chrono_tz::Tz;
use when::parse_when;

use super::choices::{Choice, MAX_CHOICES};
use super::permissions::require_moderator;
use super::{validate, Change, Service};
use crate::domain::limits::{CAMPAIGN_MAX_DAYS, CAMPAIGN_NAME_MAX, DETAILS_MAX, MAX_MONTHS_AHEAD};
use crate::domain::Campaign;
use crate::domain::{Action, Actor, LocalTime, OwnerAction, RallyStatus};
use crate::error::{CampaignProblem, Field, Result, UserError};
use crate::i18n::Lang;
use crate::store::CampaignRow;

/// A campaign as a moderator typed it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewCampaign {
    pub name: String,
    pub start: String,
    pub end: String,
    pub description: Option<String>,
    /// A coalition the server owns, to share the campaign with its member servers.
    pub coalition: Option<String>,
}

/// What to change; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CampaignEdit {
    pub name: Option<String>,
    pub start: Option<String>,
    pub end: Option<String>,
    pub description: Option<String>,
}

/// What a campaign command did, for the reply.
#[derive(Debug, Clone, PartialEq)]
pub struct CampaignSaved {
    pub campaign: Campaign,
    pub action: CampaignAction,
    pub changes: Vec<Change>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CampaignAction {
    Created,
    Edited,
    Archived,
    Restored,
}

/// Names are compared with case folded and runs of spaces collapsed.
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// 1 to 80 characters, no control characters, with a letter or digit; "none" and "#12" are
/// kept for clearing a rally's campaign and referring to a campaign by number.
pub fn validate_name(raw: &str) -> Result<String, UserError> {
    let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let invalid = |why| Err(UserError::CampaignInvalid(why));
    if name.is_empty() {
        return invalid(CampaignProblem::NameEmpty);
    }
    let len = name.chars().count();
    if len > CAMPAIGN_NAME_MAX {
        return invalid(CampaignProblem::NameTooLong {
            len,
            max: CAMPAIGN_NAME_MAX,
        });
    }
    // The address check refuses control and invisible characters on one line.
    validate::address(&name).map_err(|_| UserError::ControlCharacters { field: Field::Name })?;
    if !name.chars().any(char::is_alphanumeric) {
        return invalid(CampaignProblem::NameWithoutLetters);
    }
    if name.contains('|') {
        return invalid(CampaignProblem::NameWithBar);
    }
    if name.eq_ignore_ascii_case("none") || is_number_ref(&name) {
        return invalid(CampaignProblem::NameReserved);
    }
    Ok(name)
}

fn is_number_ref(s: &str) -> bool {
    s.strip_prefix('#')
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

fn description(raw: &str) -> Result<String, UserError> {
    validate::details(raw).map_err(|e| match e {
        UserError::DetailsTooLong { len } => {
            UserError::CampaignInvalid(CampaignProblem::DescriptionTooLong {
                len,
                max: DETAILS_MAX,
            })
        }
        UserError::ControlCharacters { .. } => UserError::ControlCharacters {
            field: Field::Description,
        },
        other => other,
    })
}

/// A calendar day: "2027-04-17", "4/17/2027", "April 17, 2027", "next saturday".
pub fn parse_day(
    option: &'static str,
    raw: &str,
    now: DateTime<Utc>,
) -> Result<NaiveDate, UserError> {
    let text = raw.trim();
    if let Ok(day) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Ok(day);
    }
    // The time parser knows every date form people type; noon keeps the day clear of DST gaps.
    parse_when(&format!("{text} noon"), chrono_tz::UTC, now)
        .map(|w| w.local.date())
        .map_err(|_| {
            UserError::CampaignInvalid(CampaignProblem::BadDay {
                option,
                input: text.to_string(),
            })
        })
}

/// The campaign's days must be in order, not over, not too far ahead and not too long.
fn check_days(start: NaiveDate, end: NaiveDate, now: DateTime<Utc>) -> Result<(), UserError> {
    let invalid = |why| Err(UserError::CampaignInvalid(why));
    if end < start {
        return invalid(CampaignProblem::EndBeforeStart { start, end });
    }
    // Somewhere on Earth it is still yesterday.
    let earliest = (now - Duration::days(1)).date_naive();
    if end < earliest {
        return invalid(CampaignProblem::EndPassed { end });
    }
    let latest = (now + Months::new(MAX_MONTHS_AHEAD)).date_naive();
    if start > latest {
        return invalid(CampaignProblem::StartTooFar { start });
    }
    let days = (end - start).num_days() + 1;
    if days > CAMPAIGN_MAX_DAYS {
        return invalid(CampaignProblem::TooLong {
            days,
            max: CAMPAIGN_MAX_DAYS,
        });
    }
    Ok(())
}

impl Service {
    pub async fn create_campaign(&self, actor: &Actor, new: NewCampaign) -> Result<CampaignSaved> {
        require_moderator(actor, Action::CreateCampaigns)?;
        let now = self.now();
        let name = validate_name(&new.name)?;
        let description = description(new.description.as_deref().unwrap_or(""))?;
        let starts_on = parse_day("start", &new.start, now)?;
        let ends_on = parse_day("end", &new.end, now)?;
        check_days(starts_on, ends_on, now)?;
        self.store.ensure_server(actor.server_id, now).await?;
        let coalition = match new.coalition.as_deref().map(str::trim) {
            Some(c) if !c.is_empty() => {
                let coalition = self.coalition_of(actor, Some(c)).await?;
                if coalition.owner_server_id != actor.server_id {
                    return Err(UserError::CoalitionOwnersOnly {
                        action: OwnerAction::ShareCampaigns,
                    }
                    .into());
                }
                Some(coalition)
            }
            _ => None,
        };
        let key = name_key(&name);
        let row = CampaignRow {
            server_id: actor.server_id,
            name: &name,
            name_key: &key,
            description: &description,
            starts_on,
            ends_on,
            archived: false,
            coalition_id: coalition.as_ref().map(|c| c.id),
        };
        let campaign = self
            .store
            .insert_campaign(&row, now)
            .await?
            .ok_or(UserError::CampaignNameTaken { name: name.clone() })?;
        tracing::info!(
            campaign = campaign.id,
            server = actor.server_id,
            by = actor.user_id,
            "campaign created"
        );
        Ok(CampaignSaved {
            campaign,
            action: CampaignAction::Created,
            changes: Vec::new(),
        })
    }

    pub async fn edit_campaign(
        &self,
        actor: &Actor,
        reference: &str,
        edit: CampaignEdit,
    ) -> Result<CampaignSaved> {
        require_moderator(actor, Action::EditCampaigns)?;
        let now = self.now();
        let old = self.find_campaign(actor, reference).await?;
        require_own(actor, &old)?;
        if edit == CampaignEdit::default() {
            return Err(UserError::CampaignInvalid(CampaignProblem::NothingToChange).into());
        }
        let mut new = old.clone();
        if let Some(name) = &edit.name {
            new.name = validate_name(name)?;
        }
        if let Some(d) = &edit.description {
            new.description = description(d)?;
        }
        if let Some(start) = &edit.start {
            new.starts_on = parse_day("start", start, now)?;
        }
        if let Some(end) = &edit.end {
            new.ends_on = parse_day("end", end, now)?;
        }
        if (new.starts_on, new.ends_on) != (old.starts_on, old.ends_on) {
            check_days(new.starts_on, new.ends_on, now)?;
            // Rallies already in the campaign must stay within it.
            let members = self
                .store
                .campaign_rallies(old.id, &[RallyStatus::Pending, RallyStatus::Approved])
                .await?;
            let outside: Vec<i64> = members
                .iter()
                .filter(|r| !new.covers(r.starts_at, r.time_zone))
                .map(|r| r.id)
                .collect();
            if !outside.is_empty() {
                return Err(UserError::CampaignInvalid(CampaignProblem::RalliesOutside {
                    count: outside.len(),
                    ids: outside.into_iter().take(10).collect(),
                    starts_on: new.starts_on,
                    ends_on: new.ends_on,
                })
                .into());
            }
        }
        let changes = campaign_changes(&old, &new);
        if changes.is_empty() {
            return Err(UserError::CampaignInvalid(CampaignProblem::NothingChanged).into());
        }
        self.save_campaign(&new, now).await?;
        tracing::info!(
            campaign = old.id,
            by = actor.user_id,
            changed = changes.len(),
            "campaign edited"
        );
        Ok(CampaignSaved {
            campaign: self.find_campaign(actor, &format!("#{}", old.id)).await?,
            action: CampaignAction::Edited,
            changes,
        })
    }

    /// Archives a campaign (or restores it): its rallies stay, it takes no new ones.
    pub async fn archive_campaign(
        &self,
        actor: &Actor,
        reference: &str,
        restore: bool,
    ) -> Result<CampaignSaved> {
        require_moderator(actor, Action::ArchiveCampaigns)?;
        let mut campaign = self.find_campaign(actor, reference).await?;
        require_own(actor, &campaign)?;
        if campaign.archived != restore {
            let name = campaign.name;
            let problem = if restore {
                CampaignProblem::NotArchived { name }
            } else {
                CampaignProblem::AlreadyArchived { name }
            };
            return Err(UserError::CampaignInvalid(problem).into());
        }
        campaign.archived = !restore;
        self.save_campaign(&campaign, self.now()).await?;
        tracing::info!(
            campaign = campaign.id,
            by = actor.user_id,
            restore,
            "campaign archived"
        );
        Ok(CampaignSaved {
            campaign: self
                .find_campaign(actor, &format!("#{}", campaign.id))
                .await?,
            action: if restore {
                CampaignAction::Restored
            } else {
                CampaignAction::Archived
            },
            changes: Vec::new(),
        })
    }

    async fn save_campaign(&self, c: &Campaign, now: DateTime<Utc>) -> Result<()> {
        let key = name_key(&c.name);
        let row = CampaignRow {
            server_id: c.server_id,
            name: &c.name,
            name_key: &key,
            description: &c.description,
            starts_on: c.starts_on,
            ends_on: c.ends_on,
            archived: c.archived,
            coalition_id: c.coalition_id,
        };
        if !self.store.update_campaign(c.id, &row, now).await? {
            return Err(UserError::CampaignNameTaken {
                name: c.name.clone(),
            }
            .into());
        }
        Ok(())
    }

    /// A campaign of the actor's server, by name (any case) or as "#12".
    pub async fn find_campaign(&self, actor: &Actor, reference: &str) -> Result<Campaign> {
        self.campaign_in(actor.server_id, reference).await
    }

    pub(crate) async fn campaign_in(&self, server_id: i64, reference: &str) -> Result<Campaign> {
        let reference = reference.trim();
        let found = if is_number_ref(reference) {
            match reference[1..].parse::<i64>() {
                Ok(id) => self.store.campaign(server_id, id).await?,
                Err(_) => None,
            }
        } else {
            self.store
                .campaign_by_key(server_id, &name_key(reference))
                .await?
        };
        match found {
            Some(c) => Ok(c),
            None => Err(self.campaign_not_found(server_id, reference).await?.into()),
        }
    }

    async fn campaign_not_found(&self, server_id: i64, name: &str) -> Result<UserError> {
        let mut all = self.store.campaigns(server_id).await?;
        all.sort_by_key(|c| c.archived);
        Ok(UserError::CampaignNotFound {
            name: name.to_string(),
            known: all.into_iter().take(10).map(|c| c.name).collect(),
        })
    }

    /// Upcoming approved rallies of a campaign, soonest first.
    pub async fn list_campaign(
        &self,
        actor: &Actor,
        reference: &str,
    ) -> Result<(Campaign, Vec<crate::domain::RallyView>)> {
        let campaign = self.find_campaign(actor, reference).await?;
        let rallies = self
            .store
            .upcoming_in_campaign(campaign.id, self.now(), crate::domain::limits::LIST_MAX)
            .await?;
        let rallies = self.shared_only(actor, rallies).await?;
        Ok((campaign, self.views(actor, rallies).await?))
    }

    /// The campaign a rally may join: one of the server's, not archived.
    pub(crate) async fn open_campaign(&self, server_id: i64, reference: &str) -> Result<Campaign> {
        let campaign = self.campaign_in(server_id, reference).await?;
        if campaign.archived {
            return Err(UserError::CampaignArchived {
                name: campaign.name,
            }
            .into());
        }
        Ok(campaign)
    }

    /// Campaigns whose name contains what was typed: open ones first (soonest), then archived
    /// ones when `include_archived` (for lists and overviews, not for joining). Labels are in
    /// `lang`.
    pub async fn campaign_choices(
        &self,
        actor: &Actor,
        typed: &str,
        include_archived: bool,
        lang: Lang,
    ) -> Result<Vec<Choice>> {
        let needle = name_key(typed);
        let mut all = self.store.campaigns(actor.server_id).await?;
        all.retain(|c| {
            (include_archived || !c.archived) && c.name.to_lowercase().contains(&needle)
        });
        all.sort_by_key(|c| (c.archived, c.starts_on, c.id));
        Ok(all
            .into_iter()
            .take(MAX_CHOICES)
            .map(|c| Choice {
                label: crate::text::choices::campaign(&c, lang)
                    .chars()
                    .take(100)
                    .collect(),
                value: c.name,
            })
            .collect())
    }
}

/// A shared campaign is changed only by the server that owns it.
fn require_own(actor: &Actor, campaign: &Campaign) -> Result<(), UserError> {
    if campaign.server_id != actor.server_id {
        return Err(UserError::SharedCampaignOwnersOnly {
            name: campaign.name.clone(),
        });
    }
    Ok(())
}

/// A rally joining a campaign must start on one of its days.
pub(crate) fn check_covers(
    campaign: &Campaign,
    starts_at: DateTime<Utc>,
    tz: Tz,
) -> Result<(), UserError> {
    if campaign.covers(starts_at, tz) {
        Ok(())
    } else {
        Err(UserError::OutsideCampaign {
            when: LocalTime {
                at: starts_at,
                zone: tz,
            },
            name: campaign.name.clone(),
            starts_on: campaign.starts_on,
            ends_on: campaign.ends_on,
        })
    }
}

fn campaign_changes(old: &Campaign, new: &Campaign) -> Vec<Change> {
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
    let day = |d: NaiveDate| format!("{} {}", d.format("%B %-d, %Y"), weekday(d));
    push("name", old.name.clone(), new.name.clone());
    push("start", day(old.starts_on), day(new.starts_on));
    push("end", day(old.ends_on), day(new.ends_on));
    push(
        "description",
        old.description.clone(),
        new.description.clone(),
    );
    out
}

fn weekday(d: NaiveDate) -> String {
    format!("({})", d.weekday())
}
