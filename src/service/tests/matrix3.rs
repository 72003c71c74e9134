//! The permission matrix across three servers of a coalition's world: every person of the
//! owner, the member and the outsider, against every read and moderator action on a member's
//! rallies. Each refusal is a clear user error and changes nothing.
use super::coalitions::*;
use super::*;
use crate::domain::RsvpChoice;
use crate::service::RallyEdit;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Target {
    /// Approved, in the shared campaign.
    Shared,
    /// Approved, in no campaign: the member server's own.
    Local,
    /// Waiting for the member's moderators, in the shared campaign.
    Pending,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Action {
    Info,
    Rsvp,
    Edit,
    Cancel,
    Approve,
    Announce,
    TakeOut,
    Log,
}

const PEOPLE: [(&str, Actor); 6] = [
    ("owner moderator", OWNER_MOD),
    ("owner member", OWNER_PERSON),
    ("member moderator", MEMBER_MOD),
    ("member organiser", MEMBER_ORGANISER),
    ("outsider moderator", OUTSIDER_MOD),
    ("outsider member", OUTSIDER_PERSON),
];

/// Whether `who` may do `action` to `target`.
fn allowed(who: Actor, target: Target, action: Action) -> bool {
    let home = who.server_id == MEMBER;
    let owner = who.server_id == OWNER;
    let organiser = who == MEMBER_ORGANISER;
    let member_mod = who == MEMBER_MOD;
    match (action, target) {
        (Action::Info, Target::Shared) => home || owner,
        (Action::Info, Target::Local) => home,
        (Action::Info, Target::Pending) => organiser || member_mod,
        (Action::Rsvp, Target::Shared) => home || owner,
        (Action::Rsvp, Target::Local) => home,
        (Action::Rsvp, Target::Pending) => false,
        (Action::Edit | Action::Cancel, _) => organiser || member_mod,
        (Action::Approve, Target::Pending) => member_mod,
        (Action::Approve, _) => false,
        // A shared rally may be announced in any server that shares it.
        (Action::Announce, Target::Shared) => member_mod || who == OWNER_MOD,
        (Action::Announce, Target::Local) => member_mod,
        (Action::Announce, Target::Pending) => false,
        // A pending rally is not yet shared: the owner can't see it to take it out.
        (Action::TakeOut, Target::Shared) => who == OWNER_MOD,
        (Action::TakeOut, _) => false,
        // The owner sees its own server's entries about a shared rally, never the member's.
        (Action::Log, Target::Shared) => member_mod || who == OWNER_MOD,
        (Action::Log, _) => member_mod,
    }
}

async fn target(c: &Coalition, target: Target) -> i64 {
    match target {
        Target::Shared => member_rally(c, "Shared march", "Houston, TX", true).await,
        Target::Local => member_rally(c, "Local vigil", "Houston, TX", false).await,
        Target::Pending => {
            let new = NewRally {
                title: "Pending march".into(),
                place: "Houston, TX".into(),
                when: "2026-12-05 18:00".into(),
                campaign: Some(c.campaign.clone()),
                ..Default::default()
            };
            c.f.service
                .create_rally(&MEMBER_ORGANISER, new)
                .await
                .unwrap()
                .view
                .rally
                .id
        }
    }
}

/// Everything an action might touch, as text.
async fn snapshot(f: &Fixture) -> String {
    let pool = f.service.store().pool();
    let mut out = String::new();
    for query in [
        "SELECT group_concat(id || '|' || title || '|' || status || '|' || starts_at || '|'
             || COALESCE(campaign_id, '') || '|' || updated_at, ';') FROM rallies",
        "SELECT group_concat(rally_id || '|' || user_id || '|' || status, ';') FROM rsvps",
        "SELECT COUNT(*) || '/' || COALESCE(MAX(id), 0) FROM audit_log",
        "SELECT COUNT(*) || '/' || COALESCE(MAX(id), 0) FROM outbox",
        "SELECT group_concat(coalition_id || '|' || server_id, ';') FROM coalition_members",
    ] {
        let row: Option<String> = sqlx::query_scalar(query).fetch_one(pool).await.unwrap();
        out.push_str(&row.unwrap_or_default());
        out.push('\n');
    }
    out
}

async fn act(f: &Fixture, who: &Actor, id: i64, action: Action) -> Result<(), Error> {
    let s = &f.service;
    match action {
        Action::Info => s.show_rally(who, id).await.map(|_| ()),
        Action::Rsvp => s.rsvp(who, id, RsvpChoice::Going).await.map(|_| ()),
        Action::Edit => s
            .edit_rally(
                who,
                id,
                RallyEdit {
                    title: Some("Renamed".into()),
                    ..Default::default()
                },
            )
            .await
            .map(|_| ()),
        Action::Cancel => s.cancel_rally(who, id, None).await.map(|_| ()),
        Action::Approve => s.approve_rally(who, id).await.map(|_| ()),
        Action::Announce => s
            .plan_announcement(who, id, None, None, Some(1))
            .await
            .map(|_| ()),
        Action::TakeOut => s.drop_from_shared_campaign(who, id).await.map(|_| ()),
        Action::Log => s.audit_log(who, Some(id)).await.map(|_| ()),
    }
}

#[tokio::test]
async fn three_servers_against_every_read_and_action() {
    let actions = [
        Action::Info,
        Action::Rsvp,
        Action::Edit,
        Action::Cancel,
        Action::Approve,
        Action::Announce,
        Action::TakeOut,
        Action::Log,
    ];
    for t in [Target::Shared, Target::Local, Target::Pending] {
        for action in actions {
            for (name, who) in PEOPLE {
                let c = coalition().await;
                let id = target(&c, t).await;
                let before = snapshot(&c.f).await;
                let result = act(&c.f, &who, id, action).await;
                let cell = format!("{name} {action:?} {t:?}");
                if allowed(who, t, action) {
                    assert!(result.is_ok(), "{cell}: {result:?}");
                } else {
                    match result {
                        Err(Error::User(_)) => {}
                        other => panic!("{cell}: expected a clear refusal, got {other:?}"),
                    }
                    assert_eq!(snapshot(&c.f).await, before, "{cell} changed something");
                }
            }
        }
    }
}

/// Settings and audit logs stay in their server.
#[tokio::test]
async fn logs_and_settings_stay_home() {
    let c = coalition().await;
    let s = &c.f.service;
    let id = member_rally(&c, "Shared march", "Houston, TX", true).await;
    assert!(
        s.audit_log(&OWNER_MOD, Some(id)).await.unwrap().is_empty(),
        "the member's entries about its rally stay with the member"
    );
    assert_eq!(s.audit_log(&MEMBER_MOD, Some(id)).await.unwrap().len(), 2);
    let owner_log = s.audit_log(&OWNER_MOD, None).await.unwrap();
    assert!(owner_log
        .iter()
        .all(|e| e.action.starts_with("coalition") || e.action.starts_with("campaign")));
    assert!(owner_log.iter().all(|e| e.actor_id == OWNER_MOD.user_id));
    let member = s.settings(&MEMBER_MOD).await.unwrap();
    assert_eq!(member.server_id, MEMBER);
    assert!(s.settings(&OWNER_PERSON).await.is_err());
}
