//! Bulk writes for `rallybot import`: every row in one transaction, so a failure leaves
//! nothing half-imported, and few round trips, so a thousand rows take well under a second.
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::rallies::{bind_fields, rally_columns, rally_from_row};
use super::{to_unix, GoingRsvp, Store};
use crate::domain::{NewItem, Rally, RallyFields, RallyStatus};
use crate::error::{Error, Result};

/// One rally to insert (when `existing` is None) or update, with its pending reminders.
#[derive(Debug, Clone)]
pub struct ImportWrite<'a> {
    pub existing: Option<i64>,
    pub key: &'a str,
    pub fields: &'a RallyFields,
    pub contact: &'a str,
    /// Whether to set the campaign from `fields` (an import with --campaign).
    pub set_campaign: bool,
    pub reminders: Vec<NewItem>,
}

impl Store {
    /// A server's rallies with their import keys (None for rallies never imported); only those
    /// with a key unless `all`.
    pub async fn rallies_with_keys(
        &self,
        server_id: i64,
        all: bool,
    ) -> Result<Vec<(Rally, Option<String>)>> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            rally_columns!(),
            ", import_key FROM rallies
             WHERE server_id = ?1 AND (?2 OR import_key IS NOT NULL)
             ORDER BY starts_at, id"
        ))
        .bind(server_id)
        .bind(all)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| Ok((rally_from_row(row)?, row.try_get("import_key")?)))
            .collect()
    }

    /// The "going" RSVPs of many rallies in one query, by rally.
    pub async fn going_rsvps_of(&self, rally_ids: &[i64]) -> Result<HashMap<i64, Vec<GoingRsvp>>> {
        let mut out: HashMap<i64, Vec<GoingRsvp>> = HashMap::new();
        if rally_ids.is_empty() {
            return Ok(out);
        }
        let rows = sqlx::query(
            "SELECT rally_id, user_id, remind_before, remind_off FROM rsvps
             WHERE rally_id IN (SELECT value FROM json_each(?1)) AND status = 'going'
             ORDER BY rally_id, user_id",
        )
        .bind(serde_json::to_string(rally_ids).map_err(|e| Error::internal("encoding ids", e))?)
        .fetch_all(&self.pool)
        .await?;
        for row in rows {
            out.entry(row.try_get("rally_id")?)
                .or_default()
                .push(GoingRsvp {
                    user_id: row.try_get("user_id")?,
                    remind_before: row.try_get("remind_before")?,
                    remind_off: row.try_get("remind_off")?,
                });
        }
        Ok(out)
    }

    /// Writes every row and its reminders in one transaction; `progress` hears each row done.
    pub async fn write_import(
        &self,
        server_id: i64,
        organiser_id: i64,
        writes: &[ImportWrite<'_>],
        now: DateTime<Utc>,
        progress: &mut dyn FnMut(usize),
    ) -> Result<()> {
        let at = now;
        let now = to_unix(now);
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO servers (id, created_at, updated_at) VALUES (?1, ?2, ?2)
             ON CONFLICT (id) DO NOTHING",
        )
        .bind(server_id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        for (done, w) in writes.iter().enumerate() {
            let f = w.fields;
            let id = match w.existing {
                Some(id) => {
                    let update = sqlx::query(
                        "UPDATE rallies SET title = ?2, details = ?3, place_name = ?4,
                             address = ?5, latitude = ?6, longitude = ?7, time_zone = ?8,
                             starts_at = ?9, ends_at = ?10, contact = ?11, import_key = ?12,
                             campaign_id = CASE WHEN ?13 THEN ?14 ELSE campaign_id END,
                             updated_at = ?15
                         WHERE id = ?1",
                    );
                    bind_fields(update.bind(id), f)
                        .bind(w.contact)
                        .bind(w.key)
                        .bind(w.set_campaign)
                        .bind(f.campaign_id)
                        .bind(now)
                        .execute(&mut *tx)
                        .await?;
                    super::outbox::delete_pending_reminders(&mut tx, id).await?;
                    id
                }
                None => {
                    let insert = sqlx::query(
                        "INSERT INTO rallies (server_id, title, details, place_name, address,
                             latitude, longitude, time_zone, starts_at, ends_at, organiser_id,
                             status, created_at, updated_at, campaign_id, contact, import_key)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13,
                             ?14, ?15, ?16)
                         RETURNING id",
                    );
                    bind_fields(insert.bind(server_id), f)
                        .bind(organiser_id)
                        .bind(RallyStatus::Approved.as_str())
                        .bind(now)
                        .bind(f.campaign_id)
                        .bind(w.contact)
                        .bind(w.key)
                        .fetch_one(&mut *tx)
                        .await?
                        .try_get("id")?
                }
            };
            for item in &w.reminders {
                super::outbox::insert_item(&mut tx, id, item, at).await?;
            }
            progress(done + 1);
        }
        tx.commit().await?;
        Ok(())
    }
}
