//! Abuse limits: a daily limit, no duplicates, and a warning on clashes.
use chrono::Duration;

use super::*;
use crate::service::notes::Note;
use crate::service::SettingsChange;

fn at(title: &str, place: &str, when: &str) -> NewRally {
    NewRally {
        place: place.into(),
        ..new_rally(title, when)
    }
}

#[tokio::test]
async fn a_member_creates_at_most_the_daily_limit() {
    let f = fixture().await;
    for day in 1..=5 {
        let when = format!("2026-12-{day:02} 18:00");
        f.service
            .create_rally(&ALICE, new_rally(&format!("Rally {day}"), &when))
            .await
            .unwrap();
    }
    let sixth = f
        .service
        .create_rally(&ALICE, new_rally("Rally 6", "2026-12-06 18:00"))
        .await;
    assert_eq!(user_err(sixth), UserError::DailyLimit { limit: 5 });
    assert_eq!(rally_count(&f).await, 5, "nothing stored");
    // Others, and moderators, are not held back by Alice's count.
    f.service
        .create_rally(&BOB, new_rally("Bob's", "2026-12-06 18:00"))
        .await
        .unwrap();
    // A day later Alice may again.
    f.clock.set(f.service.now() + Duration::hours(24));
    f.service
        .create_rally(&ALICE, new_rally("Rally 6", "2026-12-06 18:00"))
        .await
        .unwrap();
}

#[tokio::test]
async fn the_daily_limit_is_a_setting_and_moderators_are_trusted() {
    let f = fixture().await;
    let change = SettingsChange {
        daily_limit: Some(1),
        ..Default::default()
    };
    f.service.update_settings(&MOD, change).await.unwrap();
    f.service
        .create_rally(&ALICE, new_rally("One", "2026-12-01 18:00"))
        .await
        .unwrap();
    let err = f
        .service
        .create_rally(&ALICE, new_rally("Two", "2026-12-02 18:00"))
        .await;
    assert_eq!(user_err(err), UserError::DailyLimit { limit: 1 });
    for day in 1..=3 {
        let when = format!("2026-12-{day:02} 12:00");
        f.service
            .create_rally(&MOD, new_rally(&format!("Mod {day}"), &when))
            .await
            .unwrap();
    }
    assert_eq!(
        f.service.settings(&MOD).await.unwrap().daily_limit,
        1,
        "stored"
    );
}

#[tokio::test]
async fn the_same_title_place_and_day_is_a_duplicate() {
    let f = fixture().await;
    let first = f
        .service
        .create_rally(
            &ALICE,
            new_rally("Keep Families Together", "2026-12-05 10:00"),
        )
        .await
        .unwrap()
        .view
        .rally
        .id;
    // Case and spacing don't make it new; a later hour the same local day doesn't either.
    let twin = f
        .service
        .create_rally(
            &BOB,
            new_rally("keep  families together", "2026-12-05 22:30"),
        )
        .await;
    assert_eq!(user_err(twin), UserError::Duplicate { id: first });
    assert_eq!(rally_count(&f).await, 1);
    // Another day, or another place, is a different rally.
    f.service
        .create_rally(
            &BOB,
            new_rally("Keep Families Together", "2026-12-06 10:00"),
        )
        .await
        .unwrap();
    f.service
        .create_rally(
            &BOB,
            at("Keep Families Together", "Dallas, TX", "2026-12-05 10:00"),
        )
        .await
        .unwrap();
    // Once the first is cancelled, the slot is free again.
    f.service.cancel_rally(&ALICE, first, None).await.unwrap();
    f.service
        .create_rally(
            &BOB,
            new_rally("Keep Families Together", "2026-12-05 10:00"),
        )
        .await
        .unwrap();
}

#[tokio::test]
async fn a_nearby_rally_at_about_the_same_time_warns_but_is_created() {
    let f = fixture().await;
    let listed = f
        .service
        .create_rally(&MOD, new_rally("Approved one", "2026-12-05 18:00"))
        .await
        .unwrap()
        .view
        .rally
        .id;
    // About a mile away, 90 minutes later.
    let close = f
        .service
        .create_rally(&ALICE, at("Mine", "30.28,-97.75", "2026-12-05 19:30"))
        .await
        .unwrap();
    let clash = close
        .notes
        .iter()
        .find_map(|n| match n {
            Note::Clash(clash) => Some(clash),
            _ => None,
        })
        .unwrap();
    assert_eq!(
        clash
            .iter()
            .map(|c| (c.rally_id, c.title.as_str()))
            .collect::<Vec<_>>(),
        [(listed, "Approved one")]
    );
    let words = crate::text::note(
        &close.notes[close.notes.len() - 1],
        &crate::text::Plain,
        crate::i18n::Lang::En,
    );
    assert!(words.starts_with("Heads-up"), "{words}");
    assert!(
        words.contains(&format!("#{listed} Approved one")),
        "{words}"
    );
    assert_eq!(rally_count(&f).await, 2);
    // The moderators see it in the queue.
    let clashes = f.service.clashes(&close.view.rally).await.unwrap();
    assert_eq!(clashes.iter().map(|r| r.id).collect::<Vec<_>>(), [listed]);

    // Three hours later, or twenty miles away, is no clash.
    for (place, when) in [
        ("30.28,-97.75", "2026-12-05 21:30"),
        ("30.56,-97.75", "2026-12-05 18:30"),
    ] {
        let far = f
            .service
            .create_rally(&BOB, at(&format!("Other {when}"), place, when))
            .await
            .unwrap();
        assert!(
            !far.notes.iter().any(|n| matches!(n, Note::Clash(_))),
            "{place} {when}: {:?}",
            far.notes
        );
    }
}

/// The clash check measures real distance, so rallies a mile apart clash across the
/// antimeridian and across the pole, where their longitudes are far apart.
#[tokio::test]
async fn nearby_rallies_clash_across_the_antimeridian_and_the_pole() {
    let f = fixture().await;
    for (listed_at, new_at) in [
        ("-16.80,179.995", "-16.80,-179.995"),
        ("89.99,0", "89.99,180"),
    ] {
        let listed = f
            .service
            .create_rally(
                &MOD,
                at(
                    &format!("Listed {listed_at}"),
                    listed_at,
                    "2026-12-05 18:00",
                ),
            )
            .await
            .unwrap()
            .view
            .rally;
        let new = f
            .service
            .create_rally(
                &ALICE,
                at(&format!("New {new_at}"), new_at, "2026-12-05 18:30"),
            )
            .await
            .unwrap();
        // Both take their time zone from the same nearest place, so 30 minutes apart.
        assert_eq!(new.view.rally.time_zone, listed.time_zone);
        let clashes = f.service.clashes(&new.view.rally).await.unwrap();
        assert_eq!(
            clashes.iter().map(|r| r.id).collect::<Vec<_>>(),
            [listed.id],
            "{new_at} should clash with {listed_at}"
        );
        assert!(
            new.notes.iter().any(|n| matches!(n, Note::Clash(_))),
            "{:?}",
            new.notes
        );
    }
}
