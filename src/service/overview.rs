//! A campaign at a glance: how many rallies, cities and states, how many people answered, and
//! its rallies grouped by state and city (or, from a place, nearest first).
use std::collections::{BTreeSet, HashMap};

use super::location::{locate, Located};
use super::Service;
use crate::domain::Campaign;
use crate::domain::{Actor, DistanceUnit, Rally, RallyStatus, RallyView};
use crate::error::Result;
use places::distance_km;
use places::Gazetteer;

#[derive(Debug, Clone, PartialEq)]
pub struct CampaignOverview {
    pub campaign: Campaign,
    pub cities: usize,
    pub states: usize,
    pub going: i64,
    pub interested: i64,
    /// By state, city and start; or nearest first when `origin` is set.
    pub entries: Vec<OverviewEntry>,
    pub origin: Option<Located>,
    pub unit: DistanceUnit,
    /// For a campaign shared by a coalition: each server's rallies and people going, the
    /// asker's own server first.
    pub by_server: Vec<ServerCount>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ServerCount {
    /// The server's name; None for the asker's own.
    pub server: Option<String>,
    pub rallies: usize,
    pub going: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OverviewEntry {
    pub view: RallyView,
    /// "Texas", or "Ontario, CA" outside the US.
    pub state: String,
    pub city: String,
    /// From `origin`, in `unit`.
    pub distance: Option<f64>,
}

impl Service {
    /// The campaign's approved rallies; from `place`, nearest first with distances.
    pub async fn campaign_overview(
        &self,
        actor: &Actor,
        reference: &str,
        place: Option<&str>,
    ) -> Result<CampaignOverview> {
        let campaign = self.find_campaign(actor, reference).await?;
        let origin = place
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| locate(p, None))
            .transpose()?;
        let unit = self
            .store
            .server_settings(actor.server_id)
            .await?
            .distance_unit;
        let rallies = self
            .store
            .campaign_rallies(campaign.id, &[RallyStatus::Approved])
            .await?;
        let rallies = self.shared_only(actor, rallies).await?;
        let views = self.views(actor, rallies).await?;
        let mut entries: Vec<OverviewEntry> = views
            .into_iter()
            .map(|view| {
                let (state, city) = state_and_city(&view.rally);
                let distance = origin.as_ref().map(|o| {
                    unit.from_km(distance_km(
                        o.latitude,
                        o.longitude,
                        view.rally.latitude,
                        view.rally.longitude,
                    ))
                });
                OverviewEntry {
                    view,
                    state,
                    city,
                    distance,
                }
            })
            .collect();
        let start = |e: &OverviewEntry| (e.view.rally.starts_at, e.view.rally.id);
        if origin.is_some() {
            entries.sort_by(|a, b| {
                let (da, db) = (a.distance.unwrap_or(0.0), b.distance.unwrap_or(0.0));
                da.total_cmp(&db).then(start(a).cmp(&start(b)))
            });
        } else {
            entries
                .sort_by(|a, b| (&a.state, &a.city, start(a)).cmp(&(&b.state, &b.city, start(b))));
        }
        let cities: BTreeSet<(&str, &str)> = entries
            .iter()
            .map(|e| (e.state.as_str(), e.city.as_str()))
            .collect();
        let states: BTreeSet<&str> = entries.iter().map(|e| e.state.as_str()).collect();
        let by_server = if campaign.coalition_id.is_some() {
            per_server(&entries)
        } else {
            Vec::new()
        };
        Ok(CampaignOverview {
            by_server,
            cities: cities.len(),
            states: states.len(),
            going: entries.iter().map(|e| e.view.counts.going).sum(),
            interested: entries.iter().map(|e| e.view.counts.interested).sum(),
            campaign,
            entries,
            origin,
            unit,
        })
    }
}

/// Rallies and people going per server, the asker's own first, then by name.
fn per_server(entries: &[OverviewEntry]) -> Vec<ServerCount> {
    let mut counts: Vec<ServerCount> = Vec::new();
    for e in entries {
        let server = e.view.from_server.clone();
        match counts.iter_mut().find(|c| c.server == server) {
            Some(c) => {
                c.rallies += 1;
                c.going += e.view.counts.going;
            }
            None => counts.push(ServerCount {
                server,
                rallies: 1,
                going: e.view.counts.going,
            }),
        }
    }
    counts.sort_by(|a, b| (a.server.is_some(), &a.server).cmp(&(b.server.is_some(), &b.server)));
    counts
}

/// The state (admin1 area) and city of a rally's place, from the gazetteer. A place label
/// resolves back to its own place; coordinates take the nearest town.
fn state_and_city(rally: &Rally) -> (String, String) {
    let gazetteer = Gazetteer::global();
    let place = match gazetteer.resolve(&rally.place_name) {
        Ok(r) if r.place.city.is_some() => r.place,
        _ => gazetteer.nearest_place(rally.latitude, rally.longitude),
    };
    let area = place
        .admin1_name
        .clone()
        .unwrap_or_else(|| place.country.clone());
    let state = if place.country == "US" || place.admin1_name.is_none() {
        area
    } else {
        format!("{area}, {}", place.country)
    };
    (state, place.city.unwrap_or_default())
}

/// Entries grouped under their state and city, in order, for front ends to print.
pub fn groups(entries: &[OverviewEntry]) -> Vec<((&str, &str), Vec<&OverviewEntry>)> {
    let mut out: Vec<((&str, &str), Vec<&OverviewEntry>)> = Vec::new();
    let mut index: HashMap<(&str, &str), usize> = HashMap::new();
    for e in entries {
        let key = (e.state.as_str(), e.city.as_str());
        match index.get(&key) {
            Some(&i) => out[i].1.push(e),
            None => {
                index.insert(key, out.len());
                out.push((key, vec![e]));
            }
        }
    }
    out
}
