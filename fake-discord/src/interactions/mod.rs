//! Dispatching interactions to the bot and awaiting its answers.

mod build;
mod spec;

pub use spec::{InteractionSpec, OptionValue};

use std::sync::Arc;
use std::time::Duration;

use serde_json::json;

use crate::config::ChannelSpec;
use crate::error::FakeError;
use crate::ids::{opaque_token, timestamp_now};
use crate::payloads;
use crate::state::{lock, InteractionEntry, Shared, World};
use crate::store::{CallbackRecord, MessageSource, StoredMessage};
use build::{BuildArgs, Context};
use spec::SpecKind;

/// An interaction the fake sent; await the bot's answers through it.
#[derive(Clone)]
pub struct InteractionHandle {
    pub id: u64,
    pub token: String,
    /// 2 command, 3 component, 4 autocomplete, 5 modal submit.
    pub kind: u8,
    /// The gateway sequence number of the INTERACTION_CREATE.
    pub seq: u64,
    pub guild_id: Option<u64>,
    pub channel_id: u64,
    pub user_id: u64,
    shared: Arc<Shared>,
}

impl std::fmt::Debug for InteractionHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("InteractionHandle")
            .field("id", &self.id)
            .field("kind", &self.kind)
            .field("seq", &self.seq)
            .finish_non_exhaustive()
    }
}

impl InteractionHandle {
    /// The callback, if the bot sent it already.
    pub fn callback_now(&self) -> Option<CallbackRecord> {
        let world = self.shared.world();
        let index = world.interactions.get(&self.id)?.callback?;
        Some(world.callbacks[index].clone())
    }

    /// Waits for `POST /interactions/{id}/{token}/callback`.
    pub async fn callback(&self, deadline: Duration) -> Result<CallbackRecord, FakeError> {
        let what = format!("the callback of interaction {}", self.id);
        self.shared
            .wait_until(deadline, &what, || self.callback_now())
            .await
    }

    /// The original response message (after callback type 4, 5 or a PATCH of `@original`).
    pub fn original_response(&self) -> Option<StoredMessage> {
        let world = self.shared.world();
        let id = world.interactions.get(&self.id)?.original?;
        world.message(id).cloned()
    }

    /// Waits until the original response exists and satisfies `pred` (e.g. a deferred reply
    /// that has been edited).
    pub async fn wait_for_original(
        &self,
        pred: impl Fn(&StoredMessage) -> bool,
        deadline: Duration,
    ) -> Result<StoredMessage, FakeError> {
        let what = format!("the original response of interaction {}", self.id);
        self.shared
            .wait_until(deadline, &what, || {
                self.original_response().filter(|m| pred(m))
            })
            .await
    }

    pub fn followups(&self) -> Vec<StoredMessage> {
        let world = self.shared.world();
        let Some(entry) = world.interactions.get(&self.id) else {
            return Vec::new();
        };
        entry
            .followups
            .iter()
            .filter_map(|id| world.message(*id).cloned())
            .collect()
    }

    /// Waits until at least `n` follow-up messages exist.
    pub async fn wait_for_followups(
        &self,
        n: usize,
        deadline: Duration,
    ) -> Result<Vec<StoredMessage>, FakeError> {
        let what = format!("{n} follow-ups of interaction {}", self.id);
        self.shared
            .wait_until(deadline, &what, || {
                Some(self.followups()).filter(|f| f.len() >= n)
            })
            .await
    }
}

pub(crate) fn dispatch(
    shared: &Arc<Shared>,
    spec: InteractionSpec,
) -> Result<InteractionHandle, FakeError> {
    let interaction_id = shared.ids.next();
    let token = format!("aW50ZXJhY3Rpb24{}", opaque_token(interaction_id, 120));
    let (payload, entry) = {
        let mut world = shared.world();
        let ctx = context(shared, &mut world, &spec)?;
        let (message, message_id) = component_message(shared, &mut world, &spec, &ctx);
        let (command_id, command_guild) = command_id(shared, &world, &spec, &ctx);
        let opener = modal_opener(&world, &spec, ctx.user.id);
        let opener_message_id = opener
            .and_then(|o| world.interactions.get(&o))
            .and_then(|e| e.message_id);
        let opener_message = opener_message_id
            .and_then(|m| world.message(m))
            .map(|m| message_json(shared, &world, m));
        let built = build::build(
            shared,
            &world,
            &BuildArgs {
                id: interaction_id,
                token: &token,
                spec: &spec,
                ctx: &ctx,
                message: message.or(opener_message),
                message_id,
                command_id,
                command_guild,
                opener: opener
                    .and_then(|o| world.interactions.get(&o).map(|e| (o, e.metadata.clone()))),
            },
        );
        let entry = InteractionEntry {
            id: interaction_id,
            token: token.clone(),
            kind: built.payload["type"].as_u64().unwrap_or(0) as u8,
            guild_id: ctx.guild.map(|g| g.id),
            channel_id: ctx.channel_id,
            user_id: ctx.user.id,
            // A modal opened from a component acts on that component's message (UPDATE_MESSAGE
            // is valid for such modal submits, per Discord's docs).
            message_id: message_id.or(opener_message_id),
            callback: None,
            original: None,
            followups: Vec::new(),
            metadata: built.metadata,
        };
        // Registered before the dispatch goes out, so an instant callback finds it.
        world.tokens.insert(token.clone(), interaction_id);
        let handle_entry = (entry.kind, entry.guild_id, entry.channel_id, entry.user_id);
        world.interactions.insert(interaction_id, entry);
        (built.payload, handle_entry)
    };
    let seq =
        lock(&shared.gateway).dispatch("INTERACTION_CREATE", payload, shared.config.replay_limit);
    let Some(seq) = seq else {
        let mut world = shared.world();
        world.interactions.remove(&interaction_id);
        world.tokens.remove(&token);
        return Err(FakeError::NoGatewaySession);
    };
    shared.notify();
    let (kind, guild_id, channel_id, user_id) = entry;
    Ok(InteractionHandle {
        id: interaction_id,
        token,
        kind,
        seq,
        guild_id,
        channel_id,
        user_id,
        shared: shared.clone(),
    })
}

fn context<'a>(
    shared: &'a Shared,
    world: &mut World,
    spec: &InteractionSpec,
) -> Result<Context<'a>, FakeError> {
    let from_message = spec
        .message_id
        .and_then(|m| world.message(m))
        .map(|m| m.channel_id);
    let channel_id = spec.channel_id.or(from_message);
    let dm_channel = channel_id.and_then(|c| world.dm_channels.get(&c).copied());
    if spec.dm || dm_channel.is_some() {
        let user_id = dm_channel
            .or(spec.user_id)
            .or_else(|| default_user(shared, None));
        let user_id = user_id.ok_or(FakeError::UnknownUser(0))?;
        let user = shared
            .user(world, user_id)
            .ok_or(FakeError::UnknownUser(user_id))?;
        let channel_id = crate::rest::open_dm(shared, world, &user);
        return Ok(Context {
            guild: None,
            channel_id,
            user,
        });
    }
    let guild = match (channel_id, spec.guild_id) {
        (Some(c), _) => shared
            .guild_channel(c)
            .map(|(g, _)| g)
            .ok_or(FakeError::UnknownChannel(c))?,
        (None, Some(g)) => shared.guild(g).ok_or(FakeError::UnknownGuild(g))?,
        (None, None) => shared
            .config
            .guilds
            .first()
            .ok_or(FakeError::UnknownGuild(0))?,
    };
    let channel_id = match channel_id {
        Some(c) => c,
        None => guild
            .first_text_channel()
            .or(guild.channels.first())
            .map(|c: &ChannelSpec| c.id)
            .ok_or(FakeError::UnknownChannel(0))?,
    };
    let user_id = spec
        .user_id
        .or_else(|| default_user(shared, Some(guild.id)));
    let user_id = user_id.ok_or(FakeError::UnknownUser(0))?;
    let member = guild
        .find_member(user_id)
        .ok_or(FakeError::UnknownUser(user_id))?;
    Ok(Context {
        guild: Some(guild),
        channel_id,
        user: member.user.clone(),
    })
}

/// The first member who is neither the bot nor the owner, else the owner; in DMs the first
/// configured user outside guilds, else the first guild's pick.
fn default_user(shared: &Shared, guild_id: Option<u64>) -> Option<u64> {
    let bot = shared.config.bot.id;
    let guild = match guild_id {
        Some(g) => shared.guild(g),
        None => {
            if let Some(u) = shared.config.users.first() {
                return Some(u.id);
            }
            shared.config.guilds.first()
        }
    }?;
    guild
        .members
        .iter()
        .find(|m| m.user.id != bot && m.user.id != guild.owner_id)
        .or_else(|| guild.members.iter().find(|m| m.user.id != bot))
        .map(|m| m.user.id)
}

fn message_json(shared: &Shared, world: &World, m: &StoredMessage) -> serde_json::Value {
    let author = shared
        .user(world, m.author_id)
        .unwrap_or_else(|| shared.config.bot.clone());
    payloads::message(m, &author, shared.config.application_id)
}

/// The message a component is on: the stored one, or a made-up bot message with the component.
fn component_message(
    shared: &Shared,
    world: &mut World,
    spec: &InteractionSpec,
    ctx: &Context<'_>,
) -> (Option<serde_json::Value>, Option<u64>) {
    let SpecKind::Component {
        custom_id,
        component_type,
        ..
    } = &spec.kind
    else {
        return (None, None);
    };
    if let Some(m) = spec.message_id.and_then(|id| world.message(id)) {
        return (Some(message_json(shared, world, m)), Some(m.id));
    }
    let component = if *component_type == 2 {
        json!({ "type": 2, "style": 1, "label": custom_id, "custom_id": custom_id })
    } else {
        json!({ "type": component_type, "custom_id": custom_id, "options": [] })
    };
    let message = StoredMessage {
        id: spec.message_id.unwrap_or_else(|| shared.ids.next()),
        channel_id: ctx.channel_id,
        guild_id: ctx.guild.map(|g| g.id),
        author_id: shared.config.bot.id,
        content: String::new(),
        embeds: Vec::new(),
        components: vec![json!({ "type": 1, "components": [component] })],
        allowed_mentions: None,
        attachments: Vec::new(),
        message_reference: None,
        flags: 0,
        tts: false,
        kind: 0,
        timestamp: timestamp_now(),
        edited_timestamp: None,
        edits: Vec::new(),
        deleted: false,
        source: MessageSource::Synthetic,
        interaction_metadata: None,
        webhook_id: None,
        nonce: None,
    };
    let id = message.id;
    let v = message_json(shared, world, &message);
    world.insert_message(message);
    (Some(v), Some(id))
}

/// The registered command with that name (guild first, as Discord resolves), else a new id.
fn command_id(
    shared: &Shared,
    world: &World,
    spec: &InteractionSpec,
    ctx: &Context<'_>,
) -> (u64, Option<u64>) {
    let (SpecKind::Command { name } | SpecKind::Autocomplete { name }) = &spec.kind else {
        return (0, None);
    };
    if let Some(g) = ctx.guild {
        if let Some(c) = world
            .guild_commands
            .get(&g.id)
            .and_then(|cs| cs.iter().find(|c| &c.name == name))
        {
            return (c.id, Some(g.id));
        }
    }
    match world.global_commands.iter().find(|c| &c.name == name) {
        Some(c) => (c.id, None),
        None => (shared.ids.next(), None),
    }
}

fn modal_opener(world: &World, spec: &InteractionSpec, user_id: u64) -> Option<u64> {
    let SpecKind::Modal { custom_id, .. } = &spec.kind else {
        return None;
    };
    world
        .modal_openers
        .get(&(user_id, custom_id.clone()))
        .copied()
}
