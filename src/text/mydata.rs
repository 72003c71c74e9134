//! The words of `/rally mydata`: what is held, and what deleting it did.
use super::Style;
use crate::i18n::Lang;
use crate::store::{Forgotten, Held};
use crate::t;

/// What rallybot holds about the person, and how long it keeps it.
pub fn held(h: &Held, style: &dyn Style, lang: Lang) -> String {
    let date = |at: chrono::DateTime<chrono::Utc>| when::day_month_in(at.date_naive(), lang, true);
    let mut lines = vec![t!(lang, "mydata-title")];
    if h.rsvps.is_empty() {
        lines.push(t!(lang, "mydata-no-rsvps"));
    }
    for r in &h.rsvps {
        let reminder = match (r.remind_off, r.remind_before) {
            (true, _) => t!(lang, "mydata-reminder-off"),
            (false, Some(secs)) => t!(
                lang,
                "mydata-reminder",
                lead =
                    crate::service::settings::lead_words_in(chrono::Duration::seconds(secs), lang)
            ),
            (false, None) => String::new(),
        };
        lines.push(t!(
            lang,
            "mydata-rsvp",
            status = code_words(&r.status, lang),
            id = r.rally_id,
            title = style.text(&r.title),
            starts = date(r.starts_at),
            reminder = reminder,
            answered = date(r.answered_at)
        ));
    }
    for m in &h.messages {
        lines.push(t!(
            lang,
            "mydata-message",
            kind = code_words(&m.kind, lang),
            id = m.rally_id,
            status = code_words(&m.status, lang)
        ));
    }
    for r in &h.organising {
        lines.push(t!(
            lang,
            "mydata-organise",
            id = r.rally_id,
            title = style.text(&r.title),
            status = code_words(&r.status, lang)
        ));
    }
    if h.audit_entries > 0 {
        lines.push(t!(lang, "mydata-audit", count = h.audit_entries));
    }
    lines.push(t!(lang, "mydata-keep"));
    lines.join("\n")
}

pub fn forgotten(f: &Forgotten, lang: Lang) -> String {
    let mut out = t!(
        lang,
        "mydata-forgotten",
        rsvps = f.rsvps,
        messages = f.messages
    );
    if f.rallies > 0 {
        out.push(' ');
        out.push_str(&t!(lang, "mydata-forgotten-rallies", rallies = f.rallies));
    }
    out
}

/// What is asked before everything is deleted.
pub fn confirm_forget(lang: Lang) -> String {
    t!(lang, "mydata-confirm-forget")
}

/// A stored code (an answer, a kind of message, a state) as words; one this version does not
/// know is shown as stored.
fn code_words(code: &str, lang: Lang) -> String {
    let id = match code {
        "going" => "code-going",
        "interested" => "code-interested",
        "channel_reminder" => "code-channel-reminder",
        "personal_reminder" => "code-personal-reminder",
        "notice" => "code-notice",
        "card_edit" => "code-card-edit",
        "moderator_post" => "code-moderator-post",
        "pending" => "code-pending",
        "sending" => "code-sending",
        "sent" => "code-sent",
        "failed" => "code-failed",
        "skipped" => "code-skipped",
        "unknown" => "code-unknown",
        "approved" => "code-approved",
        "rejected" => "code-rejected",
        "cancelled" => "code-cancelled",
        _ => return code.replace('_', " "),
    };
    t!(lang, id)
}
