//! Server rows and their settings.
use chrono::{DateTime, Utc};
use sqlx::Row;

use super::{to_unix, Store};
use crate::error::{Error, Result};
use crate::service::model::{DistanceUnit, ServerSettings};

impl Store {
    /// Makes sure a row exists for the server, with default settings.
    pub async fn ensure_server(&self, server_id: i64, now: DateTime<Utc>) -> Result<()> {
        sqlx::query(
            "INSERT INTO servers (id, created_at, updated_at) VALUES (?1, ?2, ?2)
             ON CONFLICT (id) DO NOTHING",
        )
        .bind(server_id)
        .bind(to_unix(now))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn server_settings(&self, server_id: i64) -> Result<ServerSettings> {
        let row = sqlx::query(
            "SELECT require_approval, moderator_role_id, distance_unit FROM servers WHERE id = ?1",
        )
        .bind(server_id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else {
            return Ok(ServerSettings {
                server_id,
                require_approval: true,
                moderator_role_id: None,
                distance_unit: DistanceUnit::Miles,
            });
        };
        let unit: String = row.try_get("distance_unit")?;
        Ok(ServerSettings {
            server_id,
            require_approval: row.try_get("require_approval")?,
            moderator_role_id: row.try_get("moderator_role_id")?,
            distance_unit: DistanceUnit::parse(&unit).ok_or_else(|| {
                Error::internal("reading server settings", format!("unit {unit}"))
            })?,
        })
    }

    pub async fn save_server_settings(
        &self,
        settings: &ServerSettings,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO servers (id, require_approval, moderator_role_id, distance_unit, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5)
             ON CONFLICT (id) DO UPDATE SET require_approval = ?2, moderator_role_id = ?3,
                 distance_unit = ?4, updated_at = ?5",
        )
        .bind(settings.server_id)
        .bind(settings.require_approval)
        .bind(settings.moderator_role_id)
        .bind(settings.distance_unit.as_str())
        .bind(to_unix(now))
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
