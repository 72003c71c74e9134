//! The public pages' rules. Nothing is public until a moderator turns a server's pages on;
//! then its approved rallies may be read by anyone, without the people: no organiser, no
//! Discord id, no name, no one's answer, and the street address only where the organiser
//! made it public. Other servers' rallies never appear on a server's pages.
use chrono::Duration;

use super::location::Located;
use super::near::{NearQuery, Reach};
use super::Service;
use crate::domain::limits::DEFAULT_RADIUS;
use crate::domain::{
    Actor, AddressVisibility, Campaign, DistanceUnit, PublicCampaign, PublicRally, PublicServer,
    PublicTotals, RallyStatus, RallyView, ServerSettings,
};
use crate::error::{Error, Result, UserError};
use crate::store::{FeedRow, FeedScope};

/// The most rallies a page or feed lists.
pub const PAGE_RALLIES_MAX: i64 = 1000;
/// A calendar keeps approved rallies this long after they ended.
const FEED_KEEPS_PAST_DAYS: i64 = 30;
/// Calendars need an end: a rally with none is taken to last this long.
pub const ASSUMED_LENGTH_HOURS: i64 = 2;

#[derive(Debug, Clone, PartialEq)]
pub enum PublicRequest {
    Server {
        slug: String,
    },
    Campaign {
        slug: String,
        campaign: i64,
        /// "Find a rally near you", when the form was sent.
        search: Option<SearchForm>,
    },
    Rally {
        slug: String,
        rally: i64,
    },
    /// A calendar of the server's rallies, or of one campaign's.
    Feed {
        slug: String,
        campaign: Option<i64>,
    },
    /// One rally's calendar file; a cancelled rally's too, until it would have ended.
    RallyCalendar {
        slug: String,
        rally: i64,
    },
    /// The number that moves when anything the server's pages show changes.
    Version {
        slug: String,
    },
}

/// What someone typed into "find a rally near you".
#[derive(Debug, Clone, PartialEq)]
pub struct SearchForm {
    pub place: String,
    pub radius: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum PublicPage {
    Server {
        server: PublicServer,
        rallies: Vec<PublicRally>,
        campaigns: Vec<PublicCampaign>,
    },
    Campaign {
        server: PublicServer,
        campaign: PublicCampaign,
        totals: PublicTotals,
        /// Upcoming, soonest first; none with a search, whose page lists what it found.
        rallies: Vec<PublicRally>,
        search: Option<PublicSearch>,
    },
    Rally {
        server: PublicServer,
        rally: PublicRally,
        campaign: Option<PublicCampaign>,
    },
    Feed {
        server: PublicServer,
        campaign: Option<PublicCampaign>,
        rallies: Vec<PublicRally>,
    },
    RallyCalendar {
        server: PublicServer,
        rally: PublicRally,
    },
    Version(i64),
}

/// A search as typed, and what it found or why it could not.
#[derive(Debug, Clone, PartialEq)]
pub struct PublicSearch {
    pub place: String,
    pub radius: f64,
    pub outcome: std::result::Result<PublicNear, UserError>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PublicNear {
    pub origin: Located,
    pub unit: DistanceUnit,
    /// Nearest first, each with its distance in `unit`.
    pub rallies: Vec<(PublicRally, f64)>,
    pub more: bool,
}

/// A rally without the people; the address only where its organiser made it public.
/// `sequence` is the calendar's, where it was read (0 otherwise).
pub fn public_rally(view: &RallyView, sequence: i64, from: Option<String>) -> PublicRally {
    let r = &view.rally;
    let address = (r.address_visibility == AddressVisibility::Public
        && !r.address.trim().is_empty())
    .then(|| r.address.clone());
    PublicRally {
        id: r.id,
        title: r.title.clone(),
        details: r.details.clone(),
        place_name: r.place_name.clone(),
        address,
        latitude: r.latitude,
        longitude: r.longitude,
        time_zone: r.time_zone,
        starts_at: r.starts_at,
        ends_at: r.ends_at,
        status: r.status,
        campaign_id: r.campaign_id,
        going: view.counts.going,
        interested: view.counts.interested,
        created_at: r.created_at,
        updated_at: r.updated_at,
        sequence,
        from,
    }
}

/// A rally a page of `own` server reads, named by its server when it is another member's.
fn from_row(row: &FeedRow, own: i64) -> PublicRally {
    let other = row.view.rally.server_id != own;
    public_rally(
        &row.view,
        row.sequence,
        other.then(|| row.server_name.clone()),
    )
}

fn public_campaign(c: &Campaign) -> PublicCampaign {
    PublicCampaign {
        id: c.id,
        name: c.name.clone(),
        description: c.description.clone(),
        starts_on: c.starts_on,
        ends_on: c.ends_on,
    }
}

/// Turns the pages on or off and sets their invitation link, as a settings change asks.
pub(super) fn apply_settings(
    settings: &mut ServerSettings,
    public_page: Option<bool>,
    invite_url: Option<&str>,
) -> Result<()> {
    if let Some(on) = public_page {
        settings.public_page = on;
        // Kept when the pages go off, so turning them on again gives the same address.
        if on && settings.public_slug.is_none() {
            settings.public_slug = Some(new_slug()?);
        }
    }
    if let Some(url) = invite_url {
        settings.invite_url = invite(url)?;
    }
    Ok(())
}

/// 96 random bits, so an address cannot be guessed or walked.
fn new_slug() -> Result<String> {
    let mut bytes = [0u8; 12];
    getrandom::fill(&mut bytes)
        .map_err(|e| Error::internal("making a page address", e.to_string()))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// A Discord invitation link, or none for "none".
pub fn invite(typed: &str) -> Result<Option<String>, UserError> {
    let t = typed.trim();
    if t.is_empty() || t.eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    let code = [
        "https://discord.gg/",
        "https://discord.com/invite/",
        "https://discordapp.com/invite/",
    ]
    .iter()
    .find_map(|prefix| t.strip_prefix(prefix));
    match code {
        Some(code)
            if (2..=32).contains(&code.len())
                && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') =>
        {
            Ok(Some(t.to_string()))
        }
        _ => Err(UserError::BadOption {
            option: "invite_url",
            input: t.chars().take(100).collect(),
            expected: crate::domain::Expected::InviteUrl,
        }),
    }
}

impl Service {
    /// The address of a server's pages, where they are on.
    pub fn page_address(&self, settings: &ServerSettings) -> Option<String> {
        let slug = settings
            .public_slug
            .as_ref()
            .filter(|_| settings.public_page)?;
        Some(format!("{}/s/{slug}", self.public_url()))
    }

    pub(super) async fn public(&self, request: PublicRequest) -> Result<PublicPage> {
        let now = self.now();
        let slug = match &request {
            PublicRequest::Server { slug }
            | PublicRequest::Campaign { slug, .. }
            | PublicRequest::Rally { slug, .. }
            | PublicRequest::Feed { slug, .. }
            | PublicRequest::RallyCalendar { slug, .. }
            | PublicRequest::Version { slug } => slug.as_str(),
        };
        let Some(found) = self.store.public_server(slug).await? else {
            return Err(UserError::PageNotFound.into());
        };
        let (server_id, version) = (found.server_id, found.version);
        if let PublicRequest::Version { .. } = request {
            return Ok(PublicPage::Version(version));
        }
        let settings = self.store.server_settings(server_id).await?;
        let server = PublicServer {
            slug: slug.to_string(),
            name: found.name,
            invite_url: settings.invite_url.clone(),
            unit: settings.distance_unit,
        };
        let upcoming = upcoming_scope(server_id, now);
        let approved = |found: Vec<FeedRow>| -> Vec<PublicRally> {
            found
                .iter()
                .filter(|row| row.view.rally.status == RallyStatus::Approved)
                .map(|row| from_row(row, server_id))
                .collect()
        };
        Ok(match request {
            PublicRequest::Server { .. } => {
                let rallies = approved(self.store.feed_rallies(&upcoming).await?);
                let campaigns = self
                    .store
                    .campaigns(server_id)
                    .await?
                    .iter()
                    .filter(|c| c.server_id == server_id && !c.archived)
                    .map(public_campaign)
                    .collect();
                PublicPage::Server {
                    server,
                    rallies,
                    campaigns,
                }
            }
            PublicRequest::Campaign {
                campaign, search, ..
            } => {
                let campaign = self.own_campaign(server_id, campaign).await?;
                let scope = FeedScope {
                    campaign_id: Some(campaign.id),
                    coalition: campaign.coalition_id,
                    ..upcoming
                };
                // A search's page shows the totals but not the list.
                let (rallies, totals, search) = match search {
                    Some(form) => (
                        Vec::new(),
                        self.store.feed_totals(&scope).await?,
                        Some(
                            self.public_search(server_id, &settings, Some(&campaign), form)
                                .await?,
                        ),
                    ),
                    None => {
                        let rallies = approved(self.store.feed_rallies(&scope).await?);
                        let totals = totals(&rallies);
                        (rallies, totals, None)
                    }
                };
                PublicPage::Campaign {
                    server,
                    campaign: public_campaign(&campaign),
                    totals,
                    rallies,
                    search,
                }
            }
            PublicRequest::Rally { rally, .. } => {
                let rally = self.public_rally_of(server_id, rally).await?;
                if rally.status != RallyStatus::Approved {
                    return Err(UserError::PageNotFound.into());
                }
                let campaign = match rally.campaign_id {
                    Some(id) => self
                        .store
                        .campaign(server_id, id)
                        .await?
                        .filter(|c| c.server_id == server_id)
                        .map(|c| public_campaign(&c)),
                    None => None,
                };
                PublicPage::Rally {
                    server,
                    rally,
                    campaign,
                }
            }
            PublicRequest::Feed { campaign, .. } => {
                let campaign = match campaign {
                    Some(id) => Some(self.own_campaign(server_id, id).await?),
                    None => None,
                };
                let scope = FeedScope {
                    campaign_id: campaign.as_ref().map(|c| c.id),
                    coalition: campaign.as_ref().and_then(|c| c.coalition_id),
                    keep_past: Duration::days(FEED_KEEPS_PAST_DAYS),
                    // A calendar shows no counts: none are taken.
                    counts: false,
                    ..upcoming
                };
                let rallies = self
                    .store
                    .feed_rallies(&scope)
                    .await?
                    .iter()
                    .map(|row| from_row(row, server_id))
                    .collect();
                PublicPage::Feed {
                    server,
                    campaign: campaign.as_ref().map(public_campaign),
                    rallies,
                }
            }
            PublicRequest::RallyCalendar { rally, .. } => {
                let rally = self.public_rally_of(server_id, rally).await?;
                let end = rally
                    .ends_at
                    .unwrap_or(rally.starts_at + Duration::hours(ASSUMED_LENGTH_HOURS));
                let shown = rally.status == RallyStatus::Approved
                    || (rally.status == RallyStatus::Cancelled && end >= now);
                if !shown {
                    return Err(UserError::PageNotFound.into());
                }
                PublicPage::RallyCalendar { server, rally }
            }
            PublicRequest::Version { .. } => unreachable!("answered above"),
        })
    }

    /// One of the server's own campaigns; another server's is not found.
    async fn own_campaign(&self, server_id: i64, id: i64) -> Result<Campaign> {
        self.store
            .campaign(server_id, id)
            .await?
            .filter(|c| c.server_id == server_id)
            .ok_or_else(|| UserError::PageNotFound.into())
    }

    /// One of the server's own rallies, whatever its status (the caller decides), or another
    /// member's in one of the server's shared campaigns while that member's pages are on.
    async fn public_rally_of(&self, server_id: i64, id: i64) -> Result<PublicRally> {
        let views = self.store.rally_views(&[id], 0).await?;
        let view = views.first().ok_or(UserError::PageNotFound)?;
        let Some(from) = self.shown_from(server_id, view).await? else {
            return Err(UserError::PageNotFound.into());
        };
        Ok(public_rally(
            view,
            self.store.rally_sequence(id).await?,
            from,
        ))
    }

    /// Whether a page of `server_id` may show the rally, and if so the name of the member
    /// server it comes from: None for the page's own rally.
    async fn shown_from(&self, server_id: i64, view: &RallyView) -> Result<Option<Option<String>>> {
        if view.rally.server_id == server_id {
            Ok(Some(None))
        } else if self
            .store
            .shown_in_shared_campaign(server_id, view.rally.id)
            .await?
        {
            Ok(Some(Some(
                self.store.public_name(view.rally.server_id).await?,
            )))
        } else {
            Ok(None)
        }
    }

    /// "Find a rally near you", in one campaign or the whole server: the same search as
    /// `/rally near`, within what the server's pages may show.
    async fn public_search(
        &self,
        server_id: i64,
        settings: &ServerSettings,
        campaign: Option<&Campaign>,
        form: SearchForm,
    ) -> Result<PublicSearch> {
        let radius = form.radius.unwrap_or(DEFAULT_RADIUS);
        let anyone = Actor {
            user_id: 0,
            server_id,
            is_moderator: false,
        };
        let query = NearQuery {
            place: form.place.clone(),
            radius: Some(radius),
            unit: Some(settings.distance_unit),
            ..NearQuery::default()
        };
        // A shared campaign spans its coalition; its members' rallies show only while their
        // own pages are on.
        let reach = if campaign.and_then(|c| c.coalition_id).is_some() {
            Reach::Coalitions
        } else {
            Reach::OwnServer
        };
        let outcome = match self
            .near_within(&anyone, query, reach, campaign.cloned())
            .await
        {
            Ok(found) => Ok(PublicNear {
                unit: found.unit,
                rallies: self.shown_here(server_id, &found.rallies).await?,
                more: found.more,
                origin: found.origin,
            }),
            Err(Error::User(e)) => Err(e),
            Err(e) => return Err(e),
        };
        Ok(PublicSearch {
            place: form.place,
            radius,
            outcome,
        })
    }
}

/// What `rallybot map` draws: every upcoming rally, or a search's.
#[derive(Debug, Clone, PartialEq)]
pub enum MapData {
    All(Vec<PublicRally>),
    Near(PublicSearch),
}

impl Service {
    /// A server's upcoming approved rallies for a map, as its public pages would show them
    /// (whether or not they are on: the map is drawn by the operator, on their machine).
    pub async fn public_map(&self, server_id: i64, near: Option<SearchForm>) -> Result<MapData> {
        match near {
            Some(form) => {
                let settings = self.store.server_settings(server_id).await?;
                let search = self.public_search(server_id, &settings, None, form).await?;
                Ok(MapData::Near(search))
            }
            None => Ok(MapData::All(
                self.store
                    .feed_rallies(&upcoming_scope(server_id, self.now()))
                    .await?
                    .iter()
                    .filter(|row| row.view.rally.status == RallyStatus::Approved)
                    .map(|row| from_row(row, server_id))
                    .collect(),
            )),
        }
    }
}

impl Service {
    /// The search's rallies a page of `server_id` may show, named by server when another's.
    async fn shown_here(
        &self,
        server_id: i64,
        found: &[(RallyView, f64)],
    ) -> Result<Vec<(PublicRally, f64)>> {
        let mut shown = Vec::with_capacity(found.len());
        for (view, distance) in found {
            if let Some(from) = self.shown_from(server_id, view).await? {
                shown.push((public_rally(view, 0, from), *distance));
            }
        }
        Ok(shown)
    }
}

/// The server's own rallies that have not ended, as its pages list them.
fn upcoming_scope(server_id: i64, now: chrono::DateTime<chrono::Utc>) -> FeedScope {
    FeedScope {
        server_id,
        campaign_id: None,
        now,
        keep_past: Duration::zero(),
        assumed_length: Duration::hours(ASSUMED_LENGTH_HOURS),
        limit: PAGE_RALLIES_MAX,
        coalition: None,
        counts: true,
    }
}

fn totals(rallies: &[PublicRally]) -> PublicTotals {
    let places: std::collections::BTreeSet<&str> =
        rallies.iter().map(|r| r.place_name.as_str()).collect();
    PublicTotals {
        rallies: rallies.len(),
        places: places.len(),
        going: rallies.iter().map(|r| r.going).sum(),
        interested: rallies.iter().map(|r| r.interested).sum(),
    }
}
