//! What someone asked to do, as a refusal names it: "Only moderators can approve rallies",
//! "Rally #12 is cancelled, so it can't be edited". The words are in the catalogue
//! (src/text/actions.rs), so a refusal reads in the asker's language.

/// A change to one rally, refused by its state ("can't be edited") or by who asks ("can
/// edit it").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RallyAction {
    Edit,
    Cancel,
    Approve,
    Announce,
    Reject,
    Rsvp,
}

/// What only moderators may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    ApproveRallies,
    RejectRallies,
    AnnounceRallies,
    ChangeOrganiser,
    SeeQueue,
    SeeSettings,
    ChangeSettings,
    SeeUndelivered,
    SeeAuditLog,
    CreateCampaigns,
    EditCampaigns,
    ArchiveCampaigns,
    DropFromSharedCampaign,
    CreateCoalition,
    InviteToCoalition,
    JoinCoalition,
    SeeCoalitionMembers,
    LeaveCoalition,
    RemoveFromCoalition,
}

/// What only the moderators of the server that owns a coalition may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OwnerAction {
    InviteServers,
    RemoveServers,
    ShareCampaigns,
}
