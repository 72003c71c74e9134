//! The shared words, written in plain style and in a style with markup.
use chrono::{Duration, TimeZone, Utc};

use super::*;
use crate::domain::{MovedField, Notice, OutboxStatus, Payload, Rally, RallyStatus};
use crate::error::UserError;
use crate::i18n::Lang;

mod spanish_errors;

fn rally() -> Rally {
    let t = Utc.with_ymd_and_hms(2026, 12, 6, 0, 0, 0).unwrap();
    Rally {
        id: 12,
        server_id: 1,
        title: "March *now*".into(),
        details: String::new(),
        place_name: "Austin, Texas, US".into(),
        address: String::new(),
        latitude: 30.27,
        longitude: -97.74,
        time_zone: chrono_tz::America::Chicago,
        starts_at: t,
        ends_at: None,
        organiser_id: 5,
        channel_id: None,
        status: RallyStatus::Approved,
        status_reason: None,
        created_at: t,
        updated_at: t,
        campaign_id: None,
        contact: String::new(),
        address_visibility: Default::default(),
        organiser_gone: false,
    }
}

/// Marks every value, to show where the style was asked.
struct Marked;

impl Style for Marked {
    fn time(&self, t: LocalTime) -> String {
        format!("[time {}]", t.at.timestamp())
    }
    fn relative(&self, t: LocalTime) -> Option<String> {
        Some(format!("[in {}]", t.at.timestamp()))
    }
    fn channel(&self, id: i64) -> String {
        format!("[channel {id}]")
    }
    fn role(&self, id: i64) -> String {
        format!("[role {id}]")
    }
    fn user(&self, id: i64) -> String {
        format!("[user {id}]")
    }
    fn text(&self, s: &str) -> String {
        format!("«{s}»")
    }
}

#[test]
fn a_change_names_each_field_old_then_new_in_the_style_given() {
    let r = rally();
    let local = |at| LocalTime {
        at,
        zone: chrono_tz::America::Chicago,
    };
    let notice = Notice::Changed {
        fields: vec![
            MovedField::Start {
                was: local(r.starts_at),
                now: local(r.starts_at + Duration::hours(2)),
            },
            MovedField::Address {
                was: String::new(),
                now: "Congress Ave".into(),
            },
        ],
    };
    assert_eq!(
        notice_words(&notice, &r, &Plain),
        "Rally #12 March *now* has changed.\n\
         - Start: was Saturday, December 5, 2026 at 6:00 PM CST, now Saturday, December 5, 2026 at 8:00 PM CST\n\
         - Address: was none, now Congress Ave\n\
         If you can't make it now, change your answer with /rally rsvp rally:12."
    );
    let marked = notice_words(&notice, &r, &Marked);
    assert!(
        marked.starts_with("Rally #12 «March *now*» has changed.\n- Start: was [time 1796515200], now [time 1796522400]"),
        "{marked}"
    );
}

fn notice_words(n: &Notice, r: &Rally, style: &dyn Style) -> String {
    notice(n, r, style, Lang::En)
}

#[test]
fn cancellations_and_decisions_carry_the_reason_as_typed_text() {
    let r = rally();
    let cancelled = Notice::Cancelled {
        starts: LocalTime {
            at: r.starts_at,
            zone: r.time_zone,
        },
        place: r.place_name.clone(),
        reason: Some("storm".into()),
    };
    assert_eq!(
        notice(&cancelled, &r, &Marked, Lang::En),
        "Rally #12 «March *now*», planned for [time 1796515200] at «Austin, Texas, US», is cancelled. Reason: «storm»"
    );
    assert_eq!(
        notice(&Notice::Approved, &r, &Plain, Lang::En),
        "Your rally #12 March *now* is approved and listed. Share it with /rally info rally:12."
    );
    assert_eq!(
        notice(&Notice::Rejected { reason: None }, &r, &Plain, Lang::En),
        "Your rally #12 March *now* was not approved."
    );
}

#[test]
fn a_reminder_says_how_long_and_where() {
    let r = rally();
    assert_eq!(
        reminder(Duration::hours(24), &r, &Plain, Lang::En),
        "Reminder: #12 March *now* starts in 1 day, at Austin, Texas, US."
    );
    assert_eq!(
        reminder(Duration::minutes(90), &r, &Marked, Lang::En),
        "Reminder: #12 «March *now*» starts in 1 hour 30 minutes ([in 1796515200]), at «Austin, Texas, US»."
    );
}

fn failed(kind: OutboxKind, failure: FailureKind, error: &str) -> OutboxItem {
    let t = Utc.with_ymd_and_hms(2026, 12, 6, 0, 0, 0).unwrap();
    OutboxItem {
        id: 1,
        kind,
        rally_id: 12,
        target_id: 5,
        message_id: None,
        lead: Some(Duration::hours(1)),
        payload: Payload::None,
        nonce: "rallybot-1".into(),
        due_at: t,
        status: OutboxStatus::Failed,
        attempts: 1,
        next_attempt_at: t,
        last_error: Some(error.into()),
        failure: Some(failure),
    }
}

#[test]
fn the_person_hears_of_their_closed_dms_in_the_second_person() {
    let closed = "their direct messages are closed";
    let reminder = failed(OutboxKind::PersonalReminder, FailureKind::DmsClosed, closed);
    assert_eq!(
        untold(&reminder, Lang::En),
        "Your reminder for rally #12 couldn't be sent: your direct messages are closed. To get reminders, allow direct messages from this server's members."
    );
    let notice = failed(OutboxKind::Notice, FailureKind::DmsClosed, closed);
    assert!(
        untold(&notice, Lang::En).starts_with(
            "I couldn't send you a direct message about rally #12 (your direct messages are closed); see it now with /rally info rally:12."
        ),
        "{}",
        untold(&notice, Lang::En)
    );
    // Moderators read it about the person.
    assert_eq!(failure(&notice), closed);
    let refused = failed(
        OutboxKind::Notice,
        FailureKind::Refused,
        "Discord answered 403",
    );
    assert!(untold(&refused, Lang::En).contains("(Discord answered 403)"));
    // A Spanish reader hears it in Spanish, with Discord's own reason as it gave it.
    assert_eq!(
        untold(&reminder, Lang::Es),
        "No se pudo enviar tu recordatorio de la manifestación #12: tus mensajes directos están cerrados. Para recibir recordatorios, permite mensajes directos de los miembros de este servidor."
    );
    assert!(untold(&refused, Lang::Es).contains("(Discord answered 403)"));
}

#[test]
fn channels_in_errors_and_settings_are_written_by_the_style() {
    let e = UserError::BotMissingPermissions {
        channel: 11,
        missing: vec![crate::service::access::BotPermission::SendMessages],
    };
    assert_eq!(
        user_error(&e, &Marked, Lang::En),
        "I can't post in [channel 11]: I'm missing Send Messages. Give me that in the channel's permissions and try again."
    );
    assert!(user_error(&e, &Plain, Lang::En).contains("post in channel 11:"));
    assert_eq!(
        user_error(
            &UserError::NotServerChannel { channel: 3 },
            &Marked,
            Lang::En
        ),
        "[channel 3] is not a channel of this server that I can see; pick one here."
    );
    assert_eq!(
        setting(
            &SettingValue::Channel(Some(4), "setting-unset-reminder-channel"),
            &Marked,
            Lang::En
        ),
        "[channel 4]"
    );
    assert_eq!(
        setting(
            &SettingValue::Channel(None, "setting-unset-reminder-channel"),
            &Marked,
            Lang::En
        ),
        "where each rally was created"
    );
    assert_eq!(
        setting(&SettingValue::Role(Some(9)), &Marked, Lang::En),
        "[role 9]"
    );
}

#[test]
fn a_place_guess_names_the_others() {
    let guess = Note::PlaceGuess {
        typed: "Portland".into(),
        chosen: "Portland, Oregon, US".into(),
        others: vec!["Portland, Maine, US".into(), "Portland, AU".into()],
    };
    assert_eq!(
        note(&guess, &Plain, Lang::En),
        "I took \"Portland\" to mean Portland, Oregon, US. Other places with that name: Portland, Maine, US; Portland, AU. Add the state or country to pick another."
    );
}

#[test]
fn mistakes_and_apologies_are_said_in_the_readers_language() {
    let at = Utc.with_ymd_and_hms(2026, 12, 11, 0, 0, 0).unwrap();
    let past = UserError::StartInPast {
        when: crate::domain::LocalTime {
            at,
            zone: chrono_tz::America::Chicago,
        },
    };
    assert_eq!(
        user_error(&past, &Plain, Lang::Es),
        "La hora de inicio, jueves, 10 de diciembre de 2026, 18:00 (CST), ya pasó; elige una hora que todavía no haya llegado."
    );
    assert_eq!(
        user_error(&past, &Plain, Lang::En),
        "The start time Thursday, December 10, 2026 at 6:00 PM CST is in the past; choose a time that is still ahead."
    );
    assert_eq!(user_error(&past, &Plain, Lang::En), past.to_string());
    let long = UserError::TitleTooLong { len: 140 };
    assert_eq!(
        user_error(&long, &Plain, Lang::Es),
        "El título tiene 140 caracteres; acórtalo a 100 como máximo."
    );
    let failure = crate::error::Error::internal("database", "disk I/O error");
    let apology = error(&failure, "rally create", &Plain, Lang::Es);
    assert!(apology.starts_with("Lo sentimos"), "{apology}");
    assert!(
        !apology.contains("disk"),
        "the detail stays in the log: {apology}"
    );
}
