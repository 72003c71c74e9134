//! Who may see and change what. Nothing crosses servers: a rally of another server is treated
//! exactly like one that does not exist.
use crate::domain::{Action, Actor, Rally, RallyAction, RallyStatus};
use crate::error::UserError;

/// A rally is visible in its own server when approved or cancelled (so people who planned to
/// come can see why), and otherwise only to its organiser and the moderators. In another
/// server it is visible only when `shared` (its campaign is shared with that server through a
/// coalition both belong to), and then only approved or cancelled: pending and rejected
/// rallies never cross.
pub fn can_see(actor: &Actor, rally: &Rally, shared: bool) -> bool {
    if rally.server_id != actor.server_id {
        return shared && matches!(rally.status, RallyStatus::Approved | RallyStatus::Cancelled);
    }
    match rally.status {
        RallyStatus::Approved | RallyStatus::Cancelled => true,
        RallyStatus::Pending | RallyStatus::Rejected => {
            actor.is_moderator || rally.organiser_id == actor.user_id
        }
    }
}

/// The rally if the actor may see it; otherwise the same "not found" as a missing rally.
pub fn visible(
    actor: &Actor,
    rally: Option<Rally>,
    id: i64,
    shared: bool,
) -> Result<Rally, UserError> {
    rally
        .filter(|r| can_see(actor, r, shared))
        .ok_or(UserError::RallyNotFound { id })
}

/// Only the organiser or a moderator of the rally's server may edit or cancel it.
pub fn require_organiser_or_moderator(
    actor: &Actor,
    rally: &Rally,
    action: RallyAction,
) -> Result<(), UserError> {
    if rally.server_id == actor.server_id
        && (actor.is_moderator || rally.organiser_id == actor.user_id)
    {
        Ok(())
    } else {
        Err(UserError::NotOrganiserOrModerator {
            id: rally.id,
            action,
        })
    }
}

pub fn require_moderator(actor: &Actor, action: Action) -> Result<(), UserError> {
    if actor.is_moderator {
        Ok(())
    } else {
        Err(UserError::ModeratorsOnly { action })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn rally(server_id: i64, organiser_id: i64, status: RallyStatus) -> Rally {
        let t = Utc.with_ymd_and_hms(2026, 12, 5, 18, 0, 0).unwrap();
        Rally {
            id: 7,
            server_id,
            title: "t".into(),
            details: String::new(),
            place_name: "p".into(),
            address: String::new(),
            latitude: 0.0,
            longitude: 0.0,
            time_zone: chrono_tz::UTC,
            starts_at: t,
            ends_at: None,
            organiser_id,
            channel_id: None,
            status,
            status_reason: None,
            created_at: t,
            updated_at: t,
            campaign_id: None,
            contact: String::new(),
            address_visibility: Default::default(),
            organiser_gone: false,
        }
    }

    const MEMBER: Actor = Actor {
        user_id: 1,
        server_id: 100,
        is_moderator: false,
    };
    const ORGANISER: Actor = Actor {
        user_id: 2,
        server_id: 100,
        is_moderator: false,
    };
    const MODERATOR: Actor = Actor {
        user_id: 3,
        server_id: 100,
        is_moderator: true,
    };
    const OTHER_SERVER_MOD: Actor = Actor {
        user_id: 4,
        server_id: 200,
        is_moderator: true,
    };
    const OTHER_SERVER_ORGANISER: Actor = Actor {
        user_id: 2,
        server_id: 200,
        is_moderator: false,
    };

    #[test]
    fn visibility_matrix() {
        use RallyStatus::*;
        // (status, member, organiser, moderator, other server's moderator, organiser elsewhere)
        let table = [
            (Pending, false, true, true, false, false),
            (Rejected, false, true, true, false, false),
            (Approved, true, true, true, false, false),
            (Cancelled, true, true, true, false, false),
        ];
        for (status, member, organiser, moderator, other_mod, other_org) in table {
            let r = rally(100, 2, status);
            assert_eq!(can_see(&MEMBER, &r, false), member, "member {status:?}");
            assert_eq!(
                can_see(&ORGANISER, &r, false),
                organiser,
                "organiser {status:?}"
            );
            assert_eq!(
                can_see(&MODERATOR, &r, false),
                moderator,
                "moderator {status:?}"
            );
            assert_eq!(
                can_see(&OTHER_SERVER_MOD, &r, false),
                other_mod,
                "other mod {status:?}"
            );
            assert_eq!(
                can_see(&OTHER_SERVER_ORGANISER, &r, false),
                other_org,
                "organiser in another server {status:?}"
            );
        }
    }

    /// Through a shared campaign another server sees approved and cancelled rallies, never
    /// pending or rejected ones; without one it sees nothing.
    #[test]
    fn shared_rallies_cross_only_when_listed() {
        use RallyStatus::*;
        for (status, seen) in [
            (Approved, true),
            (Cancelled, true),
            (Pending, false),
            (Rejected, false),
        ] {
            let r = rally(100, 2, status);
            assert_eq!(can_see(&OTHER_SERVER_MOD, &r, true), seen, "{status:?}");
            assert!(!can_see(&OTHER_SERVER_MOD, &r, false), "{status:?}");
            assert_eq!(
                can_see(&OTHER_SERVER_ORGANISER, &r, true),
                seen,
                "{status:?}"
            );
        }
    }

    #[test]
    fn hidden_rallies_look_missing() {
        let r = rally(100, 2, RallyStatus::Pending);
        assert_eq!(
            visible(&MEMBER, Some(r.clone()), 7, false),
            Err(UserError::RallyNotFound { id: 7 })
        );
        assert_eq!(
            visible(&MEMBER, None, 7, false),
            Err(UserError::RallyNotFound { id: 7 })
        );
        assert_eq!(visible(&ORGANISER, Some(r.clone()), 7, false), Ok(r));
    }

    #[test]
    fn edit_rights_matrix() {
        let r = rally(100, 2, RallyStatus::Approved);
        assert!(require_organiser_or_moderator(&MEMBER, &r, RallyAction::Edit).is_err());
        assert!(require_organiser_or_moderator(&ORGANISER, &r, RallyAction::Edit).is_ok());
        assert!(require_organiser_or_moderator(&MODERATOR, &r, RallyAction::Edit).is_ok());
        assert!(require_organiser_or_moderator(&OTHER_SERVER_MOD, &r, RallyAction::Edit).is_err());
        assert!(
            require_organiser_or_moderator(&OTHER_SERVER_ORGANISER, &r, RallyAction::Edit).is_err()
        );
    }

    #[test]
    fn moderator_only_actions() {
        assert!(require_moderator(&MODERATOR, Action::ApproveRallies).is_ok());
        let err = require_moderator(&ORGANISER, Action::ApproveRallies).unwrap_err();
        assert!(err
            .to_string()
            .contains("Only moderators can approve rallies"));
    }
}
