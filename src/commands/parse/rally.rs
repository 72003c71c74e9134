//! `/rally …`: what every member can do.
use super::values;
use super::{Invocation, RequestError};
use crate::commands::spec::Sub;
use crate::domain::RsvpChoice;
use crate::error::UserError;
use crate::service::request::{MyDataAction, Request};
use crate::service::{NearQuery, NewRally, RallyEdit};

pub(super) fn build(sub: &Sub, inv: &mut Invocation) -> Result<Request, RequestError> {
    let rally = |inv: &mut Invocation| -> Result<i64, RequestError> {
        Ok(inv
            .take("rally")
            .map(|r| values::rally_id(&r))
            .transpose()?
            .unwrap_or_default())
    };
    Ok(match sub.path[1] {
        "create" => Request::Create(NewRally {
            title: inv.take("title").unwrap_or_default(),
            place: inv.take("place").unwrap_or_default(),
            when: inv.take("when").unwrap_or_default(),
            tz: inv.take("tz"),
            details: inv.take("details"),
            address: inv.take("address"),
            ends: inv.take("ends"),
            campaign: inv.take("campaign"),
            address_visibility: inv.take("address_visibility"),
            typed_in: inv.lang,
        }),
        "near" => Request::Near(NearQuery {
            place: inv.take("place").unwrap_or_default(),
            radius: inv
                .take("radius")
                .map(|r| values::number("radius", &r))
                .transpose()?,
            unit: inv.take("unit").map(|u| values::unit(&u)).transpose()?,
            days: inv
                .take("days")
                .map(|d| values::integer("days", &d).map(|d| d as u32))
                .transpose()?,
            limit: None,
            campaign: inv.take("campaign").filter(|c| !c.trim().is_empty()),
        }),
        "info" => Request::Info { rally: rally(inv)? },
        "list" => match inv.take("campaign").filter(|c| !c.trim().is_empty()) {
            Some(campaign) => Request::ListCampaign { campaign },
            None => Request::List,
        },
        "rsvp" => Request::Rsvp {
            rally: rally(inv)?,
            choice: inv
                .take("status")
                .map(|s| values::choice(&s))
                .transpose()?
                .unwrap_or(RsvpChoice::Going),
        },
        "mine" => Request::Mine,
        "remindme" => Request::RemindMe {
            rally: rally(inv)?,
            before: inv
                .take("before")
                .map(|b| values::before(&b, inv.lang))
                .transpose()?
                .flatten(),
        },
        "edit" => Request::Edit {
            rally: rally(inv)?,
            edit: RallyEdit {
                title: inv.take("title"),
                place: inv.take("place"),
                when: inv.take("when"),
                tz: inv.take("tz"),
                details: inv.take("details"),
                address: inv.take("address"),
                ends: inv.take("ends"),
                campaign: inv.take("campaign"),
                address_visibility: inv.take("address_visibility"),
                typed_in: inv.lang,
                organiser: inv.take("organiser"),
            },
        },
        "cancel" => Request::Cancel {
            rally: rally(inv)?,
            reason: inv.take("reason"),
        },
        "about" => Request::About,
        "mydata" => Request::MyData(match inv.take("action").as_deref().map(str::trim) {
            None | Some("") | Some("show") => MyDataAction::Show,
            Some("export") => MyDataAction::Export,
            Some("delete") => MyDataAction::Delete,
            // The console has no button to confirm with.
            Some("confirm") => MyDataAction::ConfirmDelete,
            Some(other) => {
                return Err(UserError::BadOption {
                    option: "action",
                    input: other.to_string(),
                    expected: crate::domain::Expected::MyDataAction,
                }
                .into())
            }
        }),
        "campaign" => Request::CampaignOverview {
            campaign: inv.take("campaign").unwrap_or_default(),
            place: inv.take("place").filter(|p| !p.trim().is_empty()),
        },
        _ => return Err(RequestError::UnknownCommand(sub.name())),
    })
}
