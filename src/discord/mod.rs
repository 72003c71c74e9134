//! The Discord adapter: serenity on one side, plain service requests and responses on the other.
mod access;
mod commands;
mod components;
mod deferral;
mod escape;
mod guard;
mod handler;
mod reminders;
mod render;
mod repair;
mod request;

use std::sync::Arc;
use std::time::Duration;

use serenity::all::{ClientBuilder, CreateAllowedMentions, GatewayIntents, HttpBuilder};
use serenity::cache::Settings as CacheSettings;
use tokio_util::task::TaskTracker;

use crate::config::{Config, Token};
use crate::service::places::Gazetteer;
use crate::service::{Service, SystemClock};
use crate::store::Store;
use handler::{Handler, Repair};

/// How long shutdown waits for replies already under way.
const DRAIN: Duration = Duration::from_secs(10);

pub use commands::all as command_definitions;

/// Connects to Discord (or to `DISCORD_API_URL`) and serves until SIGINT or SIGTERM.
pub async fn run(config: &Config, token: &Token, store: Store) -> Result<(), serenity::Error> {
    // No user text may ever ping: every message defaults to no allowed mentions.
    let mut http =
        HttpBuilder::new(token.expose()).default_allowed_mentions(CreateAllowedMentions::new());
    if let Some(base) = &config.discord_api_url {
        // serenity's own rate limiter ignores the proxy, so it is off in this mode.
        http = http.proxy(base.as_str()).ratelimiter_disabled(true);
        tracing::info!(base = %base, "Discord REST calls go to DISCORD_API_URL");
    }
    let service = Service::new(store, Arc::new(SystemClock));
    let http = http.build();
    // Load the gazetteer now, not in the first user's interaction.
    let _ = tokio::task::spawn_blocking(Gazetteer::global).await;
    let tasks = TaskTracker::new();
    let scheduler_service = service.clone();
    let handler = Arc::new(Handler::new(service, config.dev_guild_id, tasks.clone()));
    let mut client = ClientBuilder::new_with_http(http, GatewayIntents::GUILDS)
        .cache_settings(cache_settings())
        .event_handler_arc(handler.clone())
        .raw_event_handler(Repair(handler))
        .await?;
    scheduler_service.set_channel_access(Arc::new(access::CacheAccess(client.cache.clone())));
    // The scheduler needs only REST, so it starts here, once, whatever the gateway does.
    let stop_scheduler = Arc::new(tokio::sync::Notify::new());
    let notifier =
        reminders::DiscordNotifier::new(client.http.clone(), reminders::REQUESTS_PER_SECOND);
    let scheduler = tokio::spawn(reminders::run_scheduler(
        scheduler_service,
        notifier,
        stop_scheduler.clone(),
    ));
    let shards = client.shard_manager.clone();
    tokio::spawn(async move {
        shutdown_signal().await;
        tracing::info!("shutting down: finishing replies under way");
        shards.shutdown_all().await;
    });
    let result = client.start().await;
    stop_scheduler.notify_one();
    let _ = scheduler.await;
    tasks.close();
    if tokio::time::timeout(DRAIN, tasks.wait()).await.is_err() {
        tracing::warn!("some replies were still running at shutdown");
    }
    result
}

/// Guilds and channels stay cached: serenity checks the bot's channel permissions from them
/// before it posts. Messages and users are never read back, so they are not kept.
fn cache_settings() -> CacheSettings {
    let mut settings = CacheSettings::default();
    settings.max_messages = 0;
    settings.cache_users = false;
    settings
}

async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(s) => s,
                Err(e) => {
                    tracing::warn!(error = %e, "can't listen for SIGTERM");
                    let _ = ctrl_c.await;
                    return;
                }
            };
        tokio::select! {
            _ = ctrl_c => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    let _ = ctrl_c.await;
}
