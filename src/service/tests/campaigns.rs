//! Campaigns: moderators' commands, rallies joining them, filters and the overview.
use super::*;
use crate::domain::RsvpChoice;
use crate::i18n::Lang;
use crate::service::campaigns::{CampaignAction, CampaignEdit, NewCampaign};
use crate::service::{NearQuery, RallyEdit};

fn campaign(name: &str, start: &str, end: &str) -> NewCampaign {
    NewCampaign {
        name: name.into(),
        start: start.into(),
        end: end.into(),
        description: Some("Rallies everywhere".into()),
        coalition: None,
    }
}

/// "Day of Action" on December 5-6, 2026, in SERVER.
async fn day_of_action(f: &Fixture) -> i64 {
    f.service
        .create_campaign(&MOD, campaign("Day of Action", "2026-12-05", "2026-12-06"))
        .await
        .unwrap()
        .campaign
        .id
}

/// An approved rally at `place` in the campaign, created by a moderator.
async fn member(f: &Fixture, title: &str, place: &str, when: &str) -> i64 {
    let new = NewRally {
        title: title.into(),
        place: place.into(),
        when: when.into(),
        campaign: Some("day of action".into()),
        ..Default::default()
    };
    f.service
        .create_rally(&MOD, new)
        .await
        .unwrap()
        .view
        .rally
        .id
}

#[tokio::test]
async fn only_moderators_create_and_names_are_unique_per_server_ignoring_case() {
    let f = fixture().await;
    let refused = f
        .service
        .create_campaign(
            &ALICE,
            campaign("Day of Action", "2026-12-05", "2026-12-05"),
        )
        .await;
    assert!(matches!(
        user_err(refused),
        UserError::ModeratorsOnly { .. }
    ));
    let saved = f
        .service
        .create_campaign(
            &MOD,
            campaign("  Day   of Action ", "2026-12-05", "December 6, 2026"),
        )
        .await
        .unwrap();
    assert_eq!(saved.action, CampaignAction::Created);
    assert_eq!(saved.campaign.name, "Day of Action");
    assert_eq!(saved.campaign.ends_on.to_string(), "2026-12-06");
    let again = f
        .service
        .create_campaign(&MOD, campaign("DAY OF ACTION", "2026-12-05", "2026-12-05"))
        .await;
    assert_eq!(
        user_err(again),
        UserError::CampaignNameTaken {
            name: "DAY OF ACTION".into()
        }
    );
    // Another server may use the same name; it sees nothing of this server's campaign.
    f.service
        .create_campaign(
            &OTHER_MOD,
            campaign("Day of Action", "2026-12-05", "2026-12-05"),
        )
        .await
        .unwrap();
    let choices = f
        .service
        .campaign_choices(&OTHER_MOD, "", true, Lang::En)
        .await
        .unwrap();
    assert_eq!(choices.len(), 1);
}

#[tokio::test]
async fn campaign_dates_and_names_are_checked() {
    let f = fixture().await;
    let bad = [
        ("Backwards", "2026-12-06", "2026-12-05", "before the start"),
        ("Over", "2026-11-01", "2026-11-02", "has passed"),
        ("Far", "2029-01-01", "2029-01-02", "two years"),
        ("Long", "2026-12-01", "2028-01-01", "at most 366 days"),
        ("Garbled", "someday", "2026-12-05", "not a date"),
        ("none", "2026-12-05", "2026-12-05", "special meaning"),
        ("#12", "2026-12-05", "2026-12-05", "special meaning"),
        ("a|b", "2026-12-05", "2026-12-05", "can't contain"),
        ("", "2026-12-05", "2026-12-05", "empty"),
    ];
    for (name, start, end, expected) in bad {
        let err = user_err(
            f.service
                .create_campaign(&MOD, campaign(name, start, end))
                .await,
        );
        assert!(err.to_string().contains(expected), "{name}: {err}");
    }
    let long = "x".repeat(81);
    let err = user_err(
        f.service
            .create_campaign(&MOD, campaign(&long, "2026-12-05", "2026-12-05"))
            .await,
    );
    assert!(err.to_string().contains("at most 80"), "{err}");
    assert!(f
        .service
        .campaign_choices(&MOD, "", true, Lang::En)
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn rallies_join_open_campaigns_within_their_days() {
    let f = fixture().await;
    let id = day_of_action(&f).await;
    let rally = member(&f, "Austin", "Austin, TX", "2026-12-05 12:00").await;
    let view = f.service.show_rally(&BOB, rally).await.unwrap();
    assert_eq!(view.rally.campaign_id, Some(id));

    // A start outside the campaign's days is refused, in the rally's local day.
    let mut outside = new_rally("Too late", "2026-12-07 12:00");
    outside.campaign = Some("Day of Action".into());
    assert!(matches!(
        user_err(f.service.create_rally(&ALICE, outside).await),
        UserError::OutsideCampaign { .. }
    ));
    // An unknown campaign names the ones there are.
    let mut unknown = new_rally("Lost", "2026-12-05 12:00");
    unknown.campaign = Some("Night of Action".into());
    let err = user_err(f.service.create_rally(&ALICE, unknown).await);
    assert!(err.to_string().contains("\"Day of Action\""), "{err}");
    // Campaigns of another server are not found.
    let mut elsewhere = new_rally("Elsewhere", "2026-12-05 12:00");
    elsewhere.campaign = Some("Day of Action".into());
    assert!(matches!(
        user_err(f.service.create_rally(&ALICE_ELSEWHERE, elsewhere).await),
        UserError::CampaignNotFound { .. }
    ));

    // Editing: moving the rally out of the campaign's days is refused; leaving it works.
    let moved = f
        .service
        .edit_rally(
            &MOD,
            rally,
            RallyEdit {
                when: Some("2026-12-10 12:00".into()),
                ..Default::default()
            },
        )
        .await;
    assert!(matches!(user_err(moved), UserError::OutsideCampaign { .. }));
    let left = f
        .service
        .edit_rally(
            &MOD,
            rally,
            RallyEdit {
                campaign: Some("none".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(left.view.rally.campaign_id, None);
    assert_eq!(left.changes.last().unwrap().field, "campaign");
    assert_eq!(left.changes.last().unwrap().before, "Day of Action");

    // An archived campaign keeps its rallies and takes no new ones.
    member(&f, "Dallas", "Dallas, TX", "2026-12-05 12:00").await;
    let archived = f
        .service
        .archive_campaign(&MOD, "day of action", false)
        .await
        .unwrap();
    assert!(archived.campaign.archived);
    let mut late = new_rally("Late joiner", "2026-12-05 12:00");
    late.campaign = Some("Day of Action".into());
    assert!(matches!(
        user_err(f.service.create_rally(&MOD, late).await),
        UserError::CampaignArchived { .. }
    ));
    let joinable = f
        .service
        .campaign_choices(&MOD, "day", false, Lang::En)
        .await
        .unwrap();
    assert!(joinable.is_empty(), "{joinable:?}");
    let all = f
        .service
        .campaign_choices(&MOD, "day", true, Lang::En)
        .await
        .unwrap();
    assert_eq!(all[0].value, "Day of Action");
    assert!(all[0].label.contains("(archived)"), "{all:?}");
    let (_, listed) = f
        .service
        .list_campaign(&BOB, "Day of Action")
        .await
        .unwrap();
    assert_eq!(listed.len(), 1);
    assert!(matches!(
        user_err(
            f.service
                .archive_campaign(&BOB, "Day of Action", true)
                .await
        ),
        UserError::ModeratorsOnly { .. }
    ));
    let restored = f
        .service
        .archive_campaign(&MOD, &format!("#{id}"), true)
        .await
        .unwrap();
    assert!(!restored.campaign.archived);
    let err = user_err(
        f.service
            .archive_campaign(&MOD, "Day of Action", true)
            .await,
    );
    assert!(err.to_string().contains("not archived"), "{err}");
}

#[tokio::test]
async fn editing_a_campaign_keeps_its_rallies_inside() {
    let f = fixture().await;
    day_of_action(&f).await;
    let rally = member(&f, "Austin", "Austin, TX", "2026-12-06 12:00").await;
    assert!(matches!(
        user_err(
            f.service
                .edit_campaign(
                    &ALICE,
                    "Day of Action",
                    CampaignEdit {
                        name: Some("Mine".into()),
                        ..Default::default()
                    }
                )
                .await
        ),
        UserError::ModeratorsOnly { .. }
    ));
    let shrink = f
        .service
        .edit_campaign(
            &MOD,
            "Day of Action",
            CampaignEdit {
                end: Some("2026-12-05".into()),
                ..Default::default()
            },
        )
        .await;
    let err = user_err(shrink);
    assert!(err.to_string().contains(&format!("#{rally}")), "{err}");
    let renamed = f
        .service
        .edit_campaign(
            &MOD,
            "day of action",
            CampaignEdit {
                name: Some("National Day of Action".into()),
                end: Some("2026-12-07".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let fields: Vec<&str> = renamed.changes.iter().map(|c| c.field).collect();
    assert_eq!(fields, ["name", "end"]);
    assert!(f
        .service
        .find_campaign(&BOB, "Day of Action")
        .await
        .is_err());
    assert_eq!(
        f.service
            .find_campaign(&BOB, "national day of action")
            .await
            .unwrap()
            .ends_on
            .to_string(),
        "2026-12-07"
    );
}

#[tokio::test]
async fn near_with_a_campaign_still_finds_the_limit_beyond_closer_rallies() {
    let f = fixture().await;
    day_of_action(&f).await;
    // Many closer rallies outside the campaign, and campaign rallies farther out.
    for i in 0..30 {
        let new = NewRally {
            title: format!("Local {i}"),
            place: "Austin, TX".into(),
            when: "2026-12-05 12:00".into(),
            ..Default::default()
        };
        f.service.create_rally(&MOD, new).await.unwrap();
    }
    member(&f, "Round Rock", "Round Rock, TX", "2026-12-05 12:00").await;
    member(&f, "San Marcos", "San Marcos, TX", "2026-12-05 12:00").await;
    member(&f, "Waco", "Waco, TX", "2026-12-05 12:00").await;
    let result = f
        .service
        .near(
            &BOB,
            NearQuery {
                place: "Austin, TX".into(),
                radius: Some(150.0),
                limit: Some(2),
                campaign: Some("Day of Action".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let titles: Vec<&str> = result
        .rallies
        .iter()
        .map(|(v, _)| v.rally.title.as_str())
        .collect();
    assert_eq!(titles, ["Round Rock", "San Marcos"]);
    assert!(result.more);
    assert_eq!(result.campaign.as_deref(), Some("Day of Action"));
}

#[tokio::test]
async fn the_overview_counts_and_groups_by_state_and_city() {
    let f = fixture().await;
    day_of_action(&f).await;
    let austin = member(&f, "Austin noon", "Austin, TX", "2026-12-05 12:00").await;
    member(&f, "Austin morning", "Austin, TX", "2026-12-05 09:00").await;
    member(&f, "Dallas", "Dallas, TX", "2026-12-05 12:00").await;
    member(&f, "Denver", "Denver, CO", "2026-12-06 12:00").await;
    // A pending submission is not counted until approved.
    let mut pending = new_rally("Pending", "2026-12-05 12:00");
    pending.campaign = Some("Day of Action".into());
    f.service.create_rally(&ALICE, pending).await.unwrap();
    f.service
        .rsvp(&ALICE, austin, RsvpChoice::Going)
        .await
        .unwrap();
    f.service
        .rsvp(&BOB, austin, RsvpChoice::Interested)
        .await
        .unwrap();

    let o = f
        .service
        .campaign_overview(&BOB, "Day of Action", None)
        .await
        .unwrap();
    assert_eq!((o.entries.len(), o.cities, o.states), (4, 3, 2));
    assert_eq!((o.going, o.interested), (1, 1));
    let order: Vec<(&str, &str, &str)> = o
        .entries
        .iter()
        .map(|e| {
            (
                e.state.as_str(),
                e.city.as_str(),
                e.view.rally.title.as_str(),
            )
        })
        .collect();
    assert_eq!(
        order,
        [
            ("Colorado", "Denver", "Denver"),
            ("Texas", "Austin", "Austin morning"),
            ("Texas", "Austin", "Austin noon"),
            ("Texas", "Dallas", "Dallas"),
        ]
    );

    let near = f
        .service
        .campaign_overview(&BOB, "Day of Action", Some("Fort Worth, TX"))
        .await
        .unwrap();
    let first: Vec<&str> = near
        .entries
        .iter()
        .map(|e| e.view.rally.title.as_str())
        .collect();
    assert_eq!(first[0], "Dallas");
    assert_eq!(first[3], "Denver");
    let d = near.entries[0].distance.unwrap();
    assert!(
        (25.0..40.0).contains(&d),
        "Fort Worth to Dallas is about 31 mi: {d}"
    );

    let err = user_err(
        f.service
            .campaign_overview(&OTHER_MOD, "Day of Action", None)
            .await,
    );
    assert!(matches!(err, UserError::CampaignNotFound { .. }));
}
