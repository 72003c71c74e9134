//! The gateway event handler: registers commands once, then turns each interaction into a
//! service call and its reply. Each interaction runs in its own task, so a panic in one is
//! logged and answered with an apology while everyone else is still served.
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use serenity::all::{
    async_trait, Command, CommandInteraction, ComponentInteraction, Context,
    CreateAutocompleteResponse, CreateInteractionResponse, CreateInteractionResponseMessage,
    EventHandler, GuildId, Interaction, Ready, ResumedEvent,
};
use serenity::all::{
    ActionRowComponent, ChannelId, CreateActionRow, CreateAllowedMentions, CreateInputText,
    CreateMessage, CreateModal, Event, InputTextStyle, MessageFlags, MessageId, ModalInteraction,
    RawEventHandler, RoleId,
};
use tokio_util::task::TaskTracker;

use super::components::{
    decode_reject_modal, reject_modal_id, Click, ListSource, REJECT_REASON_INPUT,
};
use super::deferral::{self, Timing, DEFER_AFTER};
use super::escape::markdown;
use super::render::{self, Reply};
use super::request::{caller, focused, invocation, Caller};
use super::{commands, guard, repair};
use crate::domain::Actor;
use crate::error::{report, Error, UserError};
use crate::service::announce::Ping;
use crate::service::request::{parse_request, Invocation, Request, RequestError};
use crate::service::response::Response;
use crate::service::{NearQuery, Service};

pub struct Handler {
    service: Service,
    dev_guild: Option<GuildId>,
    registered: AtomicBool,
    tasks: TaskTracker,
}

impl Handler {
    pub fn new(service: Service, dev_guild: Option<u64>, tasks: TaskTracker) -> Self {
        Handler {
            service,
            dev_guild: dev_guild.map(GuildId::new),
            registered: AtomicBool::new(false),
            tasks,
        }
    }

    async fn register_commands(&self, ctx: &Context) {
        let result = match self.dev_guild {
            Some(guild) => guild.set_commands(&ctx.http, commands::all()).await,
            None => Command::set_global_commands(&ctx.http, commands::all()).await,
        };
        match result {
            Ok(registered) => {
                tracing::info!(count = registered.len(), guild = ?self.dev_guild, "slash commands registered")
            }
            Err(e) => {
                // Let the next READY try again.
                self.registered.store(false, Ordering::SeqCst);
                tracing::error!(error = %e, "registering slash commands failed");
            }
        }
    }
}

#[async_trait]
impl EventHandler for Handler {
    async fn ready(&self, ctx: Context, ready: Ready) {
        tracing::info!(user = %ready.user.name, guilds = ready.guilds.len(), "connected to Discord");
        // READY comes again after every new session; commands are registered once per process.
        if !self.registered.swap(true, Ordering::SeqCst) {
            self.register_commands(&ctx).await;
        }
    }

    async fn resume(&self, _ctx: Context, _event: ResumedEvent) {
        tracing::info!("gateway session resumed");
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        self.on_interaction(ctx, interaction).await;
    }
}

/// Picks up interactions serenity could not read (see `repair`).
pub struct Repair(pub Arc<Handler>);

#[async_trait]
impl RawEventHandler for Repair {
    async fn raw_event(&self, ctx: Context, event: Event) {
        let Event::Unknown(unknown) = event else {
            return;
        };
        if unknown.kind != "INTERACTION_CREATE" {
            return;
        }
        match repair::interaction(&unknown.value) {
            Some(interaction) => self.0.on_interaction(ctx, interaction).await,
            None => {
                tracing::warn!(payload = %unknown.value, "an interaction rallybot can't read was dropped")
            }
        }
    }
}

impl Handler {
    async fn on_interaction(&self, ctx: Context, interaction: Interaction) {
        let service = self.service.clone();
        let (ctx2, copy) = (ctx.clone(), interaction.clone());
        let work = async move { handle(&service, &ctx2, copy).await };
        if guard::run(&self.tasks, work).await.is_err() {
            tracing::error!(interaction = %interaction.id(), "an interaction handler panicked; the bot carries on");
            apologise(&ctx, &interaction).await;
        }
    }
}

async fn handle(service: &Service, ctx: &Context, interaction: Interaction) {
    let outcome = match &interaction {
        Interaction::Command(c) => command(service, ctx, c).await,
        Interaction::Autocomplete(c) => autocomplete(service, ctx, c).await,
        Interaction::Component(c) => component(service, ctx, c).await,
        Interaction::Modal(m) => modal(service, ctx, m).await,
        _ => Ok(()),
    };
    if let Err(e) = outcome {
        tracing::warn!(interaction = %interaction.id(), error = %e, "sending a reply to Discord failed");
    }
}

/// The actor for a caller, or the "needs a server" error in a DM.
async fn actor(service: &Service, who: &Caller) -> Result<Actor, Error> {
    let server = who.server_id.ok_or(UserError::NeedsServer)?;
    service
        .actor_for(who.user_id, server, who.manage_events, &who.role_ids)
        .await
}

fn error_reply(e: &Error, context: &str) -> Reply {
    Reply::text(crate::text::error(e, context, &super::style::Discord), true)
}

async fn command(service: &Service, ctx: &Context, c: &CommandInteraction) -> serenity::Result<()> {
    let inv = invocation(&c.data);
    let context = inv.path.join(" ");
    let request = match parse_request(inv) {
        Ok(r) => r,
        Err(RequestError::Invalid(e)) => {
            return reply_now(ctx, c, Reply::text(e.to_string(), true)).await
        }
        Err(e) => return reply_now(ctx, c, Reply::text(e.to_string(), true)).await,
    };
    let who = caller(c.guild_id, c.member.as_deref(), &c.user);
    // About needs no server; everything else belongs to one.
    if request == Request::About {
        return reply_now(ctx, c, render::response(&Response::About, 0, None)).await;
    }
    // A rally remembers the channel it was created in, for its channel reminders.
    let request = match request {
        Request::Create(mut new) => {
            new.channel_id = Some(super::request::id(c.channel_id.get()));
            Request::Create(new)
        }
        Request::Announce {
            rally,
            channel,
            ping,
            here: _,
        } => Request::Announce {
            rally,
            channel,
            ping,
            here: Some(super::request::id(c.channel_id.get())),
        },
        other => other,
    };
    let source = list_source(&request);
    let work = async {
        let actor = actor(service, &who).await?;
        let response = service.execute(&actor, request).await?;
        let untold = service.untold_failures(&actor).await?;
        let notices: Vec<String> = untold.iter().map(crate::text::untold).collect();
        Ok::<_, Error>((response, notices))
    };
    // The reply, and notices for the caller that a public reply can't carry.
    let work = async {
        match work.await {
            Ok((
                Response::Announce {
                    view,
                    channel,
                    ping,
                },
                notices,
            )) => {
                let channel = channel.map_or(c.channel_id, |id| ChannelId::new(id as u64));
                let rally_id = view.rally.id;
                let card = render::response(
                    &Response::Announce {
                        view,
                        channel: None,
                        ping: None,
                    },
                    0,
                    None,
                );
                let (reply, posted) = announce(ctx, c.guild_id, channel, card, ping).await;
                if let Some(message) = posted {
                    remember_card(service, &who, rally_id, channel, message).await;
                }
                (with_notices(reply, notices), Vec::new())
            }
            Ok((response, notices)) => {
                let reply = render::response(&response, 0, source.as_ref());
                if reply.ephemeral {
                    (with_notices(reply, notices), Vec::new())
                } else {
                    (reply, notices)
                }
            }
            Err(e) => (error_reply(&e, &context), Vec::new()),
        }
    };
    let defer = c.create_response(
        ctx,
        CreateInteractionResponse::Defer(CreateInteractionResponseMessage::new().ephemeral(true)),
    );
    let notices = match deferral::run(work, DEFER_AFTER, defer).await? {
        Timing::Quick((reply, notices)) => {
            reply_now(ctx, c, reply).await?;
            notices
        }
        Timing::Deferred((reply, notices)) => {
            c.edit_response(ctx, reply.edit()).await?;
            notices
        }
    };
    // Failed reminders are told the next time the person uses the bot, privately.
    if !notices.is_empty() {
        let text = notices
            .iter()
            .map(|n| markdown(n))
            .collect::<Vec<_>>()
            .join("\n");
        c.create_followup(ctx, Reply::text(text, true).followup())
            .await?;
    }
    Ok(())
}

/// Adds notices to a private reply's text.
fn with_notices(mut reply: Reply, notices: Vec<String>) -> Reply {
    if notices.is_empty() {
        return reply;
    }
    let mut content = reply.content.take().unwrap_or_default();
    for n in notices {
        content.push_str(&format!("\n{n}"));
    }
    reply.content = Some(content.trim().to_string());
    reply
}

/// Records a posted announcement so later changes edit it; a failure here loses only that.
async fn remember_card(
    service: &Service,
    who: &Caller,
    rally_id: i64,
    channel: ChannelId,
    message: MessageId,
) {
    let recorded = async {
        let actor = actor(service, who).await?;
        let (channel, message) = (channel.get() as i64, message.get() as i64);
        let kind = crate::domain::CardKind::Announcement;
        service
            .record_card(&actor, rally_id, channel, message, kind)
            .await
    };
    if let Err(e) = recorded.await {
        report(&e, "recording an announcement card");
    }
}

/// Posts an announcement card in a channel of the same server, and says how it went (and
/// which message it became).
async fn announce(
    ctx: &Context,
    guild: Option<GuildId>,
    channel: ChannelId,
    card: Reply,
    ping: Option<Ping>,
) -> (Reply, Option<MessageId>) {
    let same_server = guild
        .and_then(|g| {
            ctx.cache
                .guild(g)
                .map(|g| g.channels.contains_key(&channel))
        })
        .unwrap_or(false);
    if !same_server {
        let text =
            format!("<#{channel}> is not a channel of this server I can see; pick one here.");
        return (Reply::text(text, true), None);
    }
    // The only mention rallybot ever makes: exactly the role, or @everyone, asked for.
    let (content, mentions) = match ping {
        Some(Ping::Role(role)) => (
            Some(format!("<@&{role}>")),
            CreateAllowedMentions::new().roles(vec![RoleId::new(role as u64)]),
        ),
        Some(Ping::Everyone) => (
            Some("@everyone".to_string()),
            CreateAllowedMentions::new().everyone(true),
        ),
        None => (None, CreateAllowedMentions::new()),
    };
    let mut message = CreateMessage::new()
        .embeds(card.embeds)
        .components(card.components)
        .allowed_mentions(mentions);
    if let Some(content) = content {
        message = message.content(content);
    }
    match channel.send_message(ctx, message).await {
        Ok(posted) => (
            Reply::text(format!("Announced in <#{channel}>."), true),
            Some(posted.id),
        ),
        Err(e) => {
            tracing::warn!(%channel, error = %e, "announcing a rally failed");
            let text = format!("I couldn't post in <#{channel}>: check that I can view it, send messages and embed links there. ({e})");
            (Reply::text(text, true), None)
        }
    }
}

async fn reply_now(ctx: &Context, c: &CommandInteraction, reply: Reply) -> serenity::Result<()> {
    c.create_response(ctx, CreateInteractionResponse::Message(reply.message()))
        .await
}

/// How to rebuild a list for its page buttons.
fn list_source(request: &Request) -> Option<ListSource> {
    Some(match request {
        Request::List => ListSource::Upcoming,
        Request::Queue => ListSource::Queue,
        Request::Mine => ListSource::Mine,
        Request::Log { rally } => ListSource::Log { rally: *rally },
        Request::Near(q) => ListSource::Near {
            place: q.place.clone(),
            radius: q.radius.unwrap_or(crate::service::DEFAULT_RADIUS),
            unit: q.unit.map_or(String::new(), |u| u.as_str().to_string()),
            days: q.days,
            campaign: q.campaign.clone().filter(|c| !c.trim().is_empty()),
        },
        Request::ListCampaign { campaign } => ListSource::CampaignList {
            campaign: campaign.clone(),
        },
        Request::CampaignOverview { campaign, place } => ListSource::Campaign {
            campaign: campaign.clone(),
            place: place.clone().unwrap_or_default(),
        },
        _ => return None,
    })
}

fn request_for(list: &ListSource) -> Result<Request, RequestError> {
    Ok(match list {
        ListSource::Upcoming => Request::List,
        ListSource::Queue => Request::Queue,
        ListSource::Mine => Request::Mine,
        ListSource::CampaignList { campaign } => Request::ListCampaign {
            campaign: campaign.clone(),
        },
        ListSource::Campaign { campaign, place } => Request::CampaignOverview {
            campaign: campaign.clone(),
            place: Some(place.clone()).filter(|p| !p.is_empty()),
        },
        ListSource::Log { rally } => Request::Log { rally: *rally },
        ListSource::Near {
            place,
            radius,
            unit,
            days,
            campaign,
        } => {
            let mut inv = Invocation::new(&["rally", "near"], &[("place", place)]);
            inv.options.insert("radius".into(), radius.to_string());
            if !unit.is_empty() {
                inv.options.insert("unit".into(), unit.clone());
            }
            if let Some(d) = days {
                inv.options.insert("days".into(), d.to_string());
            }
            if let Some(c) = campaign {
                inv.options.insert("campaign".into(), c.clone());
            }
            match parse_request(inv)? {
                Request::Near(q) => Request::Near(NearQuery {
                    limit: q.limit,
                    ..q
                }),
                other => other,
            }
        }
    })
}

async fn autocomplete(
    service: &Service,
    ctx: &Context,
    c: &CommandInteraction,
) -> serenity::Result<()> {
    let Some((option, typed)) = focused(&c.data) else {
        return Ok(());
    };
    let who = caller(c.guild_id, c.member.as_deref(), &c.user);
    let choices = match option.as_str() {
        "place" => service.place_choices(&typed),
        "campaign" => match actor(service, &who).await {
            Ok(actor) => {
                // Joining needs an open campaign; looking one up may name an archived one.
                let path = invocation(&c.data).path.join(" ");
                let joining = matches!(path.as_str(), "rally create" | "rally edit");
                service
                    .campaign_choices(&actor, &typed, !joining)
                    .await
                    .unwrap_or_else(|e| {
                        report(&e, "autocomplete");
                        Vec::new()
                    })
            }
            Err(_) => Vec::new(),
        },
        "rally" => match actor(service, &who).await {
            Ok(actor) => service
                .rally_choices(&actor, &typed)
                .await
                .unwrap_or_else(|e| {
                    report(&e, "autocomplete");
                    Vec::new()
                }),
            Err(_) => Vec::new(),
        },
        _ => Vec::new(),
    };
    let response = choices
        .into_iter()
        .fold(CreateAutocompleteResponse::new(), |r, choice| {
            r.add_string_choice(choice.label, choice.value)
        });
    c.create_response(ctx, CreateInteractionResponse::Autocomplete(response))
        .await
}

async fn component(
    service: &Service,
    ctx: &Context,
    c: &ComponentInteraction,
) -> serenity::Result<()> {
    let Some(click) = Click::decode(&c.data.custom_id) else {
        tracing::debug!(custom_id = %c.data.custom_id, "ignoring a component rallybot doesn't know");
        return Ok(());
    };
    let who = caller(c.guild_id, c.member.as_ref(), &c.user);
    let actor = match actor(service, &who).await {
        Ok(a) => a,
        Err(e) => return component_error(ctx, c, &e).await,
    };
    match click {
        Click::Rsvp { rally, choice } => match service.rsvp(&actor, rally, choice).await {
            Ok(view) => {
                // The card shows everyone's counts; the clicker also hears what was recorded.
                let card = Reply {
                    content: Some(c.message.content.clone()).filter(|s| !s.is_empty()),
                    embeds: vec![render::card(&view, None)],
                    components: vec![super::components::rsvp_row(&view)],
                    ephemeral: false,
                };
                let update = CreateInteractionResponse::UpdateMessage(card.message());
                c.create_response(ctx, update).await?;
                let confirm = render::response(&Response::Rsvp(view), 0, None);
                c.create_followup(ctx, confirm.followup()).await.map(|_| ())
            }
            Err(e) => component_error(ctx, c, &e).await,
        },
        Click::Approve { rally } => match service.approve_rally(&actor, rally).await {
            Ok(view) => {
                let done = format!(
                    "Rally #{} {} is approved; its organiser is told. (<@{}>)",
                    view.rally.id,
                    markdown(&view.rally.title),
                    actor.user_id
                );
                let private = c
                    .message
                    .flags
                    .is_some_and(|f| f.contains(MessageFlags::EPHEMERAL));
                let mut reply = if private {
                    // The moderator's own queue is shown again, without the approved rally.
                    match service.execute(&actor, Request::Queue).await {
                        Ok(response) => render::response(&response, 0, Some(&ListSource::Queue)),
                        Err(e) => return component_error(ctx, c, &e).await,
                    }
                } else {
                    // A notice in the moderator channel: it now says who approved it.
                    Reply {
                        embeds: vec![render::card(&view, None)],
                        ..Default::default()
                    }
                };
                reply.content = Some(done);
                let update = CreateInteractionResponse::UpdateMessage(reply.message());
                c.create_response(ctx, update).await
            }
            Err(e) => component_error(ctx, c, &e).await,
        },
        Click::Reject { rally } => {
            // Checked before the modal opens, so a member never gets as far as typing a reason.
            if let Err(e) = service.check_can_reject(&actor, rally).await {
                return component_error(ctx, c, &e).await;
            }
            let reason = CreateInputText::new(
                InputTextStyle::Paragraph,
                "Reason (told to the organiser)",
                REJECT_REASON_INPUT,
            )
            .required(false)
            .max_length(crate::domain::limits::REASON_MAX as u16);
            let modal = CreateModal::new(reject_modal_id(rally), format!("Reject rally #{rally}"))
                .components(vec![CreateActionRow::InputText(reason)]);
            c.create_response(ctx, CreateInteractionResponse::Modal(modal))
                .await
        }
        Click::Page { page, list } => {
            let reply = match request_for(&list) {
                Ok(request) => match service.execute(&actor, request).await {
                    Ok(response) => render::response(&response, page, Some(&list)),
                    Err(e) => return component_error(ctx, c, &e).await,
                },
                Err(e) => Reply::text(e.to_string(), true),
            };
            c.create_response(
                ctx,
                CreateInteractionResponse::UpdateMessage(reply.message()),
            )
            .await
        }
    }
}

/// A submitted modal: the reason for a rejection.
async fn modal(service: &Service, ctx: &Context, m: &ModalInteraction) -> serenity::Result<()> {
    let Some(rally) = decode_reject_modal(&m.data.custom_id) else {
        tracing::debug!(custom_id = %m.data.custom_id, "ignoring a modal rallybot doesn't know");
        return Ok(());
    };
    let reason: Option<String> = m
        .data
        .components
        .iter()
        .flat_map(|row| row.components.iter())
        .find_map(|c| match c {
            ActionRowComponent::InputText(t) if t.custom_id == REJECT_REASON_INPUT => {
                t.value.clone()
            }
            _ => None,
        });
    let who = caller(m.guild_id, m.member.as_ref(), &m.user);
    let outcome = async {
        let actor = actor(service, &who).await?;
        service.reject_rally(&actor, rally, reason.as_deref()).await
    };
    let view = match outcome.await {
        Ok(view) => view,
        Err(e) => {
            let reply = error_reply(&e, "reject modal");
            return m
                .create_response(ctx, CreateInteractionResponse::Message(reply.message()))
                .await;
        }
    };
    let done = format!(
        "Rally #{} {} is rejected; its organiser is told{}. (<@{}>)",
        view.rally.id,
        markdown(&view.rally.title),
        if view.rally.status_reason.is_some() {
            ", with the reason"
        } else {
            ""
        },
        who.user_id
    );
    // Opened from a notice in the moderator channel: the notice says it is decided.
    let from_notice = m.message.as_ref().is_some_and(|msg| {
        !msg.flags
            .is_some_and(|f| f.contains(MessageFlags::EPHEMERAL))
    });
    let response = if from_notice {
        let notice = Reply {
            content: Some(done),
            embeds: vec![render::card(&view, None)],
            ..Default::default()
        };
        CreateInteractionResponse::UpdateMessage(notice.message())
    } else {
        CreateInteractionResponse::Message(Reply::text(done, true).message())
    };
    m.create_response(ctx, response).await
}

async fn component_error(
    ctx: &Context,
    c: &ComponentInteraction,
    e: &Error,
) -> serenity::Result<()> {
    let reply = error_reply(e, "button");
    c.create_response(ctx, CreateInteractionResponse::Message(reply.message()))
        .await
}

/// After a panic: a short apology, whether or not a reply was already under way.
async fn apologise(ctx: &Context, interaction: &Interaction) {
    let text = report(&Error::internal("interaction handler", "panicked"), "panic");
    let reply = || Reply::text(text.clone(), true);
    let sent = match interaction {
        Interaction::Command(c) => {
            c.create_response(ctx, CreateInteractionResponse::Message(reply().message()))
                .await
        }
        Interaction::Component(c) => {
            c.create_response(ctx, CreateInteractionResponse::Message(reply().message()))
                .await
        }
        _ => Ok(()),
    };
    if sent.is_err() {
        if let Interaction::Command(c) = interaction {
            let _ = c.create_followup(ctx, reply().followup()).await;
        }
    }
}
