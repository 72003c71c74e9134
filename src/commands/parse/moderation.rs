//! `/rallymod …`: what moderators do.
use super::values;
use super::{Invocation, RequestError};
use crate::commands::spec::Sub;
use crate::commands::translations::canonical_option;
use crate::error::UserError;
use crate::service::campaigns::{CampaignEdit, NewCampaign};
use crate::service::request::{CoalitionRequest, Request};
use crate::service::SettingsChange;

/// The settings `clear:` may unset.
const CLEARABLE: [&str; 7] = [
    "invite_url",
    "language",
    "moderator_role",
    "reminder_channel",
    "announcement_channel",
    "moderator_channel",
    "announcement_role",
];

pub(super) fn build(sub: &Sub, inv: &mut Invocation) -> Result<Request, RequestError> {
    let rally = |inv: &mut Invocation| -> Result<Option<i64>, RequestError> {
        Ok(inv
            .take("rally")
            .map(|r| values::rally_id(&r))
            .transpose()?)
    };
    let path: Vec<&str> = sub.path[1..].to_vec();
    Ok(match path.as_slice() {
        ["queue"] => Request::Queue,
        ["status"] => Request::Status,
        ["approve"] => Request::Approve {
            rally: rally(inv)?.unwrap_or_default(),
        },
        ["reject"] => Request::Reject {
            rally: rally(inv)?.unwrap_or_default(),
            reason: inv.take("reason"),
        },
        ["announce"] => Request::Announce {
            rally: rally(inv)?.unwrap_or_default(),
            channel: inv
                .take("channel")
                .map(|c| values::channel("channel", &c))
                .transpose()?,
            ping: inv.take("ping").map(|p| values::ping(&p)).transpose()?,
        },
        ["settings"] => Request::Settings(settings_change(sub, inv)?),
        ["log"] => Request::Log { rally: rally(inv)? },
        ["campaign", "create"] => Request::CampaignCreate(NewCampaign {
            name: inv.take("name").unwrap_or_default(),
            start: inv.take("start").unwrap_or_default(),
            end: inv.take("end").unwrap_or_default(),
            description: inv.take("description"),
            coalition: inv.take("coalition"),
        }),
        ["campaign", "edit"] => Request::CampaignEdit {
            campaign: inv.take("campaign").unwrap_or_default(),
            edit: CampaignEdit {
                name: inv.take("name"),
                start: inv.take("start"),
                end: inv.take("end"),
                description: inv.take("description"),
            },
        },
        ["campaign", "archive"] => Request::CampaignArchive {
            campaign: inv.take("campaign").unwrap_or_default(),
            restore: inv
                .take("restore")
                .map(|v| values::boolean("restore", &v))
                .transpose()?
                .unwrap_or(false),
        },
        ["campaign", "remove"] => Request::CampaignRemove {
            rally: rally(inv)?.unwrap_or_default(),
        },
        ["coalition", what] => Request::Coalition(coalition(what, inv, sub)?),
        _ => return Err(RequestError::UnknownCommand(sub.name())),
    })
}

fn coalition(
    what: &str,
    inv: &mut Invocation,
    sub: &Sub,
) -> Result<CoalitionRequest, RequestError> {
    let coalition = inv.take("coalition").filter(|c| !c.trim().is_empty());
    Ok(match what {
        "create" => CoalitionRequest::Create {
            name: inv.take("name").unwrap_or_default(),
        },
        "invite" => CoalitionRequest::Invite { coalition },
        "join" => CoalitionRequest::Join {
            code: inv.take("code").unwrap_or_default(),
        },
        "members" => CoalitionRequest::Members { coalition },
        "leave" => CoalitionRequest::Leave { coalition },
        "remove" => CoalitionRequest::Remove {
            coalition,
            server: inv.take("server").unwrap_or_default(),
        },
        _ => return Err(RequestError::UnknownCommand(sub.name())),
    })
}

/// The settings named in `clear:` become `none`; the others are read as typed.
fn settings_change(sub: &Sub, inv: &mut Invocation) -> Result<SettingsChange, UserError> {
    let clear = inv.take("clear").unwrap_or_default();
    for typed in clear.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        // A setting is named as its option is, in the language the command was typed in.
        let name = canonical_option(inv.lang, sub, typed).unwrap_or(typed);
        if !CLEARABLE.contains(&name) || inv.options.contains_key(name) {
            return Err(UserError::BadOption {
                option: "clear",
                input: typed.to_string(),
                expected: crate::domain::Expected::Clearable { names: &CLEARABLE },
            });
        }
        inv.options.insert(name.to_string(), "none".into());
    }
    let role = |inv: &mut Invocation, option: &'static str| {
        inv.take(option)
            .map(|r| values::role(option, &r))
            .transpose()
    };
    let channel = |inv: &mut Invocation, option: &'static str| {
        inv.take(option)
            .map(|c| values::optional_channel(option, &c))
            .transpose()
    };
    Ok(SettingsChange {
        require_approval: inv
            .take("require_approval")
            .map(|v| values::boolean("require_approval", &v))
            .transpose()?,
        distance_unit: inv.take("unit").map(|u| values::unit(&u)).transpose()?,
        moderator_role_id: role(inv, "moderator_role")?,
        reminder_channel_id: channel(inv, "reminder_channel")?,
        reminder_offsets: inv
            .take("reminder_offsets")
            .map(|o| values::offsets(&o, inv.lang))
            .transpose()?,
        announcement_channel_id: channel(inv, "announcement_channel")?,
        moderator_channel_id: channel(inv, "moderator_channel")?,
        announcement_role_id: role(inv, "announcement_role")?,
        daily_limit: inv
            .take("daily_limit")
            .map(|d| values::integer("daily_limit", &d))
            .transpose()?,
        retention_days: inv
            .take("retention_days")
            .map(|d| values::integer("retention_days", &d))
            .transpose()?,
        public_page: inv
            .take("public_page")
            .map(|v| values::boolean("public_page", &v))
            .transpose()?,
        invite_url: inv.take("invite_url"),
        language: inv
            .take("language")
            .map(|l| values::language(&l))
            .transpose()?,
        // The front end's name for the server is added by the service from the caller.
        server_name: None,
    })
}
