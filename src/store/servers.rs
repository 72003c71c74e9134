//! Server rows and their settings.
use chrono::{DateTime, Duration, Utc};
use sqlx::Row;

use super::{to_unix, Store};
use crate::domain::limits::DEFAULT_RETENTION_DAYS;
use crate::domain::{DistanceUnit, ServerSettings};
use crate::error::{Error, Result};
use crate::i18n::{code, lang_of_code};

/// A stored language code; one this version doesn't know reads as none.
fn language(stored: Option<String>) -> Option<crate::i18n::Lang> {
    stored.as_deref().and_then(lang_of_code)
}

/// Rallies a member may create in a server per day, unless the server says otherwise.
pub const DEFAULT_DAILY_LIMIT: i64 = 5;

/// The reminder offsets a server starts with: a day and an hour before.
pub fn default_reminder_offsets() -> Vec<Duration> {
    vec![Duration::hours(24), Duration::hours(1)]
}

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

    /// The server's settings (defaults for a server never seen); see cache.rs.
    pub async fn server_settings(&self, server_id: i64) -> Result<ServerSettings> {
        if let Some(kept) = self.settings.get(server_id) {
            return Ok(kept);
        }
        let settings = self.read_server_settings(server_id).await?;
        self.settings.put(server_id, settings.clone());
        Ok(settings)
    }

    async fn read_server_settings(&self, server_id: i64) -> Result<ServerSettings> {
        let row = sqlx::query(
            "SELECT require_approval, moderator_role_id, distance_unit, reminder_channel_id,
                    reminder_offsets, announcement_channel_id, moderator_channel_id,
                    announcement_role_id, daily_limit, retention_days, public_page,
                    public_slug, invite_url, language, discord_language
             FROM servers WHERE id = ?1",
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
                reminder_channel_id: None,
                reminder_offsets: default_reminder_offsets(),
                announcement_channel_id: None,
                moderator_channel_id: None,
                announcement_role_id: None,
                daily_limit: DEFAULT_DAILY_LIMIT,
                retention_days: DEFAULT_RETENTION_DAYS,
                public_page: false,
                public_slug: None,
                invite_url: None,
                language: None,
                discord_language: None,
            });
        };
        let unit: String = row.try_get("distance_unit")?;
        let offsets: String = row.try_get("reminder_offsets")?;
        Ok(ServerSettings {
            server_id,
            require_approval: row.try_get("require_approval")?,
            moderator_role_id: row.try_get("moderator_role_id")?,
            distance_unit: DistanceUnit::parse(&unit).ok_or_else(|| {
                Error::internal("reading server settings", format!("unit {unit}"))
            })?,
            reminder_channel_id: row.try_get("reminder_channel_id")?,
            reminder_offsets: parse_offsets(&offsets)?,
            announcement_channel_id: row.try_get("announcement_channel_id")?,
            moderator_channel_id: row.try_get("moderator_channel_id")?,
            announcement_role_id: row.try_get("announcement_role_id")?,
            daily_limit: row.try_get("daily_limit")?,
            retention_days: row.try_get("retention_days")?,
            public_page: row.try_get("public_page")?,
            public_slug: row.try_get("public_slug")?,
            invite_url: row.try_get("invite_url")?,
            language: language(row.try_get("language")?),
            discord_language: language(row.try_get("discord_language")?),
        })
    }

    pub async fn save_server_settings(
        &self,
        settings: &ServerSettings,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let offsets: Vec<String> = settings
            .reminder_offsets
            .iter()
            .map(|d| d.num_seconds().to_string())
            .collect();
        // Whatever happens below, the next read asks the database.
        self.settings.forget(settings.server_id);
        sqlx::query(
            "INSERT INTO servers (id, require_approval, moderator_role_id, distance_unit,
                 reminder_channel_id, reminder_offsets, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)
             ON CONFLICT (id) DO UPDATE SET require_approval = ?2, moderator_role_id = ?3,
                 distance_unit = ?4, reminder_channel_id = ?5, reminder_offsets = ?6,
                 updated_at = ?7",
        )
        .bind(settings.server_id)
        .bind(settings.require_approval)
        .bind(settings.moderator_role_id)
        .bind(settings.distance_unit.as_str())
        .bind(settings.reminder_channel_id)
        .bind(offsets.join(","))
        .bind(to_unix(now))
        .execute(&self.pool)
        .await?;
        sqlx::query(
            "UPDATE servers SET announcement_channel_id = ?2, moderator_channel_id = ?3,
                 announcement_role_id = ?4, daily_limit = ?5, retention_days = ?6,
                 public_page = ?7, public_slug = ?8, invite_url = ?9, language = ?10,
                 discord_language = ?11
             WHERE id = ?1",
        )
        .bind(settings.server_id)
        .bind(settings.announcement_channel_id)
        .bind(settings.moderator_channel_id)
        .bind(settings.announcement_role_id)
        .bind(settings.daily_limit)
        .bind(settings.retention_days)
        .bind(settings.public_page)
        .bind(&settings.public_slug)
        .bind(&settings.invite_url)
        .bind(settings.language.map(code))
        .bind(settings.discord_language.map(code))
        .execute(&self.pool)
        .await?;
        // A read that raced the writes may have kept the old settings.
        self.settings.forget(settings.server_id);
        Ok(())
    }
}

fn parse_offsets(stored: &str) -> Result<Vec<Duration>> {
    stored
        .split(',')
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse::<i64>()
                .map(Duration::seconds)
                .map_err(|_| Error::internal("reading reminder offsets", format!("{stored:?}")))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[tokio::test]
    async fn settings_saved_here_are_read_back_at_once_and_elsewhere_within_the_ttl() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("settings.db").display());
        let here = Store::open(&url).await.unwrap();
        let now = Utc.with_ymd_and_hms(2026, 12, 1, 12, 0, 0).unwrap();
        let server = 77;
        let before = here.server_settings(server).await.unwrap();
        assert_eq!(before.distance_unit, DistanceUnit::Miles);
        let changed = ServerSettings {
            distance_unit: DistanceUnit::Kilometres,
            moderator_role_id: Some(5),
            ..before.clone()
        };
        here.save_server_settings(&changed, now).await.unwrap();
        assert_eq!(here.server_settings(server).await.unwrap(), changed);
        assert_eq!(here.clone().server_settings(server).await.unwrap(), changed);

        // Another process on the same file: it keeps what it read until the TTL passes.
        let mut elsewhere = Store::open(&url).await.unwrap();
        assert_eq!(elsewhere.server_settings(server).await.unwrap(), changed);
        here.save_server_settings(&before, now).await.unwrap();
        assert_eq!(elsewhere.server_settings(server).await.unwrap(), changed);
        elsewhere.settings =
            super::super::cache::ServerCache::new(Duration::zero().to_std().unwrap());
        assert_eq!(elsewhere.server_settings(server).await.unwrap(), before);
    }
}
