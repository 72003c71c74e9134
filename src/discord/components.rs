//! Buttons and their custom ids. A custom id carries everything needed to act on a click, so
//! clicks keep working after a restart.
use serenity::all::{ButtonStyle, CreateActionRow, CreateButton};

use crate::domain::limits::DEFAULT_RADIUS;
use crate::domain::{DistanceUnit, RallyView, RsvpChoice};
use crate::i18n::Lang;
use crate::service::request::Request;
use crate::service::NearQuery;
use crate::t;

/// Discord limits a custom id to 100 characters.
const MAX_CUSTOM_ID: usize = 100;

#[derive(Debug, Clone, PartialEq)]
pub enum Click {
    Rsvp {
        rally: i64,
        choice: RsvpChoice,
    },
    /// A moderator approves a pending rally from the queue.
    Approve {
        rally: i64,
    },
    /// A moderator rejects one: opens the modal asking for the reason.
    Reject {
        rally: i64,
    },
    /// The person confirms they want their data deleted.
    ForgetMe,
    /// Show page `page` (from 0) of a list described by `list`.
    Page {
        page: usize,
        list: ListSource,
    },
}

/// How to rebuild a paginated list.
#[derive(Debug, Clone, PartialEq)]
pub enum ListSource {
    Upcoming,
    Queue,
    Mine,
    /// The audit log, of one rally or all.
    Log {
        rally: Option<i64>,
    },
    Near {
        place: String,
        radius: f64,
        unit: String,
        days: Option<u32>,
        /// Only rallies of this campaign (its name; names never contain '|').
        campaign: Option<String>,
    },
    /// Upcoming rallies of a campaign.
    CampaignList {
        campaign: String,
    },
    /// A campaign's overview, from a place when one is given (else empty).
    Campaign {
        campaign: String,
        place: String,
    },
}

impl ListSource {
    /// How to rebuild the list a request shows, for its page buttons.
    pub fn of(request: &Request) -> Option<ListSource> {
        Some(match request {
            Request::List => ListSource::Upcoming,
            Request::Queue => ListSource::Queue,
            Request::Mine => ListSource::Mine,
            Request::Log { rally } => ListSource::Log { rally: *rally },
            Request::Near(q) => ListSource::Near {
                place: q.place.clone(),
                radius: q.radius.unwrap_or(DEFAULT_RADIUS),
                unit: q.unit.map_or(String::new(), |u| u.as_str().to_string()),
                days: q.days,
                campaign: q.campaign.clone().filter(|c| !c.trim().is_empty()),
            },
            Request::ListCampaign { campaign } => ListSource::CampaignList {
                campaign: campaign.clone(),
            },
            Request::CampaignOverview { campaign, place } => ListSource::Campaign {
                campaign: campaign.clone(),
                place: place.clone().unwrap_or_default(),
            },
            _ => return None,
        })
    }

    /// The request that shows the list again.
    pub fn request(&self) -> Request {
        match self {
            ListSource::Upcoming => Request::List,
            ListSource::Queue => Request::Queue,
            ListSource::Mine => Request::Mine,
            ListSource::CampaignList { campaign } => Request::ListCampaign {
                campaign: campaign.clone(),
            },
            ListSource::Campaign { campaign, place } => Request::CampaignOverview {
                campaign: campaign.clone(),
                place: Some(place.clone()).filter(|p| !p.is_empty()),
            },
            ListSource::Log { rally } => Request::Log { rally: *rally },
            ListSource::Near {
                place,
                radius,
                unit,
                days,
                campaign,
            } => Request::Near(NearQuery {
                place: place.clone(),
                radius: Some(*radius),
                unit: DistanceUnit::parse(unit),
                days: *days,
                limit: None,
                campaign: campaign.clone(),
            }),
        }
    }

    fn encode(&self) -> String {
        match self {
            ListSource::Upcoming => "list".into(),
            ListSource::Queue => "queue".into(),
            ListSource::Mine => "mine".into(),
            ListSource::Log { rally } => {
                format!("log|{}", rally.map_or(String::new(), |r| r.to_string()))
            }
            ListSource::Near {
                place,
                radius,
                unit,
                days,
                campaign: None,
            } => format!(
                "near|{radius}|{unit}|{}|{place}",
                days.map_or(String::new(), |d| d.to_string())
            ),
            ListSource::Near {
                place,
                radius,
                unit,
                days,
                campaign: Some(campaign),
            } => format!(
                "nearc|{radius}|{unit}|{}|{campaign}|{place}",
                days.map_or(String::new(), |d| d.to_string())
            ),
            ListSource::CampaignList { campaign } => format!("listc|{campaign}"),
            ListSource::Campaign { campaign, place } => format!("camp|{campaign}|{place}"),
        }
    }

    fn decode(s: &str) -> Option<Self> {
        Some(match s {
            "list" => ListSource::Upcoming,
            "queue" => ListSource::Queue,
            "mine" => ListSource::Mine,
            _ if s.starts_with("listc|") => ListSource::CampaignList {
                campaign: s["listc|".len()..].to_string(),
            },
            _ if s.starts_with("camp|") => {
                let (campaign, place) = s["camp|".len()..].split_once('|')?;
                ListSource::Campaign {
                    campaign: campaign.to_string(),
                    place: place.to_string(),
                }
            }
            _ if s.starts_with("nearc|") => {
                let mut parts = s["nearc|".len()..].splitn(5, '|');
                let radius = parts.next()?.parse().ok()?;
                let unit = parts.next()?.to_string();
                let days = parse_days(parts.next()?)?;
                let campaign = Some(parts.next()?.to_string());
                ListSource::Near {
                    place: parts.next()?.to_string(),
                    radius,
                    unit,
                    days,
                    campaign,
                }
            }
            _ if s.starts_with("log|") => {
                let rally = &s[4..];
                ListSource::Log {
                    rally: if rally.is_empty() {
                        None
                    } else {
                        Some(rally.parse().ok()?)
                    },
                }
            }
            _ => {
                let mut parts = s.strip_prefix("near|")?.splitn(4, '|');
                let radius = parts.next()?.parse().ok()?;
                let unit = parts.next()?.to_string();
                let days = parts.next()?;
                let days = if days.is_empty() {
                    None
                } else {
                    Some(days.parse().ok()?)
                };
                ListSource::Near {
                    place: parts.next()?.to_string(),
                    radius,
                    unit,
                    days,
                    campaign: None,
                }
            }
        })
    }
}

/// An empty field is no day limit; anything else must be a number.
fn parse_days(days: &str) -> Option<Option<u32>> {
    if days.is_empty() {
        Some(None)
    } else {
        Some(Some(days.parse().ok()?))
    }
}

impl Click {
    pub fn encode(&self) -> String {
        match self {
            Click::Rsvp { rally, choice } => format!("rsvp:{rally}:{}", choice_code(*choice)),
            Click::Page { page, list } => format!("page:{page}:{}", list.encode()),
            Click::Approve { rally } => format!("approve:{rally}"),
            Click::Reject { rally } => format!("reject:{rally}"),
            Click::ForgetMe => "forget:yes".into(),
        }
    }

    pub fn decode(custom_id: &str) -> Option<Self> {
        let (kind, rest) = custom_id.split_once(':')?;
        match kind {
            "rsvp" => {
                let (rally, choice) = rest.split_once(':')?;
                let choice = match choice {
                    "going" => RsvpChoice::Going,
                    "interested" => RsvpChoice::Interested,
                    "no" => RsvpChoice::NotGoing,
                    _ => return None,
                };
                Some(Click::Rsvp {
                    rally: rally.parse().ok()?,
                    choice,
                })
            }
            "approve" => Some(Click::Approve {
                rally: rest.parse().ok()?,
            }),
            "reject" => Some(Click::Reject {
                rally: rest.parse().ok()?,
            }),
            "forget" if rest == "yes" => Some(Click::ForgetMe),
            "page" => {
                let (page, list) = rest.split_once(':')?;
                Some(Click::Page {
                    page: page.parse().ok()?,
                    list: ListSource::decode(list)?,
                })
            }
            _ => None,
        }
    }
}

fn choice_code(choice: RsvpChoice) -> &'static str {
    match choice {
        RsvpChoice::Going => "going",
        RsvpChoice::Interested => "interested",
        RsvpChoice::NotGoing => "no",
    }
}

/// The custom id of the modal asking why rally `rally` is rejected, and of its text input.
pub const REJECT_REASON_INPUT: &str = "reason";

pub fn reject_modal_id(rally: i64) -> String {
    format!("rejectmodal:{rally}")
}

pub fn decode_reject_modal(custom_id: &str) -> Option<i64> {
    custom_id.strip_prefix("rejectmodal:")?.parse().ok()
}

/// The one button that confirms deleting a person's data.
pub fn forget_row(lang: Lang) -> CreateActionRow {
    CreateActionRow::Buttons(vec![CreateButton::new(Click::ForgetMe.encode())
        .label(t!(lang, "button-forget"))
        .style(ButtonStyle::Danger)])
}

/// Approve and Reject buttons for one pending rally, in the language of the message they are on.
pub fn moderation_row(rally: i64, lang: Lang) -> CreateActionRow {
    CreateActionRow::Buttons(vec![
        CreateButton::new(Click::Approve { rally }.encode())
            .label(t!(lang, "button-approve", id = rally))
            .style(ButtonStyle::Success),
        CreateButton::new(Click::Reject { rally }.encode())
            .label(t!(lang, "button-reject", id = rally))
            .style(ButtonStyle::Danger),
    ])
}

/// Going / Interested / Can't go, with the counts on the buttons, in the reader's language.
pub fn rsvp_row(view: &RallyView, lang: Lang) -> CreateActionRow {
    let id = view.rally.id;
    let button = |choice, label: String, style| {
        CreateButton::new(Click::Rsvp { rally: id, choice }.encode())
            .label(label)
            .style(style)
    };
    CreateActionRow::Buttons(vec![
        button(
            RsvpChoice::Going,
            t!(lang, "button-going", count = view.counts.going),
            ButtonStyle::Success,
        ),
        button(
            RsvpChoice::Interested,
            t!(lang, "button-interested", count = view.counts.interested),
            ButtonStyle::Primary,
        ),
        button(
            RsvpChoice::NotGoing,
            t!(lang, "button-cant-go"),
            ButtonStyle::Secondary,
        ),
    ])
}

/// Previous / Next, or nothing when the list fits on one page. A place too long for a custom
/// id gets no buttons rather than a broken one.
pub fn page_row(
    list: &ListSource,
    page: usize,
    pages: usize,
    lang: Lang,
) -> Option<CreateActionRow> {
    if pages <= 1 {
        return None;
    }
    let prev = Click::Page {
        page: page.saturating_sub(1),
        list: list.clone(),
    }
    .encode();
    let next = Click::Page {
        page: page + 1,
        list: list.clone(),
    }
    .encode();
    if next.len() > MAX_CUSTOM_ID {
        return None;
    }
    // Two buttons may not share a custom id, so the disabled one gets a distinct suffix.
    let prev = if page == 0 { format!("{prev}|") } else { prev };
    Some(CreateActionRow::Buttons(vec![
        CreateButton::new(prev)
            .label(t!(lang, "page-previous"))
            .style(ButtonStyle::Secondary)
            .disabled(page == 0),
        CreateButton::new(next)
            .label(t!(lang, "page-next"))
            .style(ButtonStyle::Secondary)
            .disabled(page + 1 >= pages),
    ]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clicks_round_trip() {
        let clicks = [
            Click::Rsvp {
                rally: 42,
                choice: RsvpChoice::Going,
            },
            Click::Rsvp {
                rally: 7,
                choice: RsvpChoice::NotGoing,
            },
            Click::Page {
                page: 3,
                list: ListSource::Upcoming,
            },
            Click::Page {
                page: 0,
                list: ListSource::Queue,
            },
            Click::Page {
                page: 2,
                list: ListSource::Log { rally: None },
            },
            Click::Page {
                page: 1,
                list: ListSource::Log { rally: Some(12) },
            },
            Click::Approve { rally: 12 },
            Click::Reject { rally: 9 },
            Click::ForgetMe,
            Click::Page {
                page: 1,
                list: ListSource::Near {
                    place: "Austin, TX | west".into(),
                    radius: 25.5,
                    unit: "km".into(),
                    days: Some(7),
                    campaign: None,
                },
            },
            Click::Page {
                page: 2,
                list: ListSource::Near {
                    place: "Austin, TX | west".into(),
                    radius: 25.0,
                    unit: String::new(),
                    days: None,
                    campaign: Some("Day of Action".into()),
                },
            },
            Click::Page {
                page: 1,
                list: ListSource::CampaignList {
                    campaign: "Day of Action".into(),
                },
            },
            Click::Page {
                page: 4,
                list: ListSource::Campaign {
                    campaign: "Day of Action".into(),
                    place: "Austin, TX".into(),
                },
            },
            Click::Page {
                page: 0,
                list: ListSource::Campaign {
                    campaign: "Day of Action".into(),
                    place: String::new(),
                },
            },
            Click::Page {
                page: 1,
                list: ListSource::Near {
                    place: "78701".into(),
                    radius: 50.0,
                    unit: "mi".into(),
                    days: None,
                    campaign: None,
                },
            },
        ];
        for click in clicks {
            assert_eq!(
                Click::decode(&click.encode()),
                Some(click.clone()),
                "{}",
                click.encode()
            );
        }
    }

    #[test]
    fn foreign_ids_are_ignored() {
        for id in [
            "",
            "rsvp",
            "rsvp:x:going",
            "rsvp:1:maybe",
            "page:x:list",
            "page:1:weird",
            "page:1:log|x",
            "approve:x",
            "reject:",
            "other:1",
        ] {
            assert_eq!(Click::decode(id), None, "{id}");
        }
    }
}
