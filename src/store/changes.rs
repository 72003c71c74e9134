//! Posted rally cards and the outbox of change notices.
use chrono::{DateTime, Utc};
use sqlx::sqlite::SqliteRow;
use sqlx::Row;

use super::{from_unix, to_unix, Store};
use crate::error::{Error, Result};
use crate::service::changes::{CardKind, ChangeNotice, FailedNotice, NoticeKind};

macro_rules! notice_columns {
    () => {
        "id, rally_id, kind, target_id, message_id, text, attempts"
    };
}

impl Store {
    /// Remembers a card the bot posted, so a later change can edit it.
    pub async fn record_card(
        &self,
        rally_id: i64,
        channel_id: i64,
        message_id: i64,
        kind: CardKind,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO rally_cards (channel_id, message_id, rally_id, kind, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING",
        )
        .bind(channel_id)
        .bind(message_id)
        .bind(rally_id)
        .bind(kind.as_str())
        .bind(to_unix(now))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// (channel, message) of every card posted for the rally, oldest first.
    pub async fn cards_of_rally(&self, rally_id: i64) -> Result<Vec<(i64, i64)>> {
        let rows = sqlx::query(
            "SELECT channel_id, message_id FROM rally_cards WHERE rally_id = ?1
             ORDER BY created_at, message_id",
        )
        .bind(rally_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get("channel_id")?, r.try_get("message_id")?)))
            .collect()
    }

    /// Everyone who answered going or interested.
    pub async fn rsvp_user_ids(&self, rally_id: i64) -> Result<Vec<i64>> {
        Ok(
            sqlx::query_scalar("SELECT user_id FROM rsvps WHERE rally_id = ?1 ORDER BY user_id")
                .bind(rally_id)
                .fetch_all(&self.pool)
                .await?,
        )
    }

    /// Queues notices: DMs with their text to `users`, and an edit of each card. A card
    /// already waiting for an edit is not queued twice: the edit shows the rally as it is then.
    pub async fn queue_change_notices(
        &self,
        rally_id: i64,
        users: &[i64],
        text: &str,
        cards: &[(i64, i64)],
        card_note: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        for user in users {
            sqlx::query(
                "INSERT INTO change_notices (rally_id, kind, target_id, text, next_attempt_at,
                     created_at, updated_at)
                 VALUES (?1, 'dm', ?2, ?3, ?4, ?4, ?4)",
            )
            .bind(rally_id)
            .bind(user)
            .bind(text)
            .bind(to_unix(now))
            .execute(&mut *tx)
            .await?;
        }
        for (channel, message) in cards {
            sqlx::query(
                "DELETE FROM change_notices WHERE kind = 'card' AND status = 'pending'
                     AND target_id = ?1 AND message_id = ?2",
            )
            .bind(channel)
            .bind(message)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO change_notices (rally_id, kind, target_id, message_id, text,
                     next_attempt_at, created_at, updated_at)
                 VALUES (?1, 'card', ?2, ?3, ?4, ?5, ?5, ?5)",
            )
            .bind(rally_id)
            .bind(channel)
            .bind(message)
            .bind(card_note)
            .bind(to_unix(now))
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// DMs about rallies that ended more than `grace` ago are skipped: news of a change to a
    /// rally long over helps nobody.
    pub async fn skip_stale_change_notices(
        &self,
        now: DateTime<Utc>,
        ended_before: DateTime<Utc>,
    ) -> Result<u64> {
        let done = sqlx::query(
            "UPDATE change_notices SET status = 'skipped', updated_at = ?1,
                 last_error = 'the rally was over before this could be sent'
             WHERE status = 'pending' AND kind = 'dm' AND next_attempt_at <= ?1
               AND rally_id IN (SELECT id FROM rallies WHERE COALESCE(ends_at, starts_at) < ?2)",
        )
        .bind(to_unix(now))
        .bind(to_unix(ended_before))
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected())
    }

    /// Claims due notices (status `sending`) before anything is sent.
    pub async fn claim_due_change_notices(
        &self,
        now: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<ChangeNotice>> {
        let rows = sqlx::query(concat!(
            "UPDATE change_notices SET status = 'sending', attempts = attempts + 1, updated_at = ?1
             WHERE id IN (SELECT id FROM change_notices
                          WHERE status = 'pending' AND next_attempt_at <= ?1
                          ORDER BY next_attempt_at, id LIMIT ?2)
             RETURNING ",
            notice_columns!()
        ))
        .bind(to_unix(now))
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        let mut claimed: Vec<ChangeNotice> =
            rows.iter().map(notice_from_row).collect::<Result<_>>()?;
        claimed.sort_by_key(|n| n.id);
        Ok(claimed)
    }

    /// Ends a claim: `status` sent, failed or skipped; or back to pending at `retry_at`.
    pub async fn finish_change_notice(
        &self,
        id: i64,
        status: &str,
        error: Option<&str>,
        retry_at: Option<DateTime<Utc>>,
        uncount: bool,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "UPDATE change_notices SET status = ?2, last_error = COALESCE(?3, last_error),
                 next_attempt_at = COALESCE(?4, next_attempt_at), updated_at = ?5,
                 attempts = attempts - ?6
             WHERE id = ?1",
        )
        .bind(id)
        .bind(status)
        .bind(error)
        .bind(retry_at.map(to_unix))
        .bind(to_unix(now))
        .bind(i64::from(uncount))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Notices left `sending` by a stopped process: card edits (harmless to repeat) and DMs
    /// claimed since `resend_after` (their nonce makes a resend one message) go back to
    /// pending; older DMs become `unknown`. Returns (requeued, abandoned).
    pub async fn recover_change_notices(
        &self,
        now: DateTime<Utc>,
        resend_after: DateTime<Utc>,
    ) -> Result<(u64, u64)> {
        let requeued = sqlx::query(
            "UPDATE change_notices SET status = 'pending', next_attempt_at = ?1, updated_at = ?1
             WHERE status = 'sending' AND (kind = 'card' OR updated_at >= ?2)",
        )
        .bind(to_unix(now))
        .bind(to_unix(resend_after))
        .execute(&self.pool)
        .await?;
        let abandoned = sqlx::query(
            "UPDATE change_notices SET status = 'unknown', updated_at = ?1,
                 last_error = 'rallybot stopped while sending, too long ago to resend safely'
             WHERE status = 'sending'",
        )
        .bind(to_unix(now))
        .execute(&self.pool)
        .await?;
        Ok((requeued.rows_affected(), abandoned.rows_affected()))
    }

    pub async fn next_change_notice_at(&self) -> Result<Option<DateTime<Utc>>> {
        let next: Option<i64> = sqlx::query_scalar(
            "SELECT MIN(next_attempt_at) FROM change_notices WHERE status = 'pending'",
        )
        .fetch_one(&self.pool)
        .await?;
        next.map(from_unix).transpose()
    }

    /// (rally, reason) of change DMs to `user_id` in the server that failed and that the user
    /// has not been told about; marks them told. A write: ask `has_untold_failures` first.
    pub async fn take_untold_change_failures(
        &self,
        server_id: i64,
        user_id: i64,
    ) -> Result<Vec<(i64, String)>> {
        let rows = sqlx::query(
            "UPDATE change_notices SET told_user = 1
             WHERE kind = 'dm' AND status = 'failed' AND told_user = 0 AND target_id = ?2
               AND rally_id IN (SELECT id FROM rallies WHERE server_id = ?1)
             RETURNING rally_id, last_error",
        )
        .bind(server_id)
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?;
        let mut out: Vec<(i64, String)> = rows
            .iter()
            .map(|r| {
                let error: Option<String> = r.try_get("last_error")?;
                Ok((r.try_get("rally_id")?, error.unwrap_or_default()))
            })
            .collect::<Result<_>>()?;
        out.sort();
        Ok(out)
    }

    /// Notices of the server's rallies that failed or may not have gone out, newest first.
    pub async fn failed_change_notices(
        &self,
        server_id: i64,
        limit: i64,
    ) -> Result<Vec<FailedNotice>> {
        let rows = sqlx::query(
            "SELECT rally_id, kind, target_id, last_error FROM change_notices
             WHERE status IN ('failed', 'unknown')
               AND rally_id IN (SELECT id FROM rallies WHERE server_id = ?1)
             ORDER BY updated_at DESC, id DESC LIMIT ?2",
        )
        .bind(server_id)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(FailedNotice {
                    rally_id: r.try_get("rally_id")?,
                    kind: kind_of(r)?,
                    target_id: r.try_get("target_id")?,
                    last_error: r.try_get("last_error")?,
                })
            })
            .collect()
    }

    /// (kind, target, status, text) of every notice of a rally, oldest first, for tests and
    /// moderators.
    pub async fn change_notices_of_rally(
        &self,
        rally_id: i64,
    ) -> Result<Vec<(NoticeKind, i64, String, String)>> {
        let rows = sqlx::query(
            "SELECT kind, target_id, status, text FROM change_notices WHERE rally_id = ?1 ORDER BY id",
        )
        .bind(rally_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok((
                    kind_of(r)?,
                    r.try_get("target_id")?,
                    r.try_get("status")?,
                    r.try_get("text")?,
                ))
            })
            .collect()
    }
}

fn kind_of(row: &SqliteRow) -> Result<NoticeKind> {
    let kind: String = row.try_get("kind")?;
    NoticeKind::parse(&kind)
        .ok_or_else(|| Error::internal("reading a change notice", format!("kind {kind}")))
}

fn notice_from_row(row: &SqliteRow) -> Result<ChangeNotice> {
    Ok(ChangeNotice {
        id: row.try_get("id")?,
        rally_id: row.try_get("rally_id")?,
        kind: kind_of(row)?,
        target_id: row.try_get("target_id")?,
        message_id: row.try_get("message_id")?,
        text: row.try_get("text")?,
        attempts: row.try_get("attempts")?,
    })
}
