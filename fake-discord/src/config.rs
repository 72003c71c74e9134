//! What the fake Discord knows at start: the bot, its application, guilds, channels,
//! roles and members.

use crate::permissions;

/// A Discord user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserSpec {
    pub id: u64,
    /// `username`.
    pub name: String,
    pub global_name: Option<String>,
    pub bot: bool,
}

impl UserSpec {
    pub fn new(id: u64, name: impl Into<String>) -> Self {
        Self {
            id,
            name: name.into(),
            global_name: None,
            bot: false,
        }
    }

    pub fn bot(id: u64, name: impl Into<String>) -> Self {
        Self {
            bot: true,
            ..Self::new(id, name)
        }
    }
}

/// Guild channel types the fake serves (Discord's `type` values).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChannelKind {
    Text,
    Voice,
    Category,
    Announcement,
    Stage,
    Forum,
}

impl ChannelKind {
    pub fn code(self) -> u8 {
        match self {
            Self::Text => 0,
            Self::Voice => 2,
            Self::Category => 4,
            Self::Announcement => 5,
            Self::Stage => 13,
            Self::Forum => 15,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OverwriteTarget {
    Role(u64),
    Member(u64),
}

/// A channel permission overwrite.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OverwriteSpec {
    pub target: OverwriteTarget,
    pub allow: u64,
    pub deny: u64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChannelSpec {
    pub id: u64,
    pub name: String,
    pub kind: ChannelKind,
    pub parent_id: Option<u64>,
    pub position: u16,
    pub topic: Option<String>,
    pub overwrites: Vec<OverwriteSpec>,
}

impl ChannelSpec {
    pub fn new(id: u64, name: impl Into<String>, kind: ChannelKind) -> Self {
        Self {
            id,
            name: name.into(),
            kind,
            parent_id: None,
            position: 0,
            topic: None,
            overwrites: Vec::new(),
        }
    }

    pub fn text(id: u64, name: impl Into<String>) -> Self {
        Self::new(id, name, ChannelKind::Text)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleSpec {
    pub id: u64,
    pub name: String,
    pub permissions: u64,
    pub position: u16,
    pub color: u32,
    pub hoist: bool,
    pub mentionable: bool,
    /// Roles that belong to an integration (such as a bot's own role) are `managed`.
    pub managed: bool,
}

impl RoleSpec {
    pub fn new(id: u64, name: impl Into<String>, permissions: u64) -> Self {
        Self {
            id,
            name: name.into(),
            permissions,
            position: 1,
            color: 0,
            hoist: false,
            mentionable: false,
            managed: false,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberSpec {
    pub user: UserSpec,
    pub roles: Vec<u64>,
    pub nick: Option<String>,
}

impl MemberSpec {
    pub fn new(user: UserSpec) -> Self {
        Self {
            user,
            roles: Vec::new(),
            nick: None,
        }
    }

    pub fn with_roles(mut self, roles: impl IntoIterator<Item = u64>) -> Self {
        self.roles.extend(roles);
        self
    }
}

/// A guild. Its @everyone role has the guild's id and `everyone_permissions`; `roles` holds
/// the others.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GuildSpec {
    pub id: u64,
    pub name: String,
    pub owner_id: u64,
    pub everyone_permissions: u64,
    pub preferred_locale: String,
    pub channels: Vec<ChannelSpec>,
    pub roles: Vec<RoleSpec>,
    pub members: Vec<MemberSpec>,
}

impl GuildSpec {
    /// A guild owned by `owner`, who becomes its first member.
    pub fn new(id: u64, name: impl Into<String>, owner: UserSpec) -> Self {
        Self {
            id,
            name: name.into(),
            owner_id: owner.id,
            everyone_permissions: permissions::EVERYONE_DEFAULT,
            preferred_locale: "en-US".into(),
            channels: Vec::new(),
            roles: Vec::new(),
            members: vec![MemberSpec::new(owner)],
        }
    }

    pub fn channel(mut self, channel: ChannelSpec) -> Self {
        self.channels.push(channel);
        self
    }

    pub fn role(mut self, role: RoleSpec) -> Self {
        self.roles.push(role);
        self
    }

    pub fn member(mut self, member: MemberSpec) -> Self {
        self.members.push(member);
        self
    }

    pub fn find_member(&self, user_id: u64) -> Option<&MemberSpec> {
        self.members.iter().find(|m| m.user.id == user_id)
    }

    pub fn find_channel(&self, channel_id: u64) -> Option<&ChannelSpec> {
        self.channels.iter().find(|c| c.id == channel_id)
    }

    /// The first text channel, where interactions happen unless a test says otherwise.
    pub fn first_text_channel(&self) -> Option<&ChannelSpec> {
        self.channels.iter().find(|c| c.kind == ChannelKind::Text)
    }
}

/// Everything the fake starts with. `FakeConfig::default()` is a small world documented on
/// each `SAMPLE_*` constant; [`FakeConfig::with_generated_guilds`] makes many guilds.
#[derive(Clone, Debug)]
pub struct FakeConfig {
    /// The bot token, without the `Bot ` prefix.
    pub token: String,
    pub application_id: u64,
    pub application_flags: u64,
    pub bot: UserSpec,
    pub guilds: Vec<GuildSpec>,
    /// Users outside every guild that the bot may still open a DM with.
    pub users: Vec<UserSpec>,
    /// Permissions of the role the fake gives the bot in guilds that don't list it as a member.
    pub bot_role_permissions: u64,
    pub heartbeat_interval_ms: u64,
    /// Answer 401 to bot-authenticated routes whose `Authorization` isn't `Bot <token>`.
    pub enforce_auth: bool,
    /// Dispatches kept per session for RESUME replay; older ones make RESUME fail (op 9).
    pub replay_limit: usize,
    /// `locale` of interactions unless the interaction says otherwise.
    pub locale: String,
}

pub const SAMPLE_TOKEN: &str = "fake-bot-token";
pub const SAMPLE_APPLICATION_ID: u64 = 900_000_000_000_000_001;
pub const SAMPLE_BOT_ID: u64 = 900_000_000_000_000_001;
pub const SAMPLE_GUILD_ID: u64 = 910_000_000_000_000_001;
/// `#general`, a text channel.
pub const SAMPLE_GENERAL_ID: u64 = 911_000_000_000_000_001;
/// `#announcements`, a text channel.
pub const SAMPLE_ANNOUNCEMENTS_ID: u64 = 911_000_000_000_000_002;
/// "Organiser" role, with Manage Events.
pub const SAMPLE_ORGANISER_ROLE_ID: u64 = 912_000_000_000_000_001;
/// The guild owner, "owner".
pub const SAMPLE_OWNER_ID: u64 = 920_000_000_000_000_001;
/// "alice", an organiser.
pub const SAMPLE_ALICE_ID: u64 = 920_000_000_000_000_002;
/// "bob", a plain member.
pub const SAMPLE_BOB_ID: u64 = 920_000_000_000_000_003;
/// "carol", in no guild.
pub const SAMPLE_CAROL_ID: u64 = 920_000_000_000_000_004;

impl Default for FakeConfig {
    fn default() -> Self {
        let guild = GuildSpec::new(
            SAMPLE_GUILD_ID,
            "Sample Network",
            UserSpec::new(SAMPLE_OWNER_ID, "owner"),
        )
        .channel(ChannelSpec::text(SAMPLE_GENERAL_ID, "general"))
        .channel(ChannelSpec::text(SAMPLE_ANNOUNCEMENTS_ID, "announcements"))
        .role(RoleSpec::new(
            SAMPLE_ORGANISER_ROLE_ID,
            "Organiser",
            permissions::MANAGE_EVENTS,
        ))
        .member(
            MemberSpec::new(UserSpec::new(SAMPLE_ALICE_ID, "alice"))
                .with_roles([SAMPLE_ORGANISER_ROLE_ID]),
        )
        .member(MemberSpec::new(UserSpec::new(SAMPLE_BOB_ID, "bob")));
        Self {
            guilds: vec![guild],
            users: vec![UserSpec::new(SAMPLE_CAROL_ID, "carol")],
            ..Self::empty(SAMPLE_TOKEN)
        }
    }
}

impl FakeConfig {
    /// A bot with no guilds.
    pub fn empty(token: impl Into<String>) -> Self {
        Self {
            token: token.into(),
            application_id: SAMPLE_APPLICATION_ID,
            application_flags: 0,
            bot: UserSpec::bot(SAMPLE_BOT_ID, "rallybot"),
            guilds: Vec::new(),
            users: Vec::new(),
            bot_role_permissions: permissions::BOT_DEFAULT,
            heartbeat_interval_ms: 41_250,
            enforce_auth: true,
            replay_limit: 10_000,
            locale: "en-US".into(),
        }
    }

    /// `n` guilds `i = 0..n` with id `930_000_000_000_000_000 + (i << 22)` (so, like real
    /// snowflakes, they spread over shards by `(id >> 22) % shards`); each has an owner
    /// (id + 1), one member (id + 2), a `#general` (id + 10) and an `#events` (id + 11) text
    /// channel, and an "Organiser" role (id + 20) held by the member.
    pub fn with_generated_guilds(token: impl Into<String>, n: usize) -> Self {
        let mut config = Self::empty(token);
        config.guilds = (0..n as u64)
            .map(|i| {
                let id = 930_000_000_000_000_000 + (i << 22);
                GuildSpec::new(
                    id,
                    format!("Network {i}"),
                    UserSpec::new(id + 1, format!("owner{i}")),
                )
                .channel(ChannelSpec::text(id + 10, "general"))
                .channel(ChannelSpec::text(id + 11, "events"))
                .role(RoleSpec::new(
                    id + 20,
                    "Organiser",
                    permissions::MANAGE_EVENTS,
                ))
                .member(
                    MemberSpec::new(UserSpec::new(id + 2, format!("member{i}")))
                        .with_roles([id + 20]),
                )
            })
            .collect();
        config
    }

    /// The `Authorization` header value the bot must send.
    pub fn authorization(&self) -> String {
        format!("Bot {}", self.token)
    }

    pub fn guild(&self, guild_id: u64) -> Option<&GuildSpec> {
        self.guilds.iter().find(|g| g.id == guild_id)
    }
}
