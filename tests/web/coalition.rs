//! A coalition's shared campaign on the owner's public page: its members' rallies are there
//! while each member's own pages are on, marked with the member's name, and gone when it leaves.
use rallybot::service::coalitions::CoalitionDone;
use rallybot::service::response::Response;

use super::support::*;

#[tokio::test]
async fn a_shared_campaign_page_spans_the_members_that_publish() {
    let site = Site::new().await;
    site.run(
        SERVER,
        MOD,
        true,
        &["rallymod", "coalition", "create"],
        &[("name", "Texas Coalition")],
    )
    .await
    .unwrap();
    let invite = site
        .run(SERVER, MOD, true, &["rallymod", "coalition", "invite"], &[])
        .await
        .unwrap();
    let Response::Coalition(CoalitionDone::Invited(invite)) = invite else {
        panic!("no invitation: {invite:?}");
    };
    site.run(
        OTHER_SERVER,
        MOD,
        true,
        &["rallymod", "coalition", "join"],
        &[("code", &invite.code)],
    )
    .await
    .unwrap();
    site.campaign("Day of Action", Some("Texas Coalition"))
        .await;
    let mine = [
        ("title", "Austin rally"),
        ("place", "Austin, TX"),
        ("when", "2026-12-12 11:00"),
        ("campaign", "Day of Action"),
    ];
    site.rally(SERVER, &mine, true).await;
    let theirs = [
        ("title", "Houston member rally"),
        ("place", "Houston, TX"),
        ("when", "2026-12-12 11:00"),
        ("campaign", "Day of Action"),
    ];
    let member_rally = site.rally(OTHER_SERVER, &theirs, true).await;
    let page = site.publish(SERVER).await;
    let campaign = format!("{page}/c/1");
    let near = format!("{campaign}?place=77002&radius=250");
    let rally = format!("{page}/r/{member_rally}");
    // The member has not published: its rally is not public anywhere.
    let (_, html) = site.page(&campaign).await;
    assert!(html.contains("Austin rally") && !html.contains("Houston member rally"));
    assert!(!site.page(&near).await.1.contains("Houston member rally"));
    assert_eq!(site.page(&rally).await.0, 404);
    site.publish(OTHER_SERVER).await;
    let (_, html) = site.page(&campaign).await;
    assert!(html.contains("Houston member rally"), "{html}");
    assert!(html.contains("from Elsewhere"));
    let (_, found) = site.page(&near).await;
    assert!(totals_line(&html).contains("2 rallies in 2 places"));
    assert_eq!(totals_line(&found), totals_line(&html));
    let list = &found[found.find("<ol").unwrap()..];
    assert!(list.find("Houston member rally").unwrap() < list.find("Austin rally").unwrap());
    assert_eq!(site.page(&rally).await.0, 200);
    let feed = site.page(&format!("{campaign}/calendar.ics")).await.1;
    assert!(feed.contains("Houston member rally"));
    // Leaving takes it off at once.
    site.run(
        OTHER_SERVER,
        MOD,
        true,
        &["rallymod", "coalition", "leave"],
        &[("coalition", "Texas Coalition")],
    )
    .await
    .unwrap();
    assert!(!site
        .page(&campaign)
        .await
        .1
        .contains("Houston member rally"));
    assert!(!site.page(&near).await.1.contains("Houston member rally"));
    assert_eq!(site.page(&rally).await.0, 404);
}
