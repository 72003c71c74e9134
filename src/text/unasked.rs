//! The words of what rallybot sends without being asked at that moment: reminders, direct
//! messages about a rally, the note over an edited card, a post for moderators. Each is worded
//! in the language its reader gets (the server's in a channel, the person's in a DM).
use super::Style;
use crate::domain::{CardNote, LocalTime, MovedField, Notice, Rally};
use crate::i18n::Lang;
use crate::service::settings::lead_words_in;
use crate::t;

/// The words of a reminder, above its card.
pub fn reminder(lead: chrono::Duration, rally: &Rally, style: &dyn Style, lang: Lang) -> String {
    let start = LocalTime {
        at: rally.starts_at,
        zone: rally.time_zone,
    };
    let lead_words = lead_words_in(lead, lang);
    let when = match style.relative(start) {
        Some(relative) => format!("{lead_words} ({relative})"),
        None => lead_words,
    };
    t!(
        lang,
        "reminder",
        id = rally.id,
        title = style.text(&rally.title),
        when = when,
        place = style.text(&rally.place_name)
    )
}

/// A direct message about a rally.
pub fn notice(n: &Notice, rally: &Rally, style: &dyn Style, lang: Lang) -> String {
    let (id, title) = (rally.id, style.text(&rally.title));
    let reason = |r: &Option<String>| {
        r.as_deref().map_or(String::new(), |r| {
            format!(" {}", t!(lang, "notice-reason", reason = style.text(r)))
        })
    };
    match n {
        Notice::Changed { fields } => {
            let mut lines = vec![t!(lang, "notice-changed", id = id, title = title.clone())];
            lines.extend(
                fields
                    .iter()
                    .map(|f| format!("- {}", moved_field(f, style, lang))),
            );
            lines.push(t!(lang, "notice-changed-answer", id = id));
            lines.join("\n")
        }
        Notice::Cancelled {
            starts,
            place,
            reason: why,
        } => format!(
            "{}{}",
            t!(
                lang,
                "notice-cancelled",
                id = id,
                title = title,
                starts = style.time(*starts),
                place = style.text(place)
            ),
            reason(why)
        ),
        Notice::Approved => t!(lang, "notice-approved", id = id, title = title),
        Notice::Rejected { reason: why } => format!(
            "{}{}",
            t!(lang, "notice-rejected", id = id, title = title),
            reason(why)
        ),
        Notice::Text { text } => text.clone(),
    }
}

/// One line of a change: what it was, what it is now.
pub fn moved_field(f: &MovedField, style: &dyn Style, lang: Lang) -> String {
    let none = || t!(lang, "moved-none");
    let or_none = |s: &str| {
        if s.is_empty() {
            none()
        } else {
            style.text(s)
        }
    };
    let (id, was, now) = match f {
        MovedField::Start { was, now } => ("moved-start", style.time(*was), style.time(*now)),
        MovedField::End { was, now } => {
            let end = |t: &Option<LocalTime>| t.map_or_else(none, |t| style.time(t));
            ("moved-end", end(was), end(now))
        }
        MovedField::Place { was, now } => ("moved-place", style.text(was), style.text(now)),
        MovedField::Address { was, now } => ("moved-address", or_none(was), or_none(now)),
    };
    t!(lang, id, was = was, now = now)
}

/// The line above a card edited because its rally changed.
pub fn card_note(note: CardNote, rally_id: i64, lang: Lang) -> String {
    match note {
        CardNote::Updated => t!(lang, "card-note-updated", id = rally_id),
        CardNote::Cancelled => t!(lang, "card-note-cancelled", id = rally_id),
    }
}

/// The line over a submission posted for the moderators.
pub fn moderator_post(rally: &Rally, style: &dyn Style, lang: Lang) -> String {
    t!(
        lang,
        "moderator-post",
        id = rally.id,
        organiser = style.user(rally.organiser_id)
    )
}
