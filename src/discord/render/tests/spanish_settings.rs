//! A Spanish moderator's settings summary: the sentences and names around the values.
use chrono::Duration;
use serde_json::{json, Value};

use super::json_of;
use crate::discord::render::response;
use crate::domain::{DistanceUnit, ServerSettings};
use crate::i18n::Lang;
use crate::service::response::Response;

fn settings() -> Response {
    Response::Settings {
        settings: ServerSettings {
            server_id: 1,
            require_approval: true,
            moderator_role_id: None,
            distance_unit: DistanceUnit::Kilometres,
            reminder_channel_id: None,
            reminder_offsets: vec![Duration::hours(24), Duration::minutes(90)],
            announcement_channel_id: Some(77),
            moderator_channel_id: None,
            announcement_role_id: None,
            daily_limit: 1,
            retention_days: 30,
            public_page: true,
            public_slug: None,
            invite_url: None,
            language: None,
            discord_language: Some(Lang::Es),
        },
        page: Some("https://rallies.example/s/abc".into()),
    }
}

/// Each field as "name: value".
fn fields(data: &Value) -> Vec<String> {
    data["embeds"][0]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{}: {}",
                f["name"].as_str().unwrap(),
                f["value"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn a_spanish_moderator_reads_the_settings_in_spanish() {
    let data = json_of(response(&settings(), 0, None, Lang::Es));
    assert_eq!(
        data["embeds"][0]["title"],
        json!("Ajustes de rallybot en este servidor")
    );
    let fields = fields(&data);
    for expected in [
        "requiere_aprobación: sí",
        "unidad: km",
        "rol_moderación: ninguno",
        "canal de recordatorios: donde se creó cada manifestación",
        "antelación de los recordatorios: 1 día, 1 hora y 30 minutos",
        "canal de anuncios: <#77>",
        "canal de moderación: ninguno (mira /moderar pendientes)",
        "límite diario: 1 manifestación por miembro",
        "conservar quién respondió: 30 días después de que termina una manifestación",
        "página pública: sí",
        "idioma: español (el del servidor en Discord)",
    ] {
        assert!(
            fields.iter().any(|f| f == expected),
            "{expected} in {fields:#?}"
        );
    }
    let page = fields.last().unwrap();
    assert!(
        page.starts_with("Página pública: https://rallies.example/s/abc\nCualquiera con el enlace"),
        "{page}"
    );
}

#[test]
fn an_english_moderator_reads_the_settings_as_before() {
    let data = json_of(response(&settings(), 0, None, Lang::En));
    assert_eq!(
        data["embeds"][0]["title"],
        json!("rallybot settings for this server")
    );
    let fields = fields(&data);
    for expected in [
        "require_approval: true",
        "moderator_role: none",
        "reminder channel: where each rally was created",
        "reminder offsets: 1 day, 1 hour 30 minutes",
        "daily limit: 1 rallies per member",
        "language: Spanish (the server's in Discord)",
    ] {
        assert!(
            fields.iter().any(|f| f == expected),
            "{expected} in {fields:#?}"
        );
    }
}
