//! The one command table. Every command, subcommand and option rallybot has is declared here,
//! once: Discord registration (`discord::commands`), request parsing for every front end
//! (`commands::parse`) and the console's `/help` are all built from it.
use super::spec::{Command, Complete, Group, Kind, Opt, Sub};
use crate::domain::limits::{
    ADDRESS_MAX, CAMPAIGN_NAME_MAX, COALITION_NAME_MAX, DAILY_LIMIT_MAX, DETAILS_MAX, MAX_RADIUS,
    MAX_RETENTION_DAYS, MIN_RADIUS, NEAR_DAYS_MAX, REASON_MAX, TITLE_MAX,
};

pub const COMMANDS: &[Command] = &[
    Command {
        name: "rally",
        description: "Find, create and RSVP to rallies",
        moderators: false,
    },
    Command {
        name: "rallymod",
        description: "Moderate rallies in this server",
        moderators: true,
    },
];

pub const GROUPS: &[Group] = &[
    Group {
        path: ["rallymod", "campaign"],
        description: "Campaigns: days of action grouping many rallies",
    },
    Group {
        path: ["rallymod", "coalition"],
        description: "Coalitions: servers that share campaigns",
    },
];

const SNOWFLAKE: &str = "123456789012345678";

const RALLY: Opt = Opt::text("rally", "The rally (start typing its title or city)", "12")
    .complete(Complete::Rally)
    .required();
const TITLE: Opt = Opt::text(
    "title",
    "What the rally is called",
    "Keep Families Together",
)
.max_len(TITLE_MAX);
const PLACE: Opt = Opt::text(
    "place",
    "City and state, US ZIP code, or lat,lon",
    "Austin, TX",
)
.complete(Complete::Place);
const WHEN: Opt = Opt::text(
    "when",
    "Local start time, e.g. 2026-12-05 18:00, next thursday 6pm",
    "next thursday 6pm",
);
const DETAILS: Opt =
    Opt::text("details", "What to bring, who is speaking…", "Bring water").max_len(DETAILS_MAX);
const ADDRESS: Opt = Opt::text(
    "address",
    "Street address or meeting point",
    "City Hall steps",
)
.max_len(ADDRESS_MAX);
const ENDS: Opt = Opt::text("ends", "Local end time, e.g. 8pm", "8pm");
const TZ: Opt = Opt::text(
    "tz",
    "Time zone, if not the place's own (e.g. America/Chicago)",
    "America/Chicago",
);
const JOIN_CAMPAIGN: Opt = Opt::text(
    "campaign",
    "The campaign (start typing its name)",
    "Day of Action",
)
.complete(Complete::Campaign { joining: true });
const FIND_CAMPAIGN: Opt = JOIN_CAMPAIGN.complete(Complete::Campaign { joining: false });
const UNIT: Opt = Opt::text("unit", "Miles or kilometres", "km")
    .choices(&[("miles", "mi"), ("kilometres", "km")]);
const REASON: Opt = Opt::text(
    "reason",
    "Why, for the people who planned to come",
    "storm warning",
)
.max_len(REASON_MAX);
const CHANNEL_KIND: Kind = Kind::Channel;
const VISIBILITY: Opt = Opt::text(
    "address_visibility",
    "Who sees the address: public, people going (default), or organisers",
    "going",
)
.choices(&[
    ("everyone (public)", "public"),
    ("people going", "going"),
    ("organisers and moderators", "organisers"),
]);
const COALITION: Opt = Opt::text(
    "coalition",
    "The coalition (when this server is in more than one)",
    "Families Belong Together",
)
.complete(Complete::Coalition);

pub const SUBS: &[Sub] = &[
    Sub {
        path: &["rally", "create"],
        description: "Register a rally",
        options: &[
            TITLE.required(),
            PLACE.required(),
            WHEN.required(),
            DETAILS,
            ADDRESS,
            ENDS,
            TZ,
            JOIN_CAMPAIGN,
            VISIBILITY,
        ],
    },
    Sub {
        path: &["rally", "near"],
        description: "Find rallies near a place",
        options: &[
            PLACE.required(),
            Opt::text("radius", "How far (default 50)", "25").of(Kind::Number {
                min: MIN_RADIUS,
                max: MAX_RADIUS,
            }),
            UNIT,
            Opt::text("days", "Only the next N days", "7").of(Kind::Integer {
                min: 1,
                max: NEAR_DAYS_MAX,
            }),
            FIND_CAMPAIGN,
        ],
    },
    Sub {
        path: &["rally", "info"],
        description: "Show one rally",
        options: &[RALLY],
    },
    Sub {
        path: &["rally", "list"],
        description: "Upcoming rallies in this server",
        options: &[FIND_CAMPAIGN],
    },
    Sub {
        path: &["rally", "rsvp"],
        description: "Say whether you're coming",
        options: &[
            RALLY,
            Opt::text("status", "Your answer (default: going)", "interested").choices(&[
                ("going", "going"),
                ("interested", "interested"),
                ("can't go", "not_going"),
            ]),
        ],
    },
    Sub {
        path: &["rally", "mine"],
        description: "Your rallies and RSVPs",
        options: &[],
    },
    Sub {
        path: &["rally", "remindme"],
        description: "When to send you a reminder of a rally you're going to",
        options: &[
            RALLY,
            Opt::text(
                "before",
                "How long before the start, e.g. 30m, 2h, 1d; or off",
                "30m",
            )
            .required(),
        ],
    },
    Sub {
        path: &["rally", "edit"],
        description: "Change a rally you organise",
        options: &[
            RALLY,
            TITLE,
            PLACE,
            WHEN,
            DETAILS,
            ADDRESS,
            ENDS,
            TZ,
            JOIN_CAMPAIGN.described("The campaign to move it to, or none"),
            VISIBILITY,
            Opt::text(
                "organiser",
                "Moderators: give the rally a new organiser",
                "123456789012345678",
            )
            .of(Kind::User),
        ],
    },
    Sub {
        path: &["rally", "cancel"],
        description: "Call off a rally you organise",
        options: &[RALLY, REASON],
    },
    Sub {
        path: &["rally", "about"],
        description: "About rallybot, its data and commands",
        options: &[],
    },
    Sub {
        path: &["rally", "mydata"],
        description: "What rallybot holds about you: see it, export it, or delete it",
        options: &[
            Opt::text("action", "What to do (default: show)", "show").choices(&[
                ("show", "show"),
                ("export as a file", "export"),
                ("delete", "delete"),
            ]),
        ],
    },
    Sub {
        path: &["rally", "campaign"],
        description: "A campaign's rallies by state and city, or nearest first",
        options: &[FIND_CAMPAIGN.required(), PLACE],
    },
    Sub {
        path: &["rallymod", "queue"],
        description: "Rallies waiting for approval",
        options: &[],
    },
    Sub {
        path: &["rallymod", "approve"],
        description: "Approve a submitted rally",
        options: &[RALLY],
    },
    Sub {
        path: &["rallymod", "reject"],
        description: "Reject a submitted rally",
        options: &[RALLY, REASON.described("Told to the organiser")],
    },
    Sub {
        path: &["rallymod", "announce"],
        description: "Post a rally's card with RSVP buttons in a channel",
        options: &[
            RALLY,
            Opt::text("channel", "Where (default: here)", SNOWFLAKE).of(CHANNEL_KIND),
            Opt::text(
                "ping",
                "Whom to ping (default: the announcement role, if set)",
                "none",
            )
            .choices(&[
                ("the announcement role", "role"),
                ("@everyone", "everyone"),
                ("nobody", "none"),
            ]),
        ],
    },
    Sub {
        path: &["rallymod", "settings"],
        description: "Show or change rallybot's settings here",
        options: &[
            Opt::text(
                "require_approval",
                "Whether new rallies wait for a moderator",
                "true",
            )
            .of(Kind::Boolean),
            UNIT,
            Opt::text(
                "moderator_role",
                "A role whose members moderate rallies, besides Manage Events",
                SNOWFLAKE,
            )
            .of(Kind::Role),
            Opt::text(
                "reminder_channel",
                "Where rally reminders are posted (default: where each rally was created)",
                SNOWFLAKE,
            )
            .of(CHANNEL_KIND),
            Opt::text(
                "reminder_offsets",
                "When channel reminders go out, e.g. 24h,1h",
                "24h,1h",
            ),
            Opt::text(
                "announcement_channel",
                "Where /rallymod announce posts (default: where it is used)",
                SNOWFLAKE,
            )
            .of(CHANNEL_KIND),
            Opt::text(
                "moderator_channel",
                "Where new submissions are posted for moderators",
                SNOWFLAKE,
            )
            .of(CHANNEL_KIND),
            Opt::text(
                "announcement_role",
                "The role an announcement may ping",
                SNOWFLAKE,
            )
            .of(Kind::Role),
            Opt::text(
                "daily_limit",
                "Rallies one member may create per day (default 5)",
                "5",
            )
            .of(Kind::Integer {
                min: 1,
                max: DAILY_LIMIT_MAX,
            }),
            Opt::text(
                "retention_days",
                "Days after a rally ends that who answered it is kept (default 30)",
                "30",
            )
            .of(Kind::Integer {
                min: 1,
                max: MAX_RETENTION_DAYS,
            }),
            Opt::text(
                "public_page",
                "Publish the approved rallies on a public web page and calendar feeds",
                "true",
            )
            .of(Kind::Boolean),
            Opt::text(
                "invite_url",
                "A Discord invite the public pages show as \"join the organisers\"",
                "https://discord.gg/AbCd123",
            ),
            Opt::text(
                "language",
                "The language of reminders and posts here (default: the server's in Discord)",
                "es",
            )
            .choices(&[("English", "en"), ("Spanish (español)", "es")]),
            Opt::text(
                "clear",
                "Settings to unset, e.g. reminder_channel,announcement_role",
                "reminder_channel",
            ),
        ],
    },
    Sub {
        path: &["rallymod", "status"],
        description: "Reminders and change messages that could not be delivered, and why",
        options: &[],
    },
    Sub {
        path: &["rallymod", "log"],
        description: "Who did what, newest first: of one rally, or all",
        options: &[RALLY.optional()],
    },
    Sub {
        path: &["rallymod", "campaign", "create"],
        description: "Create a campaign (a day of action)",
        options: &[
            CAMPAIGN_NAME.required(),
            CAMPAIGN_START.required(),
            CAMPAIGN_END.required(),
            CAMPAIGN_ABOUT,
            COALITION.described("Share it with this coalition's servers (one this server owns)"),
        ],
    },
    Sub {
        path: &["rallymod", "campaign", "edit"],
        description: "Change a campaign",
        options: &[
            FIND_CAMPAIGN.required(),
            CAMPAIGN_NAME,
            CAMPAIGN_START,
            CAMPAIGN_END,
            CAMPAIGN_ABOUT,
        ],
    },
    Sub {
        path: &["rallymod", "campaign", "archive"],
        description: "Archive a campaign: it keeps its rallies, takes no new ones",
        options: &[
            FIND_CAMPAIGN.required(),
            Opt::text("restore", "Restore an archived campaign instead", "true").of(Kind::Boolean),
        ],
    },
    Sub {
        path: &["rallymod", "campaign", "remove"],
        description: "Take another server's rally out of a campaign this server shares",
        options: &[RALLY],
    },
    Sub {
        path: &["rallymod", "coalition", "create"],
        description: "Create a coalition owned by this server",
        options: &[
            Opt::text("name", "The coalition's name", "Families Belong Together")
                .max_len(COALITION_NAME_MAX)
                .required(),
        ],
    },
    Sub {
        path: &["rallymod", "coalition", "invite"],
        description: "A one-time code another server's moderators join with (valid 7 days)",
        options: &[COALITION],
    },
    Sub {
        path: &["rallymod", "coalition", "join"],
        description: "Join a coalition with the code its owner gave you",
        options: &[Opt::text("code", "The invitation code", "ABCDE-FGHJK-LMNPQ-RSTUV").required()],
    },
    Sub {
        path: &["rallymod", "coalition", "members"],
        description: "The servers in a coalition",
        options: &[COALITION],
    },
    Sub {
        path: &["rallymod", "coalition", "leave"],
        description: "Take this server out of a coalition",
        options: &[COALITION],
    },
    Sub {
        path: &["rallymod", "coalition", "remove"],
        description: "Remove a server from a coalition this server owns",
        options: &[
            Opt::text(
                "server",
                "The server's name or id, as members lists it",
                "Houston United",
            )
            .required(),
            COALITION,
        ],
    },
];

const CAMPAIGN_NAME: Opt =
    Opt::text("name", "The campaign's name", "Day of Action").max_len(CAMPAIGN_NAME_MAX);
const CAMPAIGN_START: Opt = Opt::text("start", "First day, e.g. 2027-04-17", "2027-04-17");
const CAMPAIGN_END: Opt = Opt::text("end", "Last day, e.g. 2027-04-17", "2027-04-17");
const CAMPAIGN_ABOUT: Opt = Opt::text(
    "description",
    "What the campaign is about",
    "A national day of action",
)
.max_len(DETAILS_MAX);

/// The subcommand at `path`, if there is one.
pub fn sub(path: &[String]) -> Option<&'static Sub> {
    SUBS.iter()
        .find(|s| s.path.len() == path.len() && s.path.iter().zip(path).all(|(a, b)| a == b))
}
