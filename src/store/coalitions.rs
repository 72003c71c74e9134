//! Coalitions, their member servers and their one-time invitations.
use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use sqlx::sqlite::SqliteRow;
use sqlx::Row;

use super::positions::Shared;
use super::{from_unix, to_unix, Store};
use crate::domain::{Coalition, Member};
use crate::error::Result;

/// The servers a server shares campaigns with: what a search spans and how they are named.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Partners {
    /// Each coalition the server is in, with its members now.
    pub scopes: Vec<Shared>,
    /// Every member of those coalitions, by server id.
    pub names: HashMap<i64, String>,
}

impl Store {
    /// The server's coalitions and their members; read on every nearby search and list, so
    /// kept in memory (cache.rs) and dropped at once when this process changes a membership.
    pub async fn partners(&self, server_id: i64) -> Result<Arc<Partners>> {
        if let Some(kept) = self.partners.get(server_id) {
            return Ok(kept);
        }
        let rows = sqlx::query(
            "SELECT m.coalition_id, m.server_id, m.server_name FROM coalition_members m
             WHERE m.coalition_id IN (SELECT coalition_id FROM coalition_members
                                      WHERE server_id = ?1)
             ORDER BY m.coalition_id, m.server_id",
        )
        .bind(server_id)
        .fetch_all(&self.pool)
        .await?;
        let mut partners = Partners::default();
        for r in &rows {
            let coalition: i64 = r.try_get("coalition_id")?;
            let member: i64 = r.try_get("server_id")?;
            partners.names.insert(member, r.try_get("server_name")?);
            match partners.scopes.last_mut() {
                Some(s) if s.coalition_id == coalition => s.members.push(member),
                _ => partners.scopes.push(Shared {
                    coalition_id: coalition,
                    members: vec![member],
                }),
            }
        }
        let partners = Arc::new(partners);
        self.partners.put(server_id, partners.clone());
        Ok(partners)
    }

    /// Creates a coalition owned by `owner`, who is its first member; `None` when the owner
    /// already has one of that name.
    pub async fn insert_coalition(
        &self,
        owner: i64,
        owner_name: &str,
        name: &str,
        name_key: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<Coalition>> {
        let mut tx = self.pool.begin().await?;
        let id: Option<i64> = sqlx::query_scalar(
            "INSERT INTO coalitions (owner_server_id, name, name_key, created_at)
             VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING RETURNING id",
        )
        .bind(owner)
        .bind(name)
        .bind(name_key)
        .bind(to_unix(now))
        .fetch_optional(&mut *tx)
        .await?;
        let Some(id) = id else {
            return Ok(None);
        };
        sqlx::query(
            "INSERT INTO coalition_members (coalition_id, server_id, server_name, joined_at)
             VALUES (?1, ?2, ?3, ?4)",
        )
        .bind(id)
        .bind(owner)
        .bind(owner_name)
        .bind(to_unix(now))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        self.partners.forget_all();
        self.coalition(id).await
    }

    pub async fn coalition(&self, id: i64) -> Result<Option<Coalition>> {
        let row = sqlx::query(
            "SELECT id, owner_server_id, name, created_at FROM coalitions WHERE id = ?1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(coalition_from_row).transpose()
    }

    /// The coalitions a server belongs to (owned or joined), oldest first.
    pub async fn coalitions_of(&self, server_id: i64) -> Result<Vec<Coalition>> {
        let rows = sqlx::query(
            "SELECT c.id, c.owner_server_id, c.name, c.created_at FROM coalitions c
             JOIN coalition_members m ON m.coalition_id = c.id
             WHERE m.server_id = ?1 ORDER BY c.id",
        )
        .bind(server_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(coalition_from_row).collect()
    }

    /// A coalition's member servers, the owner first, then in the order they joined.
    pub async fn members(&self, coalition_id: i64) -> Result<Vec<Member>> {
        let rows = sqlx::query(
            "SELECT m.server_id, m.server_name, m.joined_at FROM coalition_members m
             JOIN coalitions c ON c.id = m.coalition_id
             WHERE m.coalition_id = ?1
             ORDER BY m.server_id != c.owner_server_id, m.joined_at, m.server_id",
        )
        .bind(coalition_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(Member {
                    server_id: r.try_get("server_id")?,
                    server_name: r.try_get("server_name")?,
                    joined_at: from_unix(r.try_get("joined_at")?)?,
                })
            })
            .collect()
    }

    /// What a nearby search in `server_id` covers besides the server itself: each of its
    /// coalitions with the servers in it now.
    pub async fn shared_scopes(&self, server_id: i64) -> Result<Vec<Shared>> {
        Ok(self.partners(server_id).await?.scopes.clone())
    }

    /// Keeps a member's name as it is called now.
    pub async fn name_member(&self, coalition_id: i64, server_id: i64, name: &str) -> Result<()> {
        sqlx::query(
            "UPDATE coalition_members SET server_name = ?3
             WHERE coalition_id = ?1 AND server_id = ?2 AND server_name != ?3",
        )
        .bind(coalition_id)
        .bind(server_id)
        .bind(name)
        .execute(&self.pool)
        .await?;
        self.partners.forget_all();
        Ok(())
    }

    pub async fn add_invite(
        &self,
        code_hash: &str,
        coalition_id: i64,
        by: i64,
        now: DateTime<Utc>,
        expires: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO coalition_invites (code_hash, coalition_id, created_by, created_at,
                 expires_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        )
        .bind(code_hash)
        .bind(coalition_id)
        .bind(by)
        .bind(to_unix(now))
        .bind(to_unix(expires))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Uses an invitation for `server_id`: its coalition, once, while it has not expired. The
    /// server joins in the same transaction, so a code can never let two servers in.
    pub async fn use_invite(
        &self,
        code_hash: &str,
        server_id: i64,
        server_name: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<i64>> {
        let mut tx = self.pool.begin().await?;
        let coalition: Option<i64> = sqlx::query_scalar(
            "UPDATE coalition_invites SET used_by = ?2
             WHERE code_hash = ?1 AND used_by IS NULL AND expires_at > ?3
             RETURNING coalition_id",
        )
        .bind(code_hash)
        .bind(server_id)
        .bind(to_unix(now))
        .fetch_optional(&mut *tx)
        .await?;
        let Some(coalition) = coalition else {
            return Ok(None);
        };
        sqlx::query(
            "INSERT INTO coalition_members (coalition_id, server_id, server_name, joined_at)
             VALUES (?1, ?2, ?3, ?4)",
        )
        .bind(coalition)
        .bind(server_id)
        .bind(server_name)
        .bind(to_unix(now))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        self.partners.forget_all();
        Ok(Some(coalition))
    }

    /// Ends a membership at once: the server's rallies leave the coalition's shared campaigns
    /// in the same transaction. False when it was not a member.
    pub async fn remove_member(&self, coalition_id: i64, server_id: i64) -> Result<bool> {
        let mut tx = self.pool.begin().await?;
        let gone =
            sqlx::query("DELETE FROM coalition_members WHERE coalition_id = ?1 AND server_id = ?2")
                .bind(coalition_id)
                .bind(server_id)
                .execute(&mut *tx)
                .await?;
        sqlx::query(
            "UPDATE rallies SET campaign_id = NULL
             WHERE server_id = ?2
               AND campaign_id IN (SELECT id FROM campaigns WHERE coalition_id = ?1)",
        )
        .bind(coalition_id)
        .bind(server_id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        self.partners.forget_all();
        Ok(gone.rows_affected() == 1)
    }

    /// Takes one rally out of its campaign, as the shared campaign's owner may.
    pub async fn drop_from_campaign(&self, rally_id: i64, now: DateTime<Utc>) -> Result<()> {
        sqlx::query("UPDATE rallies SET campaign_id = NULL, updated_at = ?2 WHERE id = ?1")
            .bind(rally_id)
            .bind(to_unix(now))
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

fn coalition_from_row(row: &SqliteRow) -> Result<Coalition> {
    Ok(Coalition {
        id: row.try_get("id")?,
        owner_server_id: row.try_get("owner_server_id")?,
        name: row.try_get("name")?,
        created_at: from_unix(row.try_get("created_at")?)?,
    })
}
