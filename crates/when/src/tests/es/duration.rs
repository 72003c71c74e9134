//! Reminder offsets typed in Spanish.
use chrono::Duration;

use super::super::super::{parse_duration_in, Lang};
use super::TimeError;

#[test]
fn spanish_durations() {
    let cases = [
        ("30 minutos", Duration::minutes(30)),
        ("1 minuto", Duration::minutes(1)),
        ("2 horas", Duration::hours(2)),
        ("una hora", Duration::hours(1)),
        ("1 día", Duration::days(1)),
        ("3 dias", Duration::days(3)),
        ("1 semana", Duration::days(7)),
        ("1h", Duration::hours(1)),
        ("30m", Duration::minutes(30)),
        ("2d", Duration::days(2)),
        ("1h30m", Duration::minutes(90)),
        ("media hora", Duration::minutes(30)),
        ("1 hora y media", Duration::minutes(90)),
        ("1 hora y 15 minutos", Duration::minutes(75)),
        ("2 HORAS", Duration::hours(2)),
        ("90 minutes", Duration::minutes(90)),
    ];
    for (input, want) in cases {
        assert_eq!(parse_duration_in(input, Lang::Es), Ok(want), "{input:?}");
    }
}

#[test]
fn spanish_durations_refused() {
    for input in [
        "",
        "90",
        "pronto",
        "1,5 horas",
        "mañana",
        "en 2 horas",
        "medio día",
    ] {
        assert!(
            matches!(
                parse_duration_in(input, Lang::Es),
                Err(TimeError::InvalidDuration { .. })
            ),
            "{input:?}"
        );
    }
    // Spanish words are not read when the language is English.
    assert!(parse_duration_in("2 horas", Lang::En).is_err());
}
