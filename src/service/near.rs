//! "What's near me?": approved, upcoming rallies within a radius, nearest first.
use chrono::Duration;

use super::location::{locate, Located};
use super::Service;
use crate::domain::limits::{
    DEFAULT_RADIUS, MAX_RADIUS, NEAR_DAYS_MAX, NEAR_DEFAULT_LIMIT, NEAR_MAX_LIMIT,
};
use crate::domain::{Actor, Campaign, DistanceUnit, RallyView};
use crate::error::{Result, UserError};
use crate::store::{Nearest, Position};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct NearQuery {
    pub place: String,
    /// In `unit`; defaults to 50.
    pub radius: Option<f64>,
    /// Defaults to the server's setting.
    pub unit: Option<DistanceUnit>,
    /// Only rallies starting within this many days.
    pub days: Option<u32>,
    /// How many rallies at most; defaults to 25.
    pub limit: Option<usize>,
    /// Only rallies of this campaign (by name or "#12").
    pub campaign: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NearResult {
    pub origin: Located,
    pub radius: f64,
    pub unit: DistanceUnit,
    /// Nearest first, then soonest; each with its distance in `unit`.
    pub rallies: Vec<(RallyView, f64)>,
    /// True when more rallies may lie within the radius than were returned.
    pub more: bool,
    /// The campaign searched within, by name.
    pub campaign: Option<String>,
}

/// Which rallies a search spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// The asker's server and the shared campaigns of its coalitions.
    Coalitions,
    /// The server's own rallies only, as its public pages show.
    OwnServer,
}

impl Service {
    pub async fn near(&self, actor: &Actor, query: NearQuery) -> Result<NearResult> {
        self.near_within(actor, query, Reach::Coalitions, None)
            .await
    }

    /// `known`: the campaign to search within, already found by the caller (it overrides
    /// the query's).
    pub(super) async fn near_within(
        &self,
        actor: &Actor,
        query: NearQuery,
        reach: Reach,
        known: Option<Campaign>,
    ) -> Result<NearResult> {
        let unit = match query.unit {
            Some(u) => u,
            None => {
                self.store
                    .server_settings(actor.server_id)
                    .await?
                    .distance_unit
            }
        };
        let radius = query.radius.unwrap_or(DEFAULT_RADIUS);
        if !(radius > 0.0 && radius <= MAX_RADIUS) {
            return Err(UserError::BadOption {
                option: "radius",
                input: radius.to_string(),
                // The limit is the same number in either unit, so name the one in force.
                expected: crate::domain::Expected::Radius {
                    max: MAX_RADIUS,
                    unit,
                },
            }
            .into());
        }
        let limit = query
            .limit
            .unwrap_or(NEAR_DEFAULT_LIMIT)
            .clamp(1, NEAR_MAX_LIMIT);
        let origin = locate(&query.place, None)?;
        let now = self.now();
        let until = match query.days {
            Some(days) => now + Duration::days(i64::from(days).clamp(1, NEAR_DAYS_MAX)),
            None => now + Duration::days(3660),
        };
        let campaign = match (known, query.campaign.as_deref().map(str::trim)) {
            (Some(c), _) => Some(c),
            (None, Some(c)) if !c.is_empty() => Some(self.find_campaign(actor, c).await?),
            _ => None,
        };
        // A shared campaign is searched in its coalition; with no campaign named, so is every
        // coalition the server belongs to.
        let mut shared = match reach {
            Reach::Coalitions => self.store.shared_scopes(actor.server_id).await?,
            Reach::OwnServer => Vec::new(),
        };
        if let Some(c) = &campaign {
            shared.retain(|s| Some(s.coalition_id) == c.coalition_id);
        }
        let query = Nearest {
            server_id: actor.server_id,
            shared,
            user_id: actor.user_id,
            origin: (origin.latitude, origin.longitude),
            km: unit.to_km(radius),
            from: now,
            until,
            campaign: campaign.as_ref().map(|c| c.id),
            // One more than asked for tells whether there are more.
            want: limit + 1,
        };
        let (found, more) = self.nearest(query).await?;
        let (mut views, km): (Vec<_>, Vec<_>) = found.into_iter().map(|p| (p.view, p.km)).unzip();
        self.mark_servers(actor, &mut views).await?;
        let rallies = views
            .into_iter()
            .zip(km)
            .map(|(v, km)| (v, unit.from_km(km)))
            .collect();
        Ok(NearResult {
            origin,
            radius,
            unit,
            rallies,
            more,
            campaign: campaign.map(|c| c.name),
        })
    }

    /// The nearest rallies the query admits, at most one fewer than it wants, and whether
    /// there are more.
    async fn nearest(&self, query: Nearest) -> Result<(Vec<Position>, bool)> {
        let limit = query.want - 1;
        let mut found = self.store.nearest_in(&query).await?;
        let more = found.len() > limit;
        found.truncate(limit);
        Ok((found, more))
    }
}
