//! RSVPs: who is going to or interested in which rally.
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::{to_unix, Store};
use crate::domain::{RsvpCounts, RsvpStatus};
use crate::error::{Error, Result};

impl Store {
    /// Everyone who answered going or interested.
    pub async fn rsvp_user_ids(&self, rally_id: i64) -> Result<Vec<i64>> {
        Ok(
            sqlx::query_scalar("SELECT user_id FROM rsvps WHERE rally_id = ?1 ORDER BY user_id")
                .bind(rally_id)
                .fetch_all(&self.pool)
                .await?,
        )
    }

    pub async fn set_rsvp(
        &self,
        rally_id: i64,
        user_id: i64,
        status: RsvpStatus,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO rsvps (rally_id, user_id, status, updated_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (rally_id, user_id) DO UPDATE SET status = ?3, updated_at = ?4",
        )
        .bind(rally_id)
        .bind(user_id)
        .bind(status.as_str())
        .bind(to_unix(now))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn remove_rsvp(&self, rally_id: i64, user_id: i64) -> Result<()> {
        sqlx::query("DELETE FROM rsvps WHERE rally_id = ?1 AND user_id = ?2")
            .bind(rally_id)
            .bind(user_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn rsvp_of(&self, rally_id: i64, user_id: i64) -> Result<Option<RsvpStatus>> {
        let status: Option<String> =
            sqlx::query_scalar("SELECT status FROM rsvps WHERE rally_id = ?1 AND user_id = ?2")
                .bind(rally_id)
                .bind(user_id)
                .fetch_optional(&self.pool)
                .await?;
        status.map(|s| parse_status(&s)).transpose()
    }

    pub async fn rsvp_counts(&self, rally_id: i64) -> Result<RsvpCounts> {
        Ok(self
            .rsvp_counts_for(&[rally_id])
            .await?
            .remove(&rally_id)
            .unwrap_or_default())
    }

    /// Counts for many rallies in one query.
    pub async fn rsvp_counts_for(&self, rally_ids: &[i64]) -> Result<HashMap<i64, RsvpCounts>> {
        let mut counts = HashMap::new();
        if rally_ids.is_empty() {
            return Ok(counts);
        }
        let rows = sqlx::query(
            "SELECT r.id AS rally_id,
                    r.kept_going + (SELECT COUNT(*) FROM rsvps v
                        WHERE v.rally_id = r.id AND v.status = 'going') AS going,
                    r.kept_interested + (SELECT COUNT(*) FROM rsvps v
                        WHERE v.rally_id = r.id AND v.status = 'interested') AS interested
             FROM rallies r WHERE r.id IN (SELECT value FROM json_each(?1))",
        )
        .bind(serde_json::to_string(rally_ids).map_err(|e| Error::internal("encoding ids", e))?)
        .fetch_all(&self.pool)
        .await?;
        for row in rows {
            counts.insert(
                row.try_get("rally_id")?,
                RsvpCounts {
                    going: row.try_get("going")?,
                    interested: row.try_get("interested")?,
                },
            );
        }
        Ok(counts)
    }

    /// The user's RSVPs in one server: (rally id, status), soonest rally first. CROSS JOIN keeps
    /// SQLite starting from the user's RSVPs; otherwise it walks every rally of the server.
    pub async fn rsvps_of_user(
        &self,
        server_id: i64,
        user_id: i64,
    ) -> Result<Vec<(i64, RsvpStatus)>> {
        let rows = sqlx::query(
            "SELECT r.id, v.status FROM rsvps v CROSS JOIN rallies r ON r.id = v.rally_id
             WHERE v.user_id = ?1 AND r.server_id = ?2 ORDER BY r.starts_at, r.id",
        )
        .bind(user_id)
        .bind(server_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| Ok((row.try_get("id")?, parse_status(row.try_get("status")?)?)))
            .collect()
    }
}

fn parse_status(s: &str) -> Result<RsvpStatus> {
    RsvpStatus::parse(s).ok_or_else(|| Error::internal("reading an RSVP", format!("status {s}")))
}

/// A "going" RSVP and its personal reminder choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GoingRsvp {
    pub user_id: i64,
    /// Seconds before the start; None: the default.
    pub remind_before: Option<i64>,
    pub remind_off: bool,
}

impl Store {
    pub async fn going_rsvps(&self, rally_id: i64) -> Result<Vec<GoingRsvp>> {
        let rows = sqlx::query(
            "SELECT user_id, remind_before, remind_off FROM rsvps
             WHERE rally_id = ?1 AND status = 'going' ORDER BY user_id",
        )
        .bind(rally_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(GoingRsvp {
                    user_id: row.try_get("user_id")?,
                    remind_before: row.try_get("remind_before")?,
                    remind_off: row.try_get("remind_off")?,
                })
            })
            .collect()
    }

    /// Sets the personal reminder choice on an existing RSVP; false when there is none.
    pub async fn set_rsvp_reminder(
        &self,
        rally_id: i64,
        user_id: i64,
        remind_before: Option<i64>,
        remind_off: bool,
    ) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE rsvps SET remind_before = ?3, remind_off = ?4 WHERE rally_id = ?1 AND user_id = ?2",
        )
        .bind(rally_id)
        .bind(user_id)
        .bind(remind_before)
        .bind(remind_off)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }
}
