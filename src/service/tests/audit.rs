//! The audit log: who did what, when, before and after, newest first.
use super::*;
use crate::service::{RallyEdit, SettingsChange};

#[tokio::test]
async fn every_moderator_action_and_organiser_edit_is_recorded_newest_first() {
    let f = fixture().await;
    let id = f
        .service
        .create_rally(&ALICE, new_rally("March", "2026-12-05 18:00"))
        .await
        .unwrap()
        .view
        .rally
        .id;
    let edit = RallyEdit {
        title: Some("March on".into()),
        ..Default::default()
    };
    f.service.edit_rally(&ALICE, id, edit).await.unwrap();
    f.service.approve_rally(&MOD, id).await.unwrap();
    f.service
        .cancel_rally(&MOD, id, Some("storm"))
        .await
        .unwrap();
    let other = f
        .service
        .create_rally(&BOB, new_rally("Vigil", "2026-12-06 18:00"))
        .await
        .unwrap()
        .view
        .rally
        .id;
    f.service
        .reject_rally(&MOD, other, Some("duplicate of #1"))
        .await
        .unwrap();
    let change = SettingsChange {
        require_approval: Some(false),
        ..Default::default()
    };
    f.service.update_settings(&MOD, change).await.unwrap();

    let log = f.service.audit_log(&MOD, None).await.unwrap();
    let summary: Vec<(&str, Option<i64>, i64)> = log
        .iter()
        .map(|e| (e.action.as_str(), e.rally_id, e.actor_id))
        .collect();
    assert_eq!(
        summary,
        [
            ("settings", None, MOD.user_id),
            ("reject", Some(other), MOD.user_id),
            ("create", Some(other), BOB.user_id),
            ("cancel", Some(id), MOD.user_id),
            ("approve", Some(id), MOD.user_id),
            ("edit", Some(id), ALICE.user_id),
            ("create", Some(id), ALICE.user_id),
        ]
    );
    let by_action = |a: &str| log.iter().find(|e| e.action == a).unwrap();
    assert_eq!(by_action("edit").before, "title: March");
    assert_eq!(by_action("edit").after, "title: March on");
    assert_eq!(by_action("cancel").before, "approved");
    assert_eq!(by_action("cancel").after, "cancelled: storm");
    assert_eq!(by_action("reject").after, "rejected: duplicate of #1");
    assert_eq!(by_action("settings").before, "require approval: yes");
    assert_eq!(by_action("settings").after, "require approval: no");
    assert_eq!(by_action("approve").at, f.service.now());

    let one = f.service.audit_log(&MOD, Some(other)).await.unwrap();
    assert_eq!(one.len(), 2);
    assert!(one.iter().all(|e| e.rally_id == Some(other)));
}

#[tokio::test]
async fn the_log_is_for_moderators_of_that_server_only() {
    let f = fixture().await;
    let id = f
        .service
        .create_rally(&MOD, new_rally("March", "2026-12-05 18:00"))
        .await
        .unwrap()
        .view
        .rally
        .id;
    assert_eq!(
        user_err(f.service.audit_log(&ALICE, None).await),
        UserError::ModeratorsOnly {
            action: crate::domain::Action::SeeAuditLog
        }
    );
    assert!(f
        .service
        .audit_log(&OTHER_MOD, None)
        .await
        .unwrap()
        .is_empty());
    assert_eq!(
        user_err(f.service.audit_log(&OTHER_MOD, Some(id)).await),
        UserError::RallyNotFound { id }
    );
}

#[tokio::test]
async fn refused_actions_leave_no_entry() {
    let f = fixture().await;
    let id = f
        .service
        .create_rally(&ALICE, new_rally("March", "2026-12-05 18:00"))
        .await
        .unwrap()
        .view
        .rally
        .id;
    f.service.approve_rally(&BOB, id).await.unwrap_err();
    f.service.cancel_rally(&BOB, id, None).await.unwrap_err();
    f.service.approve_rally(&OTHER_MOD, id).await.unwrap_err();
    let log = f.service.audit_log(&MOD, None).await.unwrap();
    assert_eq!(log.len(), 1, "only the creation: {log:?}");
}
