//! A Spanish moderator's campaign replies: what was done, and the campaign's days.
use chrono::{NaiveDate, TimeZone, Utc};
use serde_json::json;

use super::json_of;
use crate::discord::render::response;
use crate::domain::Campaign;
use crate::i18n::Lang;
use crate::service::campaigns::{CampaignAction, CampaignSaved};
use crate::service::response::Response;

fn saved(action: CampaignAction, last_day: u32) -> Response {
    let t = Utc.with_ymd_and_hms(2026, 11, 1, 12, 0, 0).unwrap();
    Response::Campaign(CampaignSaved {
        campaign: Campaign {
            id: 1,
            server_id: 1,
            name: "Semana de Acción".into(),
            description: String::new(),
            starts_on: NaiveDate::from_ymd_opt(2026, 12, 5).unwrap(),
            ends_on: NaiveDate::from_ymd_opt(2026, 12, last_day).unwrap(),
            archived: action == CampaignAction::Archived,
            coalition_id: None,
            created_at: t,
            updated_at: t,
        },
        action,
        changes: Vec::new(),
    })
}

#[test]
fn a_spanish_moderator_hears_what_was_done_to_a_campaign_in_spanish() {
    let data = json_of(response(
        &saved(CampaignAction::Created, 12),
        0,
        None,
        Lang::Es,
    ));
    assert_eq!(
        data["content"],
        json!("La campaña \"Semana de Acción\" quedó creada.")
    );
    let field = &data["embeds"][0]["fields"][0];
    assert_eq!(field["name"], json!("Cuándo"));
    assert_eq!(
        field["value"],
        json!("del 5 de diciembre de 2026 al 12 de diciembre de 2026")
    );

    let data = json_of(response(
        &saved(CampaignAction::Archived, 5),
        0,
        None,
        Lang::Es,
    ));
    assert_eq!(
        data["content"],
        json!("La campaña \"Semana de Acción\" quedó archivada: conserva sus manifestaciones y no acepta nuevas.")
    );
    assert_eq!(
        data["embeds"][0]["fields"][0]["value"],
        json!("sábado, 5 de diciembre de 2026")
    );
}

#[test]
fn an_english_moderator_hears_it_as_before() {
    let data = json_of(response(
        &saved(CampaignAction::Restored, 12),
        0,
        None,
        Lang::En,
    ));
    assert_eq!(
        data["content"],
        json!("Campaign \"Semana de Acción\" is restored: it takes new rallies again.")
    );
    let field = &data["embeds"][0]["fields"][0];
    assert_eq!(field["name"], json!("When"));
    assert_eq!(
        field["value"],
        json!("December 5, 2026 to December 12, 2026")
    );
}
