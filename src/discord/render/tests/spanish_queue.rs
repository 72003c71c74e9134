//! A Spanish moderator's approval queue: heading, lines, the clash flag and the buttons.
use serde_json::json;

use super::{json_of, view};
use crate::discord::render::response;
use crate::domain::{Clash, RallyStatus};
use crate::i18n::Lang;
use crate::service::queue::QueueEntry;
use crate::service::response::Response;

fn queue() -> Response {
    Response::Queue(vec![QueueEntry {
        view: view(4, "Vigilia", RallyStatus::Pending),
        clash: vec![Clash {
            rally_id: 2,
            title: "Marcha".into(),
            place: "Austin, Texas, US".into(),
        }],
    }])
}

#[test]
fn a_spanish_moderator_reads_the_queue_and_its_buttons_in_spanish() {
    let data = json_of(response(&queue(), 0, None, Lang::Es));
    let embed = &data["embeds"][0];
    assert_eq!(embed["title"], json!("Esperando aprobación (1)"));
    assert_eq!(embed["fields"][0]["name"], json!("#4 Vigilia ⚠ coincide"));
    let value = embed["fields"][0]["value"].as_str().unwrap();
    assert!(
        value.contains("· Austin, Texas, US · propuesta de <@42>"),
        "{value}"
    );
    assert!(
        value.contains("Ojo: a menos de 5 millas y 2 horas de otra manifestación aprobada: #2 Marcha (Austin, Texas, US)."),
        "{value}"
    );
    let buttons = &data["components"][0]["components"];
    assert_eq!(buttons[0]["label"], json!("Aprobar #4"));
    assert_eq!(buttons[1]["label"], json!("Rechazar #4"));

    let empty = json_of(response(&Response::Queue(Vec::new()), 0, None, Lang::Es));
    assert_eq!(empty["content"], json!("No hay nada esperando aprobación."));
}

#[test]
fn an_english_moderator_reads_the_queue_as_before() {
    let data = json_of(response(&queue(), 0, None, Lang::En));
    let embed = &data["embeds"][0];
    assert_eq!(embed["title"], json!("Waiting for approval (1)"));
    assert_eq!(embed["fields"][0]["name"], json!("#4 Vigilia ⚠ clash"));
    let value = embed["fields"][0]["value"].as_str().unwrap();
    assert!(value.contains("· Austin, Texas, US · by <@42>"), "{value}");
    assert!(
        value.contains("Heads-up: within 5 miles and 2 hours of another approved rally: #2 Marcha (Austin, Texas, US). Consider joining forces or moving the time."),
        "{value}"
    );
    assert_eq!(
        data["components"][0]["components"][0]["label"],
        json!("Approve #4")
    );
}
