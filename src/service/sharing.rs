//! What crosses between the servers of a coalition: the approved rallies of its shared
//! campaigns, marked with the server they come from, and nothing else.
use std::collections::HashMap;

use super::Service;
use crate::domain::{Actor, Rally, RallyView};
use crate::error::{Result, UserError};

impl Service {
    /// Whether `rally` (of another server) is in a campaign shared with `server_id` through a
    /// coalition that both servers belong to now.
    pub(crate) async fn shared_with(&self, rally: &Rally, server_id: i64) -> Result<bool> {
        let Some(campaign_id) = rally.campaign_id else {
            return Ok(false);
        };
        let Some(campaign) = self.store.campaign(server_id, campaign_id).await? else {
            return Ok(false);
        };
        let Some(coalition) = campaign.coalition_id else {
            return Ok(false);
        };
        let partners = self.store.partners(server_id).await?;
        Ok(partners
            .scopes
            .iter()
            .any(|s| s.coalition_id == coalition && s.members.contains(&rally.server_id)))
    }

    /// Marks each view of another server's rally with that server's name.
    pub(crate) async fn mark_servers(&self, actor: &Actor, views: &mut [RallyView]) -> Result<()> {
        if views.iter().all(|v| v.rally.server_id == actor.server_id) {
            return Ok(());
        }
        let partners = self.store.partners(actor.server_id).await?;
        let names = &partners.names;
        for v in views
            .iter_mut()
            .filter(|v| v.rally.server_id != actor.server_id)
        {
            v.from_server = Some(
                names
                    .get(&v.rally.server_id)
                    .cloned()
                    .unwrap_or_else(|| format!("server {}", v.rally.server_id)),
            );
        }
        Ok(())
    }

    /// Of a campaign's rallies, those the actor's server may see: its own, and other
    /// servers' only while they share the campaign with it.
    pub(crate) async fn shared_only(
        &self,
        actor: &Actor,
        rallies: Vec<Rally>,
    ) -> Result<Vec<Rally>> {
        let mut out = Vec::with_capacity(rallies.len());
        let mut verdicts: HashMap<(i64, Option<i64>), bool> = HashMap::new();
        for r in rallies {
            if r.server_id == actor.server_id {
                out.push(r);
                continue;
            }
            let key = (r.server_id, r.campaign_id);
            let ok = match verdicts.get(&key) {
                Some(ok) => *ok,
                None => {
                    let ok = self.shared_with(&r, actor.server_id).await?;
                    verdicts.insert(key, ok);
                    ok
                }
            };
            if ok && matches!(r.status, crate::domain::RallyStatus::Approved) {
                out.push(r);
            }
        }
        Ok(out)
    }

    /// Takes a member server's rally out of a shared campaign: what the owner's moderators may
    /// do to another server's rally (they may not edit it).
    pub async fn drop_from_shared_campaign(&self, actor: &Actor, id: i64) -> Result<RallyView> {
        super::permissions::require_moderator(
            actor,
            crate::domain::Action::DropFromSharedCampaign,
        )?;
        let rally = self.visible_rally(actor, id).await?;
        let campaign = match rally.campaign_id {
            Some(c) => self.store.campaign(actor.server_id, c).await?,
            None => None,
        };
        let Some(campaign) = campaign.filter(|c| c.coalition_id.is_some()) else {
            return Err(UserError::NotInSharedCampaign { id }.into());
        };
        if campaign.server_id != actor.server_id {
            return Err(UserError::SharedCampaignOwnersOnly {
                name: campaign.name,
            }
            .into());
        }
        self.store.drop_from_campaign(id, self.now()).await?;
        self.audit(actor, Some(id), "campaign remove", &campaign.name, "")
            .await?;
        let rally = self
            .store
            .rally(id)
            .await?
            .ok_or(UserError::RallyNotFound { id })?;
        self.view(actor, rally).await
    }
}
