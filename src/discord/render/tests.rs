//! Rendering checks on the JSON serenity would send.
use chrono::{TimeZone, Utc};
use serde_json::{json, Value};

use super::*;
use crate::service::model::{Rally, RsvpCounts};

fn view(id: i64, title: &str, status: RallyStatus) -> RallyView {
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
        },
        counts: RsvpCounts {
            going: 3,
            interested: 1,
        },
        my_rsvp: None,
    }
}

fn json_of(reply: Reply) -> Value {
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
