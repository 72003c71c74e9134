//! A Spanish asker hears refusals, place problems, command mistakes and autocomplete labels in
//! Spanish; an English one hears them as before.
use chrono::{NaiveDate, TimeZone, Utc};

use super::super::*;
use crate::commands::parse::RequestError;
use crate::domain::{Action, Campaign, Expected, OwnerAction, RallyAction, RallyStatus};
use crate::error::UserError;
use crate::i18n::Lang;
use places::{CoordinateProblem, PlaceError};

fn both(e: &UserError) -> (String, String) {
    (
        user_error(e, &Plain, Lang::Es),
        user_error(e, &Plain, Lang::En),
    )
}

#[test]
fn a_refusal_names_the_action_in_the_askers_language() {
    let edit = UserError::NotOrganiserOrModerator {
        id: 12,
        action: RallyAction::Edit,
    };
    assert_eq!(
        both(&edit),
        (
            "Solo quien organiza la manifestación #12 o un moderador puede editarla.".into(),
            "Only the organiser of rally #12 or a moderator can edit it.".into()
        )
    );
    let approve = UserError::ModeratorsOnly {
        action: Action::ApproveRallies,
    };
    let (es, en) = both(&approve);
    assert!(
        es.starts_with("Solo los moderadores pueden aprobar manifestaciones."),
        "{es}"
    );
    assert_eq!(en, "Only moderators can approve rallies. Moderators have the Manage Events permission or the server's moderator role.");
    let cancelled = UserError::WrongStatus {
        id: 3,
        status: RallyStatus::Cancelled,
        action: RallyAction::Rsvp,
    };
    assert_eq!(
        both(&cancelled),
        (
            "La manifestación #3 está cancelada, así que no se puede responder a ella.".into(),
            "Rally #3 is cancelled, so it can't be RSVPed to.".into()
        )
    );
    let owners = UserError::CoalitionOwnersOnly {
        action: OwnerAction::InviteServers,
    };
    assert_eq!(
        both(&owners).0,
        "Solo los moderadores del servidor dueño de una coalición pueden invitar servidores."
    );
    // Logs keep the English.
    assert_eq!(edit.to_string(), both(&edit).1);
}

#[test]
fn a_missing_campaign_lists_the_servers_campaigns() {
    let missing = UserError::CampaignNotFound {
        name: "Primavera".into(),
        known: vec!["Day of Action".into(), "Spring".into()],
    };
    assert_eq!(
        both(&missing),
        (
            "No hay ninguna campaña \"Primavera\" en este servidor. Campañas de este servidor: \"Day of Action\", \"Spring\".".into(),
            "There is no campaign \"Primavera\" in this server. Campaigns here: \"Day of Action\", \"Spring\".".into()
        )
    );
    let none = UserError::CampaignNotFound {
        name: "X".into(),
        known: Vec::new(),
    };
    assert!(
        both(&none).0.ends_with(
            "Todavía no hay ninguna; un moderador puede crear una con /moderar campaña crear."
        ),
        "{none:?}"
    );
    assert!(both(&none)
        .1
        .ends_with("There are none yet; a moderator creates one with /rallymod campaign create."));
}

#[test]
fn an_unknown_place_offers_the_gazetteers_names() {
    let unknown = UserError::Place(PlaceError::Unknown {
        input: "Austn, TX".into(),
        suggestions: vec!["Austin, Texas, US".into(), "Aurora, Colorado, US".into()],
    });
    let (es, en) = both(&unknown);
    assert_eq!(
        es,
        "No conozco ningún lugar llamado \"Austn, TX\". ¿Quisiste decir: Austin, Texas, US; Aurora, Colorado, US? Prueba con \"Ciudad, ST\", un código postal (ZIP) de EE. UU. de 5 dígitos o \"lat,lon\"."
    );
    // The English is the places crate's own.
    let UserError::Place(place) = &unknown else {
        unreachable!()
    };
    assert_eq!(en, place.to_string());
}

#[test]
fn a_bad_position_says_which_number_is_out_of_range() {
    let bad = PlaceError::BadCoordinates {
        input: "95,10".into(),
        reason: CoordinateProblem::Latitude(95.0),
    };
    let (es, en) = both(&UserError::Place(bad.clone()));
    assert!(
        es.starts_with("\"95,10\" no es una posición que pueda usar: la latitud 95 está fuera del rango -90..90."),
        "{es}"
    );
    assert_eq!(en, bad.to_string());
    assert!(en.contains("latitude 95 is outside -90..90"), "{en}");
}

#[test]
fn a_time_refusal_is_the_time_readers_spanish() {
    let gap = when::parse_when_in(
        "14/3/2027 2:30",
        chrono_tz::America::Chicago,
        Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap(),
        Lang::Es,
    )
    .unwrap_err();
    let e = UserError::Time(gap.clone());
    assert_eq!(user_error(&e, &Plain, Lang::Es), gap.message(Lang::Es));
    assert!(user_error(&e, &Plain, Lang::Es).contains("no existe"));
    assert_eq!(e.to_string(), gap.to_string());
}

#[test]
fn a_bad_value_says_what_was_expected_keeping_the_choice_values() {
    let unit = UserError::BadOption {
        option: "unit",
        input: "leagues".into(),
        expected: Expected::Unit,
    };
    assert_eq!(
        both(&unit),
        (
            "\"leagues\" no es un valor válido para unidad; usa mi o km.".into(),
            "\"leagues\" is not a valid value for unit; use mi or km.".into()
        )
    );
    let radius = UserError::BadOption {
        option: "radius",
        input: "900".into(),
        expected: Expected::Radius {
            max: 500.0,
            unit: crate::domain::DistanceUnit::Miles,
        },
    };
    assert!(both(&radius).0.ends_with("de 500 millas como máximo."));
    assert!(both(&radius).1.ends_with("at most 500 miles."));
}

#[test]
fn campaign_days_are_spelled_in_the_language() {
    let day = |m, d| NaiveDate::from_ymd_opt(2027, m, d).unwrap();
    let e = UserError::CampaignInvalid(crate::error::CampaignProblem::EndBeforeStart {
        start: day(4, 17),
        end: day(4, 10),
    });
    assert_eq!(
        both(&e),
        (
            "El fin, 10 de abril de 2027, es anterior al inicio, 17 de abril de 2027; pon un fin el mismo día del inicio o después.".into(),
            "The end, April 10, 2027, is before the start, April 17, 2027; give an end on or after the start.".into()
        )
    );
    assert_eq!(
        span(day(4, 17), day(4, 19), Lang::Es),
        "del 17 de abril de 2027 al 19 de abril de 2027"
    );
    assert_eq!(
        span(day(4, 17), day(4, 17), Lang::En),
        "Saturday, April 17, 2027"
    );
}

/// Replies that name a day without a time (campaigns, coalition members, one's own data) say
/// it as they always did in English, and in Spanish words.
#[test]
fn days_without_a_time_read_as_they_always_did_and_in_spanish() {
    let mut day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    // A whole year: every month and weekday has its words.
    while chrono::Datelike::year(&day) == 2026 {
        assert_eq!(
            when::day_month_in(day, Lang::En, true),
            day.format("%B %-d, %Y").to_string()
        );
        assert_eq!(
            when::date_label_in(day, Lang::En),
            day.format("%A, %B %-d, %Y").to_string()
        );
        day = day.succ_opt().unwrap();
    }
    let day = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
    assert_eq!(
        when::day_month_in(day, Lang::Es, true),
        "5 de diciembre de 2026"
    );
    assert_eq!(
        when::date_label_in(day, Lang::Es),
        "sábado, 5 de diciembre de 2026"
    );
}

#[test]
fn a_command_that_does_not_fit_is_explained_in_spanish() {
    let missing = RequestError::MissingOption {
        command: "rally rsvp".into(),
        option: "status",
        example: "status:going".into(),
    };
    assert_eq!(
        request_error(&missing, &Plain, Lang::Es),
        "/manifestación responder necesita la opción respuesta:, por ejemplo respuesta:going."
    );
    assert_eq!(
        request_error(&missing, &Plain, Lang::En),
        "/rally rsvp needs the option status:, e.g. status:going."
    );
    assert_eq!(
        missing.to_string(),
        request_error(&missing, &Plain, Lang::En)
    );
    let none = RequestError::UnknownOption {
        command: "rally about".into(),
        option: "x".into(),
        allowed: Vec::new(),
    };
    assert_eq!(
        request_error(&none, &Plain, Lang::Es),
        "/manifestación acerca no tiene la opción x:. Sus opciones son: ninguna."
    );
    let some = RequestError::UnknownOption {
        command: "rally rsvp".into(),
        option: "x".into(),
        allowed: vec!["rally:".into(), "[status:]".into()],
    };
    assert_eq!(
        request_error(&some, &Plain, Lang::Es),
        "/manifestación responder no tiene la opción x:. Sus opciones son: manifestación: [respuesta:]."
    );
    assert_eq!(
        none.to_string(),
        "/rally about has no option x:. Its options are: none."
    );
}

#[test]
fn autocomplete_labels_follow_the_askers_language() {
    let starts = crate::domain::LocalTime {
        at: Utc.with_ymd_and_hms(2026, 12, 11, 0, 0, 0).unwrap(),
        zone: chrono_tz::America::Chicago,
    };
    assert_eq!(
        choices::rally(12, "Vigil", "Austin", starts, true, Lang::Es),
        "#12 Vigil · Austin · jueves, 10 de diciembre de 2026, 18:00 (CST) (pendiente)"
    );
    assert_eq!(
        choices::rally(12, "Vigil", "Austin", starts, true, Lang::En),
        "#12 Vigil · Austin · Thursday, December 10, 2026 at 6:00 PM CST (pending)"
    );
    let campaign = Campaign {
        archived: true,
        ..campaign()
    };
    assert_eq!(
        choices::campaign(&campaign, Lang::Es),
        "Day of Action · 17 de abril de 2027 (archivada)"
    );
    assert_eq!(
        choices::campaign(&campaign, Lang::En),
        "Day of Action · Apr 17, 2027 (archived)"
    );
}

fn campaign() -> Campaign {
    let t = Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap();
    Campaign {
        id: 1,
        server_id: 1,
        name: "Day of Action".into(),
        description: String::new(),
        starts_on: NaiveDate::from_ymd_opt(2027, 4, 17).unwrap(),
        ends_on: NaiveDate::from_ymd_opt(2027, 4, 17).unwrap(),
        archived: false,
        coalition_id: None,
        created_at: t,
        updated_at: t,
    }
}
