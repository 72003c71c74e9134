//! The pages as HTML, from the service's public values, in the reader's language. maud escapes
//! every value it is given, so a title typed as `<script>` is shown as text; the only markup
//! not written here is the map's SVG, which the map crate makes from numbers and escapes its
//! own text in. Place names, titles and campaign names are shown as typed, in any language.
use maud::{html, Markup, PreEscaped, DOCTYPE};

use super::links::{href, href_with, list_query, switch};
use super::words::{counts, days, number, unit_name, when};
use super::{map, search};
use crate::domain::{DistanceUnit, PublicCampaign, PublicRally, PublicServer, PublicTotals};
use crate::i18n::{code, Lang};
use crate::service::public::{PublicPage, PublicSearch};
use crate::t;

pub const STYLESHEET: &str = include_str!("site.css");

/// Rallies listed on one page; the rest are a "later rallies" link away.
pub const PER_PAGE: usize = 100;

/// The product's name, the same in every language.
const NAME: &str = "rallybot";

/// A page of the service's answer, as HTML. `base` is the pages' public address; `list` is
/// which page of a long list of rallies to show, from 1.
pub fn page(page: &PublicPage, base: &str, list: usize, lang: Lang) -> String {
    match page {
        PublicPage::Server {
            server,
            rallies,
            campaigns,
        } => server_page(server, rallies, campaigns, base, list, lang),
        PublicPage::Campaign {
            server,
            campaign,
            totals,
            rallies,
            search,
        } => campaign_page(
            Shown {
                server,
                base,
                list,
                lang,
            },
            campaign,
            totals,
            rallies,
            search.as_ref(),
        ),
        PublicPage::Rally {
            server,
            rally,
            campaign,
        } => rally_page(server, rally, campaign.as_ref(), base, lang),
        PublicPage::Feed { .. } | PublicPage::RallyCalendar { .. } | PublicPage::Version(_) => {
            not_found(lang)
        }
    }
}

/// What a campaign's page is shown within.
struct Shown<'a> {
    server: &'a PublicServer,
    base: &'a str,
    list: usize,
    lang: Lang,
}

struct Head<'a> {
    title: &'a str,
    /// The page's calendar feed, for calendar apps and browsers that look for one.
    feed: Option<&'a str>,
    /// The query that shows this page, but for its language: the switch keeps it.
    query: Vec<(&'static str, String)>,
}

fn layout(head: Head<'_>, server: Option<&PublicServer>, lang: Lang, body: Markup) -> String {
    html! {
        (DOCTYPE)
        html lang=(code(lang)) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                // Pages are found by their link, not by search engines.
                meta name="robots" content="noindex";
                title { (head.title) }
                link rel="stylesheet" href="/site.css";
                @if let Some(feed) = head.feed {
                    link rel="alternate" type="text/calendar"
                        title=(t!(lang, "web-calendar-link-title")) href=(feed);
                }
            }
            body {
                header {
                    @if let Some(s) = server {
                        a.home href=(href(&server_path(s), lang)) { (server_name(s, lang)) }
                    } @else {
                        span.home { (NAME) }
                    }
                    (switch(&head.query, lang))
                }
                main { (body) }
                footer {
                    p { (t!(lang, "web-footer")) }
                    p.credits { (t!(lang, "web-credits")) }
                }
            }
        }
    }
    .into_string()
}

fn server_name(s: &PublicServer, lang: Lang) -> String {
    if s.name.trim().is_empty() {
        t!(lang, "web-server-unnamed")
    } else {
        s.name.clone()
    }
}

fn server_path(s: &PublicServer) -> String {
    format!("/s/{}", s.slug)
}

pub fn campaign_path(s: &PublicServer, c: i64) -> String {
    format!("/s/{}/c/{c}", s.slug)
}

fn rally_path(s: &PublicServer, r: i64) -> String {
    format!("/s/{}/r/{r}", s.slug)
}

/// A feed's address in `lang`, which words the calendar's name.
fn feed_path(path: &str, lang: Lang) -> String {
    href(&format!("{path}/calendar.ics"), lang)
}

fn server_page(
    server: &PublicServer,
    rallies: &[PublicRally],
    campaigns: &[PublicCampaign],
    base: &str,
    list: usize,
    lang: Lang,
) -> String {
    let feed = feed_path(&server_path(server), lang);
    let name = server_name(server, lang);
    let body = html! {
        h1 { (name) }
        p.lead { (t!(lang, "web-server-lead")) }
        (join(server, lang))
        (subscribe(base, &feed, lang))
        @if !campaigns.is_empty() {
            h2 { (t!(lang, "web-days-of-action")) }
            ul.campaigns {
                @for c in campaigns {
                    li {
                        a href=(href(&campaign_path(server, c.id), lang)) { (c.name) }
                        " "
                        span.muted { (days(c, lang)) }
                    }
                }
            }
        }
        h2 { (t!(lang, "web-upcoming")) }
        (rally_list(server, rallies, &server_path(server), list, lang))
    };
    layout(
        Head {
            title: &name,
            feed: Some(&feed),
            query: list_query(list),
        },
        Some(server),
        lang,
        body,
    )
}

fn campaign_page(
    shown: Shown<'_>,
    campaign: &PublicCampaign,
    totals: &PublicTotals,
    rallies: &[PublicRally],
    search: Option<&PublicSearch>,
) -> String {
    let Shown {
        server,
        base,
        list,
        lang,
    } = shown;
    let path = campaign_path(server, campaign.id);
    let feed = feed_path(&path, lang);
    let body = html! {
        h1 { (campaign.name) }
        p.lead { (days(campaign, lang)) }
        @if !campaign.description.trim().is_empty() {
            p { (campaign.description) }
        }
        p.totals {
            (t!(lang, "web-totals", rallies = totals.rallies as i64,
                places = totals.places as i64, going = totals.going))
        }
        (join(server, lang))
        (subscribe(base, &feed, lang))
        h2 { (t!(lang, "web-find-near")) }
        (search::form(server, &path, search, lang))
        @match search {
            Some(s) => (search::results(server, campaign, s, lang)),
            None => {
                (PreEscaped(map::campaign(rallies, lang)))
                h2 { (t!(lang, "web-all-rallies")) }
                (rally_list(server, rallies, &path, list, lang))
            }
        }
    };
    let query = match search {
        Some(s) => vec![("place", s.place.clone()), ("radius", s.radius.to_string())],
        None => list_query(list),
    };
    layout(
        Head {
            title: &campaign.name,
            feed: Some(&feed),
            query,
        },
        Some(server),
        lang,
        body,
    )
}

fn rally_page(
    server: &PublicServer,
    rally: &PublicRally,
    campaign: Option<&PublicCampaign>,
    base: &str,
    lang: Lang,
) -> String {
    let calendar = feed_path(&rally_path(server, rally.id), lang);
    let body = html! {
        h1 { (rally.title) }
        @if let Some(c) = campaign {
            p.lead { (t!(lang, "web-part-of")) " "
                a href=(href(&campaign_path(server, c.id), lang)) { (c.name) } }
        }
        @if let Some(from) = &rally.from {
            p.muted { (t!(lang, "web-organised-by", server = from.as_str())) }
        }
        dl.facts {
            dt { (t!(lang, "web-when")) }
            dd { (when(rally, lang)) }
            dt { (t!(lang, "web-where")) }
            dd {
                (rally.place_name)
                @if let Some(address) = &rally.address {
                    br;
                    (address)
                }
            }
            dt { (t!(lang, "web-whos-coming")) }
            dd { (counts(rally, lang)) }
        }
        @if !rally.details.trim().is_empty() {
            h2 { (t!(lang, "web-details")) }
            @for line in rally.details.lines() {
                p { (line) }
            }
        }
        h2 { (t!(lang, "web-take-part")) }
        @if let Some(invite) = &server.invite_url {
            p { (t!(lang, "web-take-part-discord")) " "
                a href=(invite) rel="noopener noreferrer" { (t!(lang, "web-take-part-join")) } "." }
        } @else {
            p { (t!(lang, "web-take-part-come")) }
        }
        p.actions {
            a.button href=(calendar) download { (t!(lang, "web-add-to-calendar")) }
            " "
            a href=(format!("{base}{calendar}")) { (t!(lang, "web-ics-link")) }
        }
    };
    layout(
        Head {
            title: &rally.title,
            feed: Some(&calendar),
            query: Vec::new(),
        },
        Some(server),
        lang,
        body,
    )
}

/// Page `list` (from 1) of the rallies, with links to the pages before and after.
fn rally_list(
    server: &PublicServer,
    rallies: &[PublicRally],
    path: &str,
    list: usize,
    lang: Lang,
) -> Markup {
    let pages = rallies.len().div_ceil(PER_PAGE).max(1);
    let list = list.clamp(1, pages);
    let shown = rallies.iter().skip((list - 1) * PER_PAGE).take(PER_PAGE);
    html! {
        @if rallies.is_empty() {
            p { (t!(lang, "web-no-upcoming")) }
        } @else {
            ul.rallies {
                @for r in shown {
                    li { (rally_summary(server, r, None, server.unit, lang)) }
                }
            }
            @if pages > 1 {
                nav.pager aria-label=(t!(lang, "web-pager-label")) {
                    @if list > 1 {
                        a href=(href_with(path, &list_query(list - 1), lang)) rel="prev" {
                            (t!(lang, "web-pager-sooner")) }
                        " "
                    }
                    span.muted { (t!(lang, "web-pager-page", page = list, pages = pages)) }
                    @if list < pages {
                        " "
                        a href=(href_with(path, &list_query(list + 1), lang)) rel="next" {
                            (t!(lang, "web-pager-later")) }
                    }
                }
            }
        }
    }
}

/// A rally in a list; `distance` in `unit` when it was found near a place.
pub fn rally_summary(
    server: &PublicServer,
    r: &PublicRally,
    distance: Option<f64>,
    unit: DistanceUnit,
    lang: Lang,
) -> Markup {
    html! {
        h3 { a href=(href(&rally_path(server, r.id), lang)) { (r.title) } }
        p {
            (when(r, lang)) br;
            (r.place_name)
            @if let Some(d) = distance {
                " · " (t!(lang, "web-away", distance = number(d, lang), unit = unit_name(unit)))
            }
            @if let Some(from) = &r.from { " · " (t!(lang, "web-from", server = from.as_str())) }
            br;
            span.muted { (counts(r, lang)) }
        }
    }
}

fn join(server: &PublicServer, lang: Lang) -> Markup {
    html! {
        @if let Some(invite) = &server.invite_url {
            p.join { a.button href=(invite) rel="noopener noreferrer" {
                (t!(lang, "web-join-discord")) } }
        }
    }
}

fn subscribe(base: &str, feed: &str, lang: Lang) -> Markup {
    html! {
        p.subscribe {
            a href=(feed) { (t!(lang, "web-subscribe")) }
            " "
            span.muted { "(" (base) (feed) ")" }
        }
    }
}

pub fn home(lang: Lang) -> String {
    layout(
        Head {
            title: NAME,
            feed: None,
            query: Vec::new(),
        },
        None,
        lang,
        html! {
            h1 { (NAME) }
            p { (t!(lang, "web-home-text")) }
        },
    )
}

pub fn not_found(lang: Lang) -> String {
    let title = t!(lang, "web-not-found");
    layout(
        Head {
            title: &title,
            feed: None,
            query: Vec::new(),
        },
        None,
        lang,
        html! {
            h1 { (title) }
            p { (t!(lang, "web-not-found-text")) }
        },
    )
}

pub fn error(apology: &str, lang: Lang) -> String {
    let title = t!(lang, "web-error");
    layout(
        Head {
            title: &title,
            feed: None,
            query: Vec::new(),
        },
        None,
        lang,
        html! {
            h1 { (title) }
            p { (apology) }
        },
    )
}
