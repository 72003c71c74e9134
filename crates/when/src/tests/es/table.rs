//! The Spanish table: zone, "now", input, and the local wall-clock time
//! expected with its UTC offset (which pins the instant on a fall-back day),
//! or the kind of error.
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::{es, TimeError};

const NY: Tz = chrono_tz::America::New_York;
const CHI: Tz = chrono_tz::America::Chicago;
const MAD: Tz = chrono_tz::Europe::Madrid;

/// Saturday 2026-11-28 12:00 EST in New York (18:00 CET in Madrid).
const SAT: &str = "2026-11-28T17:00:00Z";
/// Thursday 2027-03-11: 12:00 EST in New York, 11:00 CST in Chicago; the US
/// springs forward on Sunday 2027-03-14 at 2:00.
const US_SPRING: &str = "2027-03-11T17:00:00Z";
/// Thursday 2027-11-04: 12:00 EDT in New York, 11:00 CDT in Chicago; the US
/// falls back on Sunday 2027-11-07 at 2:00.
const US_FALL: &str = "2027-11-04T16:00:00Z";
/// Thursday 2027-03-25 12:00 CET; Madrid springs forward on Sunday
/// 2027-03-28 at 2:00.
const ES_SPRING: &str = "2027-03-25T11:00:00Z";
/// Thursday 2027-10-28 12:00 CEST; Madrid falls back on Sunday 2027-10-31
/// at 3:00 (to 2:00).
const ES_FALL: &str = "2027-10-28T10:00:00Z";
/// 00:30 EST on the US spring-forward day.
const NY_EARLY_SPRING: &str = "2027-03-14T05:30:00Z";
/// 01:30 CST on the US spring-forward day.
const CHI_EARLY_SPRING: &str = "2027-03-14T07:30:00Z";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Want {
    /// Local wall-clock time and its UTC offset: "2027-11-07 01:30 -04:00".
    At(&'static str),
    Gap,
    Ambiguous,
    Missing,
    Unreadable,
    BadDate,
    BadTime,
    Conflict,
}
use Want::*;

// One row to a line, so that the table reads as a table.
#[rustfmt::skip]
const CASES: &[(Tz, &str, &str, Want)] = &[
    // The forms people type, from Saturday noon in New York.
    (NY, SAT,              "mañana 18:00",                            At("2026-11-29 18:00 -05:00")),
    (NY, SAT,              "mañana a las 6pm",                        At("2026-11-29 18:00 -05:00")),
    (NY, SAT,              "Mañana a las 6 de la tarde",              At("2026-11-29 18:00 -05:00")),
    (NY, SAT,              "manana 6 p. m.",                          At("2026-11-29 18:00 -05:00")),
    (NY, SAT,              "mañana 18:00 h",                          At("2026-11-29 18:00 -05:00")),
    (NY, SAT,              "mañana 18h30",                            At("2026-11-29 18:30 -05:00")),
    (NY, SAT,              "hoy 20:00",                               At("2026-11-28 20:00 -05:00")),
    (NY, SAT,              "esta noche",                              At("2026-11-28 20:00 -05:00")),
    (NY, SAT,              "esta noche a las 9",                      At("2026-11-28 21:00 -05:00")),
    (NY, SAT,              "esta tarde a las 5",                      At("2026-11-28 17:00 -05:00")),
    (NY, SAT,              "mañana por la mañana a las 9",            At("2026-11-29 09:00 -05:00")),
    (NY, SAT,              "mañana a las 9 de la noche",              At("2026-11-29 21:00 -05:00")),
    (NY, SAT,              "el jueves 18:30",                         At("2026-12-03 18:30 -05:00")),
    (NY, SAT,              "jueves 18:30",                            At("2026-12-03 18:30 -05:00")),
    (NY, SAT,              "Miércoles 19:00",                         At("2026-12-02 19:00 -05:00")),
    (NY, SAT,              "30 de junio 18:00",                       At("2027-06-30 18:00 -04:00")),
    (NY, SAT,              "30 de junio a las 18:30",                 At("2027-06-30 18:30 -04:00")),
    (NY, SAT,              "15 de setiembre 18h",                     At("2027-09-15 18:00 -04:00")),
    (NY, SAT,              "1º de julio de 2027 a las 18:00",         At("2027-07-01 18:00 -04:00")),
    (NY, SAT,              "ayer 18:00",                              At("2026-11-27 18:00 -05:00")),
    (NY, SAT,              "pasado mañana 18:00",                     At("2026-11-30 18:00 -05:00")),
    (NY, SAT,              "tomorrow 6pm",                            At("2026-11-29 18:00 -05:00")),
    // Numeric dates are day first; no year means the next occurrence.
    (NY, SAT,              "5/6 18:00",                               At("2027-06-05 18:00 -04:00")),
    (NY, SAT,              "6/5 18:00",                               At("2027-05-06 18:00 -04:00")),
    (NY, SAT,              "30/6 18:00",                              At("2027-06-30 18:00 -04:00")),
    (NY, SAT,              "30/06/2027 18:00",                        At("2027-06-30 18:00 -04:00")),
    (NY, SAT,              "25/12/26 10:00",                          At("2026-12-25 10:00 -05:00")),
    (NY, SAT,              "1/12 19:00",                              At("2026-12-01 19:00 -05:00")),
    (NY, SAT,              "28/11 11:00",                             At("2027-11-28 11:00 -05:00")),
    (NY, SAT,              "6/30 18:00",                              BadDate),
    // "próximo" / "que viene" on every weekday, from a Saturday: the first
    // such day after today, never today itself.
    (NY, SAT,              "próximo lunes 18:00",                     At("2026-11-30 18:00 -05:00")),
    (NY, SAT,              "martes que viene 18:00",                  At("2026-12-01 18:00 -05:00")),
    (NY, SAT,              "el próximo miércoles a las 18:00",        At("2026-12-02 18:00 -05:00")),
    (NY, SAT,              "jueves que viene 18:30",                  At("2026-12-03 18:30 -05:00")),
    (NY, SAT,              "el viernes próximo 18:00",                At("2026-12-04 18:00 -05:00")),
    (NY, SAT,              "próximo sábado mediodía",                 At("2026-12-05 12:00 -05:00")),
    (NY, SAT,              "el próximo sábado al mediodía",           At("2026-12-05 12:00 -05:00")),
    (NY, SAT,              "domingo que viene 10am",                  At("2026-11-29 10:00 -05:00")),
    // A plain weekday is today while its time has not passed.
    (NY, SAT,              "el sábado 18:00",                         At("2026-11-28 18:00 -05:00")),
    (NY, SAT,              "sabado 11:00",                            At("2026-12-05 11:00 -05:00")),
    (MAD, ES_FALL,          "jueves 19:00",                            At("2027-10-28 19:00 +02:00")),
    (MAD, ES_FALL,          "próximo jueves 19:00",                    At("2027-11-04 19:00 +01:00")),
    // Midnight and noon; "12 de la mañana" is noon, "12 de la noche" midnight.
    (NY, SAT,              "medianoche",                              At("2026-11-29 00:00 -05:00")),
    (NY, SAT,              "mediodía",                                At("2026-11-28 12:00 -05:00")),
    (NY, SAT,              "mañana a medianoche",                     At("2026-11-29 00:00 -05:00")),
    (NY, SAT,              "mañana al mediodía",                      At("2026-11-29 12:00 -05:00")),
    (NY, SAT,              "mañana a las 12 del mediodía",            At("2026-11-29 12:00 -05:00")),
    (NY, SAT,              "mañana a las 12 de la mañana",            At("2026-11-29 12:00 -05:00")),
    (NY, SAT,              "esta noche a las 12 de la noche",         At("2026-11-29 00:00 -05:00")),
    (NY, SAT,              "30 de junio a medianoche",                At("2027-06-30 00:00 -04:00")),
    // Spans from now.
    (NY, SAT,              "en 3 horas",                              At("2026-11-28 15:00 -05:00")),
    (NY, SAT,              "en 90 minutos",                           At("2026-11-28 13:30 -05:00")),
    (NY, SAT,              "dentro de media hora",                    At("2026-11-28 12:30 -05:00")),
    (NY, SAT,              "en 2 horas y media",                      At("2026-11-28 14:30 -05:00")),
    (NY, SAT,              "dentro de 2 días a las 18:00",            At("2026-11-30 18:00 -05:00")),
    (NY, SAT,              "en una semana",                           At("2026-12-05 12:00 -05:00")),
    (MAD, SAT,              "mañana 19:00",                            At("2026-11-29 19:00 +01:00")),
    // US spring-forward, Sunday 2027-03-14: 2:00 to 3:00 does not exist.
    (NY, US_SPRING,        "domingo 2:30",                            Gap),
    (NY, US_SPRING,        "14/3/2027 3:00",                          At("2027-03-14 03:00 -04:00")),
    (NY, US_SPRING,        "14 de marzo a la 1:59 de la madrugada",   At("2027-03-14 01:59 -05:00")),
    (NY, US_SPRING,        "en 3 días",                               At("2027-03-14 12:00 -04:00")),
    (CHI, US_SPRING,        "el domingo a las 2:15 de la madrugada",   Gap),
    (CHI, US_SPRING,        "sábado 23:30",                            At("2027-03-13 23:30 -06:00")),
    // Elapsed time across the jump: 00:30 EST plus three hours is 04:30 EDT.
    (NY, NY_EARLY_SPRING,  "en 3 horas",                              At("2027-03-14 04:30 -04:00")),
    (CHI, CHI_EARLY_SPRING, "dentro de 1 hora",                        At("2027-03-14 03:30 -05:00")),
    // US fall-back, Sunday 2027-11-07: 1:00 to 2:00 happens twice; the first.
    (NY, US_FALL,          "domingo 1:30 de la madrugada",            At("2027-11-07 01:30 -04:00")),
    (NY, US_FALL,          "7/11 1:30",                               At("2027-11-07 01:30 -04:00")),
    (NY, US_FALL,          "domingo 18:00",                           At("2027-11-07 18:00 -05:00")),
    (CHI, US_FALL,          "7 de noviembre a la 1:30",                At("2027-11-07 01:30 -05:00")),
    (CHI, US_FALL,          "domingo 2:30",                            At("2027-11-07 02:30 -06:00")),
    // Madrid, for es-ES: 2:00 to 3:00 skipped on 2027-03-28, and 2:00 to
    // 3:00 repeated on 2027-10-31.
    (MAD, ES_SPRING,        "28/3 2:30",                               Gap),
    (MAD, ES_SPRING,        "domingo 3:00",                            At("2027-03-28 03:00 +02:00")),
    (MAD, ES_SPRING,        "domingo a la 1:59",                       At("2027-03-28 01:59 +01:00")),
    (MAD, ES_SPRING,        "sábado 20:00",                            At("2027-03-27 20:00 +01:00")),
    (MAD, ES_FALL,          "31/10 2:30",                              At("2027-10-31 02:30 +02:00")),
    (MAD, ES_FALL,          "el domingo 31 de octubre a las 2:59",     At("2027-10-31 02:59 +02:00")),
    (MAD, ES_FALL,          "domingo 3:00",                            At("2027-10-31 03:00 +01:00")),
    (MAD, ES_FALL,          "pasado mañana 10:00",                     At("2027-10-30 10:00 +02:00")),
    // Refused, as in English.
    (NY, SAT,              "mañana a las 6",                          Ambiguous),
    (NY, SAT,              "mañana a las 12",                         Ambiguous),
    (NY, SAT,              "mañana",                                  Missing),
    (NY, SAT,              "el próximo jueves",                       Missing),
    (NY, SAT,              "cuando sea",                              Unreadable),
    (NY, SAT,              "mañana 25:00",                            BadTime),
    (NY, SAT,              "mañana a las 18 de la mañana",            BadTime),
    (NY, SAT,              "30/2 18:00",                              BadDate),
    (NY, SAT,              "en 3 horas mañana",                       Conflict),
    (NY, SAT,              "mañana por la mañana a las 18:00",        Conflict),
    (NY, SAT,              "esta noche a las 9 de la mañana",         Conflict),
    (NY, SAT,              "el jueves 30 de junio 18:00",             Conflict),
];

fn kind(e: &TimeError) -> Want {
    match e {
        TimeError::NonexistentLocalTime { .. } => Gap,
        TimeError::AmbiguousHour { .. } => Ambiguous,
        TimeError::MissingTime { .. } => Missing,
        TimeError::Unrecognized { .. } | TimeError::Empty => Unreadable,
        TimeError::InvalidDate { .. } => BadDate,
        TimeError::InvalidTime { .. } => BadTime,
        TimeError::Conflicting { .. } => Conflict,
        other => panic!("no table kind for {other:?}"),
    }
}

/// The local time and the instant an `At` names.
fn at(want: &str) -> (String, DateTime<Utc>) {
    let t = DateTime::parse_from_str(want, "%Y-%m-%d %H:%M %:z").expect("table time");
    (
        t.format("%Y-%m-%d %H:%M").to_string(),
        t.with_timezone(&Utc),
    )
}

#[test]
fn spanish_table_gives_local_times_and_instants() {
    assert!(CASES.len() >= 40);
    let failures: Vec<String> = CASES
        .iter()
        .filter_map(|&(tz, now, input, want)| {
            let got = match es(input, tz, now) {
                Ok(w) => {
                    let local = w.local.format("%Y-%m-%d %H:%M").to_string();
                    match want {
                        At(t) if at(t) == (local.clone(), w.utc) => return None,
                        _ => format!("{local} ({})", w.utc),
                    }
                }
                Err(e) if kind(&e) == want => return None,
                Err(e) => format!("{e:?}"),
            };
            Some(format!(
                "{input:?} in {tz} at {now}: got {got}, want {want:?}"
            ))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
