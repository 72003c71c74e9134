//! What rallybot holds about one person, and forgetting it: on request, or when the server's
//! retention runs out after a rally.
use chrono::{DateTime, Utc};
use sqlx::Row;

use super::{from_unix, to_unix, Store};
use crate::error::Result;

/// One RSVP as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct HeldRsvp {
    pub rally_id: i64,
    pub server_id: i64,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub status: String,
    /// Seconds before the start of the personal reminder, when not the default.
    pub remind_before: Option<i64>,
    pub remind_off: bool,
    pub answered_at: DateTime<Utc>,
}

/// A message to the person that is waiting, or could not be delivered.
#[derive(Debug, Clone, PartialEq)]
pub struct HeldMessage {
    pub rally_id: i64,
    pub kind: String,
    pub status: String,
    pub due_at: DateTime<Utc>,
    pub last_error: Option<String>,
}

/// A rally the person organises.
#[derive(Debug, Clone, PartialEq)]
pub struct HeldRally {
    pub rally_id: i64,
    pub server_id: i64,
    pub title: String,
    pub status: String,
    pub starts_at: DateTime<Utc>,
}

/// Everything rallybot keeps that names one person.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Held {
    pub rsvps: Vec<HeldRsvp>,
    pub messages: Vec<HeldMessage>,
    pub organising: Vec<HeldRally>,
    /// Entries of servers' audit logs recording what the person did as organiser or
    /// moderator.
    pub audit_entries: i64,
}

/// What forgetting someone removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Forgotten {
    pub rsvps: u64,
    pub messages: u64,
    pub rallies: u64,
}

impl Store {
    pub async fn held_about(&self, user_id: i64) -> Result<Held> {
        let rsvps = sqlx::query(
            "SELECT v.rally_id, r.server_id, r.title, r.starts_at, v.status, v.remind_before,
                    v.remind_off, v.updated_at
             FROM rsvps v JOIN rallies r ON r.id = v.rally_id
             WHERE v.user_id = ?1 ORDER BY r.starts_at, r.id",
        )
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            Ok(HeldRsvp {
                rally_id: r.try_get("rally_id")?,
                server_id: r.try_get("server_id")?,
                title: r.try_get("title")?,
                starts_at: from_unix(r.try_get("starts_at")?)?,
                status: r.try_get("status")?,
                remind_before: r.try_get("remind_before")?,
                remind_off: r.try_get("remind_off")?,
                answered_at: from_unix(r.try_get("updated_at")?)?,
            })
        })
        .collect::<Result<_>>()?;
        let messages = sqlx::query(
            "SELECT rally_id, kind, status, due_at, last_error FROM outbox
             WHERE kind IN ('personal_reminder', 'notice') AND target_id = ?1
             ORDER BY due_at, id",
        )
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            Ok(HeldMessage {
                rally_id: r.try_get("rally_id")?,
                kind: r.try_get("kind")?,
                status: r.try_get("status")?,
                due_at: from_unix(r.try_get("due_at")?)?,
                last_error: r.try_get("last_error")?,
            })
        })
        .collect::<Result<_>>()?;
        let organising = sqlx::query(
            "SELECT id, server_id, title, status, starts_at FROM rallies
             WHERE organiser_id = ?1 ORDER BY starts_at, id",
        )
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            Ok(HeldRally {
                rally_id: r.try_get("id")?,
                server_id: r.try_get("server_id")?,
                title: r.try_get("title")?,
                status: r.try_get("status")?,
                starts_at: from_unix(r.try_get("starts_at")?)?,
            })
        })
        .collect::<Result<_>>()?;
        let audit_entries: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE actor_id = ?1")
                .bind(user_id)
                .fetch_one(&self.pool)
                .await?;
        Ok(Held {
            rsvps,
            messages,
            organising,
            audit_entries,
        })
    }

    /// Removes the person's RSVPs, the messages to them, and their name from the rallies they
    /// organise (which stay, organised by "a former member"), everywhere, in one transaction.
    pub async fn forget(&self, user_id: i64, now: DateTime<Utc>) -> Result<Forgotten> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM user_languages WHERE user_id = ?1")
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        self.user_languages.forget(user_id);
        let rsvps = sqlx::query("DELETE FROM rsvps WHERE user_id = ?1")
            .bind(user_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        let messages = sqlx::query(
            "DELETE FROM outbox WHERE kind IN ('personal_reminder', 'notice') AND target_id = ?1",
        )
        .bind(user_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        let rallies = sqlx::query(
            "UPDATE rallies SET organiser_id = 0, organiser_gone = 1, updated_at = ?2
             WHERE organiser_id = ?1",
        )
        .bind(user_id)
        .bind(to_unix(now))
        .execute(&mut *tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        Ok(Forgotten {
            rsvps,
            messages,
            rallies,
        })
    }

    /// For every rally that ended more than its server's retention ago: keeps its counts,
    /// and deletes who answered and the messages sent to them. Returns how many rallies.
    pub async fn purge_expired(&self, now: DateTime<Utc>) -> Result<u64> {
        let mut tx = self.pool.begin().await?;
        let ids: Vec<i64> = sqlx::query_scalar(
            "UPDATE rallies SET
                 kept_going = kept_going + (SELECT COUNT(*) FROM rsvps v
                     WHERE v.rally_id = rallies.id AND v.status = 'going'),
                 kept_interested = kept_interested + (SELECT COUNT(*) FROM rsvps v
                     WHERE v.rally_id = rallies.id AND v.status = 'interested'),
                 rsvps_purged = 1
             WHERE rsvps_purged = 0 AND starts_at < ?2
               AND COALESCE(ends_at, starts_at) + 86400 * COALESCE(
                     (SELECT retention_days FROM servers s WHERE s.id = rallies.server_id), 30)
                   < ?1
             RETURNING id",
        )
        .bind(to_unix(now))
        // Retention is at least a day and a rally ends after it starts: only rallies that
        // started over a day ago can be due, which the partial index finds.
        .bind(to_unix(now - chrono::Duration::days(1)))
        .fetch_all(&mut *tx)
        .await?;
        if !ids.is_empty() {
            let ids_json = serde_json::to_string(&ids)
                .map_err(|e| crate::error::Error::internal("encoding ids", e))?;
            sqlx::query("DELETE FROM rsvps WHERE rally_id IN (SELECT value FROM json_each(?1))")
                .bind(&ids_json)
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "DELETE FROM outbox WHERE kind IN ('personal_reminder', 'notice')
                   AND rally_id IN (SELECT value FROM json_each(?1))",
            )
            .bind(&ids_json)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(ids.len() as u64)
    }
}
