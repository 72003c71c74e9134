//! Which language a post or direct message no one just asked for goes out in.
use std::sync::Mutex;

use chrono::{Duration, TimeZone, Utc};

use super::*;
use crate::domain::{Caller, Origin, OutboxKind, RsvpChoice};
use crate::i18n::Lang;
use crate::outbox::{Delivery, Notifier, SendError};
use crate::service::request::Request;
use crate::service::SettingsChange;

/// Records the kind, reader (a user, or 0 for a channel) and language of each delivery.
#[derive(Default)]
struct Languages(Mutex<Vec<(OutboxKind, i64, Lang)>>);

impl Notifier for Languages {
    async fn send(&self, d: &Delivery) -> Result<Option<i64>, SendError> {
        let reader = match &d.message {
            crate::outbox::Message::PersonalReminder { user, .. } => *user,
            _ => 0,
        };
        self.0
            .lock()
            .unwrap()
            .push((d.message.kind(), reader, d.lang));
        Ok(None)
    }
}

/// `who` as a front end describes them, with their client's and their server's language.
fn caller(who: &Actor, lang: Lang, server_lang: Option<Lang>) -> Caller {
    Caller {
        user_id: who.user_id,
        origin: Origin {
            server_id: Some(who.server_id),
            channel_id: Some(1),
            server_name: None,
        },
        manage_events: who.is_moderator,
        lang,
        server_lang,
        ..Default::default()
    }
}

/// A listed rally at `when` (Austin), with Bob going as a Spanish speaker and Alice going
/// without ever having used the bot herself.
async fn rally_with_two_going(f: &Fixture, when: &str, server_lang: Option<Lang>) -> i64 {
    let new = NewRally {
        title: format!("Vigil {when}"),
        place: "Austin, TX".into(),
        when: when.into(),
        ..Default::default()
    };
    let id = f
        .service
        .create_rally_in(&MOD, Some(555), new)
        .await
        .unwrap()
        .view
        .rally
        .id;
    let rsvp = Request::Rsvp {
        rally: id,
        choice: RsvpChoice::Going,
    };
    f.service
        .execute(&caller(&BOB, Lang::Es, server_lang), rsvp)
        .await
        .unwrap();
    f.service.rsvp(&ALICE, id, RsvpChoice::Going).await.unwrap();
    id
}

/// Delivers what is due at `at`, returning what went out in a stable order.
async fn deliver(f: &Fixture, at: chrono::DateTime<Utc>) -> Vec<(OutboxKind, i64, Lang)> {
    f.clock.set(at);
    let n = Languages::default();
    f.service.deliver_due(at, &n).await.unwrap();
    let mut sent = n.0.into_inner().unwrap();
    sent.sort_by_key(|(kind, reader, _)| (kind.as_str(), *reader));
    // A channel gets the day-before reminder and the hour-before one together here.
    sent.dedup();
    sent
}

#[tokio::test]
async fn channels_follow_the_server_and_dms_their_readers_last_language() {
    use OutboxKind::{ChannelReminder, PersonalReminder};
    let f = fixture().await;
    // Discord says the server is English.
    rally_with_two_going(&f, "2026-12-05 18:00", Some(Lang::En)).await;
    let hour_before = Utc.with_ymd_and_hms(2026, 12, 5, 23, 0, 0).unwrap();
    assert_eq!(
        deliver(&f, hour_before).await,
        [
            (ChannelReminder, 0, Lang::En),
            (PersonalReminder, ALICE.user_id, Lang::En),
            (PersonalReminder, BOB.user_id, Lang::Es),
        ]
    );

    // Discord now says the server is Spanish: Alice, who never said, follows it.
    rally_with_two_going(&f, "2026-12-06 18:00", Some(Lang::Es)).await;
    assert_eq!(
        deliver(&f, hour_before + Duration::days(1)).await,
        [
            (ChannelReminder, 0, Lang::Es),
            (PersonalReminder, ALICE.user_id, Lang::Es),
            (PersonalReminder, BOB.user_id, Lang::Es),
        ]
    );

    // The moderators choose English for the server, whatever Discord says.
    let english = SettingsChange {
        language: Some(Some(Lang::En)),
        ..Default::default()
    };
    let settings = f.service.update_settings(&MOD, english).await.unwrap();
    assert_eq!(settings.lang(), Lang::En);
    rally_with_two_going(&f, "2026-12-07 18:00", Some(Lang::Es)).await;
    assert_eq!(
        deliver(&f, hour_before + Duration::days(2)).await,
        [
            (ChannelReminder, 0, Lang::En),
            (PersonalReminder, ALICE.user_id, Lang::En),
            (PersonalReminder, BOB.user_id, Lang::Es),
        ]
    );

    // Someone who deletes their data is forgotten with their language.
    f.service
        .my_data(&BOB, crate::service::request::MyDataAction::ConfirmDelete)
        .await
        .unwrap();
    assert_eq!(
        f.service
            .language_for(SERVER, Some(BOB.user_id))
            .await
            .unwrap(),
        Lang::En
    );
}
