//! State shared by the REST handlers, the gateway and the test-facing API.

use std::collections::{HashMap, HashSet};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use serde_json::Value;
use tokio::sync::watch;

use crate::config::{ChannelSpec, FakeConfig, GuildSpec, MemberSpec, RoleSpec, UserSpec};
use crate::error::FakeError;
use crate::faults::Faults;
use crate::gateway::GatewayState;
use crate::ids::{timestamp_now, IdGen};
use crate::recorder::Recorder;
use crate::store::{CallbackRecord, StoredCommand, StoredMessage};

/// An interaction the fake dispatched, and what the bot did with it.
#[derive(Debug)]
pub(crate) struct InteractionEntry {
    pub id: u64,
    pub token: String,
    pub kind: u8,
    pub guild_id: Option<u64>,
    pub channel_id: u64,
    pub user_id: u64,
    /// The message a component was on.
    pub message_id: Option<u64>,
    /// Index into `World::callbacks`.
    pub callback: Option<usize>,
    pub original: Option<u64>,
    pub followups: Vec<u64>,
    /// `interaction_metadata` for messages that answer it.
    pub metadata: Value,
}

/// Everything that changes while the fake runs, behind one lock.
#[derive(Debug, Default)]
pub(crate) struct World {
    pub messages: Vec<StoredMessage>,
    pub message_index: HashMap<u64, usize>,
    pub dm_channels: HashMap<u64, u64>,
    pub dm_by_user: HashMap<u64, u64>,
    /// Users the fake made up for DMs with ids nobody configured.
    pub extra_users: HashMap<u64, UserSpec>,
    pub global_commands: Vec<StoredCommand>,
    pub guild_commands: HashMap<u64, Vec<StoredCommand>>,
    pub interactions: HashMap<u64, InteractionEntry>,
    /// Interaction token -> interaction id.
    pub tokens: HashMap<String, u64>,
    pub callbacks: Vec<CallbackRecord>,
    /// (user, modal custom_id) -> the interaction that opened the modal.
    pub modal_openers: HashMap<(u64, String), u64>,
    pub dms_closed: HashSet<u64>,
    pub missing_access: HashSet<u64>,
}

impl World {
    pub(crate) fn message(&self, id: u64) -> Option<&StoredMessage> {
        self.message_index.get(&id).map(|&i| &self.messages[i])
    }

    pub(crate) fn message_mut(&mut self, id: u64) -> Option<&mut StoredMessage> {
        self.message_index.get(&id).map(|&i| &mut self.messages[i])
    }

    pub(crate) fn insert_message(&mut self, m: StoredMessage) {
        self.message_index.insert(m.id, self.messages.len());
        self.messages.push(m);
    }

    pub(crate) fn interaction_by_token(&self, token: &str) -> Option<&InteractionEntry> {
        self.tokens
            .get(token)
            .and_then(|id| self.interactions.get(id))
    }
}

/// Where a channel id points.
pub(crate) enum ChannelRef<'a> {
    Guild(&'a GuildSpec, &'a ChannelSpec),
    Dm { recipient: u64 },
}

pub(crate) struct Shared {
    pub config: FakeConfig,
    pub base_url: String,
    pub ws_url: String,
    pub ids: IdGen,
    /// `joined_at` of every member.
    pub joined_at: String,
    pub world: Mutex<World>,
    pub recorder: Mutex<Recorder>,
    pub faults: Mutex<Faults>,
    pub gateway: Mutex<GatewayState>,
    pub shutdown: watch::Sender<bool>,
    changes: watch::Sender<u64>,
    guild_index: HashMap<u64, usize>,
    channel_index: HashMap<u64, (usize, usize)>,
    users: HashMap<u64, UserSpec>,
}

impl Shared {
    pub(crate) fn new(mut config: FakeConfig, base_url: String, ws_url: String) -> Self {
        let ids = IdGen::default();
        add_bot_members(&mut config, &ids);
        let mut guild_index = HashMap::new();
        let mut channel_index = HashMap::new();
        let mut users = HashMap::new();
        users.insert(config.bot.id, config.bot.clone());
        for u in &config.users {
            users.insert(u.id, u.clone());
        }
        for (gi, g) in config.guilds.iter().enumerate() {
            guild_index.insert(g.id, gi);
            for (ci, c) in g.channels.iter().enumerate() {
                channel_index.insert(c.id, (gi, ci));
            }
            for m in &g.members {
                users.entry(m.user.id).or_insert_with(|| m.user.clone());
            }
        }
        Self {
            config,
            base_url,
            ws_url,
            ids,
            joined_at: timestamp_now(),
            world: Mutex::new(World::default()),
            recorder: Mutex::new(Recorder::default()),
            faults: Mutex::new(Faults::default()),
            gateway: Mutex::new(GatewayState::default()),
            shutdown: watch::channel(false).0,
            changes: watch::channel(0).0,
            guild_index,
            channel_index,
            users,
        }
    }

    pub(crate) fn world(&self) -> MutexGuard<'_, World> {
        lock(&self.world)
    }

    pub(crate) fn guild(&self, id: u64) -> Option<&GuildSpec> {
        self.guild_index.get(&id).map(|&i| &self.config.guilds[i])
    }

    pub(crate) fn guild_channel(&self, id: u64) -> Option<(&GuildSpec, &ChannelSpec)> {
        let &(gi, ci) = self.channel_index.get(&id)?;
        let g = &self.config.guilds[gi];
        Some((g, &g.channels[ci]))
    }

    pub(crate) fn channel<'a>(&'a self, world: &World, id: u64) -> Option<ChannelRef<'a>> {
        if let Some((g, c)) = self.guild_channel(id) {
            return Some(ChannelRef::Guild(g, c));
        }
        world
            .dm_channels
            .get(&id)
            .map(|&recipient| ChannelRef::Dm { recipient })
    }

    /// A configured user, or one made up for a DM.
    pub(crate) fn user(&self, world: &World, id: u64) -> Option<UserSpec> {
        self.users
            .get(&id)
            .or_else(|| world.extra_users.get(&id))
            .cloned()
    }

    pub(crate) fn configured_user(&self, id: u64) -> Option<&UserSpec> {
        self.users.get(&id)
    }

    /// Wakes every `wait_for_*`.
    pub(crate) fn notify(&self) {
        self.changes.send_modify(|n| *n = n.wrapping_add(1));
    }

    /// Re-checks `check` after every change until it returns `Some` or `deadline` passes.
    pub(crate) async fn wait_until<T>(
        &self,
        deadline: Duration,
        what: &str,
        mut check: impl FnMut() -> Option<T>,
    ) -> Result<T, FakeError> {
        let mut rx = self.changes.subscribe();
        let wait = async {
            loop {
                // Mark seen before checking, so a change during the check wakes us again.
                rx.borrow_and_update();
                if let Some(v) = check() {
                    return v;
                }
                if rx.changed().await.is_err() {
                    std::future::pending::<()>().await;
                }
            }
        };
        tokio::time::timeout(deadline, wait)
            .await
            .map_err(|_| FakeError::Timeout {
                waited_for: what.to_owned(),
                after: deadline,
            })
    }
}

/// Locks, ignoring poisoning: a panicking test thread must not hide the fake's state.
pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Gives the bot a member (with a managed role allowing it to talk) in every guild that
/// doesn't list it, as Discord does when a bot joins.
fn add_bot_members(config: &mut FakeConfig, ids: &IdGen) {
    let bot = config.bot.clone();
    for g in &mut config.guilds {
        if g.find_member(bot.id).is_some() {
            continue;
        }
        let role = RoleSpec {
            managed: true,
            position: 1,
            ..RoleSpec::new(ids.next(), bot.name.clone(), config.bot_role_permissions)
        };
        g.members
            .push(MemberSpec::new(bot.clone()).with_roles([role.id]));
        g.roles.push(role);
    }
}
