//! What people ask of rallybot, whichever front end they use: a slash command, a button, a
//! modal or autocomplete all become one of these, run by `Service::execute`.
use super::campaigns::{CampaignEdit, NewCampaign};
use super::{NearQuery, NewRally, RallyEdit, SettingsChange};
use crate::domain::{CardKind, Complete, RsvpChoice};

#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    Create(NewRally),
    Near(NearQuery),
    Info {
        rally: i64,
    },
    List,
    Rsvp {
        rally: i64,
        choice: RsvpChoice,
    },
    Mine,
    /// A personal reminder `before` the start, or none.
    RemindMe {
        rally: i64,
        before: Option<chrono::Duration>,
    },
    Edit {
        rally: i64,
        edit: RallyEdit,
    },
    Cancel {
        rally: i64,
        reason: Option<String>,
    },
    About,
    Queue,
    /// Reminders and change notices that failed, for moderators.
    Status,
    Approve {
        rally: i64,
    },
    /// Post the rally's card in a channel (the current one when none is named).
    Announce {
        rally: i64,
        channel: Option<i64>,
        /// Whom to ping; None: the announcement role when one is set.
        ping: Option<super::announce::PingChoice>,
    },
    /// The front end posted a card for a rally: remember it, so later changes edit it.
    CardPosted {
        rally: i64,
        channel: i64,
        message: i64,
        kind: CardKind,
    },
    /// A moderator pressed Reject: check they may, before asking them why.
    AskRejectReason {
        rally: i64,
    },
    Reject {
        rally: i64,
        reason: Option<String>,
    },
    Settings(SettingsChange),
    /// Upcoming rallies of one campaign.
    ListCampaign {
        campaign: String,
    },
    CampaignOverview {
        campaign: String,
        place: Option<String>,
    },
    CampaignCreate(NewCampaign),
    CampaignEdit {
        campaign: String,
        edit: CampaignEdit,
    },
    CampaignArchive {
        campaign: String,
        restore: bool,
    },
    /// The audit log, of one rally or the whole server.
    Log {
        rally: Option<i64>,
    },
    Coalition(CoalitionRequest),
    /// The owner's moderators take another server's rally out of a shared campaign.
    CampaignRemove {
        rally: i64,
    },
    /// What rallybot holds about the caller.
    MyData(MyDataAction),
    /// A public page or calendar, asked for by anyone: no caller, no server of theirs.
    Public(super::public::PublicRequest),
    /// What to offer while someone types an option.
    Autocomplete {
        complete: Complete,
        typed: String,
    },
}

/// `/rallymod coalition …`; `coalition` names one when the server is in several.
#[derive(Debug, Clone, PartialEq)]
pub enum CoalitionRequest {
    Create {
        name: String,
    },
    Invite {
        coalition: Option<String>,
    },
    Join {
        code: String,
    },
    Members {
        coalition: Option<String>,
    },
    Leave {
        coalition: Option<String>,
    },
    Remove {
        coalition: Option<String>,
        server: String,
    },
}

/// `/rally mydata action:…`, and the confirmation of a deletion (a button).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MyDataAction {
    Show,
    Export,
    /// Asks for confirmation first.
    Delete,
    /// Confirmed: deletes.
    ConfirmDelete,
}
