//! Coalitions across three servers: the owner, a member and an outsider. What a shared
//! campaign carries across, and what never crosses.
use chrono::Duration;

use super::*;
use crate::domain::{RallyStatus, RsvpChoice};
use crate::service::campaigns::NewCampaign;
use crate::service::coalitions::CoalitionDone;
use crate::service::{NearQuery, RallyEdit};

pub(super) const OWNER: i64 = 100;
pub(super) const MEMBER: i64 = 200;
pub(super) const OUTSIDER: i64 = 300;

pub(super) const OWNER_MOD: Actor = Actor {
    user_id: 10,
    server_id: OWNER,
    is_moderator: true,
};
pub(super) const OWNER_PERSON: Actor = Actor {
    user_id: 11,
    server_id: OWNER,
    is_moderator: false,
};
pub(super) const MEMBER_MOD: Actor = Actor {
    user_id: 20,
    server_id: MEMBER,
    is_moderator: true,
};
pub(super) const MEMBER_ORGANISER: Actor = Actor {
    user_id: 21,
    server_id: MEMBER,
    is_moderator: false,
};
pub(super) const OUTSIDER_MOD: Actor = Actor {
    user_id: 30,
    server_id: OUTSIDER,
    is_moderator: true,
};
pub(super) const OUTSIDER_PERSON: Actor = Actor {
    user_id: 31,
    server_id: OUTSIDER,
    is_moderator: false,
};

/// Austin in the owner server, Houston in the member, Dallas outside; a coalition of the first
/// two and a campaign the owner shares with it.
pub(super) struct Coalition {
    pub f: Fixture,
    pub campaign: String,
}

pub(super) async fn coalition() -> Coalition {
    let f = fixture().await;
    let s = &f.service;
    s.create_coalition(&OWNER_MOD, "Texas Together", Some("Austin Network"))
        .await
        .unwrap();
    let CoalitionDone::Invited(invite) = s.invite_to_coalition(&OWNER_MOD, None).await.unwrap()
    else {
        panic!("no invitation")
    };
    s.join_coalition(&MEMBER_MOD, &invite.code, Some("Houston United"))
        .await
        .unwrap();
    s.create_campaign(
        &OWNER_MOD,
        NewCampaign {
            name: "Day of Action".into(),
            start: "2026-12-05".into(),
            end: "2026-12-05".into(),
            description: None,
            coalition: Some("Texas Together".into()),
        },
    )
    .await
    .unwrap();
    Coalition {
        f,
        campaign: "Day of Action".into(),
    }
}

/// A rally the member's organiser registers in `place` and the member's moderator approves,
/// in the shared campaign when `shared`.
pub(super) async fn member_rally(c: &Coalition, title: &str, place: &str, shared: bool) -> i64 {
    let new = NewRally {
        title: title.into(),
        place: place.into(),
        when: "2026-12-05 18:00".into(),
        campaign: shared.then(|| c.campaign.clone()),
        ..Default::default()
    };
    let id =
        c.f.service
            .create_rally(&MEMBER_ORGANISER, new)
            .await
            .unwrap()
            .view
            .rally
            .id;
    c.f.service.approve_rally(&MEMBER_MOD, id).await.unwrap();
    id
}

fn near(place: &str) -> NearQuery {
    NearQuery {
        place: place.into(),
        radius: Some(300.0),
        ..Default::default()
    }
}

#[tokio::test]
async fn a_shared_rally_is_found_from_the_owner_marked_with_its_server_but_not_outside() {
    let c = coalition().await;
    let s = &c.f.service;
    let shared = member_rally(&c, "Houston march", "Houston, TX", true).await;
    let local = member_rally(&c, "Houston vigil", "Houston, TX", false).await;
    // The outsider has a rally of its own in the same city.
    let outsider = s
        .create_rally(&OUTSIDER_MOD, {
            let mut n = new_rally("Dallas rally", "2026-12-05 18:00");
            n.place = "Houston, TX".into();
            n.tz = None;
            n
        })
        .await
        .unwrap()
        .view
        .rally
        .id;

    let found = s.near(&OWNER_PERSON, near("Austin, TX")).await.unwrap();
    let ids: Vec<i64> = found.rallies.iter().map(|(v, _)| v.rally.id).collect();
    assert_eq!(ids, [shared], "only the shared one crosses");
    assert_eq!(
        found.rallies[0].0.from_server.as_deref(),
        Some("Houston United")
    );

    let outside = s.near(&OUTSIDER_PERSON, near("Houston, TX")).await.unwrap();
    let ids: Vec<i64> = outside.rallies.iter().map(|(v, _)| v.rally.id).collect();
    assert_eq!(
        ids,
        [outsider],
        "nothing of the coalition reaches an outsider"
    );

    // In the member server, its own rallies are unmarked.
    let home = s
        .near(&MEMBER_ORGANISER, near("Houston, TX"))
        .await
        .unwrap();
    assert!(home.rallies.iter().all(|(v, _)| v.from_server.is_none()));
    assert_eq!(home.rallies.len(), 2, "{:?}", home.rallies);

    // Listed in the campaign from both servers, with counts per server in the overview.
    let (_, listed) = s.list_campaign(&OWNER_PERSON, &c.campaign).await.unwrap();
    assert_eq!(
        listed.iter().map(|v| v.rally.id).collect::<Vec<_>>(),
        [shared]
    );
    let overview = s
        .campaign_overview(&OWNER_PERSON, &c.campaign, None)
        .await
        .unwrap();
    assert_eq!(overview.by_server.len(), 1);
    assert_eq!(
        overview.by_server[0].server.as_deref(),
        Some("Houston United")
    );
    // The local one is seen from the owner nowhere.
    assert_eq!(
        user_err(s.show_rally(&OWNER_PERSON, local).await),
        UserError::RallyNotFound { id: local }
    );
    assert_eq!(
        user_err(s.show_rally(&OUTSIDER_PERSON, shared).await),
        UserError::RallyNotFound { id: shared }
    );
}

#[tokio::test]
async fn a_person_of_the_owner_server_rsvps_and_counts_once() {
    let c = coalition().await;
    let s = &c.f.service;
    let id = member_rally(&c, "Houston march", "Houston, TX", true).await;
    let view = s.rsvp(&OWNER_PERSON, id, RsvpChoice::Going).await.unwrap();
    assert_eq!(view.counts.going, 1);
    assert_eq!(view.my_rsvp, Some(crate::domain::RsvpStatus::Going));
    let shown = s.show_rally(&MEMBER_ORGANISER, id).await.unwrap();
    assert_eq!(shown.counts.going, 1, "counts are shared");
    // Who it was stays in the rally's server: the owner's moderators see no names.
    assert!(
        user_err(s.rsvp(&OUTSIDER_PERSON, id, RsvpChoice::Going).await)
            .to_string()
            .contains("no rally")
    );
    // A personal reminder is planned for the owner-server person, and channel reminders only
    // in the member server's own channel.
    let items = s.store().outbox_of_rally(id).await.unwrap();
    assert!(items
        .iter()
        .any(|i| i.kind == crate::domain::OutboxKind::PersonalReminder
            && i.target_id == OWNER_PERSON.user_id));
}

#[tokio::test]
async fn leaving_or_being_removed_takes_a_server_out_at_once() {
    let c = coalition().await;
    let s = &c.f.service;
    let id = member_rally(&c, "Houston march", "Houston, TX", true).await;
    assert_eq!(
        s.near(&OWNER_PERSON, near("Austin, TX"))
            .await
            .unwrap()
            .rallies
            .len(),
        1
    );
    s.leave_coalition(&MEMBER_MOD, None).await.unwrap();
    assert!(s
        .near(&OWNER_PERSON, near("Austin, TX"))
        .await
        .unwrap()
        .rallies
        .is_empty());
    assert_eq!(
        user_err(s.show_rally(&OWNER_PERSON, id).await),
        UserError::RallyNotFound { id }
    );
    let rally = s.store().rally(id).await.unwrap().unwrap();
    assert_eq!(
        rally.campaign_id, None,
        "its rallies left the shared campaign"
    );
    // The member no longer sees the shared campaign either.
    assert!(matches!(
        user_err(s.list_campaign(&MEMBER_ORGANISER, &c.campaign).await),
        UserError::CampaignNotFound { .. }
    ));

    // Removed by the owner: the same.
    let c = coalition().await;
    let s = &c.f.service;
    member_rally(&c, "Houston march", "Houston, TX", true).await;
    s.remove_from_coalition(&OWNER_MOD, None, "Houston United")
        .await
        .unwrap();
    assert!(s
        .near(&OWNER_PERSON, near("Austin, TX"))
        .await
        .unwrap()
        .rallies
        .is_empty());
}

#[tokio::test]
async fn codes_work_once_for_a_week_and_every_action_is_audited_where_it_was_taken() {
    let f = fixture().await;
    let s = &f.service;
    s.create_coalition(&OWNER_MOD, "Texas Together", Some("Austin Network"))
        .await
        .unwrap();
    let CoalitionDone::Invited(invite) = s.invite_to_coalition(&OWNER_MOD, None).await.unwrap()
    else {
        panic!()
    };
    // Members can't invite, and nobody but moderators acts.
    assert!(matches!(
        user_err(s.invite_to_coalition(&OWNER_PERSON, None).await),
        UserError::ModeratorsOnly { .. }
    ));
    assert!(matches!(
        user_err(s.join_coalition(&OUTSIDER_PERSON, &invite.code, None).await),
        UserError::ModeratorsOnly { .. }
    ));
    // Lower case and spaces read the same code.
    let typed = invite.code.to_lowercase().replace('-', " ");
    s.join_coalition(&MEMBER_MOD, &typed, Some("Houston United"))
        .await
        .unwrap();
    assert_eq!(
        user_err(s.join_coalition(&OUTSIDER_MOD, &invite.code, None).await),
        UserError::BadInviteCode,
        "used once"
    );
    assert!(matches!(
        user_err(s.invite_to_coalition(&MEMBER_MOD, None).await),
        UserError::CoalitionOwnersOnly { .. }
    ));
    let CoalitionDone::Invited(late) = s.invite_to_coalition(&OWNER_MOD, None).await.unwrap()
    else {
        panic!()
    };
    f.clock.advance(Duration::days(7) + Duration::minutes(1));
    assert_eq!(
        user_err(s.join_coalition(&OUTSIDER_MOD, &late.code, None).await),
        UserError::BadInviteCode,
        "expired"
    );
    let CoalitionDone::Members { members, .. } =
        s.coalition_members(&MEMBER_MOD, None, None).await.unwrap()
    else {
        panic!()
    };
    let names: Vec<&str> = members.iter().map(|m| m.server_name.as_str()).collect();
    assert_eq!(names, ["Austin Network", "Houston United"]);
    assert!(matches!(
        user_err(s.leave_coalition(&OWNER_MOD, None).await),
        UserError::OwnerCannotLeave { .. }
    ));
    assert!(matches!(
        user_err(s.coalition_members(&OUTSIDER_MOD, None, None).await),
        UserError::CoalitionNotFound { .. }
    ));
    let owner_log = s.audit_log(&OWNER_MOD, None).await.unwrap();
    let actions: Vec<&str> = owner_log.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        ["coalition invite", "coalition invite", "coalition create"]
    );
    let member_log = s.audit_log(&MEMBER_MOD, None).await.unwrap();
    assert_eq!(member_log.len(), 1);
    assert_eq!(member_log[0].action, "coalition join");
    assert!(owner_log
        .iter()
        .chain(&member_log)
        .all(|e| !e.after.contains(&invite.code) && !e.before.contains(&invite.code)));
}

#[tokio::test]
async fn a_server_is_in_at_most_five_coalitions() {
    let f = fixture().await;
    for n in 0..5 {
        f.service
            .create_coalition(&OWNER_MOD, &format!("C{n}"), None)
            .await
            .unwrap();
    }
    assert!(matches!(
        user_err(f.service.create_coalition(&OWNER_MOD, "C5", None).await),
        UserError::TooManyCoalitions { max: 5 }
    ));
}

#[tokio::test]
async fn the_owner_takes_a_rally_out_of_its_campaign_but_may_not_edit_it() {
    let c = coalition().await;
    let s = &c.f.service;
    let id = member_rally(&c, "Houston march", "Houston, TX", true).await;
    let edit = RallyEdit {
        title: Some("Renamed".into()),
        ..Default::default()
    };
    assert!(s.edit_rally(&OWNER_MOD, id, edit).await.is_err());
    assert!(s.cancel_rally(&OWNER_MOD, id, None).await.is_err());
    assert!(matches!(
        user_err(s.drop_from_shared_campaign(&MEMBER_MOD, id).await),
        UserError::SharedCampaignOwnersOnly { .. }
    ));
    let view = s.drop_from_shared_campaign(&OWNER_MOD, id).await.unwrap();
    assert_eq!(view.rally.campaign_id, None);
    assert_eq!(
        view.rally.status,
        RallyStatus::Approved,
        "it stays listed at home"
    );
    assert!(s
        .near(&OWNER_PERSON, near("Austin, TX"))
        .await
        .unwrap()
        .rallies
        .is_empty());
    // The member's moderators still decide on their own rallies, and the owner can't.
    let pending = s
        .create_rally(&MEMBER_ORGANISER, {
            let mut n = new_rally("Pending one", "2026-12-05 18:00");
            n.campaign = Some(c.campaign.clone());
            n.tz = None;
            n.place = "Houston, TX".into();
            n
        })
        .await
        .unwrap()
        .view
        .rally
        .id;
    assert!(s.approve_rally(&OWNER_MOD, pending).await.is_err());
    assert!(s
        .near(&OWNER_PERSON, near("Austin, TX"))
        .await
        .unwrap()
        .rallies
        .is_empty());
    // Shared campaigns are changed only by the owner.
    assert!(matches!(
        user_err(s.archive_campaign(&MEMBER_MOD, &c.campaign, false).await),
        UserError::SharedCampaignOwnersOnly { .. }
    ));
}
