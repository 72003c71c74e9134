//! Calendar feeds, parsed back: stable UIDs, SEQUENCE after an edit, CANCELLED after a cancel.
use std::str::FromStr;

use icalendar::{Calendar, CalendarComponent, Component};

use super::support::*;
use super::world;

async fn feed(site: &Site, path: &str) -> Calendar {
    let r = site.get(path).await;
    assert_eq!(r.status(), 200, "{path}");
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/calendar"));
    Calendar::from_str(&r.text().await.unwrap()).expect("the feed parses")
}

/// (UID, SEQUENCE, STATUS, SUMMARY) of every event.
fn events(cal: &Calendar) -> Vec<(String, u32, String, String)> {
    cal.components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some((
                e.get_uid().unwrap().to_string(),
                e.get_sequence().unwrap(),
                e.property_value("STATUS").unwrap().to_string(),
                e.get_summary().unwrap().to_string(),
            )),
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn a_feed_holds_the_approved_rallies_with_what_calendars_need() {
    let w = world().await;
    let cal = feed(&w.site, &format!("{}/calendar.ics", w.page)).await;
    assert_eq!(cal.property_value("METHOD"), Some("PUBLISH"));
    assert_eq!(
        cal.property_value("X-WR-CALNAME"),
        Some("Austin Families Together: rallies")
    );
    assert!(cal.property_value("REFRESH-INTERVAL").is_some());
    let found = events(&cal);
    let titles: Vec<&str> = found.iter().map(|e| e.3.as_str()).collect();
    assert!(titles.contains(&"Houston march"));
    // A cancelled rally stays, marked, so calendars take it off.
    let cancelled = found
        .iter()
        .find(|e| e.3 == "Cancelled in El Paso")
        .expect("kept");
    assert_eq!(cancelled.2, "CANCELLED");
    for hidden in [
        "Pending in Dallas",
        "Rejected in Waco",
        "Other server's rally",
    ] {
        assert!(!titles.contains(&hidden), "{hidden} is in the feed");
    }
    let text = w.site.page(&format!("{}/calendar.ics", w.page)).await.1;
    assert!(!text.contains("12 Hidden Lane"));
    for id in [SERVER, ALICE, CAROL, MOD] {
        assert!(!text.contains(&id.to_string()));
    }
    let austin = cal
        .components
        .iter()
        .find_map(|c| match c {
            CalendarComponent::Event(e) if e.get_summary().unwrap().contains("Capitol") => Some(e),
            _ => None,
        })
        .unwrap();
    assert_eq!(
        austin.property_value("DTSTART"),
        Some("20261212T170000Z"),
        "UTC times"
    );
    assert!(austin.property_value("DTSTAMP").is_some());
    assert!(austin.property_value("LAST-MODIFIED").is_some());
    assert_eq!(
        austin.property_value("GEO").map(|g| g.contains(';')),
        Some(true)
    );
    assert!(austin
        .get_url()
        .unwrap()
        .ends_with(&format!("/r/{}", w.austin)));
}

#[tokio::test]
async fn uids_stay_sequence_rises_on_an_edit_and_a_cancel_is_marked() {
    let w = world().await;
    let path = format!("{}/c/{}/calendar.ics", w.page, w.campaign);
    let before = events(&feed(&w.site, &path).await);
    let again = events(&feed(&w.site, &path).await);
    assert_eq!(before, again, "the same feed twice");
    let houston = |evs: &[(String, u32, String, String)]| {
        evs.iter()
            .find(|e| e.3 == "Houston march")
            .cloned()
            .unwrap()
    };
    let was = houston(&before);
    let id = w.houston.to_string();
    w.site
        .run(
            SERVER,
            ALICE,
            false,
            &["rally", "edit"],
            &[("rally", &id), ("when", "2026-12-12 12:00")],
        )
        .await
        .unwrap();
    let moved = houston(&events(&feed(&w.site, &path).await));
    assert_eq!(moved.0, was.0, "the UID is the rally's for good");
    assert!(moved.1 > was.1, "SEQUENCE rose: {} then {}", was.1, moved.1);
    // A change of details alone is not a change of time, place or status.
    w.site
        .run(
            SERVER,
            ALICE,
            false,
            &["rally", "edit"],
            &[("rally", &id), ("details", "Louder")],
        )
        .await
        .unwrap();
    assert_eq!(houston(&events(&feed(&w.site, &path).await)).1, moved.1);
    w.site
        .run(
            SERVER,
            ALICE,
            false,
            &["rally", "cancel"],
            &[("rally", &id)],
        )
        .await
        .unwrap();
    let gone = houston(&events(&feed(&w.site, &path).await));
    assert_eq!(gone.0, was.0);
    assert_eq!(gone.2, "CANCELLED");
    assert!(gone.1 > moved.1);
    // The one-rally file says so too, until the rally would have ended; then it is gone.
    let one = format!("{}/r/{id}/calendar.ics", w.page);
    assert_eq!(events(&feed(&w.site, &one).await)[0].2, "CANCELLED");
    w.site.clock.advance(chrono::Duration::days(10));
    assert_eq!(w.site.page(&one).await.0, 404);
    let later = events(&feed(&w.site, &path).await);
    assert!(!later.iter().any(|e| e.3 == "Houston march"), "{later:?}");
}

#[tokio::test]
async fn feeds_answer_304_to_a_calendar_polling_again() {
    let w = world().await;
    let path = format!("{}/calendar.ics", w.page);
    let first = w.site.get(&path).await;
    let etag = first.headers()["etag"].to_str().unwrap().to_string();
    let r = w
        .site
        .http
        .get(format!("{}{path}", w.site.base))
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 304);
    assert_eq!(r.headers()["etag"].to_str().unwrap(), etag);
}
