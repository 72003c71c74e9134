//! Campaign rows, and the rallies of a campaign.
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::sqlite::SqliteRow;
use sqlx::Row;

use super::rallies::{rally_columns, rally_from_row};
use super::{from_unix, to_unix, Store};
use crate::domain::Campaign;
use crate::domain::{Rally, RallyStatus};
use crate::error::{Error, Result};

/// A macro so queries stay `&'static str` for sqlx.
macro_rules! campaign_columns {
    () => {
        "id, server_id, name, description, starts_on, ends_on, archived, coalition_id, created_at,
         updated_at"
    };
}

/// The condition that a campaign is the server's own or shared with a coalition the server
/// (the parameter named) belongs to.
macro_rules! visible_to {
    ($server:literal) => {
        concat!(
            "(server_id = ",
            $server,
            " OR coalition_id IN (SELECT coalition_id FROM coalition_members WHERE server_id = ",
            $server,
            "))"
        )
    };
}

/// A campaign as stored; `name_key` is the name folded for comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct CampaignRow<'a> {
    pub server_id: i64,
    pub name: &'a str,
    pub name_key: &'a str,
    pub description: &'a str,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub archived: bool,
    pub coalition_id: Option<i64>,
}

impl Store {
    /// Inserts a campaign; `None` when the server already has one with that name key.
    pub async fn insert_campaign(
        &self,
        row: &CampaignRow<'_>,
        now: DateTime<Utc>,
    ) -> Result<Option<Campaign>> {
        let id: Option<i64> = sqlx::query_scalar(
            "INSERT INTO campaigns (server_id, name, name_key, description, starts_on, ends_on,
                 archived, created_at, updated_at, coalition_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9)
             ON CONFLICT (server_id, name_key) DO NOTHING
             RETURNING id",
        )
        .bind(row.server_id)
        .bind(row.name)
        .bind(row.name_key)
        .bind(row.description)
        .bind(row.starts_on.to_string())
        .bind(row.ends_on.to_string())
        .bind(row.archived)
        .bind(to_unix(now))
        .bind(row.coalition_id)
        .fetch_optional(&self.pool)
        .await?;
        match id {
            Some(id) => self.campaign(row.server_id, id).await,
            None => Ok(None),
        }
    }

    /// Saves a campaign's fields; false when another campaign of the server has the name key.
    pub async fn update_campaign(
        &self,
        id: i64,
        row: &CampaignRow<'_>,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE OR IGNORE campaigns SET name = ?3, name_key = ?4, description = ?5,
                 starts_on = ?6, ends_on = ?7, archived = ?8, updated_at = ?9
             WHERE id = ?1 AND server_id = ?2",
        )
        .bind(id)
        .bind(row.server_id)
        .bind(row.name)
        .bind(row.name_key)
        .bind(row.description)
        .bind(row.starts_on.to_string())
        .bind(row.ends_on.to_string())
        .bind(row.archived)
        .bind(to_unix(now))
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// The campaign with this id that this server has: its own, or one shared with a
    /// coalition it belongs to.
    pub async fn campaign(&self, server_id: i64, id: i64) -> Result<Option<Campaign>> {
        let row = sqlx::query(concat!(
            "SELECT ",
            campaign_columns!(),
            " FROM campaigns WHERE id = ?1 AND ",
            visible_to!("?2")
        ))
        .bind(id)
        .bind(server_id)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(campaign_from_row).transpose()
    }

    pub async fn campaign_by_key(
        &self,
        server_id: i64,
        name_key: &str,
    ) -> Result<Option<Campaign>> {
        let row = sqlx::query(concat!(
            "SELECT ",
            campaign_columns!(),
            " FROM campaigns WHERE name_key = ?2 AND ",
            visible_to!("?1"),
            // A server's own campaign comes before a shared one of the same name.
            " ORDER BY server_id = ?1 DESC, id LIMIT 1"
        ))
        .bind(server_id)
        .bind(name_key)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(campaign_from_row).transpose()
    }

    /// The campaigns a server has (its own and those shared with it), latest first.
    pub async fn campaigns(&self, server_id: i64) -> Result<Vec<Campaign>> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            campaign_columns!(),
            " FROM campaigns WHERE ",
            visible_to!("?1"),
            " ORDER BY starts_on DESC, id DESC"
        ))
        .bind(server_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(campaign_from_row).collect()
    }

    /// A campaign's rallies in these statuses, soonest first, ended or not.
    pub async fn campaign_rallies(
        &self,
        campaign_id: i64,
        statuses: &[RallyStatus],
    ) -> Result<Vec<Rally>> {
        let statuses: Vec<&str> = statuses.iter().map(|s| s.as_str()).collect();
        let rows = sqlx::query(concat!(
            "SELECT ",
            rally_columns!(),
            " FROM rallies
             WHERE campaign_id = ?1 AND status IN (SELECT value FROM json_each(?2))
             ORDER BY starts_at, id"
        ))
        .bind(campaign_id)
        .bind(
            serde_json::to_string(&statuses)
                .map_err(|e| Error::internal("encoding statuses", e))?,
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(rally_from_row).collect()
    }

    /// Approved rallies of a campaign that have not ended by `from`, soonest first.
    pub async fn upcoming_in_campaign(
        &self,
        campaign_id: i64,
        from: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<Rally>> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            rally_columns!(),
            " FROM rallies
             WHERE campaign_id = ?1 AND status = 'approved'
               AND COALESCE(ends_at, starts_at) >= ?2
             ORDER BY starts_at, id LIMIT ?3"
        ))
        .bind(campaign_id)
        .bind(to_unix(from))
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(rally_from_row).collect()
    }
}

fn campaign_from_row(row: &SqliteRow) -> Result<Campaign> {
    let date = |column: &str| -> Result<NaiveDate> {
        let text: String = row.try_get(column)?;
        text.parse()
            .map_err(|_| Error::internal("reading a campaign", format!("{column} {text}")))
    };
    Ok(Campaign {
        id: row.try_get("id")?,
        server_id: row.try_get("server_id")?,
        name: row.try_get("name")?,
        description: row.try_get("description")?,
        starts_on: date("starts_on")?,
        ends_on: date("ends_on")?,
        archived: row.try_get("archived")?,
        coalition_id: row.try_get("coalition_id")?,
        created_at: from_unix(row.try_get("created_at")?)?,
        updated_at: from_unix(row.try_get("updated_at")?)?,
    })
}
