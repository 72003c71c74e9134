//! Calendar feeds (RFC 5545), written with the icalendar crate: one calendar per server or
//! campaign and one per rally. UIDs are stable per rally, SEQUENCE rises with every change of
//! time, place or status, and a cancelled rally stays, marked CANCELLED, until it would have
//! ended, so subscribed calendars take it off rather than keep it.
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use chrono::Duration;
use icalendar::{Calendar, Component, Event, EventLike, EventStatus};

use crate::domain::{PublicRally, PublicServer, RallyStatus};
use crate::i18n::Lang;
use crate::service::public::{PublicPage, ASSUMED_LENGTH_HOURS};

pub const CONTENT_TYPE: &str = "text/calendar; charset=utf-8";
/// How often calendar apps should look again.
const REFRESH: &str = "PT15M";

/// The calendar of a feed or of one rally; empty for any other page. `lang` words the
/// calendar's name; the events are the rallies' own words, and calendar apps spell the dates.
pub fn calendar(page: &PublicPage, base: &str, lang: Lang) -> String {
    let (server, name, rallies): (&PublicServer, String, Vec<&PublicRally>) = match page {
        PublicPage::Feed {
            server,
            campaign,
            rallies,
        } => {
            let name = match campaign {
                Some(c) => c.name.clone(),
                None if server.name.trim().is_empty() => crate::t!(lang, "web-feed-rallies"),
                None => crate::t!(lang, "web-feed-server", server = server.name.as_str()),
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
    // The envelope from icalendar, and each event as icalendar wrote it the last time that
    // rally was the same: a feed of a thousand rallies changes by one at a time.
    let envelope = cal.done().to_string();
    let end = envelope.rfind("END:VCALENDAR").unwrap_or(envelope.len());
    let mut out = String::with_capacity(envelope.len() + rallies.len() * 600);
    out.push_str(&envelope[..end]);
    for rally in rallies {
        out.push_str(&written_event(server, rally, base));
    }
    out.push_str(&envelope[end..]);
    out
}

/// Events kept at most; past it the keeping starts over.
const KEPT_EVENTS: usize = 50_000;

/// The rally's VEVENT text, written again only when something it says changed.
fn written_event(server: &PublicServer, r: &PublicRally, base: &str) -> Arc<str> {
    static WRITTEN: OnceLock<Mutex<HashMap<String, Arc<str>>>> = OnceLock::new();
    let written = WRITTEN.get_or_init(Mutex::default);
    // Everything the event is made of: the rally without its counts (the feed has none),
    // the server's slug and the pages' address.
    let said = PublicRally {
        going: 0,
        interested: 0,
        ..r.clone()
    };
    let key = format!("{said:?}|{}|{base}", server.slug);
    if let Some(text) = written.lock().unwrap_or_else(|p| p.into_inner()).get(&key) {
        return text.clone();
    }
    let text: Arc<str> = Arc::from(event(server, r, base).to_string());
    let mut kept = written.lock().unwrap_or_else(|p| p.into_inner());
    if kept.len() >= KEPT_EVENTS {
        kept.clear();
    }
    kept.insert(key, text.clone());
    text
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
