//! Nearby search: distance order, radius, units, time window, antimeridian and server scope.
use chrono::Duration;

use super::*;
use crate::domain::DistanceUnit;
use crate::service::{NearQuery, RallyEdit, SettingsChange};

/// An approved rally at `place`, created by a moderator so it is listed at once.
async fn at(f: &Fixture, actor: &Actor, title: &str, place: &str, when: &str) -> i64 {
    let mod_actor = Actor {
        is_moderator: true,
        ..*actor
    };
    let new = NewRally {
        title: title.into(),
        place: place.into(),
        when: when.into(),
        ..Default::default()
    };
    f.service
        .create_rally(&mod_actor, new)
        .await
        .unwrap()
        .view
        .rally
        .id
}

fn query(place: &str, radius: f64) -> NearQuery {
    NearQuery {
        place: place.into(),
        radius: Some(radius),
        ..Default::default()
    }
}

async fn near_titles(f: &Fixture, actor: &Actor, q: NearQuery) -> Vec<(String, f64)> {
    let result = f.service.near(actor, q).await.unwrap();
    result
        .rallies
        .into_iter()
        .map(|(v, d)| (v.rally.title, d))
        .collect()
}

#[tokio::test]
async fn nearest_first_then_soonest_within_the_radius() {
    let f = fixture().await;
    at(&f, &MOD, "Dallas", "Dallas, TX", "2026-12-05 12:00").await;
    at(&f, &MOD, "Austin later", "Austin, TX", "2026-12-09 12:00").await;
    at(&f, &MOD, "Austin sooner", "Austin, TX", "2026-12-02 12:00").await;
    at(&f, &MOD, "Round Rock", "Round Rock, TX", "2026-12-01 12:00").await;
    at(
        &f,
        &MOD,
        "San Antonio",
        "San Antonio, TX",
        "2026-12-01 12:00",
    )
    .await;
    let got = near_titles(&f, &BOB, query("78701", 50.0)).await;
    let titles: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(titles, ["Austin sooner", "Austin later", "Round Rock"]);
    assert!(
        got[0].1 < 1.0 && (15.0..20.0).contains(&got[2].1),
        "{got:?}"
    );
    let wide = near_titles(&f, &BOB, query("Austin, TX", 150.0)).await;
    assert_eq!(
        wide.len(),
        4,
        "San Antonio (~74 mi) joins at 150 mi: {wide:?}"
    );
    assert_eq!(wide[3].0, "San Antonio");
    let all = near_titles(&f, &BOB, query("Austin, TX", 250.0)).await;
    assert_eq!(all.last().unwrap().0, "Dallas", "{all:?}");
    let distances: Vec<f64> = all.iter().map(|(_, d)| *d).collect();
    assert!(distances.windows(2).all(|w| w[0] <= w[1]), "{distances:?}");
}

#[tokio::test]
async fn the_limit_keeps_the_nearest() {
    let f = fixture().await;
    for (i, place) in [
        "Austin, TX",
        "Round Rock, TX",
        "Georgetown, TX",
        "San Marcos, TX",
        "Waco, TX",
    ]
    .iter()
    .enumerate()
    {
        at(&f, &MOD, &format!("R{i}"), place, "2026-12-05 12:00").await;
    }
    let q = NearQuery {
        limit: Some(2),
        ..query("Austin, TX", 200.0)
    };
    let r = f.service.near(&BOB, q).await.unwrap();
    let titles: Vec<&str> = r
        .rallies
        .iter()
        .map(|(v, _)| v.rally.title.as_str())
        .collect();
    assert_eq!(titles, ["R0", "R1"]);
    assert!(r.more);
}

#[tokio::test]
async fn kilometres_by_option_or_server_setting() {
    let f = fixture().await;
    at(&f, &MOD, "Round Rock", "Round Rock, TX", "2026-12-05 12:00").await;
    // Round Rock is about 27 km (17 mi) from downtown Austin.
    assert!(near_titles(
        &f,
        &BOB,
        NearQuery {
            unit: Some(DistanceUnit::Kilometres),
            ..query("Austin, TX", 20.0)
        }
    )
    .await
    .is_empty());
    let km = near_titles(
        &f,
        &BOB,
        NearQuery {
            unit: Some(DistanceUnit::Kilometres),
            ..query("Austin, TX", 30.0)
        },
    )
    .await;
    assert!((25.0..30.0).contains(&km[0].1), "{km:?}");
    f.service
        .update_settings(
            &MOD,
            SettingsChange {
                distance_unit: Some(DistanceUnit::Kilometres),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let r = f
        .service
        .near(&BOB, query("Austin, TX", 30.0))
        .await
        .unwrap();
    assert_eq!(r.unit, DistanceUnit::Kilometres);
    assert_eq!(r.rallies.len(), 1);
}

#[tokio::test]
async fn only_approved_upcoming_rallies_of_this_server() {
    let f = fixture().await;
    let pending = f
        .service
        .create_rally(
            &ALICE,
            NewRally {
                title: "Pending".into(),
                place: "Austin, TX".into(),
                when: "2026-12-05 12:00".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .view
        .rally
        .id;
    let cancelled = at(&f, &MOD, "Cancelled", "Austin, TX", "2026-12-05 12:00").await;
    f.service.cancel_rally(&MOD, cancelled, None).await.unwrap();
    at(&f, &MOD, "Soon over", "Austin, TX", "2026-11-29 12:00").await;
    at(
        &f,
        &ALICE_ELSEWHERE,
        "Other server",
        "Austin, TX",
        "2026-12-05 12:00",
    )
    .await;
    at(&f, &MOD, "Listed", "Austin, TX", "2026-12-05 12:00").await;
    let titles: Vec<String> = near_titles(&f, &BOB, query("Austin, TX", 10.0))
        .await
        .into_iter()
        .map(|t| t.0)
        .collect();
    assert_eq!(titles, ["Soon over", "Listed"]);
    f.clock.advance(Duration::days(2));
    let titles: Vec<String> = near_titles(&f, &BOB, query("Austin, TX", 10.0))
        .await
        .into_iter()
        .map(|t| t.0)
        .collect();
    assert_eq!(titles, ["Listed"], "a past rally drops out");
    // Approval puts a rally into the index.
    f.service.approve_rally(&MOD, pending).await.unwrap();
    assert_eq!(
        near_titles(&f, &BOB, query("Austin, TX", 10.0)).await.len(),
        2
    );
    let other: Vec<String> = near_titles(&f, &ALICE_ELSEWHERE, query("Austin, TX", 10.0))
        .await
        .into_iter()
        .map(|t| t.0)
        .collect();
    assert_eq!(other, ["Other server"]);
}

#[tokio::test]
async fn a_moved_rally_is_found_at_its_new_place() {
    let f = fixture().await;
    let id = at(&f, &MOD, "Moving", "Austin, TX", "2026-12-05 12:00").await;
    f.service
        .edit_rally(
            &MOD,
            id,
            RallyEdit {
                place: Some("Boston, MA".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(near_titles(&f, &BOB, query("Austin, TX", 50.0))
        .await
        .is_empty());
    assert_eq!(near_titles(&f, &BOB, query("02108", 10.0)).await.len(), 1);
}

#[tokio::test]
async fn a_time_window_limits_how_far_ahead() {
    let f = fixture().await;
    at(&f, &MOD, "This week", "Austin, TX", "2026-12-02 12:00").await;
    at(&f, &MOD, "Next month", "Austin, TX", "2026-12-30 12:00").await;
    let q = NearQuery {
        days: Some(7),
        ..query("Austin, TX", 10.0)
    };
    let titles: Vec<String> = near_titles(&f, &BOB, q)
        .await
        .into_iter()
        .map(|t| t.0)
        .collect();
    assert_eq!(titles, ["This week"]);
}

#[tokio::test]
async fn searches_work_across_the_antimeridian() {
    let f = fixture().await;
    // Taveuni, Fiji lies at about 179.9 E; a point at 179.9 W is ~25 km east of it.
    at(
        &f,
        &MOD,
        "East of the line",
        "-16.85,-179.95",
        "2026-12-05 12:00",
    )
    .await;
    at(
        &f,
        &MOD,
        "West of the line",
        "-16.85,179.95",
        "2026-12-05 12:00",
    )
    .await;
    let from_west = near_titles(
        &f,
        &BOB,
        NearQuery {
            unit: Some(DistanceUnit::Kilometres),
            ..query("-16.85,179.99", 20.0)
        },
    )
    .await;
    assert_eq!(from_west.len(), 2, "{from_west:?}");
    assert_eq!(from_west[0].0, "West of the line");
    let from_east = near_titles(
        &f,
        &BOB,
        NearQuery {
            unit: Some(DistanceUnit::Kilometres),
            ..query("-16.85,-179.99", 20.0)
        },
    )
    .await;
    assert_eq!(from_east[0].0, "East of the line", "{from_east:?}");
    assert_eq!(from_east.len(), 2);
}

#[tokio::test]
async fn searches_work_near_the_poles() {
    let f = fixture().await;
    at(&f, &MOD, "Across the pole", "89.9,10", "2026-12-05 12:00").await;
    let got = near_titles(
        &f,
        &BOB,
        NearQuery {
            unit: Some(DistanceUnit::Kilometres),
            ..query("89.9,-170", 50.0)
        },
    )
    .await;
    assert_eq!(got.len(), 1, "22 km apart over the pole: {got:?}");
    assert!((got[0].1 - 22.2).abs() < 0.5, "{got:?}");
}

#[tokio::test]
async fn bad_queries_say_what_to_fix() {
    let f = fixture().await;
    for radius in [0.0, -5.0, 501.0, f64::NAN] {
        let err = user_err(f.service.near(&BOB, query("Austin, TX", radius)).await);
        assert!(
            matches!(
                err,
                UserError::BadOption {
                    option: "radius",
                    ..
                }
            ),
            "{radius}: {err:?}"
        );
    }
    let km = NearQuery {
        unit: Some(DistanceUnit::Kilometres),
        ..query("Austin, TX", 3000.0)
    };
    let err = user_err(f.service.near(&BOB, km).await);
    assert!(err.to_string().contains("at most 500 km"), "{err}");
    let err = user_err(f.service.near(&BOB, query("Austin, TX", 501.0)).await);
    assert!(err.to_string().contains("at most 500 miles"), "{err}");
    let err = user_err(
        f.service
            .near(&BOB, query("Atlantis Under The Sea", 10.0))
            .await,
    );
    assert!(
        matches!(err, UserError::Place(_)) && err.to_string().contains("Atlantis"),
        "{err:?}"
    );
}

#[tokio::test]
async fn results_carry_rsvp_counts_and_the_askers_own_answer() {
    use crate::domain::{RsvpChoice, RsvpStatus};
    let f = fixture().await;
    let near = at(&f, &MOD, "Near", "Austin, TX", "2026-12-02 12:00").await;
    let far = at(&f, &MOD, "Far", "Round Rock, TX", "2026-12-02 12:00").await;
    f.service
        .rsvp(&ALICE, near, RsvpChoice::Going)
        .await
        .unwrap();
    f.service.rsvp(&BOB, near, RsvpChoice::Going).await.unwrap();
    f.service
        .rsvp(&BOB, far, RsvpChoice::Interested)
        .await
        .unwrap();
    let seen = |actor: Actor| {
        let f = &f;
        async move {
            f.service
                .near(&actor, query("Austin, TX", 50.0))
                .await
                .unwrap()
                .rallies
                .into_iter()
                .map(|(v, _)| (v.rally.id, v.counts.going, v.counts.interested, v.my_rsvp))
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(
        seen(ALICE).await,
        vec![(near, 2, 0, Some(RsvpStatus::Going)), (far, 0, 1, None)]
    );
    assert_eq!(
        seen(BOB).await,
        vec![
            (near, 2, 0, Some(RsvpStatus::Going)),
            (far, 0, 1, Some(RsvpStatus::Interested))
        ]
    );
}
