//! [`FakeDiscord`]: starting the server and the test-facing API.

use axum::serve::ListenerExt;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;

use crate::config::FakeConfig;
use crate::error::FakeError;
use crate::faults::{Fault, RouteMatcher};
use crate::gateway::{DropMode, GatewayRecord, GatewayRecordKind};
use crate::interactions::{self, InteractionHandle, InteractionSpec};
use crate::recorder::RecordedRequest;
use crate::state::{lock, Shared};
use crate::store::{CallbackRecord, StoredCommand, StoredMessage};

/// A running fake Discord on `127.0.0.1`. Dropping it stops the server and closes gateway
/// connections.
pub struct FakeDiscord {
    shared: Arc<Shared>,
    addr: SocketAddr,
}

impl std::fmt::Debug for FakeDiscord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FakeDiscord")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

impl FakeDiscord {
    /// Binds a free loopback port and serves REST and the gateway on it.
    ///
    /// # Panics
    /// If the loopback listener cannot be bound; see [`Self::try_start`].
    pub async fn start(config: FakeConfig) -> FakeDiscord {
        Self::try_start(config)
            .await
            .expect("fake-discord: binding 127.0.0.1:0")
    }

    pub async fn try_start(config: FakeConfig) -> Result<FakeDiscord, FakeError> {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
            .await
            .map_err(FakeError::Io)?;
        let addr = listener.local_addr().map_err(FakeError::Io)?;
        let shared = Arc::new(Shared::new(
            config,
            format!("http://{addr}"),
            format!("ws://{addr}"),
        ));
        let app = crate::rest::router(shared.clone());
        let mut stop = shared.shutdown.subscribe();
        tokio::spawn(async move {
            let signal = async move {
                let _ = stop.wait_for(|s| *s).await;
            };
            // Without TCP_NODELAY small frames wait on Nagle and delayed ACKs (~40 ms stalls).
            let listener = listener.tap_io(|tcp| {
                let _ = tcp.set_nodelay(true);
            });
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(signal)
                .await;
        });
        Ok(FakeDiscord { shared, addr })
    }

    /// `http://127.0.0.1:PORT`, for serenity's `HttpBuilder::proxy`.
    pub fn base_url(&self) -> &str {
        &self.shared.base_url
    }

    /// `ws://127.0.0.1:PORT`, what `GET /api/v10/gateway` returns.
    pub fn gateway_url(&self) -> &str {
        &self.shared.ws_url
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The configuration in force, including the member and role the fake gave the bot.
    pub fn config(&self) -> &FakeConfig {
        &self.shared.config
    }

    // ---- REST recording ----

    pub fn requests(&self) -> Vec<RecordedRequest> {
        lock(&self.shared.recorder).requests.clone()
    }

    /// Requests matching a [`RouteMatcher`] spec such as `"POST /channels/*/messages"`.
    pub fn requests_matching(&self, matcher: impl Into<RouteMatcher>) -> Vec<RecordedRequest> {
        let m = matcher.into();
        let rec = lock(&self.shared.recorder);
        rec.requests
            .iter()
            .filter(|r| m.matches(&r.method, &r.path))
            .cloned()
            .collect()
    }

    /// Requests no route matched (answered 404/405): a bot calling an endpoint the fake lacks.
    pub fn unmatched_requests(&self) -> Vec<RecordedRequest> {
        let rec = lock(&self.shared.recorder);
        rec.requests
            .iter()
            .filter(|r| r.route.is_none())
            .cloned()
            .collect()
    }

    pub fn request_count(&self) -> usize {
        lock(&self.shared.recorder).requests.len()
    }

    /// Counts by `"METHOD /route/{template}"` (unmatched ones under `"METHOD <unmatched>"`).
    pub fn route_counts(&self) -> HashMap<String, u64> {
        lock(&self.shared.recorder).route_counts.clone()
    }

    pub fn route_count(&self, key: &str) -> u64 {
        lock(&self.shared.recorder)
            .route_counts
            .get(key)
            .copied()
            .unwrap_or(0)
    }

    /// The first recorded request (already received or future) satisfying `pred`. Use
    /// `r.index >= n` in `pred` to skip requests before a point. `pred` runs without the
    /// fake's locks held, so it may call the fake.
    pub async fn wait_for_request(
        &self,
        pred: impl Fn(&RecordedRequest) -> bool,
        deadline: Duration,
    ) -> Result<RecordedRequest, FakeError> {
        let shared = &self.shared;
        let mut seen = 0;
        shared
            .wait_until(deadline, "a matching REST request", || {
                // Look at each request once.
                let new = lock(&shared.recorder).since(seen).to_vec();
                seen = new.last().map_or(seen, |r| r.index + 1);
                new.into_iter().find(|r| pred(r))
            })
            .await
    }

    // ---- gateway ----

    pub fn gateway_log(&self) -> Vec<GatewayRecord> {
        lock(&self.shared.gateway).log.clone()
    }

    /// Every frame the fake sent, as JSON text, in order.
    pub fn sent_frames(&self) -> Vec<Arc<str>> {
        lock(&self.shared.gateway)
            .log
            .iter()
            .filter_map(|r| match &r.kind {
                GatewayRecordKind::Sent { frame, .. } => Some(frame.clone()),
                _ => None,
            })
            .collect()
    }

    /// The first gateway record (past or future) satisfying `pred`, which runs without the
    /// fake's locks held.
    pub async fn wait_for_gateway(
        &self,
        pred: impl Fn(&GatewayRecord) -> bool,
        deadline: Duration,
    ) -> Result<GatewayRecord, FakeError> {
        let shared = &self.shared;
        let mut seen = 0;
        shared
            .wait_until(deadline, "a matching gateway event", || {
                let (new, next) = {
                    let gw = lock(&shared.gateway);
                    (gw.log_since(seen).to_vec(), gw.log_cleared + gw.log.len())
                };
                seen = next;
                new.into_iter().find(|r| pred(r))
            })
            .await
    }

    /// Waits for an accepted IDENTIFY (READY has been queued); returns the session id.
    pub async fn wait_for_identify(&self, deadline: Duration) -> Result<String, FakeError> {
        let r = self
            .wait_for_gateway(
                |r| matches!(&r.kind, GatewayRecordKind::Identify { accepted: true, .. }),
                deadline,
            )
            .await?;
        match r.kind {
            GatewayRecordKind::Identify { session_id, .. } => Ok(session_id.unwrap_or_default()),
            _ => unreachable!("filtered on Identify"),
        }
    }

    /// Waits until a bot has identified and registered its slash commands (a `PUT` to a
    /// `/commands` route): the point from which it can answer interactions.
    pub async fn wait_for_bot_ready(&self, deadline: Duration) -> Result<(), FakeError> {
        self.wait_for_identify(deadline).await?;
        self.wait_for_request(is_command_registration, deadline)
            .await?;
        Ok(())
    }

    /// How many times the bot has (re)registered its slash commands since the logs were
    /// last cleared.
    pub fn command_registrations(&self) -> usize {
        lock(&self.shared.recorder)
            .requests
            .iter()
            .filter(|r| is_command_registration(r))
            .count()
    }

    /// Sends a dispatch (op 0) with the next sequence number of the current session; kept
    /// for replay if the connection is down.
    pub fn dispatch(&self, event: &str, data: Value) -> Result<u64, FakeError> {
        let seq = lock(&self.shared.gateway).dispatch(event, data, self.shared.config.replay_limit);
        self.shared.notify();
        seq.ok_or(FakeError::NoGatewaySession)
    }

    /// Ends every gateway connection; returns how many there were.
    pub fn drop_gateway(&self, mode: DropMode) -> usize {
        lock(&self.shared.gateway).drop_connections(&mode)
    }

    /// Sends op 9 (invalid session). Returns false if no connection carried the current
    /// session.
    pub fn invalidate_session(&self, resumable: bool) -> bool {
        let sent = lock(&self.shared.gateway).invalidate_session(resumable);
        self.shared.notify();
        sent
    }

    /// Sends op 7 (reconnect).
    pub fn request_reconnect(&self) -> bool {
        let sent = lock(&self.shared.gateway).request_reconnect();
        self.shared.notify();
        sent
    }

    /// Stop or resume answering heartbeats with op 11 (for zombie-connection tests).
    pub fn set_heartbeat_ack(&self, ack: bool) {
        lock(&self.shared.gateway).no_heartbeat_ack = !ack;
    }

    /// While down, every gateway connection attempt is answered 503 (recorded as `Refused`);
    /// REST, including `GET /gateway`, still works.
    pub fn set_gateway_down(&self, down: bool) {
        lock(&self.shared.gateway).down = down;
    }

    pub fn gateway_connections(&self) -> usize {
        lock(&self.shared.gateway).live_connections()
    }

    pub fn has_gateway_session(&self) -> bool {
        lock(&self.shared.gateway).has_session()
    }

    // ---- interactions ----

    /// Sends INTERACTION_CREATE to the current session.
    pub fn dispatch_interaction(
        &self,
        spec: InteractionSpec,
    ) -> Result<InteractionHandle, FakeError> {
        interactions::dispatch(&self.shared, spec)
    }

    pub fn callbacks(&self) -> Vec<CallbackRecord> {
        self.shared.world().callbacks.clone()
    }

    // ---- what the bot created ----

    /// Every message, in creation order, including deleted ones (`deleted` is set).
    pub fn messages(&self) -> Vec<StoredMessage> {
        self.shared.world().messages.clone()
    }

    pub fn messages_in(&self, channel_id: u64) -> Vec<StoredMessage> {
        let world = self.shared.world();
        world
            .messages
            .iter()
            .filter(|m| m.channel_id == channel_id)
            .cloned()
            .collect()
    }

    pub fn message(&self, id: u64) -> Option<StoredMessage> {
        self.shared.world().message(id).cloned()
    }

    /// The first message (existing or future, in its current state) satisfying `pred`,
    /// which runs on a snapshot without the fake's locks held.
    pub async fn wait_for_message(
        &self,
        pred: impl Fn(&StoredMessage) -> bool,
        deadline: Duration,
    ) -> Result<StoredMessage, FakeError> {
        let shared = &self.shared;
        shared
            .wait_until(deadline, "a matching message", || {
                let snapshot = shared.world().messages.clone();
                snapshot.into_iter().find(|m| pred(m))
            })
            .await
    }

    /// The DM channel the bot opened with `user_id`, if any.
    pub fn dm_channel(&self, user_id: u64) -> Option<u64> {
        self.shared.world().dm_by_user.get(&user_id).copied()
    }

    /// Registered commands: global with `None`, else that guild's.
    pub fn commands(&self, guild_id: Option<u64>) -> Vec<StoredCommand> {
        let world = self.shared.world();
        match guild_id {
            Some(g) => world.guild_commands.get(&g).cloned().unwrap_or_default(),
            None => world.global_commands.clone(),
        }
    }

    // ---- knobs ----

    /// The next `times` requests matching `matcher` get `fault` instead of their answer.
    pub fn fail_next(&self, matcher: impl Into<RouteMatcher>, times: u64, fault: Fault) {
        lock(&self.shared.faults).add(matcher.into(), times, fault);
    }

    pub fn clear_faults(&self) {
        lock(&self.shared.faults).clear();
    }

    /// Scripted faults not yet used.
    pub fn pending_faults(&self) -> u64 {
        lock(&self.shared.faults).pending()
    }

    /// Enforce (or with `None` stop enforcing) a global limit of `per_second` bot requests a
    /// second, as a token bucket; interaction endpoints are exempt, as on Discord.
    pub fn set_global_rate_limit(&self, per_second: Option<u32>) {
        lock(&self.shared.faults).set_global_limit(per_second);
    }

    /// Sending to the DM channel with this user answers 403 code 50007.
    pub fn set_dms_closed(&self, user_id: u64, closed: bool) {
        let mut world = self.shared.world();
        if closed {
            world.dms_closed.insert(user_id);
        } else {
            world.dms_closed.remove(&user_id);
        }
    }

    /// Every route on this channel answers 403 code 50001 (Missing Access).
    pub fn set_missing_access(&self, channel_id: u64, missing: bool) {
        let mut world = self.shared.world();
        if missing {
            world.missing_access.insert(channel_id);
        } else {
            world.missing_access.remove(&channel_id);
        }
    }

    /// Forgets recorded requests and gateway records (counters and stored messages stay),
    /// to bound memory in long benchmarks.
    pub fn clear_logs(&self) {
        lock(&self.shared.recorder).clear();
        lock(&self.shared.gateway).clear_log();
    }

    /// Stop (or resume) keeping every sent gateway frame in the log.
    pub fn set_log_frames(&self, keep: bool) {
        lock(&self.shared.gateway).log_frames = keep;
    }

    /// Stops the server and closes gateway connections (also done on drop).
    pub fn shutdown(&self) {
        self.shared.shutdown.send_replace(true);
    }
}

impl Drop for FakeDiscord {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// A bulk overwrite of global or guild commands.
fn is_command_registration(r: &RecordedRequest) -> bool {
    r.method == "PUT" && r.path.ends_with("/commands")
}
