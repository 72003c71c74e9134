//! RSVPs and the lists people see.
use chrono::Duration;

use super::*;
use crate::domain::{RsvpChoice, RsvpStatus};
use crate::error::UserError;
use crate::service::SettingsChange;

#[tokio::test]
async fn rsvps_count_and_change() {
    let f = fixture().await;
    let id = approved(&f, "R", "2026-12-05 18:00").await;
    let v = f.service.rsvp(&BOB, id, RsvpChoice::Going).await.unwrap();
    assert_eq!(
        (v.counts.going, v.counts.interested, v.my_rsvp),
        (1, 0, Some(RsvpStatus::Going))
    );
    let v = f
        .service
        .rsvp(&ALICE, id, RsvpChoice::Interested)
        .await
        .unwrap();
    assert_eq!((v.counts.going, v.counts.interested), (1, 1));
    let v = f
        .service
        .rsvp(&BOB, id, RsvpChoice::Interested)
        .await
        .unwrap();
    assert_eq!((v.counts.going, v.counts.interested), (0, 2));
    let v = f
        .service
        .rsvp(&BOB, id, RsvpChoice::NotGoing)
        .await
        .unwrap();
    assert_eq!(
        (v.counts.going, v.counts.interested, v.my_rsvp),
        (0, 1, None)
    );
    // Not going twice is harmless.
    f.service
        .rsvp(&BOB, id, RsvpChoice::NotGoing)
        .await
        .unwrap();
    assert_eq!(
        user_err(
            f.service
                .rsvp(&ALICE_ELSEWHERE, id, RsvpChoice::Going)
                .await
        ),
        UserError::RallyNotFound { id }
    );
}

#[tokio::test]
async fn pending_rallies_take_no_rsvps() {
    let f = fixture().await;
    let id = f
        .service
        .create_rally(&ALICE, new_rally("R", "2026-12-05 18:00"))
        .await
        .unwrap()
        .view
        .rally
        .id;
    assert_eq!(
        user_err(f.service.rsvp(&BOB, id, RsvpChoice::Going).await),
        UserError::RallyNotFound { id }
    );
    assert!(matches!(
        user_err(f.service.rsvp(&ALICE, id, RsvpChoice::Going).await),
        UserError::WrongStatus { .. }
    ));
}

#[tokio::test]
async fn lists_are_soonest_first_and_drop_past_rallies() {
    let f = fixture().await;
    let later = approved(&f, "Later", "2026-12-10 12:00").await;
    let sooner = approved(&f, "Sooner", "2026-11-29 12:00").await;
    let ids: Vec<i64> = f
        .service
        .list_upcoming(&BOB)
        .await
        .unwrap()
        .iter()
        .map(|v| v.rally.id)
        .collect();
    assert_eq!(ids, vec![sooner, later]);
    f.service
        .rsvp(&BOB, sooner, RsvpChoice::Going)
        .await
        .unwrap();
    f.service
        .rsvp(&BOB, later, RsvpChoice::Interested)
        .await
        .unwrap();
    assert_eq!(f.service.my_rsvps(&BOB).await.unwrap().len(), 2);
    assert_eq!(f.service.my_rallies(&ALICE).await.unwrap().len(), 2);
    f.clock.advance(Duration::days(3));
    let ids: Vec<i64> = f
        .service
        .list_upcoming(&BOB)
        .await
        .unwrap()
        .iter()
        .map(|v| v.rally.id)
        .collect();
    assert_eq!(ids, vec![later]);
    let mine = f.service.my_rsvps(&BOB).await.unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].my_rsvp, Some(RsvpStatus::Interested));
    // Nothing of server 100 shows in server 200.
    assert!(f
        .service
        .list_upcoming(&ALICE_ELSEWHERE)
        .await
        .unwrap()
        .is_empty());
    assert!(f
        .service
        .my_rallies(&ALICE_ELSEWHERE)
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn settings_are_for_moderators_of_that_server() {
    let f = fixture().await;
    let change = SettingsChange {
        require_approval: Some(false),
        ..Default::default()
    };
    assert!(matches!(
        user_err(f.service.update_settings(&ALICE, change.clone()).await),
        UserError::ModeratorsOnly { .. }
    ));
    assert!(f.service.settings(&MOD).await.unwrap().require_approval);
    f.service.update_settings(&OTHER_MOD, change).await.unwrap();
    assert!(
        f.service.settings(&MOD).await.unwrap().require_approval,
        "another server's change must not leak"
    );
    assert!(
        !f.service
            .settings(&OTHER_MOD)
            .await
            .unwrap()
            .require_approval
    );
}
