//! Errors and notes in Spanish: every variant has its own wording, with no
//! English left in it, while the English `Display` is unchanged.
use chrono::{NaiveDate, NaiveTime, Weekday};
use chrono_tz::America::{Chicago, New_York};
use chrono_tz::Europe::Madrid;

use super::super::super::{Conflict, DateOrder, DateProblem, DayPeriod, Lang, Note, TimeProblem};
use super::super::utc;
use super::{es_err, es_ok, TimeError};

const SAT: &str = "2026-11-28T17:00:00Z";

/// Words that would give away an English message (the Spanish ones may
/// still say "am/pm", "UTC" and zone names such as America/New_York).
const ENGLISH: &[&str] = &[
    "the", "and", "or", "is", "isn", "doesn", "couldn", "can", "t", "to", "of", "on", "at", "in",
    "an", "please", "try", "pick", "write", "check", "give", "day", "days", "time", "date",
    "month", "hour", "hours", "minutes", "morning", "evening", "noon", "midnight", "tonight",
    "tomorrow", "today", "january", "february", "june", "november", "december", "monday",
    "tuesday", "saturday", "sunday", "clocks", "jump", "forward", "back",
];

fn assert_spanish(msg: &str) {
    let words = msg
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase);
    for w in words {
        assert!(
            !ENGLISH.contains(&w.as_str()),
            "English word {w:?} in: {msg}"
        );
    }
}

fn every_error() -> Vec<TimeError> {
    let date = |reason| TimeError::InvalidDate { reason };
    let time = |reason| TimeError::InvalidTime { reason };
    let conflict = |reason| TimeError::Conflicting { reason };
    let written = || "25:00".to_string();
    let local = |s: &str| s.parse().expect("test local time");
    vec![
        TimeError::Empty,
        TimeError::Unrecognized {
            input: "cuando sea".into(),
        },
        TimeError::MissingTime {
            input: "mañana".into(),
        },
        date(DateProblem::BadYear {
            written: "30/6/2".into(),
            order: DateOrder::DayMonth,
        }),
        date(DateProblem::MonthOutOfRange {
            written: "6/30".into(),
            order: DateOrder::DayMonth,
            first: 6,
            second: 30,
        }),
        date(DateProblem::NoSuchMonth { month: 13 }),
        date(DateProblem::NotLeapYear { year: 2027 }),
        date(DateProblem::NoSuchDay {
            month: 4,
            day: 31,
            max: 30,
            at_most: false,
        }),
        time(TimeProblem::Minutes {
            written: "6:75".into(),
        }),
        time(TimeProblem::Hours { written: written() }),
        time(TimeProblem::Meridiem {
            written: "13pm".into(),
        }),
        TimeError::AmbiguousHour { hour: 6 },
        TimeError::AmbiguousHour { hour: 12 },
        conflict(Conflict::ElapsedWithParts),
        conflict(Conflict::TwoTimes {
            input: "hoy 18:00 19:00".into(),
        }),
        conflict(Conflict::TwoDays {
            input: "hoy mañana 18:00".into(),
        }),
        conflict(Conflict::TonightMorning {
            time: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
        }),
        conflict(Conflict::WrongWeekday {
            date: NaiveDate::from_ymd_opt(2026, 6, 30).unwrap(),
            named: Weekday::Sat,
        }),
        conflict(Conflict::PeriodMismatch {
            time: NaiveTime::from_hms_opt(18, 0, 0).unwrap(),
            period: DayPeriod::Morning,
        }),
        TimeError::NonexistentLocalTime {
            tz: New_York,
            start: local("2027-03-14T02:00:00"),
            end: local("2027-03-14T03:00:00"),
        },
        TimeError::OutOfRange,
        TimeError::InvalidDuration {
            input: "pronto".into(),
        },
    ]
}

#[test]
fn every_error_has_spanish_words_of_its_own() {
    for e in every_error() {
        let es = e.message(Lang::Es);
        assert_ne!(es, e.to_string(), "{e:?}");
        assert_eq!(e.message(Lang::En), e.to_string(), "{e:?}");
        assert_spanish(&es);
    }
}

#[test]
fn errors_read_naturally_in_spanish() {
    let gap = es_err("14/3/2027 2:30", New_York, SAT);
    assert_eq!(
        gap.message(Lang::Es),
        "En America/New_York, el domingo 14 de marzo de 2027 no existe el horario de las 2:00 \
         a las 3:00: los relojes se adelantan. Elige una hora antes de las 2:00 o a partir de \
         las 3:00."
    );
    // Madrid's gap is 2:00 to 3:00 too; London's starts at one o'clock ("la 1:00").
    let london = TimeError::NonexistentLocalTime {
        tz: chrono_tz::Europe::London,
        start: "2027-03-28T01:00:00".parse().unwrap(),
        end: "2027-03-28T02:00:00".parse().unwrap(),
    };
    assert!(london.message(Lang::Es).contains("de la 1:00 a las 2:00"));
    assert_eq!(
        es_err("mañana a las 6", New_York, SAT).message(Lang::Es),
        "¿Son las 6 de la mañana o de la tarde? Escribe \"6 de la mañana\" o \"6 de la tarde\", \
         o usa el formato de 24 horas, como \"18:00\"."
    );
    assert_eq!(
        es_err("mañana a las 9", New_York, SAT).message(Lang::Es),
        "¿Son las 9 de la mañana o de la noche? Escribe \"9 de la mañana\" o \"9 de la noche\", \
         o usa el formato de 24 horas, como \"21:00\"."
    );
    assert_eq!(
        es_err("mañana", New_York, SAT).message(Lang::Es),
        "\"mañana\" tiene el día, pero falta la hora de inicio. Agrégala, por ejemplo: \
         \"mañana 18:00\"."
    );
    assert_eq!(
        es_err("6/30 18:00", New_York, SAT).message(Lang::Es),
        "\"6/30\" no es una fecha que pueda leer: con barras, va primero el día y después el \
         mes (30/6 es el 30 de junio). ¿Querías decir 30/6? También puedes escribir el mes con \
         letras: \"30 de junio\"."
    );
    assert_eq!(
        es_err("30/2 18:00", New_York, SAT).message(Lang::Es),
        "El 30 de febrero no existe: febrero tiene como máximo 29 días. Revisa la fecha."
    );
    assert_eq!(
        es_err("el jueves 30 de junio 18:00", New_York, SAT).message(Lang::Es),
        "El 30 de junio de 2027 es miércoles, no jueves. Revisa la fecha."
    );
    // The variant is the one the English reader gives for the same mistake.
    assert_eq!(
        es_err("mañana a las 6", New_York, SAT),
        TimeError::AmbiguousHour { hour: 6 }
    );
}

#[test]
fn a_swappable_numeric_date_is_day_first_and_says_so_in_spanish() {
    let w = es_ok("05/06 18:00", New_York, SAT);
    assert_eq!(w.local.to_string(), "2027-06-05 18:00:00");
    let note = w.note.expect("a note on the order");
    assert_eq!(
        note,
        Note::NumericDate {
            written: "05/06".into(),
            date: NaiveDate::from_ymd_opt(2027, 6, 5).unwrap(),
            order: DateOrder::DayMonth,
        }
    );
    assert_eq!(
        note.message(Lang::Es),
        "Leí \"05/06\" como 5 de junio de 2027 (día/mes)."
    );
    assert_eq!(es_ok("6/6 18:00", New_York, SAT).note, None);
    assert_eq!(es_ok("30/6 18:00", New_York, SAT).note, None);
}

#[test]
fn the_fall_back_note_reads_in_spanish() {
    let w = es_ok("7 de noviembre de 2027 a la 1:30", Chicago, SAT);
    assert_eq!(w.utc, utc("2027-11-07T06:30:00Z"));
    let note = w.note.expect("a note on the repeated hour");
    assert!(matches!(note, Note::RepeatedTime { tz, .. } if tz == Chicago));
    assert_eq!(
        note.message(Lang::Es),
        "En America/Chicago, la 1:30 del domingo 7 de noviembre de 2027 ocurre dos veces \
         porque los relojes se atrasan; usé la primera vez (1:30 CDT), no la segunda \
         (1:30 CST)."
    );
    let madrid = es_ok("31 de octubre de 2027 a las 2:30", Madrid, SAT)
        .note
        .unwrap();
    assert_eq!(
        madrid.message(Lang::Es),
        "En Europe/Madrid, las 2:30 del domingo 31 de octubre de 2027 ocurren dos veces \
         porque los relojes se atrasan; usé la primera vez (2:30 CEST), no la segunda \
         (2:30 CET)."
    );
    assert_spanish(&madrid.message(Lang::Es));
}

#[test]
fn two_notes_on_one_reading_both_read_in_spanish() {
    let note = es_ok("7/11 1:30", New_York, SAT).note.unwrap();
    assert!(matches!(note, Note::Both(..)), "{note:?}");
    let msg = note.message(Lang::Es);
    assert!(
        msg.starts_with(
            "Leí \"7/11\" como 7 de noviembre de 2027 (día/mes). En America/New_York, la 1:30"
        ),
        "{msg}"
    );
    assert_spanish(&msg);
}

#[test]
fn the_offset_note_reads_in_spanish() {
    let w = es_ok("2026-12-25T10:00:00-05:00", Chicago, SAT);
    assert_eq!(
        w.note.unwrap().message(Lang::Es),
        "\"2026-12-25T10:00:00-05:00\" trae su propio desfase respecto de UTC (-05:00); en \
         America/Chicago es el viernes, 25 de diciembre de 2026, 9:00 (CST)."
    );
}

#[test]
fn seconds_of_now_are_dropped_in_spanish_too() {
    let now = "2026-11-28T17:00:42Z";
    assert_eq!(
        es_ok("en 90 minutos", New_York, now).utc,
        utc("2026-11-28T18:30:00Z")
    );
    assert_eq!(
        es_ok("mediodía", New_York, now).utc,
        utc("2026-11-28T17:00:00Z")
    );
}
