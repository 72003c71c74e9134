//! The languages rallybot speaks to a server and to each person when they did not just ask:
//! written when they change, read when a post or a direct message goes out.
use chrono::{DateTime, Utc};
use sqlx::Row;

use super::{to_unix, Store};
use crate::error::Result;
use crate::i18n::{code, lang_of_code, Lang};

/// How long a person's noted language is trusted before it is written again.
pub(super) const NOTED_TTL: std::time::Duration = std::time::Duration::from_secs(600);

impl Store {
    /// Remembers the language of the person's client; free when it has not changed.
    pub async fn note_user_language(
        &self,
        user_id: i64,
        lang: Lang,
        now: DateTime<Utc>,
    ) -> Result<()> {
        if self.user_languages.get(user_id) == Some(lang) {
            return Ok(());
        }
        sqlx::query(
            "INSERT INTO user_languages (user_id, language, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (user_id) DO UPDATE SET language = ?2, updated_at = ?3
             WHERE user_languages.language IS NOT ?2",
        )
        .bind(user_id)
        .bind(code(lang))
        .bind(to_unix(now))
        .execute(&self.pool)
        .await?;
        self.user_languages.put(user_id, lang);
        Ok(())
    }

    /// The language the person last used with the bot, if they have.
    pub async fn user_language(&self, user_id: i64) -> Result<Option<Lang>> {
        if let Some(lang) = self.user_languages.get(user_id) {
            return Ok(Some(lang));
        }
        let row = sqlx::query("SELECT language FROM user_languages WHERE user_id = ?1")
            .bind(user_id)
            .fetch_optional(&self.pool)
            .await?;
        let stored: Option<String> = row.map(|r| r.try_get("language")).transpose()?;
        Ok(stored.as_deref().and_then(lang_of_code))
    }

    /// Remembers the server's language as Discord gives it, for a server rallybot keeps (one
    /// with settings or rallies: merely being asked creates no row); free when unchanged.
    pub async fn note_server_language(&self, server_id: i64, lang: Lang) -> Result<()> {
        if self.server_languages.get(server_id) == Some(lang) {
            return Ok(());
        }
        if self.server_settings(server_id).await?.discord_language != Some(lang) {
            sqlx::query("UPDATE servers SET discord_language = ?2 WHERE id = ?1")
                .bind(server_id)
                .bind(code(lang))
                .execute(&self.pool)
                .await?;
            self.settings.forget(server_id);
        }
        self.server_languages.put(server_id, lang);
        Ok(())
    }
}
