//! Running a request: the one entry point both front ends call.
use super::campaigns::CampaignSaved;
use super::overview::CampaignOverview;
use super::request::Request;
use super::{Created, Edited, NearResult, Service};
use crate::domain::Campaign;
use crate::domain::{Actor, RallyStatus, RallyView, ServerSettings};
use crate::error::Result;

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
    Settings(ServerSettings),
    /// What could not be delivered.
    Status(super::DeliveryFailures),
    About,
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
            | Response::Settings(_)
            | Response::Status(_)
            | Response::Rsvp(_)
            | Response::RemindMe { .. } => true,
            Response::List { kind, .. } => *kind == ListKind::Queue,
            Response::Edited(_)
            | Response::Cancelled(_)
            | Response::Approved(_)
            | Response::Announce { .. }
            | Response::Rejected(_)
            | Response::About
            | Response::Log { .. }
            | Response::Queue(_) => true,
            Response::Rally(_) => false,
            Response::Campaign(_) => true,
            Response::CampaignOverview(o) => o.origin.is_some(),
            Response::CampaignList { .. } => false,
        }
    }
}

impl Service {
    pub async fn execute(&self, actor: &Actor, request: Request) -> Result<Response> {
        Ok(match request {
            Request::Create(new) => Response::Created(self.create_rally(actor, new).await?),
            Request::Near(query) => Response::Near(self.near(actor, query).await?),
            Request::Info { rally } => Response::Rally(self.show_rally(actor, rally).await?),
            Request::List => Response::List {
                kind: ListKind::Upcoming,
                rallies: self.list_upcoming(actor).await?,
            },
            Request::Rsvp { rally, choice } => {
                Response::Rsvp(self.rsvp(actor, rally, choice).await?)
            }
            Request::RemindMe { rally, before } => Response::RemindMe {
                view: self.remind_me(actor, rally, before).await?,
                before,
            },
            Request::Mine => Response::Mine {
                organising: self.my_rallies(actor).await?,
                answered: self.my_rsvps(actor).await?,
            },
            Request::Edit { rally, edit } => {
                Response::Edited(self.edit_rally(actor, rally, edit).await?)
            }
            Request::Cancel { rally, reason } => {
                Response::Cancelled(self.cancel_rally(actor, rally, reason.as_deref()).await?)
            }
            Request::About => Response::About,
            Request::Status => Response::Status(self.delivery_failures(actor).await?),
            Request::Queue => Response::Queue(self.queue(actor).await?),
            Request::Announce {
                rally,
                channel,
                ping,
                here,
            } => {
                let plan = self
                    .plan_announcement(actor, rally, channel, ping, here)
                    .await?;
                Response::Announce {
                    view: plan.view,
                    channel: plan.channel,
                    ping: plan.ping,
                }
            }
            Request::Approve { rally } => {
                Response::Approved(self.approve_rally(actor, rally).await?)
            }
            Request::Reject { rally, reason } => {
                Response::Rejected(self.reject_rally(actor, rally, reason.as_deref()).await?)
            }
            Request::Log { rally } => Response::Log {
                rally,
                entries: self.audit_log(actor, rally).await?,
            },
            Request::Settings(change) => {
                let empty = change == Default::default();
                Response::Settings(if empty {
                    self.settings(actor).await?
                } else {
                    self.update_settings(actor, change).await?
                })
            }
            Request::ListCampaign { campaign } => {
                let (campaign, rallies) = self.list_campaign(actor, &campaign).await?;
                Response::CampaignList { campaign, rallies }
            }
            Request::CampaignOverview { campaign, place } => Response::CampaignOverview(
                self.campaign_overview(actor, &campaign, place.as_deref())
                    .await?,
            ),
            Request::CampaignCreate(new) => {
                Response::Campaign(self.create_campaign(actor, new).await?)
            }
            Request::CampaignEdit { campaign, edit } => {
                Response::Campaign(self.edit_campaign(actor, &campaign, edit).await?)
            }
            Request::CampaignArchive { campaign, restore } => {
                Response::Campaign(self.archive_campaign(actor, &campaign, restore).await?)
            }
        })
    }
}
