//! What rallybot holds about a person, as they can see it, take it away, or have it deleted;
//! and the retention that forgets who answered a rally some days after it ends.
use chrono::{DateTime, Duration, Utc};
use serde_json::json;

use super::request::MyDataAction;
use super::response::Response;
use super::Service;
use crate::domain::Actor;
use crate::error::{Error, Result};
use crate::store::Held;

/// The retention sweep runs at most this often.
const PURGE_EVERY: Duration = Duration::hours(1);

impl Service {
    pub async fn my_data(&self, actor: &Actor, action: MyDataAction) -> Result<Response> {
        Ok(match action {
            MyDataAction::Show => Response::MyData(self.store.held_about(actor.user_id).await?),
            MyDataAction::Export => {
                let held = self.store.held_about(actor.user_id).await?;
                Response::MyDataExport {
                    json: export_json(actor.user_id, &held, self.now())?,
                }
            }
            MyDataAction::Delete => Response::ConfirmForget,
            MyDataAction::ConfirmDelete => {
                let forgotten = self.store.forget(actor.user_id, self.now()).await?;
                // No user id in the log: the point was to forget them.
                tracing::info!(
                    rsvps = forgotten.rsvps,
                    messages = forgotten.messages,
                    rallies = forgotten.rallies,
                    "a member had their data deleted"
                );
                self.outbox_changed.notify_one();
                Response::Forgotten(forgotten)
            }
        })
    }

    /// Forgets who answered the rallies that ended more than their server's retention ago
    /// (their counts stay); at most once an hour of `now`.
    pub async fn purge_expired(&self, now: DateTime<Utc>) -> Result<u64> {
        {
            let mut last = self.last_purge.lock().unwrap_or_else(|e| e.into_inner());
            if last.is_some_and(|at| now - at < PURGE_EVERY && now >= at) {
                return Ok(0);
            }
            *last = Some(now);
        }
        let purged = self.store.purge_expired(now).await?;
        if purged > 0 {
            tracing::info!(rallies = purged, "who answered past rallies is forgotten");
        }
        Ok(purged)
    }
}

/// The person's data as a JSON document, for the file they download.
fn export_json(user_id: i64, held: &Held, now: DateTime<Utc>) -> Result<String> {
    let doc = json!({
        "exported_at": now.to_rfc3339(),
        "discord_user_id": user_id.to_string(),
        "rsvps": held.rsvps.iter().map(|r| json!({
            "rally": r.rally_id,
            "server": r.server_id.to_string(),
            "title": r.title,
            "starts_at": r.starts_at.to_rfc3339(),
            "answer": r.status,
            "reminder_before_seconds": r.remind_before,
            "reminder_off": r.remind_off,
            "answered_at": r.answered_at.to_rfc3339(),
        })).collect::<Vec<_>>(),
        "messages": held.messages.iter().map(|m| json!({
            "rally": m.rally_id,
            "kind": m.kind,
            "status": m.status,
            "due_at": m.due_at.to_rfc3339(),
            "last_error": m.last_error,
        })).collect::<Vec<_>>(),
        "rallies_organised": held.organising.iter().map(|r| json!({
            "rally": r.rally_id,
            "server": r.server_id.to_string(),
            "title": r.title,
            "status": r.status,
            "starts_at": r.starts_at.to_rfc3339(),
        })).collect::<Vec<_>>(),
        "audit_log_entries": held.audit_entries,
    });
    serde_json::to_string_pretty(&doc).map_err(|e| Error::internal("exporting data", e))
}
