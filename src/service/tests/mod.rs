//! Service tests, each against a fresh migrated in-memory SQLite database.
mod abuse;
mod audit;
mod campaigns;
mod changes;
mod coalitions;
mod import;
mod languages;
mod matrix;
mod matrix3;
mod near;
mod ordering;
mod privacy;
mod rallies;
mod reminders;
mod rsvps;
mod settings;
use std::sync::Arc;

use chrono::{TimeZone, Utc};

use super::{ManualClock, NewRally, Service};
use crate::domain::Actor;
use crate::error::{Error, UserError};
use crate::store::Store;

pub(super) const SERVER: i64 = 100;
pub(super) const OTHER: i64 = 200;
pub(super) const ALICE: Actor = Actor {
    user_id: 1,
    server_id: SERVER,
    is_moderator: false,
};
pub(super) const BOB: Actor = Actor {
    user_id: 2,
    server_id: SERVER,
    is_moderator: false,
};
pub(super) const MOD: Actor = Actor {
    user_id: 3,
    server_id: SERVER,
    is_moderator: true,
};
pub(super) const OTHER_MOD: Actor = Actor {
    user_id: 4,
    server_id: OTHER,
    is_moderator: true,
};
/// Alice, acting from another server.
pub(super) const ALICE_ELSEWHERE: Actor = Actor {
    user_id: 1,
    server_id: OTHER,
    is_moderator: false,
};

pub(super) struct Fixture {
    pub(super) service: Service,
    pub(super) clock: Arc<ManualClock>,
}

pub(super) async fn fixture() -> Fixture {
    let store = Store::open_in_memory().await.unwrap();
    let clock = Arc::new(ManualClock::new(
        Utc.with_ymd_and_hms(2026, 11, 28, 12, 0, 0).unwrap(),
    ));
    Fixture {
        service: Service::new(store, clock.clone()),
        clock,
    }
}

pub(super) fn new_rally(title: &str, when: &str) -> NewRally {
    NewRally {
        title: title.into(),
        place: "30.2672,-97.7431".into(),
        tz: Some("America/Chicago".into()),
        when: when.into(),
        ..Default::default()
    }
}

pub(super) fn user_err(result: Result<impl std::fmt::Debug, Error>) -> UserError {
    match result {
        Err(Error::User(e)) => e,
        other => panic!("expected a user error, got {other:?}"),
    }
}

pub(super) async fn rally_count(f: &Fixture) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM rallies")
        .fetch_one(f.service.store().pool())
        .await
        .unwrap()
}

/// A rally created by Alice and approved by the moderator.
pub(super) async fn approved(f: &Fixture, title: &str, when: &str) -> i64 {
    let id = f
        .service
        .create_rally(&ALICE, new_rally(title, when))
        .await
        .unwrap()
        .view
        .rally
        .id;
    f.service.approve_rally(&MOD, id).await.unwrap();
    id
}
