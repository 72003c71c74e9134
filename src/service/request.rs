//! Front-end neutral requests. The console and the Discord adapter both reduce what a user typed
//! to a command path and string options, and this module turns that into a typed `Request`, so
//! both front ends accept exactly the same commands and options.
use std::collections::BTreeMap;

use super::campaigns::{CampaignEdit, NewCampaign};
use super::{NearQuery, NewRally, RallyEdit, SettingsChange};
use crate::domain::{DistanceUnit, RsvpChoice};
use crate::error::UserError;

#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    Create(NewRally),
    Near(NearQuery),
    Info {
        rally: i64,
    },
    List,
    Rsvp {
        rally: i64,
        choice: RsvpChoice,
    },
    Mine,
    /// A personal reminder `before` the start, or none.
    RemindMe {
        rally: i64,
        before: Option<chrono::Duration>,
    },
    Edit {
        rally: i64,
        edit: RallyEdit,
    },
    Cancel {
        rally: i64,
        reason: Option<String>,
    },
    About,
    Queue,
    /// Reminders and change notices that failed, for moderators.
    Status,
    Approve {
        rally: i64,
    },
    /// Post the rally's card in a channel (the current one when none is named).
    Announce {
        rally: i64,
        channel: Option<i64>,
        /// Whom to ping; None: the announcement role when one is set.
        ping: Option<super::announce::PingChoice>,
        /// The channel the command was used in (set by the front end, not typed).
        here: Option<i64>,
    },
    Reject {
        rally: i64,
        reason: Option<String>,
    },
    Settings(SettingsChange),
    /// Upcoming rallies of one campaign.
    ListCampaign {
        campaign: String,
    },
    CampaignOverview {
        campaign: String,
        place: Option<String>,
    },
    CampaignCreate(NewCampaign),
    CampaignEdit {
        campaign: String,
        edit: CampaignEdit,
    },
    CampaignArchive {
        campaign: String,
        restore: bool,
    },
    /// The audit log, of one rally or the whole server.
    Log {
        rally: Option<i64>,
    },
}

/// A command as typed: its path ("rally", "create") and its options by name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Invocation {
    pub path: Vec<String>,
    pub options: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RequestError {
    #[error("Unknown command /{0}. Type /help for the list of commands.")]
    UnknownCommand(String),
    #[error("/{command} needs the option {option}:, e.g. {example}.")]
    MissingOption {
        command: String,
        option: &'static str,
        example: &'static str,
    },
    #[error("/{command} has no option {option}:. Its options are: {allowed}.")]
    UnknownOption {
        command: String,
        option: String,
        allowed: String,
    },
    #[error(transparent)]
    Invalid(#[from] UserError),
}

struct Spec {
    path: &'static str,
    required: &'static [(&'static str, &'static str)],
    optional: &'static [&'static str],
}

const SPECS: &[Spec] = &[
    Spec {
        path: "rally create",
        required: &[
            ("title", "title:\"Keep Families Together\""),
            ("place", "place:\"Austin, TX\""),
            ("when", "when:\"2026-12-05 18:00\""),
        ],
        optional: &["details", "address", "ends", "tz", "campaign"],
    },
    Spec {
        path: "rally near",
        required: &[("place", "place:\"Austin, TX\" or place:78701")],
        optional: &["radius", "unit", "days", "campaign"],
    },
    Spec {
        path: "rally info",
        required: &[("rally", "rally:12")],
        optional: &[],
    },
    Spec {
        path: "rally list",
        required: &[],
        optional: &["campaign"],
    },
    Spec {
        path: "rally rsvp",
        required: &[("rally", "rally:12")],
        optional: &["status"],
    },
    Spec {
        path: "rally remindme",
        required: &[
            ("rally", "rally:12"),
            ("before", "before:30m or before:off"),
        ],
        optional: &[],
    },
    Spec {
        path: "rally mine",
        required: &[],
        optional: &[],
    },
    Spec {
        path: "rally edit",
        required: &[("rally", "rally:12")],
        optional: &[
            "title", "place", "when", "tz", "details", "address", "ends", "campaign",
        ],
    },
    Spec {
        path: "rally cancel",
        required: &[("rally", "rally:12")],
        optional: &["reason"],
    },
    Spec {
        path: "rally about",
        required: &[],
        optional: &[],
    },
    Spec {
        path: "rallymod queue",
        required: &[],
        optional: &[],
    },
    Spec {
        path: "rallymod status",
        required: &[],
        optional: &[],
    },
    Spec {
        path: "rallymod approve",
        required: &[("rally", "rally:12")],
        optional: &[],
    },
    Spec {
        path: "rallymod announce",
        required: &[("rally", "rally:12")],
        optional: &["channel", "ping"],
    },
    Spec {
        path: "rallymod reject",
        required: &[("rally", "rally:12")],
        optional: &["reason"],
    },
    Spec {
        path: "rallymod settings",
        required: &[],
        optional: &[
            "require_approval",
            "unit",
            "moderator_role",
            "reminder_channel",
            "reminder_offsets",
            "announcement_channel",
            "moderator_channel",
            "announcement_role",
            "daily_limit",
            "clear",
        ],
    },
    Spec {
        path: "rally campaign",
        required: &[("campaign", "campaign:\"Day of Action\"")],
        optional: &["place"],
    },
    Spec {
        path: "rallymod campaign create",
        required: &[
            ("name", "name:\"Day of Action\""),
            ("start", "start:2027-04-17"),
            ("end", "end:2027-04-17"),
        ],
        optional: &["description"],
    },
    Spec {
        path: "rallymod campaign edit",
        required: &[("campaign", "campaign:\"Day of Action\"")],
        optional: &["name", "start", "end", "description"],
    },
    Spec {
        path: "rallymod campaign archive",
        required: &[("campaign", "campaign:\"Day of Action\"")],
        optional: &["restore"],
    },
    Spec {
        path: "rallymod log",
        required: &[],
        optional: &["rally"],
    },
];

impl Invocation {
    pub fn new(path: &[&str], options: &[(&str, &str)]) -> Self {
        Invocation {
            path: path.iter().map(|s| s.to_string()).collect(),
            options: options
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        }
    }

    fn take(&mut self, name: &str) -> Option<String> {
        self.options.remove(name)
    }
}

/// Checks the options against the command's spec and builds the typed request.
pub fn parse_request(mut inv: Invocation) -> Result<Request, RequestError> {
    let path = inv.path.join(" ");
    let spec = SPECS
        .iter()
        .find(|s| s.path == path)
        .ok_or_else(|| RequestError::UnknownCommand(path.clone()))?;
    for name in inv.options.keys() {
        let known =
            spec.required.iter().any(|(r, _)| r == name) || spec.optional.contains(&name.as_str());
        if !known {
            let mut allowed: Vec<String> =
                spec.required.iter().map(|(r, _)| format!("{r}:")).collect();
            allowed.extend(spec.optional.iter().map(|o| format!("[{o}:]")));
            return Err(RequestError::UnknownOption {
                command: path.clone(),
                option: name.clone(),
                allowed: if allowed.is_empty() {
                    "none".into()
                } else {
                    allowed.join(" ")
                },
            });
        }
    }
    for (name, example) in spec.required {
        if inv.options.get(*name).is_none_or(|v| v.trim().is_empty()) {
            return Err(RequestError::MissingOption {
                command: path.clone(),
                option: name,
                example,
            });
        }
    }
    let rally = |inv: &mut Invocation| inv.take("rally").map(|r| parse_rally_id(&r)).transpose();
    Ok(match path.as_str() {
        "rally create" => Request::Create(NewRally {
            title: inv.take("title").unwrap_or_default(),
            place: inv.take("place").unwrap_or_default(),
            when: inv.take("when").unwrap_or_default(),
            tz: inv.take("tz"),
            details: inv.take("details"),
            address: inv.take("address"),
            ends: inv.take("ends"),
            channel_id: None,
            campaign: inv.take("campaign"),
        }),
        "rally near" => Request::Near(NearQuery {
            place: inv.take("place").unwrap_or_default(),
            radius: inv
                .take("radius")
                .map(|r| parse_number("radius", &r))
                .transpose()?,
            unit: inv.take("unit").map(|u| parse_unit(&u)).transpose()?,
            days: inv
                .take("days")
                .map(|d| {
                    d.trim()
                        .parse::<u32>()
                        .ok()
                        .filter(|d| (1..=730).contains(d))
                        .ok_or(UserError::BadOption {
                            option: "days",
                            input: d.trim().to_string(),
                            expected: "give a whole number of days from 1 to 730",
                        })
                })
                .transpose()?,
            limit: None,
            campaign: inv.take("campaign"),
        }),
        "rally info" => Request::Info {
            rally: rally(&mut inv)?.unwrap_or_default(),
        },
        "rally list" => match inv.take("campaign").filter(|c| !c.trim().is_empty()) {
            Some(campaign) => Request::ListCampaign { campaign },
            None => Request::List,
        },
        "rally rsvp" => Request::Rsvp {
            rally: rally(&mut inv)?.unwrap_or_default(),
            choice: inv
                .take("status")
                .map(|s| parse_choice(&s))
                .transpose()?
                .unwrap_or(RsvpChoice::Going),
        },
        "rally mine" => Request::Mine,
        "rally remindme" => Request::RemindMe {
            rally: rally(&mut inv)?.unwrap_or_default(),
            before: inv
                .take("before")
                .map(|b| parse_before(&b))
                .transpose()?
                .flatten(),
        },
        "rally edit" => Request::Edit {
            rally: rally(&mut inv)?.unwrap_or_default(),
            edit: RallyEdit {
                title: inv.take("title"),
                place: inv.take("place"),
                when: inv.take("when"),
                tz: inv.take("tz"),
                details: inv.take("details"),
                address: inv.take("address"),
                ends: inv.take("ends"),
                campaign: inv.take("campaign"),
            },
        },
        "rally cancel" => Request::Cancel {
            rally: rally(&mut inv)?.unwrap_or_default(),
            reason: inv.take("reason"),
        },
        "rally about" => Request::About,
        "rallymod queue" => Request::Queue,
        "rallymod status" => Request::Status,
        "rallymod announce" => Request::Announce {
            rally: rally(&mut inv)?.unwrap_or_default(),
            channel: inv.take("channel").map(|c| parse_channel(&c)).transpose()?,
            ping: inv
                .take("ping")
                .map(|p| {
                    super::announce::PingChoice::parse(&p).ok_or(UserError::BadOption {
                        option: "ping",
                        input: p.trim().to_string(),
                        expected: "give role (the announcement role), everyone, or none",
                    })
                })
                .transpose()?,
            here: None,
        },
        "rallymod approve" => Request::Approve {
            rally: rally(&mut inv)?.unwrap_or_default(),
        },
        "rallymod reject" => Request::Reject {
            rally: rally(&mut inv)?.unwrap_or_default(),
            reason: inv.take("reason"),
        },
        "rallymod settings" => Request::Settings(settings_change(&mut inv)?),
        "rally campaign" => Request::CampaignOverview {
            campaign: inv.take("campaign").unwrap_or_default(),
            place: inv.take("place").filter(|p| !p.trim().is_empty()),
        },
        "rallymod campaign create" => Request::CampaignCreate(NewCampaign {
            name: inv.take("name").unwrap_or_default(),
            start: inv.take("start").unwrap_or_default(),
            end: inv.take("end").unwrap_or_default(),
            description: inv.take("description"),
        }),
        "rallymod campaign edit" => Request::CampaignEdit {
            campaign: inv.take("campaign").unwrap_or_default(),
            edit: CampaignEdit {
                name: inv.take("name"),
                start: inv.take("start"),
                end: inv.take("end"),
                description: inv.take("description"),
            },
        },
        "rallymod campaign archive" => Request::CampaignArchive {
            campaign: inv.take("campaign").unwrap_or_default(),
            restore: inv
                .take("restore")
                .map(|v| parse_bool("restore", &v))
                .transpose()?
                .unwrap_or(false),
        },
        "rallymod log" => Request::Log {
            rally: rally(&mut inv)?,
        },
        _ => return Err(RequestError::UnknownCommand(path)),
    })
}

/// The settings named in `clear:` become `none`; the others are read as typed.
fn settings_change(inv: &mut Invocation) -> Result<SettingsChange, UserError> {
    let clear = inv.take("clear").unwrap_or_default();
    for name in clear.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        let known = [
            "moderator_role",
            "reminder_channel",
            "announcement_channel",
            "moderator_channel",
            "announcement_role",
        ];
        if !known.contains(&name) || inv.options.contains_key(name) {
            return Err(UserError::BadOption {
                option: "clear",
                input: name.to_string(),
                expected: "name settings to unset, separated by commas: moderator_role, reminder_channel, announcement_channel, moderator_channel, announcement_role (and don't also set them)",
            });
        }
        inv.options.insert(name.to_string(), "none".into());
    }
    let role = |raw: Option<String>, option: &'static str| {
        raw.map(|r| {
            parse_role(&r).map_err(|_| UserError::BadOption {
                option,
                input: r.trim().to_string(),
                expected: "give a role id or mention, or none",
            })
        })
        .transpose()
    };
    Ok(SettingsChange {
        require_approval: inv
            .take("require_approval")
            .map(|v| parse_bool("require_approval", &v))
            .transpose()?,
        distance_unit: inv.take("unit").map(|u| parse_unit(&u)).transpose()?,
        moderator_role_id: role(inv.take("moderator_role"), "moderator_role")?,
        reminder_channel_id: inv
            .take("reminder_channel")
            .map(|c| parse_optional_channel(&c))
            .transpose()?,
        reminder_offsets: inv
            .take("reminder_offsets")
            .map(|o| parse_offsets(&o))
            .transpose()?,
        announcement_channel_id: inv
            .take("announcement_channel")
            .map(|c| parse_optional_channel(&c))
            .transpose()?,
        moderator_channel_id: inv
            .take("moderator_channel")
            .map(|c| parse_optional_channel(&c))
            .transpose()?,
        announcement_role_id: role(inv.take("announcement_role"), "announcement_role")?,
        daily_limit: inv
            .take("daily_limit")
            .map(|d| parse_daily_limit(&d))
            .transpose()?,
    })
}

/// A channel, or "none" to clear the setting.
fn parse_optional_channel(raw: &str) -> Result<Option<i64>, UserError> {
    if raw.trim().eq_ignore_ascii_case("none") {
        Ok(None)
    } else {
        parse_channel(raw).map(Some)
    }
}

/// Rallies per member per day: 1 to 100.
fn parse_daily_limit(raw: &str) -> Result<i64, UserError> {
    raw.trim()
        .parse::<i64>()
        .ok()
        .filter(|n| (1..=100).contains(n))
        .ok_or(UserError::BadOption {
            option: "daily_limit",
            input: raw.trim().to_string(),
            expected: "give a whole number of rallies per member per day, from 1 to 100",
        })
}

/// Accepts "12", "#12" and Discord's autocomplete value for a rally.
pub fn parse_rally_id(raw: &str) -> Result<i64, UserError> {
    let trimmed = raw.trim();
    trimmed
        .strip_prefix('#')
        .unwrap_or(trimmed)
        .parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(|| UserError::BadRallyId {
            input: trimmed.to_string(),
        })
}

fn parse_choice(raw: &str) -> Result<RsvpChoice, UserError> {
    match raw
        .trim()
        .to_ascii_lowercase()
        .replace([' ', '-', '\''], "_")
        .as_str()
    {
        "going" | "yes" => Ok(RsvpChoice::Going),
        "interested" | "maybe" => Ok(RsvpChoice::Interested),
        "not_going" | "notgoing" | "no" | "cant_go" | "cantgo" | "can_t_go" => {
            Ok(RsvpChoice::NotGoing)
        }
        _ => Err(UserError::BadOption {
            option: "status",
            input: raw.trim().to_string(),
            expected: "use going, interested or not_going",
        }),
    }
}

fn parse_unit(raw: &str) -> Result<DistanceUnit, UserError> {
    DistanceUnit::parse(raw).ok_or(UserError::BadOption {
        option: "unit",
        input: raw.trim().to_string(),
        expected: "use mi or km",
    })
}

fn parse_number(option: &'static str, raw: &str) -> Result<f64, UserError> {
    raw.trim()
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
        .ok_or(UserError::BadOption {
            option,
            input: raw.trim().to_string(),
            expected: "give a number, e.g. 25",
        })
}

fn parse_bool(option: &'static str, raw: &str) -> Result<bool, UserError> {
    match raw.trim().to_ascii_lowercase().as_str() {
        "true" | "yes" | "on" => Ok(true),
        "false" | "no" | "off" => Ok(false),
        _ => Err(UserError::BadOption {
            option,
            input: raw.trim().to_string(),
            expected: "use true or false",
        }),
    }
}

/// "off" or a lead between a minute and two weeks.
fn parse_before(raw: &str) -> Result<Option<chrono::Duration>, UserError> {
    if raw.trim().eq_ignore_ascii_case("off") {
        return Ok(None);
    }
    parse_lead("before", raw).map(Some)
}

fn parse_lead(option: &'static str, raw: &str) -> Result<chrono::Duration, UserError> {
    when::parse_duration(raw.trim())
        .ok()
        .filter(|d| *d >= chrono::Duration::minutes(1) && *d <= chrono::Duration::days(14))
        .ok_or(UserError::BadOption {
            option,
            input: raw.trim().to_string(),
            expected: "give a time from 1 minute to 14 days before the start, e.g. 30m, 2h or 1d",
        })
}

/// "24h,1h,15m": up to five leads, largest first, duplicates dropped.
fn parse_offsets(raw: &str) -> Result<Vec<chrono::Duration>, UserError> {
    let mut leads = raw
        .split(',')
        .map(|part| parse_lead("reminder_offsets", part))
        .collect::<Result<Vec<_>, _>>()?;
    leads.sort_by(|a, b| b.cmp(a));
    leads.dedup();
    if leads.len() > 5 {
        return Err(UserError::BadOption {
            option: "reminder_offsets",
            input: raw.trim().to_string(),
            expected: "give at most five times, e.g. 24h,1h",
        });
    }
    Ok(leads)
}

fn parse_channel(raw: &str) -> Result<i64, UserError> {
    let c = raw.trim();
    // Discord shows a channel mention as <#ID>.
    let digits = c
        .strip_prefix("<#")
        .and_then(|c| c.strip_suffix('>'))
        .unwrap_or(c);
    digits
        .parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or(UserError::BadOption {
            option: "channel",
            input: c.to_string(),
            expected: "give a channel id or mention",
        })
}

fn parse_role(raw: &str) -> Result<Option<i64>, UserError> {
    let r = raw.trim();
    if r.eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    // Discord shows a role mention as <@&ID>.
    let digits = r
        .strip_prefix("<@&")
        .and_then(|r| r.strip_suffix('>'))
        .unwrap_or(r);
    digits
        .parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .map(Some)
        .ok_or(UserError::BadOption {
            option: "moderator_role",
            input: r.to_string(),
            expected: "give a role id or mention, or none",
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_a_create_request() {
        let inv = Invocation::new(
            &["rally", "create"],
            &[
                ("title", "T"),
                ("place", "1,2"),
                ("when", "tomorrow 6pm"),
                ("tz", "UTC"),
            ],
        );
        let Request::Create(new) = parse_request(inv).unwrap() else {
            panic!("not a create")
        };
        assert_eq!(new.title, "T");
        assert_eq!(new.tz.as_deref(), Some("UTC"));
        assert_eq!(new.details, None);
    }

    #[test]
    fn missing_and_unknown_options_are_named() {
        let err =
            parse_request(Invocation::new(&["rally", "create"], &[("title", "T")])).unwrap_err();
        assert!(
            matches!(
                err,
                RequestError::MissingOption {
                    option: "place",
                    ..
                }
            ),
            "{err}"
        );
        let err = parse_request(Invocation::new(
            &["rally", "info"],
            &[("rally", "1"), ("colour", "red")],
        ))
        .unwrap_err();
        assert!(err.to_string().contains("no option colour:"), "{err}");
        let err = parse_request(Invocation::new(&["rally", "dance"], &[])).unwrap_err();
        assert_eq!(err, RequestError::UnknownCommand("rally dance".into()));
    }

    #[test]
    fn rally_ids_and_choices() {
        assert_eq!(parse_rally_id("#12"), Ok(12));
        assert_eq!(parse_rally_id(" 7 "), Ok(7));
        assert!(parse_rally_id("abc").is_err());
        assert!(parse_rally_id("0").is_err());
        assert_eq!(parse_choice("Not going"), Ok(RsvpChoice::NotGoing));
        assert_eq!(parse_choice("can't go"), Ok(RsvpChoice::NotGoing));
        assert_eq!(parse_choice("maybe"), Ok(RsvpChoice::Interested));
        assert!(parse_choice("perhaps").is_err());
    }

    #[test]
    fn settings_values() {
        let inv = Invocation::new(
            &["rallymod", "settings"],
            &[
                ("require_approval", "off"),
                ("unit", "km"),
                ("moderator_role", "<@&55>"),
            ],
        );
        assert_eq!(
            parse_request(inv).unwrap(),
            Request::Settings(SettingsChange {
                require_approval: Some(false),
                distance_unit: Some(DistanceUnit::Kilometres),
                moderator_role_id: Some(Some(55)),
                ..Default::default()
            })
        );
        let bad = Invocation::new(&["rallymod", "settings"], &[("require_approval", "maybe")]);
        assert!(parse_request(bad).is_err());
        let offsets = Invocation::new(
            &["rallymod", "settings"],
            &[("reminder_offsets", "15m, 24h,1h,1h")],
        );
        let Request::Settings(change) = parse_request(offsets).unwrap() else {
            panic!("not settings")
        };
        let hours = |h| chrono::Duration::hours(h);
        assert_eq!(
            change.reminder_offsets,
            Some(vec![hours(24), hours(1), chrono::Duration::minutes(15)])
        );
        for bad in ["0m", "15d", "soon", "1h,2h,3h,4h,5h,6h"] {
            let inv = Invocation::new(&["rallymod", "settings"], &[("reminder_offsets", bad)]);
            assert!(parse_request(inv).is_err(), "{bad}");
        }
        let remind = Invocation::new(&["rally", "remindme"], &[("rally", "3"), ("before", "off")]);
        assert_eq!(
            parse_request(remind).unwrap(),
            Request::RemindMe {
                rally: 3,
                before: None
            }
        );
    }

    #[test]
    fn campaign_commands() {
        let create = Invocation::new(
            &["rallymod", "campaign", "create"],
            &[
                ("name", "Day of Action"),
                ("start", "2027-04-17"),
                ("end", "2027-04-18"),
            ],
        );
        let Request::CampaignCreate(new) = parse_request(create).unwrap() else {
            panic!("not a campaign create")
        };
        assert_eq!(
            (new.name.as_str(), new.end.as_str()),
            ("Day of Action", "2027-04-18")
        );
        let missing = Invocation::new(&["rallymod", "campaign", "create"], &[("name", "X")]);
        assert!(parse_request(missing)
            .unwrap_err()
            .to_string()
            .contains("start:"));
        let archive = Invocation::new(
            &["rallymod", "campaign", "archive"],
            &[("campaign", "X"), ("restore", "yes")],
        );
        assert_eq!(
            parse_request(archive).unwrap(),
            Request::CampaignArchive {
                campaign: "X".into(),
                restore: true
            }
        );
        let list = Invocation::new(&["rally", "list"], &[("campaign", "X")]);
        assert_eq!(
            parse_request(list).unwrap(),
            Request::ListCampaign {
                campaign: "X".into()
            }
        );
        // An empty campaign option is the plain list.
        let plain = Invocation::new(&["rally", "list"], &[("campaign", " ")]);
        assert_eq!(parse_request(plain).unwrap(), Request::List);
        let overview = Invocation::new(&["rally", "campaign"], &[("campaign", "X")]);
        assert_eq!(
            parse_request(overview).unwrap(),
            Request::CampaignOverview {
                campaign: "X".into(),
                place: None
            }
        );
        let edit = Invocation::new(&["rally", "edit"], &[("rally", "3"), ("campaign", "none")]);
        let Request::Edit { edit, .. } = parse_request(edit).unwrap() else {
            panic!("not an edit")
        };
        assert_eq!(edit.campaign.as_deref(), Some("none"));
    }
}
