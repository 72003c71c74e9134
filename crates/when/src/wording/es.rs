//! The Spanish wording of errors, notes and times.
//!
//! Form of address: "tú" throughout ("escribe", "elige", "revisa"). rallybot
//! talks with people in a Discord chat among fellow organisers, where "tú" is
//! the norm (Discord's own Spanish uses it); "usted" would read as a formal
//! notice. Vocabulary is the neutral Spanish that US organisations use
//! ("agrega", not "añade"). The clock is 24-hour ("18:30"), and day names and
//! month names are lower-case, as Spanish writes them.
use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Utc, Weekday};
use chrono_tz::Tz;

use crate::error::{Conflict, DateProblem, TimeError, TimeProblem};
use crate::note::{DateOrder, Note};
use crate::period::DayPeriod;

/// Example forms shown whenever we cannot read the input at all.
const EJEMPLOS: &str = "\"30/6 18:00\", \"30 de junio a las 18:30\", \
\"mañana a las 6 de la tarde\", \"el próximo jueves 18:30\", \"sábado al mediodía\" \
o \"en 3 horas\"";

pub(crate) fn error(e: &TimeError) -> String {
    match e {
        TimeError::Empty => {
            format!("Indica la fecha y la hora de inicio, por ejemplo {EJEMPLOS}.")
        }
        TimeError::Unrecognized { input } => {
            format!("No entendí \"{input}\" como fecha y hora. Prueba con {EJEMPLOS}.")
        }
        TimeError::MissingTime { input } => format!(
            "\"{input}\" tiene el día, pero falta la hora de inicio. Agrégala, por ejemplo: \
             \"{input} 18:00\"."
        ),
        TimeError::InvalidDate { reason } => date_problem(reason),
        TimeError::InvalidTime { reason } => time_problem(reason),
        TimeError::AmbiguousHour { hour } => ambiguous_hour(*hour),
        TimeError::Conflicting { reason } => conflict(reason),
        TimeError::NonexistentLocalTime { tz, start, end } => gap(start, end, tz),
        TimeError::OutOfRange => "Esa fecha queda más lejos de lo que puedo calcular. Elige \
                                  algo dentro de los próximos años."
            .into(),
        TimeError::InvalidDuration { input } => format!(
            "No entendí \"{input}\" como una duración. Usa formas como \"30 minutos\", \
             \"2 horas\", \"1 día\", \"24h\", \"90m\" o \"1h30m\"."
        ),
    }
}

pub(crate) fn note(n: &Note) -> String {
    match n {
        Note::NumericDate {
            written,
            date,
            order,
        } => {
            let order = match order {
                DateOrder::DayMonth => "día/mes",
                DateOrder::MonthDay => "mes/día",
            };
            format!(
                "Leí \"{written}\" como {} ({order}).",
                day_month_year(*date)
            )
        }
        Note::RepeatedTime {
            tz,
            local,
            first,
            second,
        } => {
            let verb = if local.hour() == 1 {
                "ocurre"
            } else {
                "ocurren"
            };
            format!(
                "En {}, {} del {} {verb} dos veces porque los relojes se atrasan; usé la \
                 primera vez ({}), no la segunda ({}).",
                tz.name(),
                las(local.time()),
                full_date(local.date()),
                clock_zone(first, tz),
                clock_zone(second, tz),
            )
        }
        Note::ForeignOffset {
            input,
            offset,
            utc,
            tz,
        } => format!(
            "\"{input}\" trae su propio desfase respecto de UTC ({offset}); en {} es el {}.",
            tz.name(),
            label(*utc, *tz),
        ),
        Note::Both(a, b) => format!("{} {}", note(a), note(b)),
    }
}

/// "jueves, 10 de diciembre de 2026, 18:00 (CST)".
pub(crate) fn label(utc: DateTime<Utc>, tz: Tz) -> String {
    let local = utc.with_timezone(&tz);
    format!(
        "{}, {}, {} ({})",
        weekday_name(local.weekday()),
        day_month_year(local.date_naive()),
        clock(local.time()),
        local.format("%Z"),
    )
}

fn date_problem(p: &DateProblem) -> String {
    match p {
        DateProblem::BadYear { written, order } => {
            let like = match order {
                DateOrder::DayMonth => "30/6/2027 o 30/6/27",
                DateOrder::MonthDay => "6/30/2027 o 6/30/27",
            };
            format!("No entendí el año en \"{written}\". Escríbelo así: {like}.")
        }
        DateProblem::MonthOutOfRange {
            written,
            order,
            first,
            second,
        } => {
            let (day, rule) = match order {
                DateOrder::DayMonth => (
                    first,
                    "va primero el día y después el mes (30/6 es el 30 de junio)",
                ),
                DateOrder::MonthDay => (
                    second,
                    "va primero el mes y después el día (6/30 es el 30 de junio)",
                ),
            };
            let hint = if (1..=12).contains(day) {
                format!(" ¿Querías decir {second}/{first}?")
            } else {
                String::new()
            };
            format!(
                "\"{written}\" no es una fecha que pueda leer: con barras, {rule}.{hint} También \
                 puedes escribir el mes con letras: \"30 de junio\"."
            )
        }
        DateProblem::NoSuchMonth { month } => {
            format!("No existe el mes {month}: los meses van del 1 (enero) al 12 (diciembre).")
        }
        DateProblem::NotLeapYear { year } => {
            format!("El 29 de febrero de {year} no existe: {year} no es un año bisiesto.")
        }
        DateProblem::NoSuchDay {
            month,
            day,
            max,
            at_most,
        } => {
            let name = month_name(*month);
            let most = if *at_most { "como máximo " } else { "" };
            format!("El {day} de {name} no existe: {name} tiene {most}{max} días. Revisa la fecha.")
        }
    }
}

fn time_problem(p: &TimeProblem) -> String {
    match p {
        TimeProblem::Minutes { written } => {
            format!("\"{written}\" no es una hora válida: los minutos van de 00 a 59.")
        }
        TimeProblem::Hours { written } => format!(
            "\"{written}\" no es una hora válida: las horas van de 0 a 23 (o de 1 a 12 con \
             am/pm)."
        ),
        TimeProblem::Meridiem { written } => format!(
            "\"{written}\" no es una hora válida: con am/pm o con \"de la mañana\", \"de la \
             tarde\" o \"de la noche\", la hora va de 1 a 12 (12am es medianoche; 12pm, \
             mediodía). También puedes usar el formato de 24 horas, como 18:30."
        ),
    }
}

fn conflict(c: &Conflict) -> String {
    match c {
        Conflict::ElapsedWithParts => "\"En ... horas/minutos\" cuenta desde ahora, así que no \
                                       se puede combinar con un día ni con una hora. Úsalo solo \
                                       (\"en 3 horas\") o indica el día y la hora (\"mañana a \
                                       las 18:00\")."
            .into(),
        Conflict::TwoTimes { input } => {
            format!("Encontré más de una hora en \"{input}\". Indica una sola hora de inicio.")
        }
        Conflict::TwoDays { input } => format!(
            "Encontré más de un día en \"{input}\". Indica uno solo, por ejemplo \"30 de junio \
             18:00\" o \"el próximo jueves 18:30\"."
        ),
        Conflict::TonightMorning { time } => format!(
            "\"Esta noche\" es por la noche, pero {} {} de la mañana. Escribe \"hoy\" o \
             \"mañana\".",
            las(*time),
            if time.hour() == 1 { "es" } else { "son" }
        ),
        Conflict::WrongWeekday { date, named } => format!(
            "El {} es {}, no {}. Revisa la fecha.",
            day_month_year(*date),
            weekday_name(date.weekday()),
            weekday_name(*named)
        ),
        Conflict::PeriodMismatch { time, period } => {
            let (article, verb) = if time.hour() == 1 {
                ("La", "es")
            } else {
                ("Las", "son")
            };
            format!(
                "{article} {} no {verb} {}. Revisa la hora.",
                clock(*time),
                period_words(*period)
            )
        }
    }
}

fn ambiguous_hour(hour: u32) -> String {
    if hour == 12 {
        return "¿Las 12 del mediodía o de la medianoche? Escribe \"mediodía\" o \"medianoche\" \
                (o 12pm / 12am)."
            .into();
    }
    let (verb, article) = if hour == 1 {
        ("Es", "la")
    } else {
        ("Son", "las")
    };
    // Spanish calls 8 to 11 pm "de la noche", not "de la tarde".
    let evening = if hour <= 7 { "tarde" } else { "noche" };
    format!(
        "¿{verb} {article} {hour} de la mañana o de la {evening}? Escribe \"{hour} de la \
         mañana\" o \"{hour} de la {evening}\", o usa el formato de 24 horas, como \"{}:00\".",
        hour + 12
    )
}

fn gap(start: &NaiveDateTime, end: &NaiveDateTime, tz: &Tz) -> String {
    let from = las(start.time());
    let to = las(end.time());
    let (span, before, after) = if start.date() == end.date() {
        let span = format!(
            ", el {} no existe el horario de {from} a {to}",
            full_date(start.date())
        );
        (span, from, to)
    } else {
        // Rare: the gap crosses midnight, so each edge needs its own date.
        let before = format!("{from} del {}", full_date(start.date()));
        let after = format!("{to} del {}", full_date(end.date()));
        (
            format!(" no existe el horario de {before} a {after}"),
            before,
            after,
        )
    };
    format!(
        "En {}{span}: los relojes se adelantan. Elige una hora antes de {before} o a partir \
         de {after}.",
        tz.name()
    )
}

fn period_words(period: DayPeriod) -> &'static str {
    match period {
        DayPeriod::Morning => "de la mañana",
        DayPeriod::Afternoon => "de la tarde",
        DayPeriod::Night => "de la noche",
        DayPeriod::EarlyMorning => "de la madrugada",
    }
}

/// "18:30", "2:00": the 24-hour clock without a leading zero.
fn clock(time: NaiveTime) -> String {
    time.format("%-H:%M").to_string()
}

/// "las 2:00", "la 1:30": Spanish says the hour with its article, singular
/// for one o'clock.
fn las(time: NaiveTime) -> String {
    let article = if time.hour() == 1 { "la" } else { "las" };
    format!("{article} {}", clock(time))
}

/// "1:30 EDT".
fn clock_zone(at: &DateTime<Utc>, tz: &Tz) -> String {
    let local = at.with_timezone(tz);
    format!("{} {}", clock(local.time()), local.format("%Z"))
}

/// "domingo 14 de marzo de 2027".
pub(crate) fn full_date(date: NaiveDate) -> String {
    format!("{} {}", weekday_name(date.weekday()), day_month_year(date))
}

/// "domingo, 14 de marzo de 2027", as a page heads a day.
pub(crate) fn weekday_date(date: NaiveDate) -> String {
    format!("{}, {}", weekday_name(date.weekday()), day_month_year(date))
}

/// "14 de marzo".
pub(crate) fn day_month(date: NaiveDate) -> String {
    format!("{} de {}", date.day(), month_name(date.month()))
}

/// "14 de marzo de 2027".
pub(crate) fn day_month_year(date: NaiveDate) -> String {
    format!(
        "{} de {} de {}",
        date.day(),
        month_name(date.month()),
        date.year()
    )
}

fn month_name(month: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ];
    month
        .checked_sub(1)
        .and_then(|i| NAMES.get(i as usize))
        .copied()
        .unwrap_or("?")
}

fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "lunes",
        Weekday::Tue => "martes",
        Weekday::Wed => "miércoles",
        Weekday::Thu => "jueves",
        Weekday::Fri => "viernes",
        Weekday::Sat => "sábado",
        Weekday::Sun => "domingo",
    }
}
