//! Rally rows.
use chrono::{DateTime, Utc};
use sqlx::query::Query;
use sqlx::{Database, Row, Sqlite};

use super::columns::Columns;
use super::{from_unix, to_unix, Store};
use crate::domain::{AddressVisibility, Rally, RallyFields, RallyStatus};
use crate::error::{Error, Result};

/// The columns `rally_from_row` reads; a macro so queries stay `&'static str` for sqlx.
macro_rules! rally_columns {
    () => {
        "id, server_id, title, details, place_name, address, latitude, longitude, time_zone,
         starts_at, ends_at, organiser_id, channel_id, status, status_reason, created_at,
         updated_at, campaign_id, contact, address_visibility, organiser_gone"
    };
}
pub(super) use rally_columns;

type SqliteQuery<'q> = Query<'q, Sqlite, <Sqlite as Database>::Arguments>;

/// Binds a rally's fields as the next nine parameters, after the query's first: title,
/// details, place_name, address, latitude, longitude, time_zone, starts_at, ends_at. Every
/// write of a rally's fields (here and in import.rs) names them as ?2 to ?10.
pub(super) fn bind_fields<'q>(query: SqliteQuery<'q>, f: &'q RallyFields) -> SqliteQuery<'q> {
    query
        .bind(&f.title)
        .bind(&f.details)
        .bind(&f.place_name)
        .bind(&f.address)
        .bind(f.latitude)
        .bind(f.longitude)
        .bind(f.time_zone.name())
        .bind(to_unix(f.starts_at))
        .bind(f.ends_at.map(to_unix))
}

impl Store {
    pub async fn insert_rally(
        &self,
        server_id: i64,
        organiser_id: i64,
        channel_id: Option<i64>,
        fields: &RallyFields,
        status: RallyStatus,
        now: DateTime<Utc>,
    ) -> Result<Rally> {
        let insert = sqlx::query(
            "INSERT INTO rallies (server_id, title, details, place_name, address, latitude,
                longitude, time_zone, starts_at, ends_at, organiser_id, status, created_at, updated_at,
                channel_id, campaign_id, address_visibility)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, ?14, ?15, ?16)
             RETURNING id",
        );
        let id: i64 = bind_fields(insert.bind(server_id), fields)
            .bind(organiser_id)
            .bind(status.as_str())
            .bind(to_unix(now))
            .bind(channel_id)
            .bind(fields.campaign_id)
            .bind(fields.address_visibility.as_str())
            .fetch_one(&self.pool)
            .await?
            .try_get("id")?;
        self.rally(id)
            .await?
            .ok_or_else(|| Error::internal("reading a new rally", format!("rally {id} vanished")))
    }

    pub async fn rally(&self, id: i64) -> Result<Option<Rally>> {
        let row = sqlx::query(concat!(
            "SELECT ",
            rally_columns!(),
            " FROM rallies WHERE id = ?1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(rally_from_row).transpose()
    }

    pub async fn update_rally_fields(
        &self,
        id: i64,
        fields: &RallyFields,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let update = sqlx::query(
            "UPDATE rallies SET title = ?2, details = ?3, place_name = ?4, address = ?5,
                latitude = ?6, longitude = ?7, time_zone = ?8, starts_at = ?9, ends_at = ?10,
                updated_at = ?11, campaign_id = ?12, address_visibility = ?13
             WHERE id = ?1",
        );
        bind_fields(update.bind(id), fields)
            .bind(to_unix(now))
            .bind(fields.campaign_id)
            .bind(fields.address_visibility.as_str())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Gives a rally a new organiser (who is not gone).
    pub async fn set_organiser(&self, id: i64, user: i64, now: DateTime<Utc>) -> Result<()> {
        sqlx::query(
            "UPDATE rallies SET organiser_id = ?2, organiser_gone = 0, updated_at = ?3 WHERE id = ?1",
        )
        .bind(id)
        .bind(user)
        .bind(to_unix(now))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Moves a rally from one status to another. Returns false when it was no longer in `from`,
    /// so two moderators acting at once can't both succeed.
    pub async fn transition_rally(
        &self,
        id: i64,
        from: &[RallyStatus],
        to: RallyStatus,
        reason: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let from: Vec<&str> = from.iter().map(|s| s.as_str()).collect();
        let done = sqlx::query(
            "UPDATE rallies SET status = ?2, status_reason = ?3, updated_at = ?4
             WHERE id = ?1 AND status IN (SELECT value FROM json_each(?5))",
        )
        .bind(id)
        .bind(to.as_str())
        .bind(reason)
        .bind(to_unix(now))
        .bind(serde_json::to_string(&from).map_err(|e| Error::internal("encoding statuses", e))?)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// A server's rallies in one status that have not ended by `from` (a rally with no end
    /// counts as ended when it starts), soonest first.
    pub async fn rallies_by_status(
        &self,
        server_id: i64,
        status: RallyStatus,
        from: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<Rally>> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            rally_columns!(),
            " FROM rallies
             WHERE server_id = ?1 AND status = ?2 AND COALESCE(ends_at, starts_at) >= ?3
             ORDER BY starts_at, id LIMIT ?4"
        ))
        .bind(server_id)
        .bind(status.as_str())
        .bind(to_unix(from))
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(rally_from_row).collect()
    }

    /// The rallies with these ids, in no particular order.
    pub async fn rallies_by_ids(&self, ids: &[i64]) -> Result<Vec<Rally>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let rows = sqlx::query(concat!(
            "SELECT ",
            rally_columns!(),
            " FROM rallies WHERE id IN (SELECT value FROM json_each(?1))"
        ))
        .bind(serde_json::to_string(ids).map_err(|e| Error::internal("encoding ids", e))?)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(rally_from_row).collect()
    }

    /// Rallies the user organises in one server, soonest first, whatever their status.
    pub async fn rallies_of_organiser(
        &self,
        server_id: i64,
        organiser_id: i64,
        limit: i64,
    ) -> Result<Vec<Rally>> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            rally_columns!(),
            " FROM rallies WHERE server_id = ?1 AND organiser_id = ?2
             ORDER BY starts_at, id LIMIT ?3"
        ))
        .bind(server_id)
        .bind(organiser_id)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(rally_from_row).collect()
    }
}

pub(super) fn rally_from_row<R: Columns>(row: &R) -> Result<Rally> {
    let zone = row.need_text("time_zone")?;
    let status = row.need_text("status")?;
    Ok(Rally {
        id: row.need_int("id")?,
        server_id: row.need_int("server_id")?,
        title: row.need_text("title")?,
        details: row.need_text("details")?,
        place_name: row.need_text("place_name")?,
        address: row.need_text("address")?,
        latitude: row.need_real("latitude")?,
        longitude: row.need_real("longitude")?,
        time_zone: zone
            .parse()
            .map_err(|_| Error::internal("reading a rally", format!("time zone {zone}")))?,
        starts_at: from_unix(row.need_int("starts_at")?)?,
        ends_at: row.int("ends_at")?.map(from_unix).transpose()?,
        organiser_id: row.need_int("organiser_id")?,
        channel_id: row.int("channel_id")?,
        status: RallyStatus::parse(&status)
            .ok_or_else(|| Error::internal("reading a rally", format!("status {status}")))?,
        status_reason: row.text("status_reason")?,
        created_at: from_unix(row.need_int("created_at")?)?,
        updated_at: from_unix(row.need_int("updated_at")?)?,
        campaign_id: row.int("campaign_id")?,
        contact: row.need_text("contact")?,
        address_visibility: {
            let v = row.need_text("address_visibility")?;
            AddressVisibility::parse(&v)
                .ok_or_else(|| Error::internal("reading a rally", format!("visibility {v}")))?
        },
        organiser_gone: row.need_int("organiser_gone")? != 0,
    })
}
