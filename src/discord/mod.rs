//! The Discord adapter: serenity on one side, plain service requests and responses on the other.
mod access;
mod commands;
mod components;
mod deferral;
mod escape;
mod gateway;
mod guard;
mod handler;
mod notifier;
mod render;
mod repair;
mod request;
mod scheduler;
mod signals;
mod style;

use std::sync::Arc;
use std::time::Duration;

use places::Gazetteer;
use serenity::all::{ClientBuilder, CreateAllowedMentions, GatewayIntents, HttpBuilder};
use serenity::cache::Settings as CacheSettings;
use tokio_util::task::TaskTracker;

use crate::config::{Config, Token};
use crate::service::{Service, SystemClock};
use crate::store::Store;
use handler::{Handler, Repair};
use signals::ShutdownSignals;

/// How long shutdown waits for replies already under way.
const DRAIN: Duration = Duration::from_secs(10);
/// How long shutdown lets serenity's `start` return by itself once the shards are told to stop.
const START_RETURN_GRACE: Duration = Duration::from_secs(1);

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
    // Installed first, so a signal while Discord is unreachable is caught.
    let mut signals = ShutdownSignals::install();
    let service = Service::new(store, Arc::new(SystemClock)).with_public_url(&config.public_url);
    let stop_web = Arc::new(tokio::sync::Notify::new());
    let web = match config.web_addr {
        Some(addr) => {
            let listener = crate::web::bind(addr).await.map_err(serenity::Error::Io)?;
            tracing::info!(%addr, public_url = %config.public_url, "serving the public pages");
            let stop = stop_web.clone();
            let pages = service.clone();
            Some(tokio::spawn(async move {
                let stopped = async move { stop.notified().await };
                if let Err(e) = crate::web::serve(listener, pages, stopped).await {
                    tracing::error!(error = %e, "the public pages stopped");
                }
            }))
        }
        None => None,
    };
    let http = http.build();
    let gateway = match &config.discord_api_url {
        Some(base) => match gateway::from_api(&http, base, &mut signals).await {
            Some(url) => Some(url),
            None => {
                stop_web.notify_one();
                return Ok(());
            }
        },
        None => None,
    };
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
    if let Some(url) = gateway {
        // serenity asked too, but falls back to Discord's own gateway when that fails.
        *client.ws_url.lock().await = url;
    }
    scheduler_service.set_channel_access(Arc::new(access::CacheAccess(client.cache.clone())));
    // The scheduler needs only REST, so it starts here, once, whatever the gateway does.
    let stop_scheduler = Arc::new(tokio::sync::Notify::new());
    let notifier =
        notifier::DiscordNotifier::new(client.http.clone(), notifier::REQUESTS_PER_SECOND);
    let scheduler = tokio::spawn(scheduler::run_scheduler(
        scheduler_service,
        notifier,
        stop_scheduler.clone(),
    ));
    let shards = client.shard_manager.clone();
    let shards_stopped = Arc::new(tokio::sync::Notify::new());
    let stopped = shards_stopped.clone();
    tokio::spawn(async move {
        signals.recv().await;
        tracing::info!("shutting down: finishing replies under way");
        shards.shutdown_all().await;
        stopped.notify_one();
    });
    tracing::info!("connecting to the Discord gateway");
    let result = tokio::select! {
        biased;
        result = client.start() => result,
        // serenity's shutdown_all does nothing while no shard is connected (Discord unreachable,
        // or between reconnect attempts), and start() would retry for ever; stop waiting for it.
        () = async {
            shards_stopped.notified().await;
            tokio::time::sleep(START_RETURN_GRACE).await;
        } => {
            tracing::info!("no gateway connection was open at shutdown");
            Ok(())
        }
    };
    stop_scheduler.notify_one();
    let _ = scheduler.await;
    if let Some(web) = web {
        stop_web.notify_one();
        let _ = web.await;
    }
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
