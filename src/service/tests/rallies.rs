//! Creating, editing, moderating and answering rallies.
use chrono::{Duration, TimeZone, Utc};

use super::*;
use crate::domain::{RallyStatus, RsvpChoice, RsvpStatus};
use crate::error::UserError;
use crate::service::{NewRally, RallyEdit, SettingsChange};

#[tokio::test]
async fn a_new_rally_waits_for_approval_by_default() {
    let f = fixture().await;
    let created = f
        .service
        .create_rally(
            &ALICE,
            new_rally("Keep Families Together", "2026-12-05 18:00"),
        )
        .await
        .unwrap();
    let r = &created.view.rally;
    assert_eq!(r.status, RallyStatus::Pending);
    assert_eq!(r.organiser_id, ALICE.user_id);
    assert_eq!(r.time_zone, chrono_tz::America::Chicago);
    // 18:00 CST is 00:00 UTC the next day.
    assert_eq!(
        r.starts_at,
        Utc.with_ymd_and_hms(2026, 12, 6, 0, 0, 0).unwrap()
    );
    assert!(f.service.list_upcoming(&BOB).await.unwrap().is_empty());
    assert_eq!(
        user_err(f.service.show_rally(&BOB, r.id).await),
        UserError::RallyNotFound { id: r.id }
    );
    assert_eq!(
        f.service.show_rally(&ALICE, r.id).await.unwrap().rally.id,
        r.id
    );
    assert_eq!(f.service.pending_queue(&MOD).await.unwrap().len(), 1);
}

#[tokio::test]
async fn without_required_approval_a_rally_is_listed_at_once() {
    let f = fixture().await;
    f.service
        .update_settings(
            &MOD,
            SettingsChange {
                require_approval: Some(false),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let created = f
        .service
        .create_rally(&ALICE, new_rally("Open", "2026-12-05 18:00"))
        .await
        .unwrap();
    assert_eq!(created.view.rally.status, RallyStatus::Approved);
    assert_eq!(f.service.list_upcoming(&BOB).await.unwrap().len(), 1);
    // The setting belongs to its server only.
    let elsewhere = f
        .service
        .create_rally(&ALICE_ELSEWHERE, new_rally("Else", "2026-12-05 18:00"))
        .await
        .unwrap();
    assert_eq!(elsewhere.view.rally.status, RallyStatus::Pending);
}

#[tokio::test]
async fn bad_input_is_refused_and_nothing_is_stored() {
    let f = fixture().await;
    let long = "x".repeat(101);
    type Expected = fn(&UserError) -> bool;
    let cases: Vec<(NewRally, Expected)> = vec![
        (new_rally("   ", "2026-12-05 18:00"), |e| {
            *e == UserError::TitleEmpty
        }),
        (new_rally(&long, "2026-12-05 18:00"), |e| {
            *e == UserError::TitleTooLong { len: 101 }
        }),
        (new_rally("Past", "2026-11-27 18:00"), |e| {
            matches!(e, UserError::StartInPast { .. })
        }),
        (new_rally("Yesterday", "yesterday 6pm"), |e| {
            matches!(e, UserError::StartInPast { .. })
        }),
        (new_rally("Far", "2029-01-05 18:00"), |e| {
            matches!(e, UserError::StartTooFar { .. })
        }),
        // 2:30 AM on 2027-03-14 does not exist in Chicago: clocks jump from 2:00 to 3:00.
        (new_rally("Gap", "2027-03-14 02:30"), |e| {
            matches!(e, UserError::Time(_)) && e.to_string().contains("2:00 AM")
        }),
        (new_rally("Nonsense", "blurple o'clock"), |e| {
            matches!(e, UserError::Time(_))
        }),
        (
            NewRally {
                details: Some("d".repeat(1001)),
                ..new_rally("D", "2026-12-05 18:00")
            },
            |e| *e == UserError::DetailsTooLong { len: 1001 },
        ),
        (
            NewRally {
                address: Some("a".repeat(201)),
                ..new_rally("A", "2026-12-05 18:00")
            },
            |e| *e == UserError::AddressTooLong { len: 201 },
        ),
        (
            NewRally {
                ends: Some("2026-12-05 17:00".into()),
                ..new_rally("E", "2026-12-05 18:00")
            },
            |e| matches!(e, UserError::EndNotAfterStart { .. }),
        ),
        (
            NewRally {
                place: "95,10".into(),
                ..new_rally("P", "2026-12-05 18:00")
            },
            |e| matches!(e, UserError::Place(_)) && e.to_string().contains("outside -90..90"),
        ),
        (
            NewRally {
                tz: Some("Mars/Olympus".into()),
                ..new_rally("Z", "2026-12-05 18:00")
            },
            |e| {
                *e == UserError::UnknownTimeZone {
                    input: "Mars/Olympus".into(),
                }
            },
        ),
        (new_rally("Bell\u{7}", "2026-12-05 18:00"), |e| {
            *e == UserError::ControlCharacters {
                field: crate::error::Field::Title,
            }
        }),
    ];
    for (input, expected) in cases {
        let title = input.title.clone();
        let err = user_err(f.service.create_rally(&ALICE, input).await);
        assert!(expected(&err), "{title}: unexpected error {err:?}");
        assert!(!err.to_string().is_empty());
    }
    assert_eq!(
        rally_count(&f).await,
        0,
        "a refused rally must not be stored"
    );
}

#[tokio::test]
async fn an_end_time_is_read_on_the_rally_day() {
    let f = fixture().await;
    let input = NewRally {
        ends: Some("8pm".into()),
        ..new_rally("Evening", "2026-12-05 18:00")
    };
    let r = f
        .service
        .create_rally(&ALICE, input)
        .await
        .unwrap()
        .view
        .rally;
    assert_eq!(
        r.ends_at,
        Some(Utc.with_ymd_and_hms(2026, 12, 6, 2, 0, 0).unwrap())
    );
}

#[tokio::test]
async fn mass_mentions_are_stored_verbatim() {
    let f = fixture().await;
    let r = f
        .service
        .create_rally(
            &ALICE,
            new_rally("@everyone <@&123> rally", "2026-12-05 18:00"),
        )
        .await
        .unwrap();
    assert_eq!(r.view.rally.title, "@everyone <@&123> rally");
}

#[tokio::test]
async fn only_moderators_approve_or_reject() {
    let f = fixture().await;
    let id = f
        .service
        .create_rally(&ALICE, new_rally("R", "2026-12-05 18:00"))
        .await
        .unwrap()
        .view
        .rally
        .id;
    assert!(matches!(
        user_err(f.service.approve_rally(&ALICE, id).await),
        UserError::ModeratorsOnly { .. }
    ));
    assert!(matches!(
        user_err(f.service.reject_rally(&BOB, id, None).await),
        UserError::ModeratorsOnly { .. }
    ));
    assert!(matches!(
        user_err(f.service.pending_queue(&BOB).await),
        UserError::ModeratorsOnly { .. }
    ));
    // A moderator of another server can't even see it.
    assert_eq!(
        user_err(f.service.approve_rally(&OTHER_MOD, id).await),
        UserError::RallyNotFound { id }
    );
    assert!(f
        .service
        .pending_queue(&OTHER_MOD)
        .await
        .unwrap()
        .is_empty());
    assert_eq!(
        f.service.show_rally(&MOD, id).await.unwrap().rally.status,
        RallyStatus::Pending
    );

    f.service.approve_rally(&MOD, id).await.unwrap();
    assert!(matches!(
        user_err(f.service.approve_rally(&MOD, id).await),
        UserError::WrongStatus {
            status: RallyStatus::Approved,
            ..
        }
    ));
    assert!(matches!(
        user_err(f.service.reject_rally(&MOD, id, None).await),
        UserError::WrongStatus { .. }
    ));
}

#[tokio::test]
async fn a_rejected_rally_keeps_its_reason_and_is_hidden() {
    let f = fixture().await;
    let id = f
        .service
        .create_rally(&ALICE, new_rally("R", "2026-12-05 18:00"))
        .await
        .unwrap()
        .view
        .rally
        .id;
    let v = f
        .service
        .reject_rally(&MOD, id, Some("  Duplicate of #4 "))
        .await
        .unwrap();
    assert_eq!(v.rally.status, RallyStatus::Rejected);
    assert_eq!(v.rally.status_reason.as_deref(), Some("Duplicate of #4"));
    assert_eq!(
        user_err(f.service.show_rally(&BOB, id).await),
        UserError::RallyNotFound { id }
    );
    assert_eq!(
        f.service.show_rally(&ALICE, id).await.unwrap().rally.status,
        RallyStatus::Rejected
    );
}

#[tokio::test]
async fn a_rally_that_already_started_cannot_be_approved() {
    let f = fixture().await;
    let id = f
        .service
        .create_rally(&ALICE, new_rally("R", "2026-11-28 08:00"))
        .await
        .unwrap()
        .view
        .rally
        .id;
    f.clock.advance(Duration::hours(3));
    assert!(matches!(
        user_err(f.service.approve_rally(&MOD, id).await),
        UserError::AlreadyStarted { .. }
    ));
}

#[tokio::test]
async fn only_the_organiser_or_a_moderator_edits() {
    let f = fixture().await;
    let id = approved(&f, "Original", "2026-12-05 18:00").await;
    let edit = RallyEdit {
        title: Some("Hijacked".into()),
        ..Default::default()
    };
    assert!(matches!(
        user_err(f.service.edit_rally(&BOB, id, edit.clone()).await),
        UserError::NotOrganiserOrModerator { .. }
    ));
    assert_eq!(
        user_err(f.service.edit_rally(&OTHER_MOD, id, edit.clone()).await),
        UserError::RallyNotFound { id }
    );
    assert_eq!(
        user_err(
            f.service
                .edit_rally(&ALICE_ELSEWHERE, id, edit.clone())
                .await
        ),
        UserError::RallyNotFound { id }
    );
    assert_eq!(
        f.service.show_rally(&BOB, id).await.unwrap().rally.title,
        "Original"
    );

    let edited = f
        .service
        .edit_rally(
            &MOD,
            id,
            RallyEdit {
                title: Some("Moderated".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(edited.changes.len(), 1);
    assert_eq!(
        (
            edited.changes[0].before.as_str(),
            edited.changes[0].after.as_str()
        ),
        ("Original", "Moderated")
    );
    let edited = f
        .service
        .edit_rally(
            &ALICE,
            id,
            RallyEdit {
                when: Some("2026-12-06 18:00".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(
        edited.view.rally.starts_at,
        Utc.with_ymd_and_hms(2026, 12, 7, 0, 0, 0).unwrap()
    );
    assert_eq!(edited.changes[0].field, "start");
    assert!(
        edited.changes[0].before.contains("December 5"),
        "{:?}",
        edited.changes
    );
    assert!(
        edited.changes[0].after.contains("December 6"),
        "{:?}",
        edited.changes
    );
}

#[tokio::test]
async fn a_bad_edit_changes_nothing() {
    let f = fixture().await;
    let id = approved(&f, "Original", "2026-12-05 18:00").await;
    let before = f.service.show_rally(&ALICE, id).await.unwrap();
    for edit in [
        RallyEdit {
            title: Some("New".into()),
            when: Some("2026-11-01 10:00".into()),
            ..Default::default()
        },
        RallyEdit {
            title: Some("New".into()),
            address: Some("x".repeat(300)),
            ..Default::default()
        },
        RallyEdit::default(),
        RallyEdit {
            title: Some("Original".into()),
            ..Default::default()
        },
    ] {
        user_err(f.service.edit_rally(&ALICE, id, edit).await);
    }
    assert_eq!(f.service.show_rally(&ALICE, id).await.unwrap(), before);
}

#[tokio::test]
async fn moving_the_start_moves_the_end_with_it() {
    let f = fixture().await;
    let input = NewRally {
        ends: Some("2026-12-05 20:00".into()),
        ..new_rally("R", "2026-12-05 18:00")
    };
    let id = f
        .service
        .create_rally(&ALICE, input)
        .await
        .unwrap()
        .view
        .rally
        .id;
    let edited = f
        .service
        .edit_rally(
            &ALICE,
            id,
            RallyEdit {
                when: Some("2026-12-05 21:00".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let r = edited.view.rally;
    assert_eq!(r.ends_at.unwrap() - r.starts_at, Duration::hours(2));
}

#[tokio::test]
async fn cancelling_keeps_the_rally_visible_with_its_reason() {
    let f = fixture().await;
    let id = approved(&f, "R", "2026-12-05 18:00").await;
    assert!(matches!(
        user_err(f.service.cancel_rally(&BOB, id, None).await),
        UserError::NotOrganiserOrModerator { .. }
    ));
    assert_eq!(
        user_err(f.service.cancel_rally(&OTHER_MOD, id, None).await),
        UserError::RallyNotFound { id }
    );
    f.service.rsvp(&BOB, id, RsvpChoice::Going).await.unwrap();
    let v = f
        .service
        .cancel_rally(&ALICE, id, Some("Storm"))
        .await
        .unwrap();
    assert_eq!(v.rally.status, RallyStatus::Cancelled);
    assert_eq!(v.rally.status_reason.as_deref(), Some("Storm"));
    // Bob still sees what happened to the rally he planned to attend.
    let seen = f.service.show_rally(&BOB, id).await.unwrap();
    assert_eq!(seen.rally.status, RallyStatus::Cancelled);
    assert_eq!(seen.my_rsvp, Some(RsvpStatus::Going));
    assert!(f.service.list_upcoming(&BOB).await.unwrap().is_empty());
    assert!(matches!(
        user_err(f.service.cancel_rally(&MOD, id, None).await),
        UserError::WrongStatus { .. }
    ));
    assert!(matches!(
        user_err(f.service.rsvp(&BOB, id, RsvpChoice::Going).await),
        UserError::WrongStatus { .. }
    ));
    assert!(matches!(
        user_err(
            f.service
                .edit_rally(
                    &ALICE,
                    id,
                    RallyEdit {
                        title: Some("x".into()),
                        ..Default::default()
                    }
                )
                .await
        ),
        UserError::WrongStatus { .. }
    ));
}

#[tokio::test]
async fn times_typed_in_spanish_are_read_in_spanish() {
    let f = fixture().await;
    let spanish = |title: &str, when: &str| NewRally {
        typed_in: when::Lang::Es,
        ..new_rally(title, when)
    };
    // Saturday 28 November, 6 AM in Austin.
    let tomorrow = f
        .service
        .create_rally(&ALICE, spanish("Mañana", "mañana 18:00"))
        .await
        .unwrap();
    assert_eq!(
        tomorrow.view.rally.starts_at,
        Utc.with_ymd_and_hms(2026, 11, 30, 0, 0, 0).unwrap()
    );
    // Day first: 30 June, in summer time.
    let june = f
        .service
        .create_rally(&ALICE, spanish("Junio", "30/6 18:00"))
        .await
        .unwrap();
    assert_eq!(
        june.view.rally.starts_at,
        Utc.with_ymd_and_hms(2027, 6, 30, 23, 0, 0).unwrap()
    );
    // The spring-forward gap is refused, in Spanish.
    let gap = user_err(
        f.service
            .create_rally(&ALICE, spanish("Hueco", "14/3/2027 2:30"))
            .await,
    );
    let UserError::Time(reading) = &gap else {
        panic!("not a time error: {gap:?}");
    };
    let message = crate::text::user_error(&gap, &crate::text::Plain, crate::i18n::Lang::Es);
    assert!(message.contains("no existe"), "{message}");
    assert_eq!(message, reading.message(crate::i18n::Lang::Es));
    // The same words typed in English are not Spanish.
    let english = user_err(
        f.service
            .create_rally(&ALICE, new_rally("English", "30/6 18:00"))
            .await,
    );
    assert!(matches!(english, UserError::Time(_)), "{english:?}");
    // An edit's time is read in the editor's language.
    let id = tomorrow.view.rally.id;
    let edited = f
        .service
        .edit_rally(
            &ALICE,
            id,
            RallyEdit {
                when: Some("pasado mañana a las 6 de la tarde".into()),
                typed_in: when::Lang::Es,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(
        edited.view.rally.starts_at,
        Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap()
    );
}
