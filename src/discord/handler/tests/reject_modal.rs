//! The reject form and what it says when done, in the clicking moderator's language.
use serde_json::{json, Value};

use crate::discord::handler::component::reject_modal;
use crate::discord::handler::modal::rejected_by;
use crate::discord::render::tests::view;
use crate::domain::RallyStatus;
use crate::i18n::{lang_of_locale, Lang};

fn form(locale: &str) -> Value {
    serde_json::to_value(reject_modal(9, lang_of_locale(locale))).unwrap()
}

#[test]
fn a_moderator_whose_discord_is_es_419_gets_the_reject_form_in_spanish() {
    let data = form("es-419");
    assert_eq!(data["title"], json!("Rechazar la manifestación #9"));
    let input = &data["components"][0]["components"][0];
    assert_eq!(
        input["label"],
        json!("Motivo (se le dirá a quien la organiza)")
    );
    assert_eq!(input["custom_id"], json!("reason"));
    assert_eq!(data["custom_id"], json!("rejectmodal:9"));

    let en = form("en-US");
    assert_eq!(en["title"], json!("Reject rally #9"));
    assert_eq!(
        en["components"][0]["components"][0]["label"],
        json!("Reason (told to the organiser)")
    );
}

#[test]
fn the_rejection_is_confirmed_in_the_language_asked_for() {
    let mut v = view(9, "Vigil_1", RallyStatus::Rejected);
    assert_eq!(
        rejected_by(&v, 5, Lang::Es),
        r"La manifestación #9 Vigil\_1 quedó rechazada; ya se le avisó a quien la organiza. (<@5>)"
    );
    v.rally.status_reason = Some("duplicada".into());
    assert_eq!(
        rejected_by(&v, 5, Lang::En),
        r"Rally #9 Vigil\_1 is rejected; its organiser is told, with the reason. (<@5>)"
    );
}
