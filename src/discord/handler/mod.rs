//! The gateway event handler: registers commands once, then hands each interaction to the
//! module for its kind, which turns it into a request through `Service::execute` and renders
//! the response. Each interaction runs in its own task, so a panic in one is logged and
//! answered with an apology while everyone else is still served.
mod announce;
mod autocomplete;
mod command;
mod component;
mod modal;
#[cfg(test)]
mod tests;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use serenity::all::{
    async_trait, Command, Context, CreateInteractionResponse, EventHandler, GuildId, Interaction,
    Ready, ResumedEvent,
};
use serenity::all::{Event, RawEventHandler};
use tokio_util::task::TaskTracker;

use super::render::Reply;
use super::style::Discord;
use super::{commands, guard, repair};
use crate::error::{report, Error};
use crate::i18n::Lang;
use crate::service::Service;

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
        Interaction::Command(c) => command::command(service, ctx, c).await,
        Interaction::Autocomplete(c) => autocomplete::autocomplete(service, ctx, c).await,
        Interaction::Component(c) => component::component(service, ctx, c).await,
        Interaction::Modal(m) => modal::modal(service, ctx, m).await,
        _ => Ok(()),
    };
    if let Err(e) = outcome {
        tracing::warn!(interaction = %interaction.id(), error = %e, "sending a reply to Discord failed");
    }
}

/// An error as a private reply: what to fix, or an apology with an error id.
fn error_reply(e: &Error, context: &str, lang: Lang) -> Reply {
    Reply::text(crate::text::error(e, context, &Discord, lang), true)
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
