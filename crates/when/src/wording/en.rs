//! The English wording of errors and notes (US usage: month/day dates,
//! 12-hour clock).
use chrono::{NaiveDateTime, Weekday};
use chrono_tz::Tz;

use crate::error::{Conflict, DateProblem, TimeError, TimeProblem};
use crate::format::{date_words, local_label, month_day_words, time_words};
use crate::note::{DateOrder, Note};
use crate::period::DayPeriod;

/// Example forms shown whenever we cannot read the input at all.
const EXAMPLES: &str = "\"2026-06-30 18:00\", \"6/30 6pm\", \"June 30 at 6:30pm\", \
\"tomorrow 6pm\", \"next thursday 18:30\", \"saturday noon\" or \"in 3 hours\"";

pub(crate) fn error(e: &TimeError) -> String {
    match e {
        TimeError::Empty => format!("Please give a date and start time, for example {EXAMPLES}."),
        TimeError::Unrecognized { input } => {
            format!("I couldn't read \"{input}\" as a date and time. Try {EXAMPLES}.")
        }
        TimeError::MissingTime { input } => format!(
            "\"{input}\" has a day but no start time. Add one, for example \"{input} 6pm\"."
        ),
        TimeError::InvalidDate { reason } => date_problem(reason),
        TimeError::InvalidTime { reason } => time_problem(reason),
        TimeError::AmbiguousHour { hour } => ambiguous_hour(*hour),
        TimeError::Conflicting { reason } => conflict(reason),
        TimeError::NonexistentLocalTime { tz, start, end } => gap(start, end, tz),
        TimeError::OutOfRange => "That is further away than I can handle. Pick something within \
                                  the next few years."
            .into(),
        TimeError::InvalidDuration { input } => format!(
            "I couldn't read \"{input}\" as a length of time. Use forms like \"24h\", \"90m\", \
             \"2d\", \"1h30m\" or \"90 minutes\"."
        ),
    }
}

pub(crate) fn note(n: &Note) -> String {
    match n {
        Note::NumericDate {
            written,
            date,
            order,
        } => format!(
            "\"{written}\" read as {} ({}).",
            month_day_words(*date),
            order_words(*order)
        ),
        Note::RepeatedTime {
            tz,
            local,
            first,
            second,
        } => format!(
            "{} on {} happens twice in {} because clocks fall back; using the first one \
             ({}), not the later one ({}).",
            time_words(local.time()),
            date_words(local.date()),
            tz.name(),
            first.with_timezone(tz).format("%-I:%M %p %Z"),
            second.with_timezone(tz).format("%-I:%M %p %Z"),
        ),
        Note::ForeignOffset {
            input,
            offset,
            utc,
            tz,
        } => format!(
            "\"{input}\" carries its own UTC offset ({offset}); in {} that is {}.",
            tz.name(),
            local_label(*utc, *tz),
        ),
        Note::Both(a, b) => format!("{} {}", note(a), note(b)),
    }
}

fn order_words(order: DateOrder) -> &'static str {
    match order {
        DateOrder::MonthDay => "month/day",
        DateOrder::DayMonth => "day/month",
    }
}

fn date_problem(p: &DateProblem) -> String {
    match p {
        DateProblem::BadYear { written, order } => {
            let like = match order {
                DateOrder::MonthDay => "6/30/2026 or 6/30/26",
                DateOrder::DayMonth => "30/6/2026 or 30/6/26",
            };
            format!("I couldn't read the year in \"{written}\". Write it like {like}.")
        }
        DateProblem::MonthOutOfRange {
            written,
            order,
            first,
            second,
        } => {
            let (day, rule) = match order {
                DateOrder::MonthDay => (second, "month/day (6/30 is June 30)"),
                DateOrder::DayMonth => (first, "day/month (30/6 is June 30)"),
            };
            let hint = if (1..=12).contains(day) {
                format!(" Did you mean {second}/{first}?")
            } else {
                String::new()
            };
            format!(
                "\"{written}\" isn't a date I can read: dates with slashes are {rule}.{hint} \
                 You can also spell the month out: \"June 30\"."
            )
        }
        DateProblem::NoSuchMonth { month } => {
            format!("There is no month {month}: months go from 1 (January) to 12 (December).")
        }
        DateProblem::NotLeapYear { year } => {
            format!("February 29, {year} doesn't exist: {year} isn't a leap year.")
        }
        DateProblem::NoSuchDay {
            month,
            day,
            max,
            at_most,
        } => {
            let name = month_name(*month);
            let most = if *at_most { "at most " } else { "" };
            format!("{name} {day} doesn't exist: {name} has {most}{max} days. Check the date.")
        }
    }
}

fn time_problem(p: &TimeProblem) -> String {
    match p {
        TimeProblem::Minutes { written } => {
            format!("\"{written}\" isn't a time of day: minutes go from 00 to 59.")
        }
        TimeProblem::Hours { written } => format!(
            "\"{written}\" isn't a time of day: hours go from 0 to 23 (or 1 to 12 with am/pm)."
        ),
        TimeProblem::Meridiem { written } => format!(
            "\"{written}\" isn't a time of day: with am/pm the hour goes from 1 to 12 \
             (12am is midnight, 12pm is noon). Or use 24-hour time like 18:30."
        ),
    }
}

fn conflict(c: &Conflict) -> String {
    match c {
        Conflict::ElapsedWithParts => "\"in ... hours/minutes\" counts from now, so it can't be \
                                       combined with a day or time. Use it alone (\"in 3 hours\") \
                                       or give a day and time (\"tomorrow 6pm\")."
            .into(),
        Conflict::TwoTimes { input } => {
            format!("I found more than one time of day in \"{input}\". Give just one start time.")
        }
        Conflict::TwoDays { input } => format!(
            "I found more than one day in \"{input}\". Give just one, e.g. \"June 30 6pm\" or \
             \"next thursday 18:30\"."
        ),
        Conflict::TonightMorning { time } => format!(
            "\"tonight\" means this evening, but {} is in the morning. Say \"today\" or \
             \"tomorrow\" instead.",
            time_words(*time)
        ),
        Conflict::WrongWeekday { date, named } => format!(
            "{} is a {}, not a {}. Check the date.",
            month_day_words(*date),
            date.format("%A"),
            weekday_name(*named)
        ),
        Conflict::PeriodMismatch { time, period } => format!(
            "{} isn't {}. Check the time.",
            time_words(*time),
            period_words(*period)
        ),
    }
}

fn ambiguous_hour(hour: u32) -> String {
    if hour == 12 {
        "Is that 12 noon or 12 midnight? Write \"noon\" or \"midnight\" (or 12pm / 12am).".into()
    } else {
        format!(
            "Is that {hour} in the morning or the evening? Write \"{hour}am\" or \"{hour}pm\", \
             or use 24-hour time like \"{:02}:00\".",
            hour + 12
        )
    }
}

fn gap(start: &NaiveDateTime, end: &NaiveDateTime, tz: &Tz) -> String {
    let from = time_words(start.time());
    let to = time_words(end.time());
    let (span, before, after) = if start.date() == end.date() {
        let span = format!("{from} to {to} on {}", date_words(start.date()));
        (span, from, to)
    } else {
        // Rare: the gap crosses midnight, so each edge needs its own date.
        let before = format!("{from} on {}", date_words(start.date()));
        let after = format!("{to} on {}", date_words(end.date()));
        (format!("{before} to {after}"), before, after)
    };
    format!(
        "{span} doesn't exist in {}: clocks jump forward. Pick a time before {before} or from \
         {after}.",
        tz.name()
    )
}

fn period_words(period: DayPeriod) -> &'static str {
    match period {
        DayPeriod::Morning => "in the morning",
        DayPeriod::Afternoon => "in the afternoon",
        DayPeriod::Night => "at night",
        DayPeriod::EarlyMorning => "in the early hours",
    }
}

fn month_name(month: u32) -> String {
    chrono::NaiveDate::from_ymd_opt(2000, month, 1)
        .map(|d| d.format("%B").to_string())
        .unwrap_or_else(|| month.to_string())
}

fn weekday_name(day: Weekday) -> &'static str {
    use Weekday::*;
    match day {
        Mon => "Monday",
        Tue => "Tuesday",
        Wed => "Wednesday",
        Thu => "Thursday",
        Fri => "Friday",
        Sat => "Saturday",
        Sun => "Sunday",
    }
}
