//! Coalitions: servers that share campaigns. A server's moderators create one and own it; a
//! moderator of another server joins with a one-time code the owner's moderators give out.
//! Only shared campaigns cross servers; every coalition action is in the acting server's
//! audit log.
use sha2::{Digest, Sha256};

use super::campaigns::name_key;
use super::permissions::require_moderator;
use super::Service;
use crate::domain::limits::{COALITION_NAME_MAX, INVITE_VALID, MAX_COALITIONS};
use crate::domain::{Action, Actor, Coalition, Member, OwnerAction};
use crate::error::{CoalitionProblem, Error, Result, UserError};

/// A new invitation: the code is shown once, to the moderator who asked for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Invite {
    pub coalition: Coalition,
    pub code: String,
    pub expires_at: chrono::DateTime<chrono::Utc>,
}

/// What a coalition command did, for the reply.
#[derive(Debug, Clone, PartialEq)]
pub enum CoalitionDone {
    Created(Coalition),
    Invited(Invite),
    Joined(Coalition),
    Members {
        coalition: Coalition,
        members: Vec<Member>,
    },
    Left(Coalition),
    Removed {
        coalition: Coalition,
        server: Member,
    },
}

/// Letters and digits that can't be mistaken for one another when read aloud or copied.
const CODE_ALPHABET: &[u8; 32] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/// A fresh code of 20 random characters (100 bits), in groups of five.
fn new_code() -> Result<String> {
    let mut bytes = [0u8; 20];
    getrandom::fill(&mut bytes)
        .map_err(|e| Error::internal("making an invitation code", e.to_string()))?;
    let chars: Vec<char> = bytes
        .iter()
        .map(|b| CODE_ALPHABET[(*b as usize) % CODE_ALPHABET.len()] as char)
        .collect();
    Ok(chars
        .chunks(5)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-"))
}

/// What is stored of a code: its hash, after the spelling people may vary is taken out.
fn code_hash(code: &str) -> String {
    let normal: String = code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let digest = Sha256::digest(normal.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

fn coalition_name(raw: &str) -> Result<String, UserError> {
    let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let len = name.chars().count();
    if name.is_empty() || len > COALITION_NAME_MAX || name.chars().any(char::is_control) {
        return Err(UserError::CoalitionInvalid(CoalitionProblem::BadName {
            max: COALITION_NAME_MAX,
        }));
    }
    if name.contains('|') {
        return Err(UserError::CoalitionInvalid(CoalitionProblem::NameWithBar));
    }
    Ok(name)
}

impl Service {
    /// The name the actor's server goes by in its coalitions.
    fn server_label(actor: &Actor, name: Option<&str>) -> String {
        name.map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_string)
            .unwrap_or_else(|| format!("server {}", actor.server_id))
    }

    async fn require_room(&self, server_id: i64) -> Result<()> {
        if self.store.coalitions_of(server_id).await?.len() >= MAX_COALITIONS {
            return Err(UserError::TooManyCoalitions {
                max: MAX_COALITIONS,
            }
            .into());
        }
        Ok(())
    }

    pub async fn create_coalition(
        &self,
        actor: &Actor,
        name: &str,
        server_name: Option<&str>,
    ) -> Result<CoalitionDone> {
        require_moderator(actor, Action::CreateCoalition)?;
        let name = coalition_name(name)?;
        let now = self.now();
        self.store.ensure_server(actor.server_id, now).await?;
        self.require_room(actor.server_id).await?;
        let label = Self::server_label(actor, server_name);
        let coalition = self
            .store
            .insert_coalition(actor.server_id, &label, &name, &name_key(&name), now)
            .await?
            .ok_or(UserError::CoalitionNameTaken { name: name.clone() })?;
        self.audit(actor, None, "coalition create", "", &name)
            .await?;
        tracing::info!(
            coalition = coalition.id,
            server = actor.server_id,
            "coalition created"
        );
        Ok(CoalitionDone::Created(coalition))
    }

    /// A coalition the actor's server belongs to, by name or "#12"; when it belongs to only
    /// one, that one if no name is given.
    pub async fn coalition_of(&self, actor: &Actor, reference: Option<&str>) -> Result<Coalition> {
        let mine = self.store.coalitions_of(actor.server_id).await?;
        let reference = reference.map(str::trim).filter(|r| !r.is_empty());
        let found = match reference {
            None if mine.len() == 1 => mine.first().cloned(),
            None => None,
            Some(r) => {
                let key = name_key(r.trim_start_matches('#'));
                mine.iter()
                    .find(|c| name_key(&c.name) == name_key(r) || c.id.to_string() == key)
                    .cloned()
            }
        };
        found.ok_or_else(|| {
            UserError::CoalitionNotFound {
                name: reference.unwrap_or("").to_string(),
                known: mine.iter().map(|c| c.name.clone()).collect(),
            }
            .into()
        })
    }

    /// Only the owner's moderators invite and remove.
    fn require_owner(actor: &Actor, c: &Coalition, action: OwnerAction) -> Result<()> {
        if c.owner_server_id != actor.server_id {
            return Err(UserError::CoalitionOwnersOnly { action }.into());
        }
        Ok(())
    }

    pub async fn invite_to_coalition(
        &self,
        actor: &Actor,
        reference: Option<&str>,
    ) -> Result<CoalitionDone> {
        require_moderator(actor, Action::InviteToCoalition)?;
        let coalition = self.coalition_of(actor, reference).await?;
        Self::require_owner(actor, &coalition, OwnerAction::InviteServers)?;
        let code = new_code()?;
        let now = self.now();
        let expires_at = now + INVITE_VALID;
        self.store
            .add_invite(
                &code_hash(&code),
                coalition.id,
                actor.user_id,
                now,
                expires_at,
            )
            .await?;
        // The code itself is never logged or stored.
        self.audit(actor, None, "coalition invite", "", &coalition.name)
            .await?;
        Ok(CoalitionDone::Invited(Invite {
            coalition,
            code,
            expires_at,
        }))
    }

    pub async fn join_coalition(
        &self,
        actor: &Actor,
        code: &str,
        server_name: Option<&str>,
    ) -> Result<CoalitionDone> {
        require_moderator(actor, Action::JoinCoalition)?;
        let now = self.now();
        self.store.ensure_server(actor.server_id, now).await?;
        self.require_room(actor.server_id).await?;
        let label = Self::server_label(actor, server_name);
        let hash = code_hash(code);
        // A server already in the coalition keeps the code unused for another.
        let joined = match self
            .store
            .use_invite(&hash, actor.server_id, &label, now)
            .await
        {
            Ok(joined) => joined,
            Err(e) if is_unique_violation(&e) => {
                return Err(UserError::AlreadyInCoalition.into());
            }
            Err(e) => return Err(e),
        };
        let id = joined.ok_or(UserError::BadInviteCode)?;
        let coalition = self
            .store
            .coalition(id)
            .await?
            .ok_or(UserError::BadInviteCode)?;
        self.audit(actor, None, "coalition join", "", &coalition.name)
            .await?;
        tracing::info!(
            coalition = id,
            server = actor.server_id,
            "server joined a coalition"
        );
        Ok(CoalitionDone::Joined(coalition))
    }

    pub async fn coalition_members(
        &self,
        actor: &Actor,
        reference: Option<&str>,
        server_name: Option<&str>,
    ) -> Result<CoalitionDone> {
        require_moderator(actor, Action::SeeCoalitionMembers)?;
        let coalition = self.coalition_of(actor, reference).await?;
        if let Some(name) = server_name {
            self.store
                .name_member(coalition.id, actor.server_id, name)
                .await?;
        }
        let members = self.store.members(coalition.id).await?;
        Ok(CoalitionDone::Members { coalition, members })
    }

    pub async fn leave_coalition(
        &self,
        actor: &Actor,
        reference: Option<&str>,
    ) -> Result<CoalitionDone> {
        require_moderator(actor, Action::LeaveCoalition)?;
        let coalition = self.coalition_of(actor, reference).await?;
        if coalition.owner_server_id == actor.server_id {
            return Err(UserError::OwnerCannotLeave {
                name: coalition.name,
            }
            .into());
        }
        self.store
            .remove_member(coalition.id, actor.server_id)
            .await?;
        self.audit(actor, None, "coalition leave", &coalition.name, "")
            .await?;
        Ok(CoalitionDone::Left(coalition))
    }

    pub async fn remove_from_coalition(
        &self,
        actor: &Actor,
        reference: Option<&str>,
        server: &str,
    ) -> Result<CoalitionDone> {
        require_moderator(actor, Action::RemoveFromCoalition)?;
        let coalition = self.coalition_of(actor, reference).await?;
        Self::require_owner(actor, &coalition, OwnerAction::RemoveServers)?;
        let members = self.store.members(coalition.id).await?;
        let wanted = server.trim();
        let member = members
            .into_iter()
            .find(|m| {
                m.server_id.to_string() == wanted || name_key(&m.server_name) == name_key(wanted)
            })
            .filter(|m| m.server_id != actor.server_id)
            .ok_or_else(|| UserError::NotAMember {
                server: wanted.to_string(),
                coalition: coalition.name.clone(),
            })?;
        self.store
            .remove_member(coalition.id, member.server_id)
            .await?;
        let before = format!("{} ({})", member.server_name, member.server_id);
        self.audit(actor, None, "coalition remove", &before, &coalition.name)
            .await?;
        Ok(CoalitionDone::Removed {
            coalition,
            server: member,
        })
    }
}

impl Service {
    /// The actor's server's coalitions whose name contains what was typed.
    pub async fn coalition_choices(
        &self,
        actor: &Actor,
        typed: &str,
    ) -> Result<Vec<super::choices::Choice>> {
        let needle = name_key(typed);
        Ok(self
            .store
            .coalitions_of(actor.server_id)
            .await?
            .into_iter()
            .filter(|c| name_key(&c.name).contains(&needle))
            .take(super::choices::MAX_CHOICES)
            .map(|c| super::choices::Choice {
                label: c.name.chars().take(100).collect(),
                value: c.name,
            })
            .collect())
    }
}

fn is_unique_violation(e: &Error) -> bool {
    match e {
        Error::Internal { source, .. } => source
            .downcast_ref::<sqlx::Error>()
            .and_then(|e| e.as_database_error())
            .is_some_and(|d| d.is_unique_violation()),
        Error::User(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_long_random_and_read_back_whatever_the_spelling() {
        let a = new_code().unwrap();
        let b = new_code().unwrap();
        assert_ne!(a, b);
        assert_eq!(a.len(), 23, "{a}");
        assert_eq!(
            code_hash(&a),
            code_hash(&a.to_lowercase().replace('-', " "))
        );
        assert_ne!(code_hash(&a), code_hash(&b));
        assert!(!code_hash(&a).contains(&a.replace('-', "")));
    }
}
