//! The words a refusal names things with: an action, a rally's state, a field, a permission
//! the bot lacks. Each is a whole phrase of the language, so a sentence around it reads.
use crate::domain::{Action, OwnerAction, RallyAction, RallyStatus};
use crate::error::Field;
use crate::i18n::Lang;
use crate::service::access::BotPermission;
use crate::t;

/// "Only moderators can …": what was asked, as a phrase.
pub fn moderator_action(a: Action, lang: Lang) -> String {
    match a {
        Action::ApproveRallies => t!(lang, "action-approve-rallies"),
        Action::RejectRallies => t!(lang, "action-reject-rallies"),
        Action::AnnounceRallies => t!(lang, "action-announce-rallies"),
        Action::ChangeOrganiser => t!(lang, "action-change-organiser"),
        Action::SeeQueue => t!(lang, "action-see-queue"),
        Action::SeeSettings => t!(lang, "action-see-settings"),
        Action::ChangeSettings => t!(lang, "action-change-settings"),
        Action::SeeUndelivered => t!(lang, "action-see-undelivered"),
        Action::SeeAuditLog => t!(lang, "action-see-audit-log"),
        Action::CreateCampaigns => t!(lang, "action-create-campaigns"),
        Action::EditCampaigns => t!(lang, "action-edit-campaigns"),
        Action::ArchiveCampaigns => t!(lang, "action-archive-campaigns"),
        Action::DropFromSharedCampaign => t!(lang, "action-drop-from-shared"),
        Action::CreateCoalition => t!(lang, "action-create-coalition"),
        Action::InviteToCoalition => t!(lang, "action-invite-to-coalition"),
        Action::JoinCoalition => t!(lang, "action-join-coalition"),
        Action::SeeCoalitionMembers => t!(lang, "action-see-coalition-members"),
        Action::LeaveCoalition => t!(lang, "action-leave-coalition"),
        Action::RemoveFromCoalition => t!(lang, "action-remove-from-coalition"),
    }
}

/// "Only the moderators of the server that owns a coalition can …".
pub fn owner_action(a: OwnerAction, lang: Lang) -> String {
    match a {
        OwnerAction::InviteServers => t!(lang, "owner-action-invite"),
        OwnerAction::RemoveServers => t!(lang, "owner-action-remove"),
        OwnerAction::ShareCampaigns => t!(lang, "owner-action-share"),
    }
}

/// "Only the organiser of rally #12 or a moderator can …": the verb, done to the rally.
pub fn rally_action_on_it(a: RallyAction, lang: Lang) -> String {
    match a {
        RallyAction::Edit => t!(lang, "rally-action-edit-it"),
        RallyAction::Cancel => t!(lang, "rally-action-cancel-it"),
        RallyAction::Approve => t!(lang, "rally-action-approve-it"),
        RallyAction::Announce => t!(lang, "rally-action-announce-it"),
        RallyAction::Reject => t!(lang, "rally-action-reject-it"),
        RallyAction::Rsvp => t!(lang, "rally-action-rsvp-it"),
    }
}

/// "Rally #12 is cancelled, so it can't be …".
pub fn rally_action_refused(a: RallyAction, lang: Lang) -> String {
    match a {
        RallyAction::Edit => t!(lang, "rally-action-edited"),
        RallyAction::Cancel => t!(lang, "rally-action-cancelled"),
        RallyAction::Approve => t!(lang, "rally-action-approved"),
        RallyAction::Announce => t!(lang, "rally-action-announced"),
        RallyAction::Reject => t!(lang, "rally-action-rejected"),
        RallyAction::Rsvp => t!(lang, "rally-action-rsvped"),
    }
}

/// "Rally #12 is …, so".
pub fn state(s: RallyStatus, lang: Lang) -> String {
    match s {
        RallyStatus::Pending => t!(lang, "state-pending"),
        RallyStatus::Approved => t!(lang, "state-approved"),
        RallyStatus::Rejected => t!(lang, "state-rejected"),
        RallyStatus::Cancelled => t!(lang, "state-cancelled"),
    }
}

pub fn field(f: Field, lang: Lang) -> String {
    match f {
        Field::Title => t!(lang, "field-title"),
        Field::Details => t!(lang, "field-details"),
        Field::Address => t!(lang, "field-address"),
        Field::Reason => t!(lang, "field-reason"),
        Field::Contact => t!(lang, "field-contact"),
        Field::Name => t!(lang, "field-name"),
        Field::Description => t!(lang, "field-description"),
    }
}

/// A permission by the name Discord gives it in the language's channel settings.
pub fn permission(p: BotPermission, lang: Lang) -> String {
    match p {
        BotPermission::ViewChannel => t!(lang, "permission-view-channel"),
        BotPermission::SendMessages => t!(lang, "permission-send-messages"),
        BotPermission::EmbedLinks => t!(lang, "permission-embed-links"),
        BotPermission::MentionEveryone => t!(lang, "permission-mention-everyone"),
    }
}
