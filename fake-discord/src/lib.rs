//! A fake Discord (REST API v10 and gateway) on loopback, for rallybot's end-to-end tests and
//! benchmarks. Nothing here contacts the real Discord: the server binds `127.0.0.1:0`.
//!
//! # Use with serenity 0.12
//! ```no_run
//! # async fn demo() {
//! use fake_discord::{FakeConfig, FakeDiscord, InteractionSpec};
//! use std::time::Duration;
//!
//! let fake = FakeDiscord::start(FakeConfig::default()).await;
//! // serenity: HttpBuilder::new(&fake.config().token).proxy(fake.base_url())
//! //     .ratelimiter_disabled(true).build(); then ClientBuilder::new_with_http(http, intents).
//! fake.wait_for_identify(Duration::from_secs(5)).await.unwrap();
//! let handle = fake
//!     .dispatch_interaction(InteractionSpec::command("rally").subcommand("create").string("title", "March"))
//!     .unwrap();
//! let reply = handle.callback(Duration::from_secs(5)).await.unwrap();
//! assert_eq!(reply.kind, 4);
//! # }
//! ```
//! serenity sends requests through the proxy only with its rate limiter disabled, and then
//! never retries a 429: a 429 from the fault knobs reaches the bot as an error.
//!
//! # REST routes (under `/api/v10`)
//! - `GET /gateway`, `GET /gateway/bot`: the WebSocket URL on the same port.
//! - `GET /users/@me`, `GET /users/{id}`, `POST /users/@me/channels` (open a DM).
//! - `GET /guilds/{id}/members/{user}`, `GET /guilds/{id}/channels`, `GET /guilds/{id}/roles`.
//! - `GET /channels/{id}`, `POST /channels/{id}/messages`,
//!   `GET|PATCH|DELETE /channels/{id}/messages/{mid}`.
//! - Application commands, global and guild: `GET|PUT|POST .../commands`,
//!   `GET|PATCH|DELETE .../commands/{cid}`; PUT is a bulk overwrite keeping ids by name.
//! - `POST /interactions/{id}/{token}/callback` (204, no body).
//! - `POST /webhooks/{app}/{token}` (follow-up), `GET|PATCH|DELETE
//!   /webhooks/{app}/{token}/messages/{@original|id}`.
//!
//! Anything else answers 404 `{"message": "404: Not Found", "code": 0}` (405 for a known path
//! with another method) and shows up in [`FakeDiscord::unmatched_requests`]. Bodies are
//! checked against Discord's documented limits (50035 "Invalid Form Body", 50006 empty
//! message); channels answer 10003 unknown, 50001 missing access, 50013 missing permission
//! (from the bot's roles and overwrites), 50007 closed DMs. Bot routes need
//! `Authorization: Bot <token>` (401 otherwise) unless [`FakeConfig::enforce_auth`] is off.
//!
//! # Gateway (`ws://127.0.0.1:PORT`, JSON text frames)
//! HELLO (op 10) on connect; IDENTIFY (op 2, token with or without `Bot `) gets READY and,
//! with the GUILDS intent, one GUILD_CREATE per guild of the shard; HEARTBEAT (op 1) gets
//! HEARTBEAT_ACK (op 11); RESUME (op 6) replays missed dispatches then sends RESUMED, or op 9
//! when the session is unknown or too old. Knobs: [`FakeDiscord::drop_gateway`],
//! [`FakeDiscord::invalidate_session`] (op 9), [`FakeDiscord::request_reconnect`] (op 7),
//! [`FakeDiscord::set_heartbeat_ack`]. Wrong token: close 4004; a second IDENTIFY: 4005;
//! unknown op: 4001; undecodable frame: 4002.
//!
//! # Waiting and inspecting
//! Every `wait_for_*` re-checks on each change (request, message, gateway event) and gives
//! up at its deadline with [`FakeError::Timeout`]; nothing polls. Predicates run without the
//! fake's locks held. Requests ([`FakeDiscord::requests`], per-route counters), gateway
//! records ([`FakeDiscord::gateway_log`], [`FakeDiscord::sent_frames`]), stored messages,
//! registered commands and interaction callbacks are all inspectable;
//! [`FakeDiscord::clear_logs`] and [`FakeDiscord::set_log_frames`] bound memory in long runs.

#![recursion_limit = "256"]

mod config;
mod error;
mod fake;
mod faults;
mod gateway;
mod ids;
mod interactions;
mod payloads;
pub mod permissions;
mod recorder;
mod rest;
mod state;
mod store;

pub use config::{
    ChannelKind, ChannelSpec, FakeConfig, GuildSpec, MemberSpec, OverwriteSpec, OverwriteTarget,
    RoleSpec, UserSpec, SAMPLE_ALICE_ID, SAMPLE_ANNOUNCEMENTS_ID, SAMPLE_APPLICATION_ID,
    SAMPLE_BOB_ID, SAMPLE_BOT_ID, SAMPLE_CAROL_ID, SAMPLE_GENERAL_ID, SAMPLE_GUILD_ID,
    SAMPLE_ORGANISER_ROLE_ID, SAMPLE_OWNER_ID, SAMPLE_TOKEN,
};
pub use error::FakeError;
pub use fake::FakeDiscord;
pub use faults::{Fault, RateLimitScope, RouteMatcher};
pub use gateway::{DropMode, GatewayRecord, GatewayRecordKind};
pub use interactions::{InteractionHandle, InteractionSpec, OptionValue};
pub use recorder::{AuthCheck, Injected, RecordedRequest};
pub use store::{CallbackRecord, MessageSource, StoredCommand, StoredMessage, UploadedFile};
