//! The permission matrix: member, organiser, moderator and a moderator of another server,
//! against approve, reject, edit, cancel, announce and settings. Each refusal is a clear user
//! error and changes nothing in the database.
use super::*;
use crate::domain::{RallyAction, RsvpChoice};
use crate::service::{RallyEdit, SettingsChange};

#[derive(Debug, Clone, Copy, PartialEq)]
enum Who {
    Member,
    Organiser,
    Moderator,
    OtherModerator,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Action {
    Approve,
    Reject,
    Edit,
    Cancel,
    Announce,
    Settings,
}

fn actor(who: Who) -> Actor {
    match who {
        Who::Member => BOB,
        Who::Organiser => ALICE,
        Who::Moderator => MOD,
        Who::OtherModerator => OTHER_MOD,
    }
}

/// Everything a refused action might have touched, as text.
async fn snapshot(f: &Fixture) -> String {
    let pool = f.service.store().pool();
    let mut out = String::new();
    for query in [
        "SELECT group_concat(id || '|' || title || '|' || status || '|' || starts_at || '|'
             || place_name || '|' || COALESCE(status_reason, '') || '|' || updated_at, ';')
         FROM rallies",
        "SELECT group_concat(id || '|' || require_approval || '|' || distance_unit || '|'
             || reminder_offsets || '|' || daily_limit || '|'
             || COALESCE(announcement_channel_id, '') || '|' || updated_at, ';') FROM servers",
        "SELECT group_concat(rally_id || '|' || user_id || '|' || status, ';') FROM rsvps",
        "SELECT COUNT(*) || '/' || COALESCE(MAX(id), 0) FROM audit_log",
        "SELECT group_concat(id || '|' || kind || '|' || status || '|' || due_at || '|'
             || COALESCE(payload, ''), ';') FROM outbox",
        "SELECT CAST(COUNT(*) AS TEXT) FROM rally_cards",
    ] {
        let row: Option<String> = sqlx::query_scalar(query).fetch_one(pool).await.unwrap();
        out.push_str(&row.unwrap_or_default());
        out.push('\n');
    }
    out
}

/// A rally organised by Alice: pending for approve and reject, approved (with Bob going)
/// for the rest.
async fn setup(action: Action) -> (Fixture, i64) {
    let f = fixture().await;
    let id = f
        .service
        .create_rally(&ALICE, new_rally("March", "2026-12-05 18:00"))
        .await
        .unwrap()
        .view
        .rally
        .id;
    if !matches!(action, Action::Approve | Action::Reject) {
        f.service.approve_rally(&MOD, id).await.unwrap();
        f.service.rsvp(&BOB, id, RsvpChoice::Going).await.unwrap();
    }
    (f, id)
}

async fn run(f: &Fixture, who: Who, action: Action, id: i64) -> Result<(), Error> {
    let a = actor(who);
    let s = &f.service;
    match action {
        Action::Approve => s.approve_rally(&a, id).await.map(drop),
        Action::Reject => s.reject_rally(&a, id, Some("no")).await.map(drop),
        Action::Edit => {
            let edit = RallyEdit {
                when: Some("2026-12-06 18:00".into()),
                ..Default::default()
            };
            s.edit_rally(&a, id, edit).await.map(drop)
        }
        Action::Cancel => s.cancel_rally(&a, id, None).await.map(drop),
        Action::Announce => s
            .plan_announcement(&a, id, None, None, Some(1))
            .await
            .map(drop),
        Action::Settings => {
            let change = SettingsChange {
                daily_limit: Some(2),
                ..Default::default()
            };
            s.update_settings(&a, change).await.map(drop)
        }
    }
}

fn allowed(who: Who, action: Action) -> bool {
    match action {
        Action::Edit | Action::Cancel => matches!(who, Who::Organiser | Who::Moderator),
        // Another server's moderator changes their own server's settings, not this one's.
        Action::Settings => matches!(who, Who::Moderator | Who::OtherModerator),
        _ => who == Who::Moderator,
    }
}

#[tokio::test]
async fn permission_matrix() {
    use Action::*;
    use Who::*;
    for action in [Approve, Reject, Edit, Cancel, Announce, Settings] {
        for who in [Member, Organiser, Moderator, OtherModerator] {
            let (f, id) = setup(action).await;
            let before = snapshot(&f).await;
            let result = run(&f, who, action, id).await;
            let cell = format!("{who:?} × {action:?}");
            if allowed(who, action) {
                assert!(result.is_ok(), "{cell}: {result:?}");
                if action == Settings {
                    let mine = f.service.settings(&actor(who)).await.unwrap();
                    assert_eq!(mine.daily_limit, 2, "{cell}");
                    let here = f.service.settings(&MOD).await.unwrap();
                    assert_eq!(
                        here.daily_limit,
                        if who == Moderator { 2 } else { 5 },
                        "{cell}: nothing crosses servers"
                    );
                }
                continue;
            }
            let err = match result {
                Err(Error::User(e)) => e,
                other => panic!("{cell}: expected a clear refusal, got {other:?}"),
            };
            let expected = match (who, action) {
                (OtherModerator, _) => UserError::RallyNotFound { id },
                (_, Edit) => UserError::NotOrganiserOrModerator {
                    id,
                    action: RallyAction::Edit,
                },
                (_, Cancel) => UserError::NotOrganiserOrModerator {
                    id,
                    action: RallyAction::Cancel,
                },
                (_, Approve) => UserError::ModeratorsOnly {
                    action: crate::domain::Action::ApproveRallies,
                },
                (_, Reject) => UserError::ModeratorsOnly {
                    action: crate::domain::Action::RejectRallies,
                },
                (_, Announce) => UserError::ModeratorsOnly {
                    action: crate::domain::Action::AnnounceRallies,
                },
                (_, Settings) => UserError::ModeratorsOnly {
                    action: crate::domain::Action::ChangeSettings,
                },
            };
            assert_eq!(err, expected, "{cell}");
            assert!(!err.to_string().is_empty());
            assert_eq!(snapshot(&f).await, before, "{cell}: nothing changed");
        }
    }
}
