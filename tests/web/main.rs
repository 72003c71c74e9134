//! The public pages over HTTP: opt-in and opt-out, what they show and what never leaks,
//! escaping, the search form, feeds and conditional requests.
mod coalition;
mod feeds;
mod language;
mod support;

use support::*;

/// A campaign with rallies in every state a rally can be in, and one in another server.
struct World {
    site: Site,
    page: String,
    campaign: i64,
    austin: i64,
    houston: i64,
    pending: i64,
    rejected: i64,
    cancelled: i64,
    other: i64,
}

async fn world() -> World {
    let site = Site::new().await;
    site.campaign("Families Belong Together", None).await;
    let in_campaign = |title: &'static str, place: &'static str| {
        vec![
            ("title", title),
            ("place", place),
            ("when", "2026-12-12 11:00"),
            ("campaign", "Families Belong Together"),
        ]
    };
    let mut austin = in_campaign("<script>alert(1)</script> Capitol rally", "Austin, TX");
    austin.extend([
        ("address", "1100 Congress Ave"),
        ("address_visibility", "public"),
        ("details", "Bring water & signs"),
    ]);
    let austin = site.rally(SERVER, &austin, true).await;
    let mut houston = in_campaign("Houston march", "Houston, TX");
    houston.push(("address", "12 Hidden Lane"));
    let houston = site.rally(SERVER, &houston, true).await;
    let pending = site
        .rally(
            SERVER,
            &in_campaign("Pending in Dallas", "Dallas, TX"),
            false,
        )
        .await;
    let rejected = site
        .rally(SERVER, &in_campaign("Rejected in Waco", "Waco, TX"), false)
        .await;
    let id = rejected.to_string();
    site.run(
        SERVER,
        MOD,
        true,
        &["rallymod", "reject"],
        &[("rally", &id), ("reason", "duplicate")],
    )
    .await
    .unwrap();
    let cancelled = site
        .rally(
            SERVER,
            &in_campaign("Cancelled in El Paso", "El Paso, TX"),
            true,
        )
        .await;
    let id = cancelled.to_string();
    site.run(
        SERVER,
        ALICE,
        false,
        &["rally", "cancel"],
        &[("rally", &id)],
    )
    .await
    .unwrap();
    let other = site
        .rally(
            OTHER_SERVER,
            &[
                ("title", "Other server's rally"),
                ("place", "Austin, TX"),
                ("when", "2026-12-12 11:00"),
            ],
            true,
        )
        .await;
    site.run(
        SERVER,
        CAROL,
        false,
        &["rally", "rsvp"],
        &[("rally", &austin.to_string())],
    )
    .await
    .unwrap();
    let page = site.publish(SERVER).await;
    site.publish(OTHER_SERVER).await;
    World {
        site,
        page,
        campaign: 1,
        austin,
        houston,
        pending,
        rejected,
        cancelled,
        other,
    }
}

/// What no public page may contain, whatever it shows.
fn assert_nothing_leaks(html: &str) {
    for leak in [
        "Pending in Dallas",
        "Rejected in Waco",
        "Cancelled in El Paso",
        "Other server's rally",
        "12 Hidden Lane",
        "<script>alert",
    ] {
        assert!(!html.contains(leak), "{leak:?} is on a public page");
    }
    for id in [SERVER, OTHER_SERVER, ALICE, CAROL, MOD] {
        assert!(
            !html.contains(&id.to_string()),
            "the Discord id {id} is on a public page"
        );
    }
}

#[tokio::test]
async fn nothing_is_public_until_a_moderator_turns_it_on_and_off_means_gone_at_once() {
    let site = Site::new().await;
    let austin = [
        ("title", "Rally"),
        ("place", "Austin, TX"),
        ("when", "2026-12-12 11:00"),
    ];
    let id = site.rally(SERVER, &austin, true).await;
    // No page exists, whatever is guessed; the Discord id is not an address.
    assert_eq!(site.page(&format!("/s/{SERVER}")).await.0, 404);
    let page = site.publish(SERVER).await;
    assert!(page.len() > 20, "an unguessable slug: {page}");
    assert!(!page.contains(&SERVER.to_string()));
    let paths = [
        page.clone(),
        format!("{page}/calendar.ics"),
        format!("{page}/r/{id}"),
        format!("{page}/r/{id}/calendar.ics"),
    ];
    for p in &paths {
        assert_eq!(site.page(p).await.0, 200, "{p}");
    }
    // /rally about gives the address while the pages are on.
    let about = site
        .run(SERVER, CAROL, false, &["rally", "about"], &[])
        .await
        .unwrap();
    assert!(format!("{about:?}").contains(&page));
    site.run(
        SERVER,
        MOD,
        true,
        &["rallymod", "settings"],
        &[("public_page", "false")],
    )
    .await
    .unwrap();
    for p in &paths {
        assert_eq!(
            site.page(p).await.0,
            404,
            "{p} after the pages were turned off"
        );
    }
    // Only moderators may turn them on.
    let refused = site
        .run(
            SERVER,
            CAROL,
            false,
            &["rallymod", "settings"],
            &[("public_page", "true")],
        )
        .await
        .unwrap_err();
    assert!(refused.contains("moderators"), "{refused}");
    assert_eq!(site.page(&page).await.0, 404);
    // On again: the same address.
    assert_eq!(site.publish(SERVER).await, page);
    assert_eq!(site.page(&page).await.0, 200);
}

#[tokio::test]
async fn the_server_page_shows_its_approved_rallies_and_nothing_else() {
    let w = world().await;
    let r = w.site.get(&w.page).await;
    assert_eq!(r.status(), 200);
    let csp = r.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        csp.contains("default-src 'none'") && !csp.contains("unsafe"),
        "{csp}"
    );
    let html = r.text().await.unwrap();
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("Austin Families Together"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; Capitol rally"));
    assert!(html.contains("Houston march"));
    // Soonest first: both at 11:00 local; Houston and Austin share a zone, so by number.
    assert!(html.find("Capitol rally").unwrap() < html.find("Houston march").unwrap());
    assert!(html.contains(&format!("{}/c/{}", w.page, w.campaign)));
    assert!(html.contains("type=\"text/calendar\""));
    assert_nothing_leaks(&html);
}

#[tokio::test]
async fn a_rally_page_shows_what_anyone_may_know_and_hidden_rallies_are_not_found() {
    let w = world().await;
    let (status, html) = w.site.page(&format!("{}/r/{}", w.page, w.austin)).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Saturday, December 12, 2026 at 11:00 AM CST"),
        "{html}"
    );
    assert!(
        html.contains("1100 Congress Ave"),
        "a public address is shown"
    );
    assert!(html.contains("Bring water &amp; signs"));
    assert!(html.contains("1 person going"));
    assert!(html.contains("Add to calendar"));
    assert_nothing_leaks(&html);
    let (_, houston) = w.site.page(&format!("{}/r/{}", w.page, w.houston)).await;
    assert!(houston.contains("Houston march") && !houston.contains("12 Hidden Lane"));
    for hidden in [w.pending, w.rejected, w.cancelled, w.other, 9999] {
        let (status, html) = w.site.page(&format!("{}/r/{hidden}", w.page)).await;
        assert_eq!(status, 404, "rally {hidden}");
        assert_nothing_leaks(&html);
    }
    assert_eq!(
        w.site.page(&format!("{}/r/not-a-number", w.page)).await.0,
        404
    );
    assert_eq!(w.site.page(&format!("{}/c/{}", w.page, 99)).await.0, 404);
}

#[tokio::test]
async fn the_campaign_page_finds_the_nearest_rally_from_a_zip_code() {
    let w = world().await;
    let path = format!("{}/c/{}", w.page, w.campaign);
    let (status, html) = w.site.page(&path).await;
    assert_eq!(status, 200);
    assert!(html.contains("2 rallies in 2 places"), "{html}");
    assert!(html.contains("<form class=\"search\" method=\"get\""));
    assert!(html.contains("<label for=\"place\">") && html.contains("<label for=\"radius\">"));
    assert!(html.contains("<svg"), "the campaign's map");
    assert_nothing_leaks(&html);
    // Houston's downtown ZIP: Houston first, Austin farther.
    let (status, near) = w.site.page(&format!("{path}?place=77002&radius=250")).await;
    assert_eq!(status, 200);
    // The list, after the map (whose pins carry the titles too).
    let list = &near[near
        .find("<ol class=\"rallies\">")
        .expect("a numbered list")..];
    let houston = list.find("Houston march").expect("Houston is found");
    let austin = list
        .find("Capitol rally")
        .expect("Austin is within 250 miles");
    assert!(houston < austin, "nearest first:\n{list}");
    assert!(near.contains(" mi away"));
    // A search's page counts the campaign as the page without one does.
    assert_eq!(totals_line(&near), totals_line(&html));
    assert!(totals_line(&near).contains("1 person going"), "{near}");
    assert!(
        near.contains("value=\"77002\""),
        "the form keeps what was typed"
    );
    assert_nothing_leaks(&near);
    // A smaller radius leaves Austin out.
    let (_, close) = w.site.page(&format!("{path}?place=77002&radius=25")).await;
    assert!(close.contains("Houston march") && !close.contains("Capitol rally"));
}

#[tokio::test]
async fn an_unknown_place_is_answered_with_what_to_type() {
    let w = world().await;
    let path = format!("{}/c/{}", w.page, w.campaign);
    let (status, html) = w.site.page(&format!("{path}?place=Atlantis%20Zzz")).await;
    assert_eq!(status, 200);
    assert!(html.contains("I don't know a place called"), "{html}");
    assert!(html.contains("ZIP code"));
    let (_, typo) = w.site.page(&format!("{path}?place=Austen%2C%20TX")).await;
    assert!(
        typo.contains("Austin"),
        "a suggestion for a misspelling:\n{typo}"
    );
    // HTML typed into the form comes back as text.
    let (status, html) = w
        .site
        .page(&format!("{path}?place=%3Cb%3Ex%3C%2Fb%3E"))
        .await;
    assert_eq!(status, 200);
    assert!(!html.contains("<b>x</b>") && html.contains("&lt;b&gt;x&lt;/b&gt;"));
}

#[tokio::test]
async fn the_invitation_link_is_checked_and_shown() {
    let w = world().await;
    let bad = w
        .site
        .run(
            SERVER,
            MOD,
            true,
            &["rallymod", "settings"],
            &[("invite_url", "javascript:alert(1)")],
        )
        .await
        .unwrap_err();
    assert!(bad.contains("discord.gg"), "{bad}");
    w.site
        .run(
            SERVER,
            MOD,
            true,
            &["rallymod", "settings"],
            &[("invite_url", "https://discord.gg/AbCd123")],
        )
        .await
        .unwrap();
    let (_, html) = w.site.page(&w.page).await;
    assert!(html.contains("href=\"https://discord.gg/AbCd123\""));
    assert!(html.contains("Join the organisers"));
}

#[tokio::test]
async fn pages_answer_304_while_unchanged_and_200_after_a_change() {
    let w = world().await;
    let first = w.site.get(&w.page).await;
    let etag = first.headers()["etag"].to_str().unwrap().to_string();
    let modified = first.headers()["last-modified"]
        .to_str()
        .unwrap()
        .to_string();
    let again = |header: &'static str, value: String| {
        let req = w
            .site
            .http
            .get(format!("{}{}", w.site.base, w.page))
            .header(header, value);
        async move { req.send().await.unwrap() }
    };
    let r = again("if-none-match", etag.clone()).await;
    assert_eq!(r.status(), 304);
    assert!(r.bytes().await.unwrap().is_empty());
    assert_eq!(
        again("if-modified-since", modified.clone()).await.status(),
        304
    );
    assert_eq!(
        again("if-none-match", "\"other\"".into()).await.status(),
        200
    );
    // A new RSVP changes the counts shown.
    w.site
        .run(
            SERVER,
            MOD,
            false,
            &["rally", "rsvp"],
            &[("rally", &w.houston.to_string())],
        )
        .await
        .unwrap();
    let changed = again("if-none-match", etag.clone()).await;
    assert_eq!(changed.status(), 200);
    assert_ne!(changed.headers()["etag"].to_str().unwrap(), etag);
}
