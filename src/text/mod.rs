//! The words of what rallybot tells people, shared by every front end. The service hands over
//! values (an instant with its zone, a channel id, a note); this module words them once, and
//! a front end's `Style` says how a time, a channel, a role or a piece of typed text is
//! written there: Discord timestamps and mentions, plain words in the console, HTML on a page.
use crate::domain::limits::{CLASH_MILES, CLASH_WINDOW};
use crate::domain::{Clash, FailureKind, LocalTime, OutboxItem, OutboxKind};
use crate::i18n::Lang;
use crate::service::notes::Note;
use crate::service::settings::SettingValue;
use crate::t;

mod actions;
pub mod audit;
pub mod campaigns;
pub mod choices;
pub mod coalitions;
mod errors;
mod expected;
pub mod mydata;
mod place_errors;
mod request;
mod unasked;

pub use errors::{error, span, user_error};
pub use request::request_error;
pub use unasked::{card_note, moderator_post, moved_field, notice, reminder};

/// How values are written in one front end.
pub trait Style {
    /// A rally's time, spelled out in its own zone (and, where the front end can, in each
    /// reader's own zone too).
    fn time(&self, t: LocalTime) -> String;
    /// How far off a time is ("in 2 hours"), where the front end can say it.
    fn relative(&self, t: LocalTime) -> Option<String>;
    fn channel(&self, id: i64) -> String;
    fn role(&self, id: i64) -> String;
    fn user(&self, id: i64) -> String;
    /// Text a person typed, made safe to show as typed.
    fn text(&self, s: &str) -> String;
}

/// Plain words, as logs and the audit log keep them.
pub struct Plain;

impl Style for Plain {
    fn time(&self, t: LocalTime) -> String {
        when::local_label(t.at, t.zone)
    }
    fn relative(&self, _t: LocalTime) -> Option<String> {
        None
    }
    fn channel(&self, id: i64) -> String {
        format!("channel {id}")
    }
    fn role(&self, id: i64) -> String {
        format!("role {id}")
    }
    fn user(&self, id: i64) -> String {
        format!("user {id}")
    }
    fn text(&self, s: &str) -> String {
        s.to_string()
    }
}

/// Said where a front end is handed a page it does not show.
pub fn on_the_web(lang: Lang) -> String {
    t!(lang, "on-the-web")
}

/// A note that came with a reply.
pub fn note(n: &Note, style: &dyn Style, lang: Lang) -> String {
    match n {
        Note::PlaceGuess {
            typed,
            chosen,
            others,
        } => t!(
            lang,
            "note-place-guess",
            typed = style.text(typed),
            chosen = style.text(chosen),
            others = style.text(&others.join("; "))
        ),
        Note::TimeReading(words) => style.text(words),
        Note::Clash(clash) => clash_words_in(clash, style, lang),
    }
}

/// A heads-up about rallies nearby at about the same time.
pub fn clash_words(clash: &[Clash], style: &dyn Style) -> String {
    clash_words_in(clash, style, Lang::En)
}

/// [`clash_words`] in `lang`.
pub fn clash_words_in(clash: &[Clash], style: &dyn Style, lang: Lang) -> String {
    let list: Vec<String> = clash
        .iter()
        .map(|c| {
            format!(
                "#{} {} ({})",
                c.rally_id,
                style.text(&c.title),
                style.text(&c.place)
            )
        })
        .collect();
    t!(
        lang,
        "clash",
        miles = CLASH_MILES.to_string(),
        hours = CLASH_WINDOW.num_hours(),
        rallies = list.join(", ")
    )
}

/// Why an item failed, to moderators.
pub fn failure(item: &OutboxItem) -> String {
    failure_in(item, Lang::En)
}

/// [`failure`] in `lang`: closed direct messages in our words, anything else as Discord (or
/// the outbox) recorded it.
pub fn failure_in(item: &OutboxItem, lang: Lang) -> String {
    match (item.failure, &item.last_error) {
        (Some(FailureKind::DmsClosed), _) => t!(lang, "failure-dms-closed"),
        (_, Some(error)) => error.clone(),
        _ => t!(lang, "failure-unknown"),
    }
}

/// What a person hears, once, of a direct message that could not reach them.
pub fn untold(item: &OutboxItem, lang: Lang) -> String {
    let why = match (item.failure, &item.last_error) {
        (Some(FailureKind::DmsClosed), _) => t!(lang, "untold-dms-closed"),
        // Discord's own reason, as it gave it.
        (_, Some(error)) => error.clone(),
        _ => t!(lang, "untold-refused"),
    };
    let message = match item.kind {
        OutboxKind::PersonalReminder => "untold-reminder",
        _ => "untold-notice",
    };
    t!(lang, message, id = item.rally_id, why = why)
}

/// A shared campaign's count per server: "This server: 3 rallies, 40 going".
pub fn by_server(counts: &[crate::service::overview::ServerCount], lang: Lang) -> Vec<String> {
    counts
        .iter()
        .map(|c| {
            let server = c
                .server
                .clone()
                .unwrap_or_else(|| t!(lang, "by-server-this"));
            t!(
                lang,
                "by-server",
                server = server,
                rallies = c.rallies,
                going = c.going
            )
        })
        .collect()
}

/// A setting's value, for a reader of `lang`.
pub fn setting(value: &SettingValue, style: &dyn Style, lang: Lang) -> String {
    match value {
        SettingValue::Channel(Some(c), _) => style.channel(*c),
        SettingValue::Role(Some(r)) => style.role(*r),
        other => other.words_in(lang),
    }
}

#[cfg(test)]
mod tests;
