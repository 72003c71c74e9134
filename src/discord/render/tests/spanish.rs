//! Replies for a reader whose Discord is in Spanish.
use serde_json::{json, Value};

use super::{json_of, view};
use crate::discord::components::ListSource;
use crate::discord::render::response;
use crate::domain::{DistanceUnit, RallyStatus, RsvpStatus};
use crate::i18n::Lang;
use crate::service::location::Located;
use crate::service::response::Response;
use crate::service::NearResult;

fn labels(data: &Value) -> Vec<String> {
    data["components"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|row| row["components"].as_array().unwrap().clone())
        .map(|b| b["label"].as_str().unwrap().to_string())
        .collect()
}

fn field_names(data: &Value) -> Vec<String> {
    data["embeds"][0]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_card_is_in_spanish_with_the_date_spelled_out() {
    let data = json_of(response(
        &Response::Rally(view(7, "Marcha", RallyStatus::Approved)),
        0,
        None,
        Lang::Es,
    ));
    assert_eq!(
        field_names(&data),
        ["Cuándo", "Dónde", "Organiza", "Respuestas"]
    );
    let fields = data["embeds"][0]["fields"].to_string();
    assert!(
        fields.contains("Hora local: sábado, 1 de junio de 2030, 18:00 (CDT)"),
        "{fields}"
    );
    assert!(fields.contains("3 van · 1 le interesa"), "{fields}");
    assert_eq!(labels(&data), ["Voy (3)", "Me interesa (1)", "No puedo ir"]);
    // The same card for an English reader is as it was.
    let en = json_of(response(
        &Response::Rally(view(7, "Marcha", RallyStatus::Approved)),
        0,
        None,
        Lang::En,
    ));
    assert_eq!(field_names(&en), ["When", "Where", "Organiser", "RSVPs"]);
}

#[test]
fn answers_to_commands_are_in_spanish() {
    let mut pending = view(3, "Vigilia", RallyStatus::Pending);
    let created = crate::service::Created {
        view: pending.clone(),
        notes: Vec::new(),
    };
    let data = json_of(response(&Response::Created(created), 0, None, Lang::Es));
    assert_eq!(
        data["content"],
        json!("La manifestación #3 quedó enviada. Un moderador la revisará antes de publicarla.")
    );
    assert!(data["embeds"][0]["fields"]
        .to_string()
        .contains("Esperando aprobación"));
    pending.my_rsvp = Some(RsvpStatus::Going);
    pending.rally.address = "100 Congress Ave".into();
    let data = json_of(response(&Response::Rsvp(pending), 0, None, Lang::Es));
    assert_eq!(
        data["content"],
        json!("Vas a #3 Vigilia.\nPunto de encuentro: 100 Congress Ave")
    );
}

#[test]
fn a_near_list_is_in_spanish_with_decimal_commas_and_spanish_paging() {
    let rallies = (1..=12)
        .map(|i| {
            (
                view(i, &format!("R{i}"), RallyStatus::Approved),
                i as f64 + 0.25,
            )
        })
        .collect();
    let near = NearResult {
        origin: Located {
            name: "Austin, Texas, US".into(),
            latitude: 30.27,
            longitude: -97.74,
            time_zone: chrono_tz::America::Chicago,
            note: None,
        },
        radius: 12.5,
        unit: DistanceUnit::Miles,
        rallies,
        more: false,
        campaign: None,
    };
    let source = ListSource::Upcoming;
    let data = json_of(response(
        &Response::Near(near.clone()),
        0,
        Some(&source),
        Lang::Es,
    ));
    let embed = &data["embeds"][0];
    assert_eq!(
        embed["title"],
        json!("Manifestaciones a menos de 12,5 mi de Austin, Texas, US (12)")
    );
    let first = embed["fields"][0]["value"].as_str().unwrap();
    assert!(first.starts_with("a 1,2 mi · "), "{first}");
    assert!(first.ends_with(" · 3 van"), "{first}");
    assert_eq!(embed["footer"]["text"], json!("Página 1 de 2"));
    assert_eq!(labels(&data), ["◀ Anterior", "Siguiente ▶"]);

    let none = NearResult {
        rallies: Vec::new(),
        ..near
    };
    let data = json_of(response(&Response::Near(none), 0, None, Lang::Es));
    assert_eq!(
        data["content"],
        json!("No hay próximas manifestaciones a menos de 12,5 mi de Austin, Texas, US.")
    );
}
