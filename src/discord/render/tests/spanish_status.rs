//! A Spanish moderator's `/moderar estado`: what failed, and why, in Spanish.
use chrono::{TimeZone, Utc};
use serde_json::json;

use super::json_of;
use crate::discord::render::response;
use crate::domain::{FailureKind, OutboxItem, OutboxKind, OutboxStatus, Payload};
use crate::i18n::Lang;
use crate::service::response::Response;
use crate::service::DeliveryFailures;

fn item(id: i64, kind: OutboxKind, failure: FailureKind, error: Option<&str>) -> OutboxItem {
    let t = Utc.with_ymd_and_hms(2030, 6, 1, 23, 0, 0).unwrap();
    OutboxItem {
        id,
        kind,
        rally_id: 7,
        target_id: 55,
        message_id: None,
        lead: Some(chrono::Duration::minutes(90)),
        payload: Payload::None,
        nonce: format!("rallybot-{id}"),
        due_at: t,
        status: OutboxStatus::Failed,
        attempts: 1,
        next_attempt_at: t,
        last_error: error.map(str::to_string),
        failure: Some(failure),
    }
}

#[test]
fn a_spanish_moderator_reads_what_failed_in_spanish() {
    let none = json_of(response(
        &Response::Status(DeliveryFailures { items: vec![] }),
        0,
        None,
        Lang::Es,
    ));
    assert_eq!(
        none["content"],
        json!("Hasta ahora se entregaron todos los recordatorios y mensajes de cambios.")
    );
    // Closed DMs are our own words, stored in English: told in Spanish. Discord's own
    // reasons are shown as Discord gave them.
    let closed = item(
        1,
        OutboxKind::PersonalReminder,
        FailureKind::DmsClosed,
        Some("their direct messages are closed"),
    );
    let refused = item(
        2,
        OutboxKind::ModeratorPost,
        FailureKind::Refused,
        Some("Discord answered 403: Missing Permissions"),
    );
    let unknown = item(3, OutboxKind::Notice, FailureKind::GaveUp, None);
    let data = json_of(response(
        &Response::Status(DeliveryFailures {
            items: vec![
                (closed, "Marcha".into()),
                (refused, "Marcha".into()),
                (unknown, "Marcha".into()),
            ],
        }),
        0,
        None,
        Lang::Es,
    ));
    let reminders = &data["embeds"][0];
    assert_eq!(reminders["title"], json!("Recordatorios que fallaron (1)"));
    assert_eq!(
        reminders["fields"][0]["value"],
        json!("1 hora y 30 minutos antes, a <@55>: tiene cerrados los mensajes directos")
    );
    let changes = &data["embeds"][1];
    assert_eq!(
        changes["title"],
        json!("Mensajes de cambios que fallaron (2)")
    );
    assert_eq!(
        changes["fields"][0]["value"],
        json!("publicación para moderadores en <#55>: Discord answered 403: Missing Permissions")
    );
    assert_eq!(
        changes["fields"][1]["value"],
        json!("mensaje directo a <@55>: no quedó registrado el motivo")
    );
}
