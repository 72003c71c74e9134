//! The pages as HTML, from the service's public values. maud escapes every value it is given,
//! so a title typed as `<script>` is shown as text; the only markup not written here is the
//! map's SVG, which the map crate makes from numbers and escapes its own text in.
use maud::{html, Markup, PreEscaped, DOCTYPE};

use super::map;
use crate::domain::{DistanceUnit, PublicCampaign, PublicRally, PublicServer, PublicTotals};
use crate::service::public::{PublicNear, PublicPage, PublicSearch};

/// Radii the search form offers, in the server's unit.
const RADII: [u32; 5] = [10, 25, 50, 100, 250];

pub const STYLESHEET: &str = include_str!("site.css");

/// Rallies listed on one page; the rest are a "later rallies" link away.
pub const PER_PAGE: usize = 100;

/// A page of the service's answer, as HTML. `base` is the pages' public address; `list` is
/// which page of a long list of rallies to show, from 1.
pub fn page(page: &PublicPage, base: &str, list: usize) -> String {
    match page {
        PublicPage::Server {
            server,
            rallies,
            campaigns,
        } => server_page(server, rallies, campaigns, base, list),
        PublicPage::Campaign {
            server,
            campaign,
            totals,
            rallies,
            search,
        } => campaign_page(
            server,
            campaign,
            totals,
            rallies,
            search.as_ref(),
            base,
            list,
        ),
        PublicPage::Rally {
            server,
            rally,
            campaign,
        } => rally_page(server, rally, campaign.as_ref(), base),
        PublicPage::Feed { .. } | PublicPage::RallyCalendar { .. } | PublicPage::Version(_) => {
            not_found()
        }
    }
}

struct Head<'a> {
    title: &'a str,
    /// The page's calendar feed, for calendar apps and browsers that look for one.
    feed: Option<&'a str>,
}

fn layout(head: Head<'_>, server: Option<&PublicServer>, body: Markup) -> String {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                // Pages are found by their link, not by search engines.
                meta name="robots" content="noindex";
                title { (head.title) }
                link rel="stylesheet" href="/site.css";
                @if let Some(feed) = head.feed {
                    link rel="alternate" type="text/calendar" title="Calendar" href=(feed);
                }
            }
            body {
                header {
                    @if let Some(s) = server {
                        a.home href=(server_path(s)) { (server_name(s)) }
                    } @else {
                        span.home { "rallybot" }
                    }
                }
                main { (body) }
                footer {
                    p { "Made with rallybot. Who answered a rally is never shown here." }
                    p.credits { "Map outlines: Natural Earth and US Census Bureau (public domain)." }
                }
            }
        }
    }
    .into_string()
}

fn server_name(s: &PublicServer) -> &str {
    if s.name.trim().is_empty() {
        "Upcoming rallies"
    } else {
        s.name.as_str()
    }
}

fn server_path(s: &PublicServer) -> String {
    format!("/s/{}", s.slug)
}

fn campaign_path(s: &PublicServer, c: i64) -> String {
    format!("/s/{}/c/{c}", s.slug)
}

fn rally_path(s: &PublicServer, r: i64) -> String {
    format!("/s/{}/r/{r}", s.slug)
}

fn server_page(
    server: &PublicServer,
    rallies: &[PublicRally],
    campaigns: &[PublicCampaign],
    base: &str,
    list: usize,
) -> String {
    let feed = format!("{}/calendar.ics", server_path(server));
    let body = html! {
        h1 { (server_name(server)) }
        p.lead { "Rallies you can join, soonest first." }
        (join(server))
        (subscribe(base, &feed))
        @if !campaigns.is_empty() {
            h2 { "Days of action" }
            ul.campaigns {
                @for c in campaigns {
                    li {
                        a href=(campaign_path(server, c.id)) { (c.name) }
                        " "
                        span.muted { (days(c)) }
                    }
                }
            }
        }
        h2 { "Upcoming rallies" }
        (rally_list(server, rallies, &server_path(server), list))
    };
    layout(
        Head {
            title: server_name(server),
            feed: Some(&feed),
        },
        Some(server),
        body,
    )
}

fn campaign_page(
    server: &PublicServer,
    campaign: &PublicCampaign,
    totals: &PublicTotals,
    rallies: &[PublicRally],
    search: Option<&PublicSearch>,
    base: &str,
    list: usize,
) -> String {
    let path = campaign_path(server, campaign.id);
    let feed = format!("{path}/calendar.ics");
    let body = html! {
        h1 { (campaign.name) }
        p.lead { (days(campaign)) }
        @if !campaign.description.trim().is_empty() {
            p { (campaign.description) }
        }
        p.totals {
            (count(totals.rallies as i64, "rally", "rallies")) " in "
            (count(totals.places as i64, "place", "places")) " · "
            (count(totals.going, "person going", "people going"))
        }
        (join(server))
        (subscribe(base, &feed))
        h2 { "Find a rally near you" }
        (search_form(server, &path, search))
        @match search {
            Some(s) => (search_results(server, campaign, s)),
            None => {
                (PreEscaped(map::campaign(rallies)))
                h2 { "All rallies" }
                (rally_list(server, rallies, &path, list))
            }
        }
    };
    layout(
        Head {
            title: &campaign.name,
            feed: Some(&feed),
        },
        Some(server),
        body,
    )
}

fn search_form(server: &PublicServer, action: &str, search: Option<&PublicSearch>) -> Markup {
    let typed = search.map_or("", |s| s.place.as_str());
    let radius = search.map_or(50.0, |s| s.radius);
    let unit = unit_name(server.unit);
    html! {
        form.search method="get" action=(action) {
            p {
                label for="place" { "City, ZIP code or coordinates" }
                input #place type="text" name="place" value=(typed) required
                    autocomplete="postal-code" placeholder="e.g. 78701 or Austin, TX";
            }
            p {
                label for="radius" { "Within" }
                select #radius name="radius" {
                    @for r in RADII {
                        option value=(r) selected[f64::from(r) == radius] { (r) " " (unit) }
                    }
                    @if !RADII.iter().any(|r| f64::from(*r) == radius) {
                        option value=(radius) selected { (number(radius)) " " (unit) }
                    }
                }
            }
            p { button type="submit" { "Search" } }
        }
    }
}

fn search_results(
    server: &PublicServer,
    campaign: &PublicCampaign,
    search: &PublicSearch,
) -> Markup {
    match &search.outcome {
        Err(problem) => html! {
            p.problem role="alert" { (problem.to_string()) }
            p { a href=(campaign_path(server, campaign.id)) { "See every rally of " (campaign.name) } }
        },
        Ok(found) => near_list(server, campaign, search, found),
    }
}

fn near_list(
    server: &PublicServer,
    campaign: &PublicCampaign,
    search: &PublicSearch,
    found: &PublicNear,
) -> Markup {
    let unit = unit_name(found.unit);
    html! {
        h2 { "Near " (found.origin.name) }
        @if found.rallies.is_empty() {
            p { "No rally of " (campaign.name) " within " (number(search.radius)) " " (unit) " of "
                (found.origin.name) " yet. Try a wider radius." }
        } @else {
            (PreEscaped(map::near(found, search.radius)))
            ol.rallies {
                @for (rally, distance) in &found.rallies {
                    li {
                        (rally_summary(server, rally, Some(format!("{} {unit}", number(*distance)))))
                    }
                }
            }
            @if found.more {
                p.muted { "More rallies lie within this distance; the nearest are shown." }
            }
        }
    }
}

fn rally_page(
    server: &PublicServer,
    rally: &PublicRally,
    campaign: Option<&PublicCampaign>,
    base: &str,
) -> String {
    let path = rally_path(server, rally.id);
    let calendar = format!("{path}/calendar.ics");
    let body = html! {
        h1 { (rally.title) }
        @if let Some(c) = campaign {
            p.lead { "Part of " a href=(campaign_path(server, c.id)) { (c.name) } }
        }
        @if let Some(from) = &rally.from {
            p.muted { "Organised by " (from) ", a member of the coalition." }
        }
        dl.facts {
            dt { "When" }
            dd { (when(rally)) }
            dt { "Where" }
            dd {
                (rally.place_name)
                @if let Some(address) = &rally.address {
                    br;
                    (address)
                }
            }
            dt { "Who's coming" }
            dd { (counts(rally)) }
        }
        @if !rally.details.trim().is_empty() {
            h2 { "Details" }
            @for line in rally.details.lines() {
                p { (line) }
            }
        }
        h2 { "Take part" }
        @if let Some(invite) = &server.invite_url {
            p { "Say you're going, get reminders and meet the organisers on Discord: "
                a href=(invite) rel="noopener noreferrer" { "join the organisers" } "." }
        } @else {
            p { "Just come along; the organisers will be there." }
        }
        p.actions {
            a.button href=(calendar) download { "Add to calendar" }
            " "
            a href=(format!("{base}{calendar}")) { "(.ics link)" }
        }
    };
    layout(
        Head {
            title: &rally.title,
            feed: Some(&calendar),
        },
        Some(server),
        body,
    )
}

/// Page `list` (from 1) of the rallies, with links to the pages before and after.
fn rally_list(server: &PublicServer, rallies: &[PublicRally], path: &str, list: usize) -> Markup {
    let pages = rallies.len().div_ceil(PER_PAGE).max(1);
    let list = list.clamp(1, pages);
    let shown = rallies.iter().skip((list - 1) * PER_PAGE).take(PER_PAGE);
    html! {
        @if rallies.is_empty() {
            p { "No upcoming rallies yet." }
        } @else {
            ul.rallies {
                @for r in shown {
                    li { (rally_summary(server, r, None)) }
                }
            }
            @if pages > 1 {
                nav.pager aria-label="More rallies" {
                    @if list > 1 {
                        a href=(format!("{path}?page={}", list - 1)) rel="prev" { "← Sooner rallies" }
                        " "
                    }
                    span.muted { "Page " (list) " of " (pages) }
                    @if list < pages {
                        " "
                        a href=(format!("{path}?page={}", list + 1)) rel="next" { "Later rallies →" }
                    }
                }
            }
        }
    }
}

fn rally_summary(server: &PublicServer, r: &PublicRally, distance: Option<String>) -> Markup {
    html! {
        h3 { a href=(rally_path(server, r.id)) { (r.title) } }
        p {
            (when(r)) br;
            (r.place_name)
            @if let Some(d) = distance { " · " (d) " away" }
            @if let Some(from) = &r.from { " · from " (from) }
            br;
            span.muted { (counts(r)) }
        }
    }
}

fn join(server: &PublicServer) -> Markup {
    html! {
        @if let Some(invite) = &server.invite_url {
            p.join { a.button href=(invite) rel="noopener noreferrer" { "Join the organisers on Discord" } }
        }
    }
}

fn subscribe(base: &str, feed: &str) -> Markup {
    html! {
        p.subscribe {
            a href=(feed) { "Subscribe to these rallies in your calendar" }
            " "
            span.muted { "(" (base) (feed) ")" }
        }
    }
}

fn when(r: &PublicRally) -> String {
    let start = when::local_label(r.starts_at, r.time_zone);
    match r.ends_at {
        Some(end) => {
            let local_end = end.with_timezone(&r.time_zone);
            let same_day =
                local_end.date_naive() == r.starts_at.with_timezone(&r.time_zone).date_naive();
            if same_day {
                format!("{start} until {}", local_end.format("%-I:%M %p"))
            } else {
                format!("{start} until {}", when::local_label(end, r.time_zone))
            }
        }
        None => start,
    }
}

fn counts(r: &PublicRally) -> String {
    format!(
        "{} · {} interested",
        count(r.going, "person going", "people going"),
        r.interested
    )
}

fn count(n: i64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn days(c: &PublicCampaign) -> String {
    if c.starts_on == c.ends_on {
        c.starts_on.format("%A, %B %-d, %Y").to_string()
    } else {
        format!(
            "{} to {}",
            c.starts_on.format("%B %-d"),
            c.ends_on.format("%B %-d, %Y")
        )
    }
}

fn unit_name(unit: DistanceUnit) -> &'static str {
    match unit {
        DistanceUnit::Miles => "mi",
        DistanceUnit::Kilometres => "km",
    }
}

/// 12 or 12.5, not 12.0.
fn number(x: f64) -> String {
    let s = format!("{x:.1}");
    s.strip_suffix(".0").map_or(s.clone(), str::to_string)
}

pub fn home() -> String {
    layout(
        Head {
            title: "rallybot",
            feed: None,
        },
        None,
        html! {
            h1 { "rallybot" }
            p { "rallybot helps activist networks organise rallies on Discord. Each server that publishes its rallies has its own page; ask its organisers for the link." }
        },
    )
}

pub fn not_found() -> String {
    layout(
        Head {
            title: "Not found",
            feed: None,
        },
        None,
        html! {
            h1 { "Not found" }
            p { "There is no page here. The link may be mistyped, or its organisers may have taken their page down." }
        },
    )
}

pub fn error(apology: &str) -> String {
    layout(
        Head {
            title: "Something went wrong",
            feed: None,
        },
        None,
        html! {
            h1 { "Something went wrong" }
            p { (apology) }
        },
    )
}
