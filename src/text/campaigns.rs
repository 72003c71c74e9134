//! The words of a moderator's campaign replies: what was done, and the campaign's days.
use super::Style;
use crate::i18n::Lang;
use crate::service::campaigns::{CampaignAction, CampaignSaved};
use crate::t;

/// "Campaign "Week of Action" is created."
pub fn saved(s: &CampaignSaved, style: &dyn Style, lang: Lang) -> String {
    let id = match s.action {
        CampaignAction::Created => "campaign-created",
        CampaignAction::Edited => "campaign-edited",
        CampaignAction::Archived => "campaign-archived",
        CampaignAction::Restored => "campaign-restored",
    };
    t!(lang, id, name = style.text(&s.campaign.name))
}
