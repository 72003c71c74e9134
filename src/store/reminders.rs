//! The reminders outbox.
use chrono::{DateTime, Duration, Utc};
use sqlx::sqlite::SqliteRow;
use sqlx::Row;

use super::readers::failed;
use super::{from_unix, to_unix, Store};
use crate::error::{Error, Result};
use crate::service::reminders::{Reminder, ReminderKind, ReminderStatus};

/// A reminder to add: what, for whom, how long before the start, and when.
#[derive(Debug, Clone, PartialEq)]
pub struct NewReminder {
    pub kind: ReminderKind,
    pub target_id: i64,
    pub lead: Duration,
    pub due_at: DateTime<Utc>,
}

macro_rules! reminder_columns {
    () => {
        "id, rally_id, kind, target_id, lead_seconds, due_at, status, attempts, next_attempt_at,
         last_error"
    };
}

/// `Store::has_untold_failures`: asked after every command (?1 the user).
pub const UNTOLD_FAILURES_SQL: &str = "SELECT EXISTS (SELECT 1 FROM reminders
         WHERE kind = 'personal' AND status = 'failed' AND told_user = 0 AND target_id = ?1)
     OR EXISTS (SELECT 1 FROM change_notices
         WHERE kind = 'dm' AND status = 'failed' AND told_user = 0 AND target_id = ?1) AS untold";

impl Store {
    /// Replaces the rally's pending reminders (of one kind and target, or all) with `new`.
    pub async fn replace_pending_reminders(
        &self,
        rally_id: i64,
        only: Option<(ReminderKind, i64)>,
        new: &[NewReminder],
        now: DateTime<Utc>,
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        match only {
            Some((kind, target)) => {
                sqlx::query(
                    "DELETE FROM reminders WHERE rally_id = ?1 AND status = 'pending'
                     AND kind = ?2 AND target_id = ?3",
                )
                .bind(rally_id)
                .bind(kind.as_str())
                .bind(target)
                .execute(&mut *tx)
                .await?;
            }
            None => {
                sqlx::query("DELETE FROM reminders WHERE rally_id = ?1 AND status = 'pending'")
                    .bind(rally_id)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        for r in new {
            sqlx::query(
                "INSERT INTO reminders (rally_id, kind, target_id, lead_seconds, due_at,
                     next_attempt_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6)",
            )
            .bind(rally_id)
            .bind(r.kind.as_str())
            .bind(r.target_id)
            .bind(r.lead.num_seconds())
            .bind(to_unix(r.due_at))
            .bind(to_unix(now))
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Pending reminders that came due after their rally started more than `grace` ago are
    /// skipped: late reminders for a rally long begun help nobody.
    pub async fn skip_stale_reminders(&self, now: DateTime<Utc>, grace: Duration) -> Result<u64> {
        let done = sqlx::query(
            "UPDATE reminders SET status = 'skipped', updated_at = ?1,
                 last_error = 'came due while rallybot was not running, after the rally began'
             WHERE status = 'pending' AND due_at <= ?1
               AND rally_id IN (SELECT id FROM rallies WHERE starts_at < ?2)",
        )
        .bind(to_unix(now))
        .bind(to_unix(now - grace))
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected())
    }

    /// Claims up to `limit` due reminders (status `sending`) before anything is sent, so that
    /// a crash mid-send can never send one twice.
    pub async fn claim_due_reminders(
        &self,
        now: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<Reminder>> {
        let rows = sqlx::query(concat!(
            "UPDATE reminders SET status = 'sending', attempts = attempts + 1, updated_at = ?1
             WHERE id IN (SELECT id FROM reminders WHERE status = 'pending' AND next_attempt_at <= ?1
                          ORDER BY next_attempt_at, id LIMIT ?2)
             RETURNING ",
            reminder_columns!()
        ))
        .bind(to_unix(now))
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        let mut claimed: Vec<Reminder> =
            rows.iter().map(reminder_from_row).collect::<Result<_>>()?;
        claimed.sort_by_key(|r| (r.next_attempt_at, r.id));
        Ok(claimed)
    }

    pub async fn finish_reminder(
        &self,
        id: i64,
        status: ReminderStatus,
        error: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "UPDATE reminders SET status = ?2, last_error = ?3, updated_at = ?4 WHERE id = ?1",
        )
        .bind(id)
        .bind(status.as_str())
        .bind(error)
        .bind(to_unix(now))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn retry_reminder_at(
        &self,
        id: i64,
        at: DateTime<Utc>,
        error: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "UPDATE reminders SET status = 'pending', next_attempt_at = ?2, last_error = ?3,
                 updated_at = ?4
             WHERE id = ?1",
        )
        .bind(id)
        .bind(to_unix(at))
        .bind(error)
        .bind(to_unix(now))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Puts a claimed reminder back unsent, for later, without counting the attempt.
    pub async fn defer_reminder(
        &self,
        id: i64,
        at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "UPDATE reminders SET status = 'pending', next_attempt_at = ?2, updated_at = ?3,
                 attempts = MAX(attempts - 1, 0)
             WHERE id = ?1",
        )
        .bind(id)
        .bind(to_unix(at))
        .bind(to_unix(now))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Reminders left `sending` by a process that stopped mid-send. Those claimed since
    /// `resend_after` go back to pending: they are sent again with the same nonce, which Discord
    /// deduplicates. Older ones are past that window and become `unknown`, never sent again.
    /// Returns (requeued, abandoned).
    pub async fn recover_in_flight_reminders(
        &self,
        now: DateTime<Utc>,
        resend_after: DateTime<Utc>,
    ) -> Result<(u64, u64)> {
        let requeued = sqlx::query(
            "UPDATE reminders SET status = 'pending', next_attempt_at = ?1, updated_at = ?1
             WHERE status = 'sending' AND updated_at >= ?2",
        )
        .bind(to_unix(now))
        .bind(to_unix(resend_after))
        .execute(&self.pool)
        .await?;
        let abandoned = sqlx::query(
            "UPDATE reminders SET status = 'unknown', updated_at = ?1,
                 last_error = 'rallybot stopped while sending, too long ago to resend safely'
             WHERE status = 'sending'",
        )
        .bind(to_unix(now))
        .execute(&self.pool)
        .await?;
        Ok((requeued.rows_affected(), abandoned.rows_affected()))
    }

    /// When the next pending reminder is due, if any.
    pub async fn next_reminder_at(&self) -> Result<Option<DateTime<Utc>>> {
        let next: Option<i64> = sqlx::query_scalar(
            "SELECT MIN(next_attempt_at) FROM reminders WHERE status = 'pending'",
        )
        .fetch_one(&self.pool)
        .await?;
        next.map(from_unix).transpose()
    }

    pub async fn reminders_of_rally(&self, rally_id: i64) -> Result<Vec<Reminder>> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            reminder_columns!(),
            " FROM reminders WHERE rally_id = ?1 ORDER BY due_at, id"
        ))
        .bind(rally_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(reminder_from_row).collect()
    }

    /// Failed reminders of a server's rallies, newest first, for moderators.
    pub async fn failed_reminders(&self, server_id: i64, limit: i64) -> Result<Vec<Reminder>> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            reminder_columns!(),
            " FROM reminders WHERE status IN ('failed', 'unknown')
               AND rally_id IN (SELECT id FROM rallies WHERE server_id = ?1)
             ORDER BY updated_at DESC, id DESC LIMIT ?2"
        ))
        .bind(server_id)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(reminder_from_row).collect()
    }

    /// Whether the user has a failed personal reminder or change notice not yet told: one
    /// look at both partial indexes, as nearly always there is none. It runs after every
    /// command, so on the store's own read connections (readers.rs), without a thread hop.
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

    /// Personal reminders to `user_id` that failed and that the user has not been told about;
    /// marks them told. A write: ask `has_untold_failures` first.
    pub async fn take_untold_failures(
        &self,
        server_id: i64,
        user_id: i64,
    ) -> Result<Vec<Reminder>> {
        let rows = sqlx::query(concat!(
            "UPDATE reminders SET told_user = 1
             WHERE kind = 'personal' AND status = 'failed' AND told_user = 0 AND target_id = ?2
               AND rally_id IN (SELECT id FROM rallies WHERE server_id = ?1)
             RETURNING ",
            reminder_columns!()
        ))
        .bind(server_id)
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(reminder_from_row).collect()
    }
}

fn reminder_from_row(row: &SqliteRow) -> Result<Reminder> {
    let kind: String = row.try_get("kind")?;
    let status: String = row.try_get("status")?;
    let bad = |what: String| Error::internal("reading a reminder", what);
    Ok(Reminder {
        id: row.try_get("id")?,
        rally_id: row.try_get("rally_id")?,
        kind: ReminderKind::parse(&kind).ok_or_else(|| bad(format!("kind {kind}")))?,
        target_id: row.try_get("target_id")?,
        lead: Duration::seconds(row.try_get("lead_seconds")?),
        due_at: from_unix(row.try_get("due_at")?)?,
        status: ReminderStatus::parse(&status).ok_or_else(|| bad(format!("status {status}")))?,
        attempts: row.try_get("attempts")?,
        next_attempt_at: from_unix(row.try_get("next_attempt_at")?)?,
        last_error: row.try_get("last_error")?,
    })
}
