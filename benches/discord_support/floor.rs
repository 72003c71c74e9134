//! The floor: a trivial serenity 0.12 client in this process that answers every command with
//! a fixed, pre-built callback body and touches no database. What it measures is the fake plus
//! serenity's gateway, event parsing and HTTP client, with none of rallybot's work.
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use fake_discord::FakeDiscord;
use serde_json::Value;
use serenity::all::{
    async_trait, ClientBuilder, Context, EventHandler, GatewayIntents, HttpBuilder, Interaction,
    ShardManager,
};

/// Interaction id -> when serenity called the handler with it.
type Entered = Arc<Mutex<HashMap<u64, Instant>>>;

struct Echo {
    body: Arc<Value>,
    entered: Entered,
}

#[async_trait]
impl EventHandler for Echo {
    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        let now = Instant::now();
        if let Interaction::Command(c) = interaction {
            if let Ok(mut entered) = self.entered.lock() {
                entered.insert(c.id.get(), now);
            }
            let sent = ctx
                .http
                .create_interaction_response(c.id, &c.token, &*self.body, Vec::new())
                .await;
            if let Err(e) = sent {
                eprintln!("floor client: answering {} failed: {e}", c.id);
            }
        }
    }
}

/// A running floor client; shut down with [`Floor::stop`].
pub struct Floor {
    shards: Arc<ShardManager>,
    task: tokio::task::JoinHandle<()>,
    entered: Entered,
}

impl Floor {
    /// Connects a client to `fake` that answers commands with `body` (a whole interaction
    /// response, `{"type":4,"data":{...}}`), and waits until it has identified.
    pub async fn start(fake: &FakeDiscord, body: Value) -> Floor {
        let http = HttpBuilder::new(&fake.config().token)
            .proxy(fake.base_url())
            .ratelimiter_disabled(true)
            .build();
        let entered = Entered::default();
        let mut client = ClientBuilder::new_with_http(http, GatewayIntents::GUILDS)
            .event_handler(Echo {
                body: Arc::new(body),
                entered: entered.clone(),
            })
            .await
            .expect("building the floor client");
        let shards = client.shard_manager.clone();
        let task = tokio::spawn(async move {
            if let Err(e) = client.start().await {
                eprintln!("floor client stopped: {e}");
            }
        });
        fake.wait_for_identify(super::bot::WAIT)
            .await
            .expect("the floor client identifies");
        Floor {
            shards,
            task,
            entered,
        }
    }

    /// When the handler was entered, by interaction id.
    pub fn entered(&self) -> HashMap<u64, Instant> {
        self.entered.lock().map(|m| m.clone()).unwrap_or_default()
    }

    pub async fn stop(self) {
        self.shards.shutdown_all().await;
        let _ = self.task.await;
    }
}
