//! Spanish words, as people type them in the US, Latin America and Spain.
//! Every entry is lower-case without accents or ñ, because the lexer folds
//! them away: "sábado" and "sabado", "mañana" and "manana" read alike.
use chrono::Weekday;

use crate::clock::{Form, Meridiem};
use crate::date::DateSpec;
use crate::period::DayPeriod;
use crate::vocab::Unit;

pub(super) fn month(word: &str) -> Option<u32> {
    Some(match word {
        "enero" | "ene" => 1,
        "febrero" | "feb" => 2,
        "marzo" | "mar" => 3,
        "abril" | "abr" => 4,
        "mayo" | "may" => 5,
        "junio" | "jun" => 6,
        "julio" | "jul" => 7,
        "agosto" | "ago" => 8,
        // "setiembre" is the spelling of much of South America.
        "septiembre" | "setiembre" | "sep" | "sept" | "set" => 9,
        "octubre" | "oct" => 10,
        "noviembre" | "nov" => 11,
        "diciembre" | "dic" => 12,
        _ => return None,
    })
}

/// "mar" is both martes and marzo; the date reader tries the month only when
/// a day number goes with it ("mar 30"), so "mar 18:00" is a Tuesday.
pub(super) fn weekday(word: &str) -> Option<Weekday> {
    Some(match word {
        "lunes" | "lun" => Weekday::Mon,
        "martes" | "mar" => Weekday::Tue,
        "miercoles" | "mie" | "mier" => Weekday::Wed,
        "jueves" | "jue" => Weekday::Thu,
        "viernes" | "vie" => Weekday::Fri,
        "sabado" | "sab" => Weekday::Sat,
        "domingo" | "dom" => Weekday::Sun,
        _ => return None,
    })
}

/// "próximo sábado" is next; "este sábado" is the coming one.
pub(super) fn weekday_prefix(word: &str) -> Option<bool> {
    match word {
        "proximo" | "proxima" => Some(true),
        "este" | "esta" => Some(false),
        _ => None,
    }
}

/// "sábado que viene", "el sábado próximo", "el sábado entrante".
pub(super) fn weekday_suffix(first: Option<&str>, second: Option<&str>) -> usize {
    match (first, second) {
        (Some("que"), Some("viene")) => 2,
        (Some("proximo" | "proxima" | "entrante" | "siguiente"), _) => 1,
        _ => 0,
    }
}

pub(super) fn relative_day(first: &str, second: Option<&str>) -> Option<(DateSpec, usize)> {
    Some(match (first, second) {
        ("esta", Some("noche")) => (DateSpec::Tonight, 2),
        ("pasado", Some("manana")) => (DateSpec::DayAfterTomorrow, 2),
        ("hoy", _) => (DateSpec::Today, 1),
        ("manana", _) => (DateSpec::Tomorrow, 1),
        ("ayer", _) => (DateSpec::Yesterday, 1),
        _ => return None,
    })
}

/// "primero de julio": the first of the month is often said as a word.
pub(super) fn day_word(word: &str) -> Option<u32> {
    matches!(word, "primero" | "primer").then_some(1)
}

/// "1º", "1ro", "1er", "2do"...
pub(super) fn ordinal(word: &str) -> bool {
    matches!(
        word,
        "º" | "ª" | "o" | "ro" | "er" | "do" | "to" | "vo" | "no"
    )
}

pub(super) fn filler(word: &str) -> bool {
    matches!(word, "a" | "las" | "la" | "el" | "al" | "para")
}

pub(super) fn span_intro(first: Option<&str>, second: Option<&str>) -> usize {
    match (first, second) {
        (Some("dentro"), Some("de")) => 2,
        (Some("en"), _) => 1,
        _ => 0,
    }
}

pub(super) fn unit(word: &str) -> Option<Unit> {
    Some(match word {
        "seg" | "segs" | "segundo" | "segundos" => Unit::Seconds(1),
        "minuto" | "minutos" => Unit::Seconds(60),
        "hs" | "hora" | "horas" => Unit::Seconds(3600),
        "dia" | "dias" => Unit::Days(1),
        "sem" | "semana" | "semanas" => Unit::Days(7),
        _ => return None,
    })
}

/// "una hora", "un día".
pub(super) fn one(word: &str) -> bool {
    matches!(word, "un" | "una" | "uno")
}

pub(super) fn half(word: &str) -> bool {
    matches!(word, "media" | "medio")
}

/// "6pm", "6 p. m." (the lexer splits "p. m." into "p" and "m").
pub(super) fn meridiem(first: &str, second: Option<&str>) -> Option<(Meridiem, usize)> {
    match (first, second) {
        ("am", _) => Some((Meridiem::Am, 1)),
        ("pm", _) => Some((Meridiem::Pm, 1)),
        ("a", Some("m")) => Some((Meridiem::Am, 2)),
        ("p", Some("m")) => Some((Meridiem::Pm, 2)),
        _ => None,
    }
}

pub(super) fn named_time(word: &str) -> Option<Form> {
    match word {
        "mediodia" => Some(Form::Noon),
        "medianoche" => Some(Form::Midnight),
        _ => None,
    }
}

/// "12 del mediodía", "12 de la medianoche".
pub(super) fn before_named_time(first: Option<&str>, second: Option<&str>) -> usize {
    match (first, second) {
        (Some("del"), _) => 1,
        (Some("de"), Some("la")) => 2,
        _ => 0,
    }
}

/// "18h", "18:00 h", "18 hs", "18 horas".
pub(super) fn hour_marker(word: &str) -> bool {
    matches!(word, "h" | "hs" | "hrs" | "hora" | "horas")
}

fn day_part(word: &str) -> Option<DayPeriod> {
    match word {
        "manana" => Some(DayPeriod::Morning),
        "tarde" => Some(DayPeriod::Afternoon),
        "noche" => Some(DayPeriod::Night),
        "madrugada" => Some(DayPeriod::EarlyMorning),
        _ => None,
    }
}

/// "de la tarde", "por la noche", "en la mañana" (Latin America), "a la
/// tarde" (Río de la Plata).
pub(super) fn period(
    first: Option<&str>,
    second: Option<&str>,
    third: Option<&str>,
) -> Option<(DayPeriod, usize)> {
    match (first?, second?) {
        ("de" | "por" | "en" | "a", "la") => Some((day_part(third?)?, 3)),
        _ => None,
    }
}

/// "esta mañana", "esta tarde"; "esta noche" is a day of its own (tonight).
pub(super) fn period_today(
    first: Option<&str>,
    second: Option<&str>,
) -> Option<(DayPeriod, usize)> {
    match (first?, day_part(second?)?) {
        ("esta", DayPeriod::Night) => None,
        ("esta", p) => Some((p, 2)),
        _ => None,
    }
}
