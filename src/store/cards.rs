//! The rally cards the bot posted (announcements, channel reminders), so a change can edit them.
use chrono::{DateTime, Utc};
use sqlx::{Row, SqliteConnection};

use super::{to_unix, Store};
use crate::domain::CardKind;
use crate::error::Result;

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
        let mut conn = self.pool.acquire().await?;
        insert_card(
            &mut conn,
            rally_id,
            channel_id,
            message_id,
            kind,
            to_unix(now),
        )
        .await
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
}

pub(super) async fn insert_card(
    conn: &mut SqliteConnection,
    rally_id: i64,
    channel_id: i64,
    message_id: i64,
    kind: CardKind,
    now: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO rally_cards (channel_id, message_id, rally_id, kind, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING",
    )
    .bind(channel_id)
    .bind(message_id)
    .bind(rally_id)
    .bind(kind.as_str())
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
