//! Turns an [`InteractionSpec`] into the INTERACTION_CREATE payload Discord would send.

use serde_json::{json, Map, Value};

use super::spec::{InteractionSpec, OptionSpec, OptionValue, SpecKind};
use crate::config::{GuildSpec, UserSpec};
use crate::payloads::{self, id};
use crate::permissions;
use crate::state::{Shared, World};

/// Discord's default upload limit for a guild without boosts (10 MiB).
const ATTACHMENT_SIZE_LIMIT: u64 = 10 * 1024 * 1024;

/// Where an interaction happens, resolved from the spec.
pub(crate) struct Context<'a> {
    pub guild: Option<&'a GuildSpec>,
    pub channel_id: u64,
    pub user: UserSpec,
}

pub(crate) struct Built {
    pub payload: Value,
    /// `interaction_metadata` for the messages that answer this interaction.
    pub metadata: Value,
}

pub(crate) struct BuildArgs<'a> {
    pub id: u64,
    pub token: &'a str,
    pub spec: &'a InteractionSpec,
    pub ctx: &'a Context<'a>,
    /// The message a component is on, already as JSON.
    pub message: Option<Value>,
    pub message_id: Option<u64>,
    pub command_id: u64,
    pub command_guild: Option<u64>,
    /// The interaction that opened the modal, with its metadata.
    pub opener: Option<(u64, Value)>,
}

pub(crate) fn build(shared: &Shared, world: &World, a: &BuildArgs<'_>) -> Built {
    let ctx = a.ctx;
    let cfg = &shared.config;
    let kind = match &a.spec.kind {
        SpecKind::Command { .. } => 2,
        SpecKind::Component { .. } => 3,
        SpecKind::Autocomplete { .. } => 4,
        SpecKind::Modal { .. } => 5,
    };
    let mut p = Map::new();
    p.insert("id".into(), id(a.id));
    p.insert("application_id".into(), id(cfg.application_id));
    p.insert("type".into(), json!(kind));
    p.insert("token".into(), json!(a.token));
    p.insert("version".into(), json!(1));
    p.insert("channel_id".into(), id(ctx.channel_id));
    p.insert(
        "locale".into(),
        json!(a.spec.locale.as_deref().unwrap_or(&cfg.locale)),
    );
    p.insert("entitlements".into(), json!([]));
    p.insert("attachment_size_limit".into(), json!(ATTACHMENT_SIZE_LIMIT));
    let user_json = payloads::user(&ctx.user);
    match ctx.guild {
        Some(g) => {
            let channel = g
                .find_channel(ctx.channel_id)
                .expect("context channel is in its guild");
            let member = g
                .find_member(ctx.user.id)
                .expect("context user is a member");
            let user_perms = permissions::compute(g, ctx.user.id, Some(channel));
            let app_perms = permissions::compute(g, cfg.bot.id, Some(channel));
            p.insert("guild_id".into(), id(g.id));
            p.insert("guild_locale".into(), json!(g.preferred_locale));
            p.insert(
                "guild".into(),
                json!({ "id": id(g.id), "locale": g.preferred_locale, "features": [] }),
            );
            p.insert(
                "channel".into(),
                payloads::interaction_channel(channel, g.id, user_perms),
            );
            p.insert(
                "member".into(),
                payloads::member(member, &shared.joined_at, Some(user_perms)),
            );
            p.insert("app_permissions".into(), json!(app_perms.to_string()));
            p.insert(
                "authorizing_integration_owners".into(),
                json!({ "0": id(g.id) }),
            );
            p.insert("context".into(), json!(0));
        }
        None => {
            p.insert(
                "channel".into(),
                payloads::private_channel(ctx.channel_id, &ctx.user, None),
            );
            p.insert("user".into(), user_json.clone());
            p.insert(
                "app_permissions".into(),
                json!(permissions::BOT_DEFAULT.to_string()),
            );
            // Guild-installed app used in the bot's DM: Discord sends guild id "0".
            p.insert("authorizing_integration_owners".into(), json!({ "0": "0" }));
            p.insert("context".into(), json!(1));
        }
    }
    let owners = p["authorizing_integration_owners"].clone();
    let mut metadata = json!({
        "id": id(a.id),
        "type": kind,
        "user": user_json,
        "authorizing_integration_owners": owners,
        "original_response_message_id": null,
    });
    match &a.spec.kind {
        SpecKind::Command { name } | SpecKind::Autocomplete { name } => {
            let mut resolved = Resolved::default();
            let options = command_options(shared, world, ctx, a.spec, &mut resolved);
            let mut data = json!({
                "id": id(a.command_id),
                "name": name,
                "type": 1,
                "options": options,
            });
            if !resolved.is_empty() {
                data["resolved"] = resolved.into_json();
            }
            if let Some(g) = a.command_guild {
                data["guild_id"] = id(g);
            }
            p.insert("data".into(), data);
            metadata["name"] = json!(name);
        }
        SpecKind::Component {
            custom_id,
            component_type,
            values,
        } => {
            let mut data = json!({ "custom_id": custom_id, "component_type": component_type });
            if *component_type != 2 {
                data["values"] = json!(values);
            }
            p.insert("data".into(), data);
            if let Some(m) = &a.message {
                p.insert("message".into(), m.clone());
            }
            if let Some(mid) = a.message_id {
                metadata["interacted_message_id"] = id(mid);
            }
        }
        SpecKind::Modal { custom_id, fields } => {
            let rows: Vec<Value> = fields
                .iter()
                .map(|(cid, value)| {
                    json!({ "type": 1, "components": [{ "type": 4, "custom_id": cid, "value": value }] })
                })
                .collect();
            p.insert(
                "data".into(),
                json!({ "custom_id": custom_id, "components": rows }),
            );
            if let Some(m) = &a.message {
                p.insert("message".into(), m.clone());
            }
            metadata = match &a.opener {
                Some((_, opener_meta)) => {
                    metadata["triggering_interaction_metadata"] = opener_meta.clone();
                    metadata
                }
                // serenity requires the triggering interaction; without it there is none.
                None => Value::Null,
            };
        }
    }
    Built {
        payload: Value::Object(p),
        metadata,
    }
}

#[derive(Default)]
struct Resolved {
    users: Map<String, Value>,
    members: Map<String, Value>,
    roles: Map<String, Value>,
    channels: Map<String, Value>,
}

impl Resolved {
    fn is_empty(&self) -> bool {
        self.users.is_empty() && self.roles.is_empty() && self.channels.is_empty()
    }

    fn into_json(self) -> Value {
        let mut v = Map::new();
        for (k, m) in [
            ("users", self.users),
            ("members", self.members),
            ("roles", self.roles),
            ("channels", self.channels),
        ] {
            if !m.is_empty() {
                v.insert(k.into(), Value::Object(m));
            }
        }
        Value::Object(v)
    }
}

fn command_options(
    shared: &Shared,
    world: &World,
    ctx: &Context<'_>,
    spec: &InteractionSpec,
    resolved: &mut Resolved,
) -> Vec<Value> {
    let leaf: Vec<Value> = spec
        .options
        .iter()
        .map(|o| leaf_option(shared, world, ctx, o, resolved))
        .collect();
    // As Discord does, a subcommand typed with no options has no `options` key at all
    // (serenity 0.12 can't read that shape; rallybot repairs it).
    let wrapped = match &spec.subcommand {
        Some(sub) if leaf.is_empty() => vec![json!({ "name": sub, "type": 1 })],
        Some(sub) => vec![json!({ "name": sub, "type": 1, "options": leaf })],
        None => leaf,
    };
    match &spec.group {
        Some(group) => vec![json!({ "name": group, "type": 2, "options": wrapped })],
        None => wrapped,
    }
}

fn leaf_option(
    shared: &Shared,
    world: &World,
    ctx: &Context<'_>,
    o: &OptionSpec,
    resolved: &mut Resolved,
) -> Value {
    let value = match &o.value {
        OptionValue::String(s) => json!(s),
        OptionValue::Integer(i) => json!(i),
        OptionValue::Number(n) => json!(n),
        OptionValue::Boolean(b) => json!(b),
        OptionValue::User(u) | OptionValue::Mentionable(u) if !o.focused => {
            resolve_user(shared, world, ctx, *u, resolved);
            resolve_role(shared, ctx, *u, resolved);
            id(*u)
        }
        OptionValue::Role(r) => {
            resolve_role(shared, ctx, *r, resolved);
            id(*r)
        }
        OptionValue::Channel(c) => {
            if let Some((g, ch)) = shared.guild_channel(*c) {
                let perms = permissions::compute(g, ctx.user.id, Some(ch));
                resolved.channels.insert(
                    c.to_string(),
                    json!({ "id": id(*c), "name": ch.name, "type": ch.kind.code(),
                            "permissions": perms.to_string(), "parent_id": payloads::opt_id(ch.parent_id) }),
                );
            }
            id(*c)
        }
        OptionValue::User(u) | OptionValue::Mentionable(u) => id(*u),
    };
    let mut v = json!({ "name": o.name, "type": o.type_code, "value": value });
    if o.focused {
        v["focused"] = json!(true);
    }
    v
}

fn resolve_user(shared: &Shared, world: &World, ctx: &Context<'_>, user_id: u64, r: &mut Resolved) {
    let Some(user) = shared.user(world, user_id) else {
        return;
    };
    r.users.insert(user_id.to_string(), payloads::user(&user));
    if let Some(m) = ctx
        .guild
        .and_then(|g| g.find_member(user_id).map(|m| (g, m)))
    {
        let (g, m) = m;
        let mut member = payloads::member(m, &shared.joined_at, None);
        if let Some(map) = member.as_object_mut() {
            // Resolved members are partial: no `user`, but `permissions`.
            map.remove("user");
            let perms = permissions::compute(g, user_id, g.find_channel(ctx.channel_id));
            map.insert("permissions".into(), json!(perms.to_string()));
        }
        r.members.insert(user_id.to_string(), member);
    }
}

fn resolve_role(shared: &Shared, ctx: &Context<'_>, role_id: u64, r: &mut Resolved) {
    let Some(g) = ctx.guild else {
        return;
    };
    let roles = payloads::roles(g, shared.config.bot.id);
    if let Some(role) = roles.into_iter().find(|v| v["id"] == id(role_id)) {
        r.roles.insert(role_id.to_string(), role);
    }
}
