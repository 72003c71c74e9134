//! `Service::execute`: the one way into the service. Slash commands, buttons, modals and
//! autocomplete from every front end arrive here as a `Request` with the `Caller` beside it,
//! and leave as a `Response` of values.
use super::coalitions::CoalitionDone;
use super::request::{CoalitionRequest, Request};
use super::response::{Answer, ListKind, Response};
use super::Service;
use crate::domain::{Actor, Caller, Complete};
use crate::error::{Result, UserError};

impl Service {
    /// Runs one request for `caller`. Everything but `/rally about` and place suggestions
    /// belongs to a server; the caller is a moderator by Manage Events or the server's
    /// moderator role, decided here whatever the front end claims.
    pub async fn execute(&self, caller: &Caller, request: Request) -> Result<Answer> {
        let quiet = |response| Answer {
            response,
            untold: Vec::new(),
        };
        match request {
            Request::Public(public) => {
                return Ok(quiet(Response::Public(self.public(public).await?)))
            }
            Request::About if caller.origin.server_id.is_none() => {
                return Ok(quiet(Response::About { page: None }))
            }
            _ => {}
        }
        match &request {
            Request::Autocomplete {
                complete: Complete::Place,
                typed,
            } => return Ok(quiet(Response::Choices(self.place_choices(typed)))),
            // Nothing to offer outside a server.
            Request::Autocomplete { .. } if caller.origin.server_id.is_none() => {
                return Ok(quiet(Response::Choices(Vec::new())))
            }
            _ => {}
        }
        let actor = self.actor_of(caller).await?;
        let tells = !matches!(
            request,
            Request::Autocomplete { .. } | Request::CardPosted { .. } | Request::MyData(_)
        );
        if tells {
            self.note_languages(caller, actor.server_id).await;
        }
        let mut response = self.run(&actor, caller, request).await?;
        super::privacy::redact(&actor, &mut response);
        let untold = if tells {
            self.untold_failures(&actor).await?
        } else {
            Vec::new()
        };
        Ok(Answer { response, untold })
    }

    /// The actor a caller is in their server.
    pub async fn actor_of(&self, caller: &Caller) -> Result<Actor> {
        let server = caller.origin.server_id.ok_or(UserError::NeedsServer)?;
        self.actor_for(
            caller.user_id,
            server,
            caller.manage_events,
            &caller.role_ids,
        )
        .await
    }

    async fn run(&self, actor: &Actor, caller: &Caller, request: Request) -> Result<Response> {
        let here = caller.origin.channel_id;
        Ok(match request {
            Request::Create(new) => {
                Response::Created(self.create_rally_in(actor, here, new).await?)
            }
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
            Request::About => Response::About {
                page: self.page_address(&self.store.server_settings(actor.server_id).await?),
            },
            Request::Status => Response::Status(self.delivery_failures(actor).await?),
            Request::Queue => Response::Queue(self.queue(actor).await?),
            Request::Announce {
                rally,
                channel,
                ping,
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
            Request::CardPosted {
                rally,
                channel,
                message,
                kind,
            } => {
                self.record_card(actor, rally, channel, message, kind)
                    .await?;
                Response::CardRecorded
            }
            Request::Approve { rally } => {
                Response::Approved(self.approve_rally(actor, rally).await?)
            }
            Request::AskRejectReason { rally } => {
                self.check_can_reject(actor, rally).await?;
                Response::AskRejectReason { rally }
            }
            Request::Reject { rally, reason } => {
                Response::Rejected(self.reject_rally(actor, rally, reason.as_deref()).await?)
            }
            Request::Log { rally } => Response::Log {
                rally,
                entries: self.audit_log(actor, rally).await?,
            },
            Request::Settings(mut change) => {
                let empty = change == Default::default();
                let settings = if empty {
                    self.settings(actor).await?
                } else {
                    change.server_name = caller.origin.server_name.clone();
                    self.update_settings(actor, change).await?
                };
                Response::Settings {
                    page: self.page_address(&settings),
                    settings,
                }
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
            Request::Coalition(c) => Response::Coalition(self.coalition(actor, caller, c).await?),
            Request::CampaignRemove { rally } => {
                Response::Dropped(self.drop_from_shared_campaign(actor, rally).await?)
            }
            Request::MyData(action) => self.my_data(actor, action).await?,
            // Answered before an actor is looked for: a page has no caller.
            Request::Public(public) => Response::Public(self.public(public).await?),
            Request::Autocomplete { complete, typed } => {
                Response::Choices(self.choices(actor, complete, &typed, caller.lang).await)
            }
        })
    }

    async fn coalition(
        &self,
        actor: &Actor,
        caller: &Caller,
        request: CoalitionRequest,
    ) -> Result<CoalitionDone> {
        let name = caller.origin.server_name.as_deref();
        match request {
            CoalitionRequest::Create { name: coalition } => {
                self.create_coalition(actor, &coalition, name).await
            }
            CoalitionRequest::Invite { coalition } => {
                self.invite_to_coalition(actor, coalition.as_deref()).await
            }
            CoalitionRequest::Join { code } => self.join_coalition(actor, &code, name).await,
            CoalitionRequest::Members { coalition } => {
                self.coalition_members(actor, coalition.as_deref(), name)
                    .await
            }
            CoalitionRequest::Leave { coalition } => {
                self.leave_coalition(actor, coalition.as_deref()).await
            }
            CoalitionRequest::Remove { coalition, server } => {
                self.remove_from_coalition(actor, coalition.as_deref(), &server)
                    .await
            }
        }
    }

    /// Suggestions for what is typed; a failure to find them offers nothing rather than an
    /// error, as Discord can show none.
    async fn choices(
        &self,
        actor: &Actor,
        complete: Complete,
        typed: &str,
        lang: crate::i18n::Lang,
    ) -> Vec<super::choices::Choice> {
        let found = match complete {
            Complete::Place => Ok(self.place_choices(typed)),
            Complete::Rally => self.rally_choices(actor, typed, lang).await,
            // Joining needs an open campaign; looking one up may name an archived one.
            Complete::Campaign { joining } => {
                self.campaign_choices(actor, typed, !joining, lang).await
            }
            Complete::Coalition => self.coalition_choices(actor, typed).await,
        };
        found.unwrap_or_else(|e| {
            crate::error::report(&e, "autocomplete");
            Vec::new()
        })
    }
}
