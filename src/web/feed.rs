//! Calendar feeds (RFC 5545), written with the icalendar crate: one calendar per server or
//! campaign and one per rally. UIDs are stable per rally, SEQUENCE rises with every change of
//! time, place or status, and a cancelled rally stays, marked CANCELLED, until it would have
//! ended, so subscribed calendars take it off rather than keep it.
use chrono::Duration;
use icalendar::{Calendar, Component, Event, EventLike, EventStatus};

use crate::domain::{PublicRally, PublicServer, RallyStatus};
use crate::service::public::{PublicPage, ASSUMED_LENGTH_HOURS};

pub const CONTENT_TYPE: &str = "text/calendar; charset=utf-8";
/// How often calendar apps should look again.
const REFRESH: &str = "PT15M";

/// The calendar of a feed or of one rally; empty for any other page.
pub fn calendar(page: &PublicPage, base: &str) -> String {
    let (server, name, rallies): (&PublicServer, String, Vec<&PublicRally>) = match page {
        PublicPage::Feed {
            server,
            campaign,
            rallies,
        } => {
            let name = match campaign {
                Some(c) => c.name.clone(),
                None if server.name.trim().is_empty() => "Rallies".to_string(),
                None => format!("{}: rallies", server.name),
            };
            (server, name, rallies.iter().collect())
        }
        PublicPage::RallyCalendar { server, rally } => (server, rally.title.clone(), vec![rally]),
        _ => return String::new(),
    };
    let mut cal = Calendar::empty();
    cal.append_property(("VERSION", "2.0"))
        .append_property(("PRODID", "-//rallybot//public calendar//EN"))
        .append_property(("CALSCALE", "GREGORIAN"))
        .append_property(("METHOD", "PUBLISH"))
        .name(&name)
        .append_property(("X-PUBLISHED-TTL", REFRESH));
    cal.append_property(
        icalendar::Property::new("REFRESH-INTERVAL", REFRESH)
            .add_parameter("VALUE", "DURATION")
            .done(),
    );
    for rally in rallies {
        cal.push(event(server, rally, base));
    }
    cal.done().to_string()
}

fn event(server: &PublicServer, r: &PublicRally, base: &str) -> Event {
    let url = format!("{base}/s/{}/r/{}", server.slug, r.id);
    let end = r
        .ends_at
        .unwrap_or(r.starts_at + Duration::hours(ASSUMED_LENGTH_HOURS));
    let location = match &r.address {
        Some(a) => format!("{}, {a}", r.place_name),
        None => r.place_name.clone(),
    };
    let description = if r.details.trim().is_empty() {
        url.clone()
    } else {
        format!("{}\n\n{url}", r.details)
    };
    let mut e = Event::new();
    // Stable for the rally's life, whatever is edited, and unique across servers.
    e.uid(&format!("rally-{}-{}@rallybot", r.id, server.slug))
        .summary(&r.title)
        .description(&description)
        .location(&location)
        .starts(r.starts_at)
        .ends(end)
        // The rally's own last change: a feed fetched twice without changes is the same bytes.
        .timestamp(r.updated_at)
        .last_modified(r.updated_at)
        .created(r.created_at)
        .sequence(u32::try_from(r.sequence).unwrap_or(0))
        .url(&url)
        .status(if r.status == RallyStatus::Cancelled {
            EventStatus::Cancelled
        } else {
            EventStatus::Confirmed
        })
        .add_property("GEO", format!("{:.6};{:.6}", r.latitude, r.longitude));
    e.done()
}
