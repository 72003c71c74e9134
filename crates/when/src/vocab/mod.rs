//! The words the reader knows, by language. English lists live here; the
//! Spanish ones in `es.rs`. With Spanish, English words are also accepted
//! where they cannot be mistaken for Spanish ones, since people mix the two
//! ("mañana 6pm", "next sábado"); numeric dates stay day first.
//!
//! Words arrive lower-cased with accents and ñ folded away (see `lexer`).
mod es;

use chrono::Weekday;

use super::clock::{Form, Meridiem};
use super::date::DateSpec;
use super::lexer::Tok;
use super::period::DayPeriod;
use super::Lang;

/// A unit of length of time: whole days, or seconds for clock units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Days(i64),
    Seconds(i64),
}

/// The word at `i`, if that token is a word.
fn word_at(toks: &[Tok], i: usize) -> Option<&str> {
    toks.get(i).and_then(Tok::word)
}

/// Spanish first, then English, for lookups where the two cannot collide.
fn either<T>(lang: Lang, es: impl Fn() -> Option<T>, en: impl Fn() -> Option<T>) -> Option<T> {
    match lang {
        Lang::En => en(),
        Lang::Es => es().or_else(en),
    }
}

pub(crate) fn month(word: &str, lang: Lang) -> Option<u32> {
    either(lang, || es::month(word), || en_month(word))
}

pub(crate) fn weekday(word: &str, lang: Lang) -> Option<Weekday> {
    either(lang, || es::weekday(word), || en_weekday(word))
}

/// A word before a weekday: `Some(true)` for "next", `Some(false)` for "this".
pub(crate) fn weekday_prefix(word: &str, lang: Lang) -> Option<bool> {
    let en = || match word {
        "next" => Some(true),
        "this" | "coming" => Some(false),
        _ => None,
    };
    either(lang, || es::weekday_prefix(word), en)
}

/// How many tokens after a weekday make it "next" ("sábado que viene").
pub(crate) fn weekday_suffix(toks: &[Tok], lang: Lang) -> usize {
    match lang {
        Lang::En => 0,
        Lang::Es => es::weekday_suffix(word_at(toks, 0), word_at(toks, 1)),
    }
}

/// "today", "tomorrow", "esta noche", "pasado mañana": a day named relative
/// to today, and how many tokens it took.
pub(crate) fn relative_day(toks: &[Tok], lang: Lang) -> Option<(DateSpec, usize)> {
    let first = word_at(toks, 0)?;
    let en = || {
        let spec = match first {
            "today" => DateSpec::Today,
            "tonight" | "tonite" => DateSpec::Tonight,
            "tomorrow" | "tmrw" | "tmr" | "tomorow" | "tommorow" | "tommorrow" => {
                DateSpec::Tomorrow
            }
            "yesterday" => DateSpec::Yesterday,
            _ => return None,
        };
        Some((spec, 1))
    };
    either(lang, || es::relative_day(first, word_at(toks, 1)), en)
}

/// A day written as a word instead of a number ("primero de julio").
pub(crate) fn day_word(word: &str, lang: Lang) -> Option<u32> {
    either(lang, || es::day_word(word), || None)
}

/// An ordinal suffix after a day number ("30th", "1º").
pub(crate) fn ordinal(word: &str, lang: Lang) -> bool {
    let en = matches!(word, "st" | "nd" | "rd" | "th");
    en || (lang == Lang::Es && es::ordinal(word))
}

/// The word between a day and its month ("30th of June", "30 de junio").
pub(crate) fn day_of_month(word: &str, lang: Lang) -> bool {
    word == "of" || (lang == Lang::Es && word == "de")
}

/// The word between a month and its year ("30 de junio de 2027").
pub(crate) fn month_of_year(word: &str, lang: Lang) -> bool {
    lang == Lang::Es && matches!(word, "de" | "del")
}

/// Words that carry no meaning here: "June 30 at 6pm", "el jueves a las
/// 18:30", and the "T" of "2026-06-30T18:00".
pub(crate) fn filler(word: &str, lang: Lang) -> bool {
    let en = matches!(word, "at" | "on" | "t" | "the");
    en || (lang == Lang::Es && es::filler(word))
}

/// How many tokens open a span counted from now: "in", "en", "dentro de".
pub(crate) fn span_intro(toks: &[Tok], lang: Lang) -> usize {
    let en = usize::from(word_at(toks, 0) == Some("in"));
    match lang {
        Lang::En => en,
        Lang::Es => es::span_intro(word_at(toks, 0), word_at(toks, 1)).max(en),
    }
}

pub(crate) fn unit(word: &str, lang: Lang) -> Option<Unit> {
    let en = || {
        Some(match word {
            "s" | "sec" | "secs" | "second" | "seconds" => Unit::Seconds(1),
            "m" | "min" | "mins" | "minute" | "minutes" => Unit::Seconds(60),
            "h" | "hr" | "hrs" | "hour" | "hours" => Unit::Seconds(3600),
            "d" | "day" | "days" => Unit::Days(1),
            "w" | "wk" | "wks" | "week" | "weeks" => Unit::Days(7),
            _ => return None,
        })
    };
    either(lang, || es::unit(word), en)
}

/// A word that counts as one of a unit: "an hour", "una hora".
pub(crate) fn count_word(word: &str, lang: Lang) -> Option<i64> {
    let en = matches!(word, "a" | "an");
    (en || (lang == Lang::Es && es::one(word))).then_some(1)
}

/// "media hora", "dos horas y media".
pub(crate) fn half(word: &str, lang: Lang) -> bool {
    lang == Lang::Es && es::half(word)
}

/// The word joining parts of a span: "1 hour and 30 minutes", "1 hora y 30".
pub(crate) fn joiner(word: &str, lang: Lang) -> bool {
    word == "and" || (lang == Lang::Es && word == "y")
}

/// am/pm after a time, and how many tokens it took. Spanish takes "a. m."
/// (two tokens) but not a lone "a", which there means "at".
pub(crate) fn meridiem(toks: &[Tok], lang: Lang) -> Option<(Meridiem, usize)> {
    let first = word_at(toks, 0)?;
    match lang {
        Lang::En => match first {
            "am" | "a" => Some((Meridiem::Am, 1)),
            "pm" | "p" => Some((Meridiem::Pm, 1)),
            _ => None,
        },
        Lang::Es => es::meridiem(first, word_at(toks, 1)),
    }
}

/// "noon", "midnight", "mediodía", "medianoche".
pub(crate) fn named_time(word: &str, lang: Lang) -> Option<Form> {
    let en = || match word {
        "noon" | "midday" => Some(Form::Noon),
        "midnight" => Some(Form::Midnight),
        _ => None,
    };
    either(lang, || es::named_time(word), en)
}

/// How many tokens link "12" to "mediodía" ("12 del mediodía").
pub(crate) fn before_named_time(toks: &[Tok], lang: Lang) -> usize {
    match lang {
        Lang::En => 0,
        Lang::Es => es::before_named_time(word_at(toks, 0), word_at(toks, 1)),
    }
}

/// The "h" of "18h", "18:00 h", "18 horas": marks 24-hour time.
pub(crate) fn hour_marker(word: &str, lang: Lang) -> bool {
    lang == Lang::Es && es::hour_marker(word)
}

/// A part of the day: "de la tarde", "por la noche"; and its token count.
pub(crate) fn period(toks: &[Tok], lang: Lang) -> Option<(DayPeriod, usize)> {
    match lang {
        Lang::En => None,
        Lang::Es => es::period(word_at(toks, 0), word_at(toks, 1), word_at(toks, 2)),
    }
}

/// A part of today: "esta tarde", "esta mañana"; and its token count.
pub(crate) fn period_today(toks: &[Tok], lang: Lang) -> Option<(DayPeriod, usize)> {
    match lang {
        Lang::En => None,
        Lang::Es => es::period_today(word_at(toks, 0), word_at(toks, 1)),
    }
}

fn en_month(word: &str) -> Option<u32> {
    Some(match word {
        "jan" | "january" => 1,
        "feb" | "february" => 2,
        "mar" | "march" => 3,
        "apr" | "april" => 4,
        "may" => 5,
        "jun" | "june" => 6,
        "jul" | "july" => 7,
        "aug" | "august" => 8,
        "sep" | "sept" | "september" => 9,
        "oct" | "october" => 10,
        "nov" | "november" => 11,
        "dec" | "december" => 12,
        _ => return None,
    })
}

fn en_weekday(word: &str) -> Option<Weekday> {
    Some(match word {
        "mon" | "monday" => Weekday::Mon,
        "tue" | "tues" | "tuesday" => Weekday::Tue,
        "wed" | "weds" | "wednesday" => Weekday::Wed,
        "thu" | "thur" | "thurs" | "thursday" => Weekday::Thu,
        "fri" | "friday" => Weekday::Fri,
        "sat" | "saturday" => Weekday::Sat,
        "sun" | "sunday" => Weekday::Sun,
        _ => return None,
    })
}
