//! The slash commands rallybot registers. Their names and options are a contract with users.
use serenity::all::{
    ChannelType, CommandOptionType, CreateCommand, CreateCommandOption, Permissions,
};

use crate::domain::limits::{ADDRESS_MAX, DETAILS_MAX, REASON_MAX, TITLE_MAX};
use crate::service::campaigns::NAME_MAX;
use crate::service::MAX_RADIUS;

fn sub(name: &str, description: &str) -> CreateCommandOption {
    CreateCommandOption::new(CommandOptionType::SubCommand, name, description)
}

fn text(name: &str, description: &str, required: bool) -> CreateCommandOption {
    CreateCommandOption::new(CommandOptionType::String, name, description).required(required)
}

fn bounded(name: &str, description: &str, required: bool, max: usize) -> CreateCommandOption {
    // Discord checks the length too; the service checks it again.
    text(name, description, required).max_length(max as u16)
}

fn rally_option() -> CreateCommandOption {
    text("rally", "The rally (start typing its title or city)", true).set_autocomplete(true)
}

fn place_option(required: bool) -> CreateCommandOption {
    text("place", "City and state, US ZIP code, or lat,lon", required).set_autocomplete(true)
}

fn unit_option() -> CreateCommandOption {
    text("unit", "Miles or kilometres", false)
        .add_string_choice("miles", "mi")
        .add_string_choice("kilometres", "km")
}

fn campaign_option(required: bool) -> CreateCommandOption {
    text("campaign", "The campaign (start typing its name)", required).set_autocomplete(true)
}

fn rally_fields(sub: CreateCommandOption, required: bool) -> CreateCommandOption {
    sub.add_sub_option(bounded(
        "title",
        "What the rally is called",
        required,
        TITLE_MAX,
    ))
    .add_sub_option(place_option(required))
    .add_sub_option(text(
        "when",
        "Local start time, e.g. 2026-12-05 18:00, next thursday 6pm",
        required,
    ))
    .add_sub_option(bounded(
        "details",
        "What to bring, who is speaking…",
        false,
        DETAILS_MAX,
    ))
    .add_sub_option(bounded(
        "address",
        "Street address or meeting point",
        false,
        ADDRESS_MAX,
    ))
    .add_sub_option(text("ends", "Local end time, e.g. 8pm", false))
    .add_sub_option(text(
        "tz",
        "Time zone, if not the place's own (e.g. America/Chicago)",
        false,
    ))
}

/// Every command, in registration order.
pub fn all() -> Vec<CreateCommand> {
    vec![rally(), rallymod()]
}

fn rally() -> CreateCommand {
    let create = rally_fields(sub("create", "Register a rally"), true)
        .add_sub_option(campaign_option(false));
    let near = sub("near", "Find rallies near a place")
        .add_sub_option(place_option(true))
        .add_sub_option(
            CreateCommandOption::new(CommandOptionType::Number, "radius", "How far (default 50)")
                .min_number_value(1.0)
                .max_number_value(MAX_RADIUS),
        )
        .add_sub_option(unit_option())
        .add_sub_option(
            CreateCommandOption::new(CommandOptionType::Integer, "days", "Only the next N days")
                .min_int_value(1)
                .max_int_value(730),
        )
        .add_sub_option(campaign_option(false));
    let info = sub("info", "Show one rally").add_sub_option(rally_option());
    let list =
        sub("list", "Upcoming rallies in this server").add_sub_option(campaign_option(false));
    let rsvp = sub("rsvp", "Say whether you're coming")
        .add_sub_option(rally_option())
        .add_sub_option(
            text("status", "Your answer (default: going)", false)
                .add_string_choice("going", "going")
                .add_string_choice("interested", "interested")
                .add_string_choice("can't go", "not_going"),
        );
    let mine = sub("mine", "Your rallies and RSVPs");
    let remindme = sub(
        "remindme",
        "When to send you a reminder of a rally you're going to",
    )
    .add_sub_option(rally_option())
    .add_sub_option(text(
        "before",
        "How long before the start, e.g. 30m, 2h, 1d; or off",
        true,
    ));
    let edit = rally_fields(
        sub("edit", "Change a rally you organise").add_sub_option(rally_option()),
        false,
    )
    .add_sub_option(campaign_option(false));
    let cancel = sub("cancel", "Call off a rally you organise")
        .add_sub_option(rally_option())
        .add_sub_option(bounded(
            "reason",
            "Why, for the people who planned to come",
            false,
            REASON_MAX,
        ));
    let about = sub("about", "About rallybot, its data and commands");
    CreateCommand::new("rally")
        .description("Find, create and RSVP to rallies")
        .set_options(vec![
            create,
            near,
            info,
            list,
            rsvp,
            mine,
            remindme,
            edit,
            cancel,
            about,
            campaign_overview(),
        ])
}

fn rallymod() -> CreateCommand {
    let queue = sub("queue", "Rallies waiting for approval");
    let log = sub("log", "Who did what, newest first: of one rally, or all")
        .add_sub_option(rally_option().required(false));
    let status = sub(
        "status",
        "Reminders and change messages that could not be delivered, and why",
    );
    let approve = sub("approve", "Approve a submitted rally").add_sub_option(rally_option());
    let reject = sub("reject", "Reject a submitted rally")
        .add_sub_option(rally_option())
        .add_sub_option(bounded(
            "reason",
            "Told to the organiser",
            false,
            REASON_MAX,
        ));
    let announce = sub(
        "announce",
        "Post a rally's card with RSVP buttons in a channel",
    )
    .add_sub_option(rally_option())
    .add_sub_option(
        CreateCommandOption::new(
            CommandOptionType::Channel,
            "channel",
            "Where (default: here)",
        )
        .channel_types(vec![ChannelType::Text, ChannelType::News]),
    )
    .add_sub_option(
        text(
            "ping",
            "Whom to ping (default: the announcement role, if set)",
            false,
        )
        .add_string_choice("the announcement role", "role")
        .add_string_choice("@everyone", "everyone")
        .add_string_choice("nobody", "none"),
    );
    let settings = sub("settings", "Show or change rallybot's settings here")
        .add_sub_option(CreateCommandOption::new(
            CommandOptionType::Boolean,
            "require_approval",
            "Whether new rallies wait for a moderator",
        ))
        .add_sub_option(unit_option())
        .add_sub_option(CreateCommandOption::new(
            CommandOptionType::Role,
            "moderator_role",
            "A role whose members moderate rallies, besides Manage Events",
        ))
        .add_sub_option(
            CreateCommandOption::new(
                CommandOptionType::Channel,
                "reminder_channel",
                "Where rally reminders are posted (default: where each rally was created)",
            )
            .channel_types(vec![ChannelType::Text, ChannelType::News]),
        )
        .add_sub_option(text(
            "reminder_offsets",
            "When channel reminders go out, e.g. 24h,1h",
            false,
        ))
        .add_sub_option(
            CreateCommandOption::new(
                CommandOptionType::Channel,
                "announcement_channel",
                "Where /rallymod announce posts (default: where it is used)",
            )
            .channel_types(vec![ChannelType::Text, ChannelType::News]),
        )
        .add_sub_option(
            CreateCommandOption::new(
                CommandOptionType::Channel,
                "moderator_channel",
                "Where new submissions are posted for moderators",
            )
            .channel_types(vec![ChannelType::Text, ChannelType::News]),
        )
        .add_sub_option(CreateCommandOption::new(
            CommandOptionType::Role,
            "announcement_role",
            "The role an announcement may ping",
        ))
        .add_sub_option(
            CreateCommandOption::new(
                CommandOptionType::Integer,
                "daily_limit",
                "Rallies one member may create per day (default 5)",
            )
            .min_int_value(1)
            .max_int_value(100),
        )
        .add_sub_option(text(
            "clear",
            "Settings to unset, e.g. reminder_channel,announcement_role",
            false,
        ));
    CreateCommand::new("rallymod")
        .description("Moderate rallies in this server")
        .default_member_permissions(Permissions::MANAGE_EVENTS)
        .dm_permission(false)
        .set_options(vec![
            queue,
            approve,
            reject,
            announce,
            settings,
            status,
            log,
            campaign_group(),
        ])
}

fn campaign_overview() -> CreateCommandOption {
    sub(
        "campaign",
        "A campaign's rallies by state and city, or nearest first",
    )
    .add_sub_option(campaign_option(true))
    .add_sub_option(place_option(false))
}

/// /rallymod campaign create | edit | archive
fn campaign_group() -> CreateCommandOption {
    let name = |required| bounded("name", "The campaign's name", required, NAME_MAX);
    let start = |required| text("start", "First day, e.g. 2027-04-17", required);
    let end = |required| text("end", "Last day, e.g. 2027-04-17", required);
    let description = bounded(
        "description",
        "What the campaign is about",
        false,
        DETAILS_MAX,
    );
    let create = sub("create", "Create a campaign (a day of action)")
        .add_sub_option(name(true))
        .add_sub_option(start(true))
        .add_sub_option(end(true))
        .add_sub_option(description.clone());
    let edit = sub("edit", "Change a campaign")
        .add_sub_option(campaign_option(true))
        .add_sub_option(name(false))
        .add_sub_option(start(false))
        .add_sub_option(end(false))
        .add_sub_option(description);
    let archive = sub(
        "archive",
        "Archive a campaign: it keeps its rallies, takes no new ones",
    )
    .add_sub_option(campaign_option(true))
    .add_sub_option(CreateCommandOption::new(
        CommandOptionType::Boolean,
        "restore",
        "Restore an archived campaign instead",
    ));
    CreateCommandOption::new(
        CommandOptionType::SubCommandGroup,
        "campaign",
        "Campaigns: days of action grouping many rallies",
    )
    .add_sub_option(create)
    .add_sub_option(edit)
    .add_sub_option(archive)
}
