//! What a request produced, as values, for a front end to render.
use super::campaigns::CampaignSaved;
use super::overview::CampaignOverview;
use super::{Created, Edited, NearResult};
use crate::domain::{Campaign, RallyStatus, RallyView, ServerSettings};

/// What a request produced, for a front end to render.
#[derive(Debug, Clone, PartialEq)]
pub enum Response {
    Created(Created),
    Near(NearResult),
    Rally(RallyView),
    Rsvp(RallyView),
    /// A personal reminder set (`Some(lead)`) or turned off.
    RemindMe {
        view: RallyView,
        before: Option<chrono::Duration>,
    },
    Edited(Edited),
    Cancelled(RallyView),
    Approved(RallyView),
    /// A card to post in `channel` (None: where the command was used).
    Announce {
        view: RallyView,
        channel: Option<i64>,
        /// Exactly whom the post may ping.
        ping: Option<crate::service::announce::Ping>,
    },
    Rejected(RallyView),
    List {
        kind: ListKind,
        rallies: Vec<RallyView>,
    },
    Mine {
        organising: Vec<RallyView>,
        answered: Vec<RallyView>,
    },
    /// The settings, and the address of the public pages while they are on.
    Settings {
        settings: ServerSettings,
        page: Option<String>,
    },
    /// What could not be delivered.
    Status(super::DeliveryFailures),
    /// What rallybot is, and the server's public pages while they are on.
    About {
        page: Option<String>,
    },
    /// A public page or calendar: rallies without the people.
    Public(crate::service::public::PublicPage),
    /// A campaign created, edited, archived or restored.
    Campaign(CampaignSaved),
    CampaignOverview(CampaignOverview),
    /// Upcoming rallies of one campaign, soonest first.
    CampaignList {
        campaign: Campaign,
        rallies: Vec<RallyView>,
    },
    /// The approval queue, each rally flagged when it clashes.
    Queue(Vec<crate::service::queue::QueueEntry>),
    /// Audit entries, newest first; `rally` when the log of one rally was asked for.
    Log {
        rally: Option<i64>,
        entries: Vec<crate::domain::AuditEntry>,
    },
    /// What to offer as someone types.
    Choices(Vec<crate::service::choices::Choice>),
    /// The moderator may reject the rally: ask them why.
    AskRejectReason {
        rally: i64,
    },
    /// A posted card is remembered.
    CardRecorded,
    Coalition(crate::service::coalitions::CoalitionDone),
    /// A rally taken out of a shared campaign.
    Dropped(RallyView),
    /// What rallybot holds about the asker.
    MyData(crate::store::Held),
    MyDataExport {
        json: String,
    },
    /// Delete everything? Asked before it is done.
    ConfirmForget,
    Forgotten(crate::store::Forgotten),
}

/// A response, with what the person should hear besides: direct messages that could not
/// reach them, told once.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub response: Response,
    pub untold: Vec<crate::domain::OutboxItem>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    Upcoming,
    Queue,
}

impl Response {
    /// Personal answers are shown only to the person who asked.
    pub fn is_private(&self) -> bool {
        match self {
            // A submission waiting for review is nobody else's business yet.
            Response::Created(c) => c.view.rally.status != RallyStatus::Approved,
            // Where someone searches from says where they are.
            Response::Near(_) => true,
            Response::Mine { .. }
            | Response::Settings { .. }
            | Response::Status(_)
            | Response::Rsvp(_)
            | Response::RemindMe { .. } => true,
            Response::List { kind, .. } => *kind == ListKind::Queue,
            Response::Edited(_)
            | Response::Cancelled(_)
            | Response::Approved(_)
            | Response::Announce { .. }
            | Response::Rejected(_)
            | Response::About { .. }
            | Response::Log { .. }
            | Response::Queue(_) => true,
            Response::Rally(_) | Response::Public(_) => false,
            Response::Campaign(_) => true,
            Response::CampaignOverview(o) => o.origin.is_some(),
            Response::CampaignList { .. } => false,
            Response::Choices(_) | Response::AskRejectReason { .. } | Response::CardRecorded => {
                true
            }
            // A coalition's codes and members are for the moderator who asked.
            Response::Coalition(_) | Response::Dropped(_) => true,
            Response::MyData(_)
            | Response::MyDataExport { .. }
            | Response::ConfirmForget
            | Response::Forgotten(_) => true,
        }
    }
}
