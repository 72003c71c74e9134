//! Rendering checks on the JSON serenity would send.
use chrono::{TimeZone, Utc};
use serde_json::{json, Value};

use super::*;
use crate::domain::{Rally, RsvpCounts};

mod spanish;
mod spanish_campaign;
mod spanish_coalition;
mod spanish_log;
mod spanish_queue;
mod spanish_settings;
mod spanish_status;

/// Rendered for an English reader, as most checks here are.
fn response(r: &Response, page: usize, source: Option<&ListSource>) -> Reply {
    super::response(r, page, source, Lang::En)
}

pub(crate) fn view(id: i64, title: &str, status: RallyStatus) -> RallyView {
    let t = Utc.with_ymd_and_hms(2030, 6, 1, 23, 0, 0).unwrap();
    RallyView {
        rally: Rally {
            id,
            server_id: 1,
            title: title.into(),
            details: "Bring **water**".into(),
            place_name: "Austin, Texas, US".into(),
            address: String::new(),
            latitude: 30.27,
            longitude: -97.74,
            time_zone: chrono_tz::America::Chicago,
            starts_at: t,
            ends_at: None,
            organiser_id: 42,
            channel_id: None,
            status,
            status_reason: None,
            created_at: t,
            updated_at: t,
            campaign_id: None,
            contact: String::new(),
            address_visibility: Default::default(),
            organiser_gone: false,
        },
        counts: RsvpCounts {
            going: 3,
            interested: 1,
        },
        my_rsvp: None,
        from_server: None,
    }
}

pub(crate) fn json_of(reply: Reply) -> Value {
    serde_json::to_value(reply.message()).unwrap()
}

#[test]
fn a_card_shows_time_place_organiser_and_counts() {
    let data = json_of(response(
        &Response::Rally(view(7, "March_for *all*", RallyStatus::Approved)),
        0,
        None,
    ));
    let embed = &data["embeds"][0];
    assert_eq!(embed["title"], json!(r"#7 March\_for \*all\*"));
    assert_eq!(embed["description"], json!(r"Bring \*\*water\*\*"));
    let fields = embed["fields"].to_string();
    assert!(
        fields.contains("<t:1906585200:F> (<t:1906585200:R>)"),
        "{fields}"
    );
    assert!(
        fields.contains("Saturday, June 1, 2030 at 6:00 PM CDT"),
        "{fields}"
    );
    assert!(
        fields.contains("<@42>") && fields.contains("3 going · 1 interested"),
        "{fields}"
    );
    assert_eq!(
        data["allowed_mentions"],
        json!({"parse": [], "roles": [], "users": []})
    );
    let labels: Vec<&str> = data["components"][0]["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["Going (3)", "Interested (1)", "Can't go"]);
    assert_eq!(data["flags"], json!(0), "a card is public");
}

#[test]
fn a_pending_card_has_no_rsvp_buttons() {
    let data = json_of(response(
        &Response::Rally(view(7, "T", RallyStatus::Pending)),
        0,
        None,
    ));
    assert_eq!(data["components"], json!([]));
    assert!(data["embeds"][0]["fields"]
        .to_string()
        .contains("Waiting for approval"));
}

#[test]
fn long_lists_page_with_buttons() {
    let rallies: Vec<RallyView> = (1..=12)
        .map(|i| view(i, &format!("R{i}"), RallyStatus::Approved))
        .collect();
    let list = Response::List {
        kind: ListKind::Upcoming,
        rallies,
    };
    let first = json_of(response(&list, 0, None));
    assert_eq!(
        first["embeds"][0]["fields"].as_array().unwrap().len(),
        PAGE_SIZE
    );
    assert_eq!(first["embeds"][0]["footer"]["text"], json!("Page 1 of 2"));
    let buttons = first["components"][0]["components"].as_array().unwrap();
    assert_eq!(buttons[0]["disabled"], json!(true), "no previous page");
    assert_eq!(buttons[1]["custom_id"], json!("page:1:list"));
    assert_eq!(buttons[1]["disabled"], json!(false));
    let second = json_of(response(&list, 1, None));
    let names: Vec<&str> = second["embeds"][0]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["#11 R11", "#12 R12"]);
    assert_eq!(
        second["components"][0]["components"][1]["disabled"],
        json!(true),
        "no next page"
    );
}

#[test]
fn a_short_list_has_no_page_buttons() {
    let rallies: Vec<RallyView> = (1..=3)
        .map(|i| view(i, "R", RallyStatus::Approved))
        .collect();
    let data = json_of(response(
        &Response::List {
            kind: ListKind::Upcoming,
            rallies,
        },
        0,
        None,
    ));
    assert_eq!(data["components"], json!([]));
    let empty = json_of(response(
        &Response::List {
            kind: ListKind::Queue,
            rallies: vec![],
        },
        0,
        None,
    ));
    assert_eq!(empty["content"], json!("Nothing is waiting for approval."));
    assert_eq!(
        empty["flags"],
        json!(64),
        "the queue is for moderators' eyes"
    );
}

fn overview(entries: usize, origin: bool) -> crate::service::overview::CampaignOverview {
    use crate::service::overview::{CampaignOverview, OverviewEntry};
    let t = Utc.with_ymd_and_hms(2030, 6, 1, 23, 0, 0).unwrap();
    let day = t.date_naive();
    CampaignOverview {
        campaign: crate::domain::Campaign {
            id: 3,
            server_id: 1,
            name: "Day_of Action".into(),
            description: String::new(),
            starts_on: day,
            ends_on: day,
            archived: false,
            coalition_id: None,
            created_at: t,
            updated_at: t,
        },
        cities: 2,
        states: 2,
        going: 3 * entries as i64,
        interested: entries as i64,
        entries: (0..entries)
            .map(|i| OverviewEntry {
                view: view(i as i64 + 1, &format!("Rally {i}"), RallyStatus::Approved),
                state: if i < 3 { "Colorado" } else { "Texas" }.into(),
                city: if i < 3 { "Denver" } else { "Austin" }.into(),
                distance: origin.then_some(i as f64 * 10.0),
            })
            .collect(),
        origin: origin.then(|| crate::service::location::Located {
            name: "Austin, Texas, US".into(),
            latitude: 30.27,
            longitude: -97.74,
            time_zone: chrono_tz::America::Chicago,
            note: None,
        }),
        unit: crate::domain::DistanceUnit::Miles,
        by_server: Vec::new(),
    }
}

#[test]
fn a_campaign_overview_groups_by_state_and_city_and_pages() {
    let source = ListSource::Campaign {
        campaign: "Day_of Action".into(),
        place: String::new(),
    };
    let data = json_of(response(
        &Response::CampaignOverview(overview(12, false)),
        0,
        Some(&source),
    ));
    assert_eq!(data["flags"].as_u64().unwrap_or(0) & 64, 0, "public");
    let embed = &data["embeds"][0];
    assert_eq!(embed["title"], json!(r"Campaign: Day\_of Action"));
    assert!(
        embed["description"]
            .as_str()
            .unwrap()
            .contains("**12** rallies in **2** cities and **2** states · RSVPs: **36** going, **12** interested"),
        "{embed}"
    );
    let names: Vec<&str> = embed["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Colorado · Denver", "Texas · Austin"]);
    assert_eq!(embed["footer"]["text"], json!("Page 1 of 2"));
    let buttons = &data["components"][0]["components"];
    assert_eq!(buttons[1]["custom_id"], json!("page:1:camp|Day_of Action|"));
    // The second page holds the last two rallies, both in Austin.
    let page2 = json_of(response(
        &Response::CampaignOverview(overview(12, false)),
        1,
        Some(&source),
    ));
    let fields = page2["embeds"][0]["fields"].as_array().unwrap();
    assert_eq!(fields.len(), 1);
    assert!(fields[0]["value"]
        .as_str()
        .unwrap()
        .contains("#12 Rally 11"));
}

#[test]
fn a_campaign_overview_from_a_place_is_private_with_distances() {
    let data = json_of(response(
        &Response::CampaignOverview(overview(2, true)),
        0,
        None,
    ));
    assert_ne!(
        data["flags"].as_u64().unwrap_or(0) & 64,
        0,
        "where you are is private"
    );
    let fields = data["embeds"][0]["fields"].to_string();
    assert!(fields.contains("10.0 mi away · Colorado"), "{fields}");
}

#[test]
fn status_lists_failed_reminders_and_change_messages_apart() {
    use crate::domain::{FailureKind, OutboxItem, OutboxKind, OutboxStatus, Payload};
    use crate::service::DeliveryFailures;

    let none = json_of(response(
        &Response::Status(DeliveryFailures { items: vec![] }),
        0,
        None,
    ));
    assert_eq!(
        none["content"],
        json!("Every reminder and change message so far was delivered.")
    );
    let t = Utc.with_ymd_and_hms(2030, 6, 1, 23, 0, 0).unwrap();
    let item = |id, rally_id, kind, target_id, lead, last_error: Option<&str>| OutboxItem {
        id,
        kind,
        rally_id,
        target_id,
        message_id: None,
        lead,
        payload: Payload::None,
        nonce: format!("rallybot-{id}"),
        due_at: t,
        status: OutboxStatus::Failed,
        attempts: 1,
        next_attempt_at: t,
        last_error: last_error.map(str::to_string),
        failure: Some(FailureKind::Refused),
    };
    let reminder = item(
        1,
        7,
        OutboxKind::PersonalReminder,
        55,
        Some(chrono::Duration::hours(24)),
        Some("their direct messages are closed"),
    );
    let notice = |id, kind, target_id| item(id, 8, kind, target_id, None, None);
    let data = json_of(response(
        &Response::Status(DeliveryFailures {
            items: vec![
                (reminder, "March".into()),
                (notice(2, OutboxKind::Notice, 66), "Sit_in".into()),
                (notice(3, OutboxKind::CardEdit, 777), "Sit_in".into()),
            ],
        }),
        0,
        None,
    ));
    assert_eq!(
        data["embeds"][0]["title"],
        json!("Reminders that failed (1)")
    );
    assert_eq!(
        data["embeds"][0]["fields"][0]["value"],
        json!("1 day before, to <@55>: their direct messages are closed")
    );
    let changes = &data["embeds"][1];
    assert_eq!(changes["title"], json!("Change messages that failed (2)"));
    assert_eq!(changes["fields"][0]["name"], json!(r"#8 Sit\_in"));
    assert_eq!(
        changes["fields"][0]["value"],
        json!("DM to <@66>: no reason recorded")
    );
    assert_eq!(
        changes["fields"][1]["value"],
        json!("card edit in <#777>: no reason recorded")
    );
    assert_eq!(data["flags"], json!(64), "for the moderator only");
}
