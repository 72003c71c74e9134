//! A Spanish moderator's audit log: the title, what was done, before and after.
use chrono::{TimeZone, Utc};
use serde_json::json;

use super::json_of;
use crate::discord::render::response;
use crate::domain::AuditEntry;
use crate::i18n::Lang;
use crate::service::response::Response;

fn log(entries: Vec<AuditEntry>) -> Response {
    Response::Log {
        rally: Some(7),
        entries,
    }
}

#[test]
fn a_spanish_moderator_reads_the_log_in_spanish() {
    let entry = AuditEntry {
        id: 1,
        rally_id: Some(7),
        actor_id: 42,
        action: "approve".into(),
        before: "pending".into(),
        after: "approved".into(),
        at: Utc.with_ymd_and_hms(2026, 11, 29, 3, 0, 0).unwrap(),
    };
    let data = json_of(response(&log(vec![entry]), 0, None, Lang::Es));
    let embed = &data["embeds"][0];
    assert_eq!(
        embed["title"],
        json!("Historial de la manifestación #7 (1)")
    );
    assert_eq!(embed["fields"][0]["name"], json!("aprobación #7"));
    // Who, and when as a Discord timestamp: each client shows it in its own language.
    assert_eq!(
        embed["fields"][0]["value"],
        json!("<@42> · <t:1795921200:f>\nAntes: pending\nDespués: approved")
    );

    let empty = json_of(response(&log(Vec::new()), 0, None, Lang::Es));
    assert_eq!(
        empty["content"],
        json!("Historial de la manifestación #7: todavía no hay nada registrado.")
    );
}
