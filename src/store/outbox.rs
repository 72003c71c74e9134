//! The one outbox: what leaves the process later, claimed before it is sent and settled once.
use chrono::{DateTime, Duration, Utc};
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqliteConnection};

use super::readers::failed;
use super::{from_unix, to_unix, Store};
use crate::domain::{
    CardNote, Clash, FailureKind, NewItem, Notice, OutboxItem, OutboxKind, OutboxStatus, Payload,
    Settle,
};
use crate::error::{Error, Result};

macro_rules! item_columns {
    () => {
        "id, kind, rally_id, target_id, message_id, lead_seconds, payload,
         COALESCE(nonce, 'rallybot-' || id) AS nonce, due_at, status, attempts, next_attempt_at,
         last_error, error_kind"
    };
}

/// `Store::has_untold_failures`: asked after every command (?1 the user). Its condition is the
/// `outbox_untold` index's, so the answer is one index lookup.
pub const UNTOLD_FAILURES_SQL: &str = "SELECT EXISTS (SELECT 1 FROM outbox
         WHERE kind IN ('personal_reminder', 'notice') AND status = 'failed' AND told_user = 0
           AND target_id = ?1) AS untold";

impl Store {
    /// Adds items to the outbox in one transaction. A card already waiting for an edit is not
    /// queued twice: the edit shows the rally as it is when it is made.
    pub async fn enqueue(&self, items: &[NewItem], now: DateTime<Utc>) -> Result<()> {
        if items.is_empty() {
            return Ok(());
        }
        let mut tx = self.pool.begin().await?;
        for item in items {
            insert_item(&mut tx, item.rally_id, item, now).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Replaces the rally's pending reminders (of one kind and target, or all) with `new`.
    pub async fn replace_pending_reminders(
        &self,
        rally_id: i64,
        only: Option<(OutboxKind, i64)>,
        new: &[NewItem],
        now: DateTime<Utc>,
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        match only {
            Some((kind, target)) => {
                sqlx::query(
                    "DELETE FROM outbox WHERE rally_id = ?1 AND status = 'pending'
                     AND kind = ?2 AND target_id = ?3",
                )
                .bind(rally_id)
                .bind(kind.as_str())
                .bind(target)
                .execute(&mut *tx)
                .await?;
            }
            None => delete_pending_reminders(&mut tx, rally_id).await?,
        }
        for item in new {
            insert_item(&mut tx, rally_id, item, now).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Items that came due too late to help anyone are skipped: a reminder whose rally began
    /// more than `grace` ago, a notice of a rally that ended more than `grace` ago, a post for
    /// moderators about a rally no longer waiting for them.
    pub async fn skip_stale(&self, now: DateTime<Utc>, grace: Duration) -> Result<u64> {
        let done = sqlx::query(
            "UPDATE outbox SET status = 'skipped', updated_at = ?1, error_kind = ?3,
                 last_error = CASE kind
                     WHEN 'notice' THEN 'the rally was over before this could be sent'
                     WHEN 'moderator_post' THEN 'the rally was decided or began before this could be sent'
                     ELSE 'came due while rallybot was not running, after the rally began' END
             WHERE status = 'pending' AND next_attempt_at <= ?1 AND (
                 (kind IN ('channel_reminder', 'personal_reminder')
                     AND rally_id IN (SELECT id FROM rallies WHERE starts_at < ?2))
              OR (kind = 'notice'
                     AND rally_id IN (SELECT id FROM rallies WHERE COALESCE(ends_at, starts_at) < ?2))
              OR (kind = 'moderator_post'
                     AND rally_id IN (SELECT id FROM rallies
                                      WHERE status != 'pending' OR starts_at < ?1)))",
        )
        .bind(to_unix(now))
        .bind(to_unix(now - grace))
        .bind(FailureKind::TooLate.as_str())
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected())
    }

    /// Claims up to `limit` due items (status `sending`) before anything is sent, so that a
    /// crash mid-send can never send one twice; oldest due first.
    pub async fn claim_due(&self, now: DateTime<Utc>, limit: i64) -> Result<Vec<OutboxItem>> {
        let rows = sqlx::query(concat!(
            "UPDATE outbox SET status = 'sending', attempts = attempts + 1, updated_at = ?1
             WHERE id IN (SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= ?1
                          ORDER BY next_attempt_at, id LIMIT ?2)
             RETURNING ",
            item_columns!()
        ))
        .bind(to_unix(now))
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        let mut claimed: Vec<OutboxItem> = rows.iter().map(item_from_row).collect::<Result<_>>()?;
        claimed.sort_by_key(|i| (i.next_attempt_at, i.id));
        Ok(claimed)
    }

    /// Ends a claim. A channel reminder's card is remembered in the same transaction, so a
    /// later change edits it.
    pub async fn settle(
        &self,
        item: &OutboxItem,
        outcome: &Settle,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let now_unix = to_unix(now);
        let mut tx = self.pool.begin().await?;
        let (status, next, error, kind, uncount) = match outcome {
            Settle::Sent { .. } => (OutboxStatus::Sent, None, None, None, false),
            Settle::Skipped { why, detail } => (
                OutboxStatus::Skipped,
                None,
                Some(detail.as_str()),
                Some(*why),
                false,
            ),
            Settle::Deferred { at } => (OutboxStatus::Pending, Some(*at), None, None, true),
            Settle::Retry { at, error } => (
                OutboxStatus::Pending,
                Some(*at),
                Some(error.as_str()),
                None,
                false,
            ),
            Settle::Failed { why, error } => (
                OutboxStatus::Failed,
                None,
                Some(error.as_str()),
                Some(*why),
                false,
            ),
        };
        sqlx::query(
            "UPDATE outbox SET status = ?2, last_error = COALESCE(?3, last_error),
                 error_kind = COALESCE(?4, error_kind),
                 next_attempt_at = COALESCE(?5, next_attempt_at), updated_at = ?6,
                 attempts = MAX(attempts - ?7, 0)
             WHERE id = ?1",
        )
        .bind(item.id)
        .bind(status.as_str())
        .bind(error)
        .bind(kind.map(FailureKind::as_str))
        .bind(next.map(to_unix))
        .bind(now_unix)
        .bind(i64::from(uncount))
        .execute(&mut *tx)
        .await?;
        if let Settle::Sent {
            message_id: Some(message),
        } = outcome
        {
            if item.kind == OutboxKind::ChannelReminder {
                super::cards::insert_card(
                    &mut tx,
                    item.rally_id,
                    item.target_id,
                    *message,
                    crate::domain::CardKind::Reminder,
                    now_unix,
                )
                .await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// Items left `sending` by a stopped process. Card edits (harmless to repeat) and
    /// messages claimed since `resend_after` (their nonce makes a resend one message on
    /// Discord) go back to pending; older messages become `unknown`, never sent again.
    /// Returns (requeued, abandoned).
    pub async fn recover_outbox(
        &self,
        now: DateTime<Utc>,
        resend_after: DateTime<Utc>,
    ) -> Result<(u64, u64)> {
        let requeued = sqlx::query(
            "UPDATE outbox SET status = 'pending', next_attempt_at = ?1, updated_at = ?1
             WHERE status = 'sending' AND (kind = 'card_edit' OR updated_at >= ?2)",
        )
        .bind(to_unix(now))
        .bind(to_unix(resend_after))
        .execute(&self.pool)
        .await?;
        let abandoned = sqlx::query(
            "UPDATE outbox SET status = 'unknown', updated_at = ?1, error_kind = ?2,
                 last_error = 'rallybot stopped while sending, too long ago to resend safely'
             WHERE status = 'sending'",
        )
        .bind(to_unix(now))
        .bind(FailureKind::CutOff.as_str())
        .execute(&self.pool)
        .await?;
        Ok((requeued.rows_affected(), abandoned.rows_affected()))
    }

    /// When the next pending item is due, if any.
    pub async fn next_due(&self) -> Result<Option<DateTime<Utc>>> {
        let next: Option<i64> =
            sqlx::query_scalar("SELECT MIN(next_attempt_at) FROM outbox WHERE status = 'pending'")
                .fetch_one(&self.pool)
                .await?;
        next.map(from_unix).transpose()
    }

    /// Every item of a rally, in the order it is due, for tests and moderators.
    pub async fn outbox_of_rally(&self, rally_id: i64) -> Result<Vec<OutboxItem>> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            item_columns!(),
            " FROM outbox WHERE rally_id = ?1 ORDER BY due_at, id"
        ))
        .bind(rally_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(item_from_row).collect()
    }

    /// Items of a server's rallies that failed or may not have gone out, newest first.
    pub async fn failed_items(&self, server_id: i64, limit: i64) -> Result<Vec<OutboxItem>> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            item_columns!(),
            " FROM outbox WHERE status IN ('failed', 'unknown')
               AND rally_id IN (SELECT id FROM rallies WHERE server_id = ?1)
             ORDER BY updated_at DESC, id DESC LIMIT ?2"
        ))
        .bind(server_id)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(item_from_row).collect()
    }

    /// Whether the user has a failed direct message not yet told: one look at a partial
    /// index, as nearly always there is none. It runs after every command, so on the store's
    /// own read connections (readers.rs), without a thread hop.
    pub async fn has_untold_failures(&self, user_id: i64) -> Result<bool> {
        self.readers
            .read(&self.pool, |s| {
                let untold: Option<i64> = s
                    .prepare_cached(UNTOLD_FAILURES_SQL)
                    .and_then(|mut stmt| stmt.query_row([user_id], |row| row.get("untold")))
                    .map_err(failed("checking for untold failures"))?;
                Ok(untold == Some(1))
            })
            .await
    }

    /// Direct messages to `user_id` about the server's rallies that failed and that the user
    /// has not been told about; marks them told. A write: ask `has_untold_failures` first.
    pub async fn take_untold_failures(
        &self,
        server_id: i64,
        user_id: i64,
    ) -> Result<Vec<OutboxItem>> {
        let rows = sqlx::query(concat!(
            "UPDATE outbox SET told_user = 1
             WHERE kind IN ('personal_reminder', 'notice') AND status = 'failed' AND told_user = 0
               AND target_id = ?2 AND rally_id IN (SELECT id FROM rallies WHERE server_id = ?1)
             RETURNING ",
            item_columns!()
        ))
        .bind(server_id)
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?;
        let mut items: Vec<OutboxItem> = rows.iter().map(item_from_row).collect::<Result<_>>()?;
        items.sort_by_key(|i| (i.rally_id, i.id));
        Ok(items)
    }
}

/// Inserts one item for `rally_id` (the import knows a new rally's id only once it is written).
pub(super) async fn insert_item(
    conn: &mut SqliteConnection,
    rally_id: i64,
    item: &NewItem,
    now: DateTime<Utc>,
) -> Result<()> {
    if item.kind == OutboxKind::CardEdit {
        sqlx::query(
            "DELETE FROM outbox WHERE kind = 'card_edit' AND status = 'pending'
                 AND target_id = ?1 AND message_id = ?2",
        )
        .bind(item.target_id)
        .bind(item.message_id)
        .execute(&mut *conn)
        .await?;
    }
    sqlx::query(
        "INSERT INTO outbox (kind, rally_id, target_id, message_id, lead_seconds, payload, due_at,
             next_attempt_at, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8, ?8)",
    )
    .bind(item.kind.as_str())
    .bind(rally_id)
    .bind(item.target_id)
    .bind(item.message_id)
    .bind(item.lead.map(|l| l.num_seconds()))
    .bind(encode_payload(&item.payload)?)
    .bind(to_unix(item.due_at))
    .bind(to_unix(now))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Deletes the rally's reminders that have not been sent.
pub(super) async fn delete_pending_reminders(
    conn: &mut SqliteConnection,
    rally_id: i64,
) -> Result<()> {
    sqlx::query(
        "DELETE FROM outbox WHERE rally_id = ?1 AND status = 'pending'
             AND kind IN ('channel_reminder', 'personal_reminder')",
    )
    .bind(rally_id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

fn encode_payload(payload: &Payload) -> Result<Option<String>> {
    let encode = |e| Error::internal("encoding an outbox payload", e);
    Ok(match payload {
        Payload::None => None,
        Payload::Notice(n) => Some(serde_json::to_string(n).map_err(encode)?),
        Payload::Card(c) => Some(serde_json::to_string(c).map_err(encode)?),
        Payload::Submission(c) => Some(serde_json::to_string(c).map_err(encode)?),
    })
}

fn decode_payload(kind: OutboxKind, raw: Option<String>) -> Result<Payload> {
    let decode = |e| Error::internal("reading an outbox payload", e);
    Ok(match (kind, raw) {
        (_, None) => Payload::None,
        (OutboxKind::Notice, Some(json)) => {
            Payload::Notice(serde_json::from_str::<Notice>(&json).map_err(decode)?)
        }
        (OutboxKind::CardEdit, Some(json)) => {
            Payload::Card(serde_json::from_str::<CardNote>(&json).map_err(decode)?)
        }
        (OutboxKind::ModeratorPost, Some(json)) => {
            Payload::Submission(serde_json::from_str::<Vec<Clash>>(&json).map_err(decode)?)
        }
        (_, Some(_)) => Payload::None,
    })
}

fn item_from_row(row: &SqliteRow) -> Result<OutboxItem> {
    let kind: String = row.try_get("kind")?;
    let status: String = row.try_get("status")?;
    let failure: Option<String> = row.try_get("error_kind")?;
    let bad = |what: String| Error::internal("reading an outbox item", what);
    let kind = OutboxKind::parse(&kind).ok_or_else(|| bad(format!("kind {kind}")))?;
    Ok(OutboxItem {
        id: row.try_get("id")?,
        kind,
        rally_id: row.try_get("rally_id")?,
        target_id: row.try_get("target_id")?,
        message_id: row.try_get("message_id")?,
        lead: row
            .try_get::<Option<i64>, _>("lead_seconds")?
            .map(Duration::seconds),
        payload: decode_payload(kind, row.try_get("payload")?)?,
        nonce: row.try_get("nonce")?,
        due_at: from_unix(row.try_get("due_at")?)?,
        status: OutboxStatus::parse(&status).ok_or_else(|| bad(format!("status {status}")))?,
        attempts: row.try_get("attempts")?,
        next_attempt_at: from_unix(row.try_get("next_attempt_at")?)?,
        last_error: row.try_get("last_error")?,
        failure: failure.as_deref().and_then(FailureKind::parse),
    })
}
