//! Settings that name channels are checked against what the bot may do there, and
//! announcements ping exactly whom they should.
use std::sync::Arc;

use super::*;
use crate::service::access::{BotPermission, ChannelAccess, ChannelProblem};
use crate::service::announce::{Ping, PingChoice};
use crate::service::SettingsChange;

const GOOD: i64 = 10;
const MUTED: i64 = 11;
const FOREIGN: i64 = 12;

/// The bot may post in GOOD (but not ping everyone), only read MUTED; FOREIGN is elsewhere.
struct Channels;

impl ChannelAccess for Channels {
    fn check(&self, server: i64, channel: i64, needed: &[BotPermission]) -> Option<ChannelProblem> {
        if server != SERVER || channel == FOREIGN {
            return Some(ChannelProblem::NotInServer);
        }
        let held: &[BotPermission] = match channel {
            GOOD => &[
                BotPermission::ViewChannel,
                BotPermission::SendMessages,
                BotPermission::EmbedLinks,
            ],
            _ => &[BotPermission::ViewChannel],
        };
        let missing: Vec<_> = needed
            .iter()
            .copied()
            .filter(|p| !held.contains(p))
            .collect();
        (!missing.is_empty()).then_some(ChannelProblem::Missing(missing))
    }
}

async fn with_channels() -> Fixture {
    let f = fixture().await;
    f.service.set_channel_access(Arc::new(Channels));
    f
}

#[tokio::test]
async fn a_channel_the_bot_cannot_post_in_is_refused_naming_what_is_missing() {
    let f = with_channels().await;
    let before = f.service.settings(&MOD).await.unwrap();
    let change = SettingsChange {
        announcement_channel_id: Some(Some(MUTED)),
        daily_limit: Some(3),
        ..Default::default()
    };
    let err = user_err(f.service.update_settings(&MOD, change).await);
    assert_eq!(
        err,
        UserError::BotMissingPermissions {
            channel: MUTED,
            missing: vec![BotPermission::SendMessages, BotPermission::EmbedLinks]
        }
    );
    assert!(err.to_string().contains("<#11>"), "{err}");
    let change = SettingsChange {
        moderator_channel_id: Some(Some(FOREIGN)),
        ..Default::default()
    };
    assert_eq!(
        user_err(f.service.update_settings(&MOD, change).await),
        UserError::NotServerChannel { channel: FOREIGN }
    );
    assert_eq!(
        f.service.settings(&MOD).await.unwrap(),
        before,
        "nothing saved"
    );

    let change = SettingsChange {
        announcement_channel_id: Some(Some(GOOD)),
        moderator_channel_id: Some(Some(GOOD)),
        reminder_channel_id: Some(Some(GOOD)),
        announcement_role_id: Some(Some(77)),
        daily_limit: Some(3),
        ..Default::default()
    };
    let saved = f.service.update_settings(&MOD, change).await.unwrap();
    assert_eq!(saved.announcement_channel_id, Some(GOOD));
    assert_eq!(saved.moderator_channel_id, Some(GOOD));
    assert_eq!(saved.announcement_role_id, Some(77));
    assert_eq!(f.service.settings(&MOD).await.unwrap(), saved);
    // Clearing needs no check.
    let change = SettingsChange {
        announcement_channel_id: Some(None),
        ..Default::default()
    };
    let cleared = f.service.update_settings(&MOD, change).await.unwrap();
    assert_eq!(cleared.announcement_channel_id, None);
}

#[tokio::test]
async fn announcements_ping_the_role_by_default_and_everyone_only_when_allowed() {
    let f = with_channels().await;
    let id = f
        .service
        .create_rally(&MOD, new_rally("March", "2026-12-05 18:00"))
        .await
        .unwrap()
        .view
        .rally
        .id;
    // No role set: no ping, and asking for the role is a clear error.
    let plan = f
        .service
        .plan_announcement(&MOD, id, None, None, Some(GOOD))
        .await
        .unwrap();
    assert_eq!((plan.channel, plan.ping), (Some(GOOD), None));
    assert_eq!(
        user_err(
            f.service
                .plan_announcement(&MOD, id, None, Some(PingChoice::Role), Some(GOOD))
                .await
        ),
        UserError::NoAnnouncementRole
    );
    let change = SettingsChange {
        announcement_role_id: Some(Some(77)),
        announcement_channel_id: Some(Some(GOOD)),
        ..Default::default()
    };
    f.service.update_settings(&MOD, change).await.unwrap();
    let plan = f
        .service
        .plan_announcement(&MOD, id, None, None, Some(MUTED))
        .await
        .unwrap();
    assert_eq!(
        plan.channel,
        Some(GOOD),
        "the announcement channel over `here`"
    );
    assert_eq!(plan.ping, Some(Ping::Role(77)));
    let plan = f
        .service
        .plan_announcement(&MOD, id, None, Some(PingChoice::Nobody), None)
        .await
        .unwrap();
    assert_eq!(plan.ping, None);
    // @everyone needs the bot's permission for it, named when missing.
    let err = user_err(
        f.service
            .plan_announcement(&MOD, id, None, Some(PingChoice::Everyone), None)
            .await,
    );
    assert_eq!(
        err,
        UserError::BotMissingPermissions {
            channel: GOOD,
            missing: vec![BotPermission::MentionEveryone]
        }
    );
    // And members can't announce at all.
    assert_eq!(
        user_err(
            f.service
                .plan_announcement(&ALICE, id, None, Some(PingChoice::Everyone), None)
                .await
        ),
        UserError::ModeratorsOnly {
            action: crate::domain::Action::AnnounceRallies
        }
    );
}
