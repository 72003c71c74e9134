//! Who the actor is in a server, and the choices offered while typing (autocomplete).
use super::Service;
use crate::domain::LocalTime;
use crate::domain::{Actor, RallyStatus};
use crate::error::Result;
use crate::i18n::Lang;
use places::Gazetteer;

/// Discord allows at most 25 choices, each label at most 100 characters.
pub const MAX_CHOICES: usize = 25;
const MAX_LABEL: usize = 100;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub label: String,
    pub value: String,
}

impl Service {
    /// The actor for a member of a server: a moderator has Manage Events (as Discord computed
    /// it for this member) or the server's configured moderator role.
    pub async fn actor_for(
        &self,
        user_id: i64,
        server_id: i64,
        has_manage_events: bool,
        role_ids: &[i64],
    ) -> Result<Actor> {
        let is_moderator = has_manage_events || {
            let settings = self.store.server_settings(server_id).await?;
            settings
                .moderator_role_id
                .is_some_and(|role| role_ids.contains(&role))
        };
        Ok(Actor {
            user_id,
            server_id,
            is_moderator,
        })
    }

    /// Rallies the actor may see whose title or place contains what was typed, soonest first.
    /// Moderators also get pending ones, so approve and reject can autocomplete. Labels are
    /// in `lang`.
    pub async fn rally_choices(
        &self,
        actor: &Actor,
        typed: &str,
        lang: Lang,
    ) -> Result<Vec<Choice>> {
        let now = self.now();
        let mut rallies = self
            .store
            .rallies_by_status(actor.server_id, RallyStatus::Approved, now, 200)
            .await?;
        let mut own = self
            .store
            .rallies_of_organiser(actor.server_id, actor.user_id, 200)
            .await?;
        if actor.is_moderator {
            own.extend(
                self.store
                    .rallies_by_status(actor.server_id, RallyStatus::Pending, now, 200)
                    .await?,
            );
        }
        own.retain(|r| {
            matches!(r.status, RallyStatus::Pending | RallyStatus::Approved)
                && r.ends_at.unwrap_or(r.starts_at) >= now
        });
        rallies.extend(own);
        rallies.sort_by_key(|r| (r.starts_at, r.id));
        rallies.dedup_by_key(|r| r.id);
        let needle = typed.trim().trim_start_matches('#').to_lowercase();
        Ok(rallies
            .into_iter()
            .filter(|r| {
                needle.is_empty()
                    || r.id.to_string() == needle
                    || r.title.to_lowercase().contains(&needle)
                    || r.place_name.to_lowercase().contains(&needle)
            })
            .take(MAX_CHOICES)
            .map(|r| {
                let starts = LocalTime {
                    at: r.starts_at,
                    zone: r.time_zone,
                };
                let label = crate::text::choices::rally(
                    r.id,
                    &r.title,
                    short_place(&r.place_name),
                    starts,
                    r.status == RallyStatus::Pending,
                    lang,
                );
                Choice {
                    label: truncate(&label),
                    value: r.id.to_string(),
                }
            })
            .collect())
    }

    /// Places whose name starts with what was typed, most populous first.
    pub fn place_choices(&self, typed: &str) -> Vec<Choice> {
        Gazetteer::global()
            .autocomplete(typed, MAX_CHOICES)
            .into_iter()
            .map(|s| Choice {
                label: truncate(&s.label),
                value: truncate(&s.label),
            })
            .collect()
    }
}

/// A place label cut to its town, to keep a choice short: "Austin" from "Austin, Texas, US",
/// "78701 (Austin, Texas, US)" and "30.2672, -97.7431 (near Austin, Texas, US)". Bare
/// coordinates stay whole, since their first part alone says nothing.
fn short_place(label: &str) -> &str {
    let town = match label.split_once(" (") {
        Some((_, named)) => named.strip_prefix("near ").unwrap_or(named),
        None if label
            .split(',')
            .next()
            .is_some_and(|n| n.trim().parse::<f64>().is_ok()) =>
        {
            return label;
        }
        None => label,
    };
    town.split(',')
        .next()
        .unwrap_or(town)
        .trim_end_matches(')')
        .trim()
}

fn truncate(s: &str) -> String {
    if s.chars().count() <= MAX_LABEL {
        return s.to_string();
    }
    let mut out: String = s.chars().take(MAX_LABEL - 1).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::short_place;

    #[test]
    fn a_place_is_cut_to_its_town() {
        for (label, town) in [
            ("Austin, Texas, US", "Austin"),
            ("78701 (Austin, Texas, US)", "Austin"),
            ("30.2672, -97.7431 (near Austin, Texas, US)", "Austin"),
            ("Suva, FJ", "Suva"),
            ("Zürich, Zurich, CH", "Zürich"),
            ("-30.0000, -130.0000", "-30.0000, -130.0000"),
            ("Springfield", "Springfield"),
        ] {
            assert_eq!(short_place(label), town, "{label}");
        }
    }
}
