//! The words of `/rally mydata`: what is held, and what deleting it did.
use super::Style;
use crate::store::{Forgotten, Held};

/// What rallybot holds about the person, and how long it keeps it.
pub fn held(h: &Held, style: &dyn Style) -> String {
    let mut out = String::from("What rallybot holds about you:\n");
    if h.rsvps.is_empty() {
        out.push_str("- No RSVPs.\n");
    }
    for r in &h.rsvps {
        let reminder = match (r.remind_off, r.remind_before) {
            (true, _) => ", reminder off".to_string(),
            (false, Some(secs)) => format!(
                ", reminder {} before",
                crate::service::settings::lead_words(chrono::Duration::seconds(secs))
            ),
            (false, None) => String::new(),
        };
        out.push_str(&format!(
            "- RSVP {} to #{} {} ({}{reminder}), answered {}\n",
            r.status,
            r.rally_id,
            style.text(&r.title),
            r.starts_at.format("%B %-d, %Y"),
            r.answered_at.format("%B %-d, %Y")
        ));
    }
    for m in &h.messages {
        out.push_str(&format!(
            "- A {} about rally #{}: {}\n",
            m.kind.replace('_', " "),
            m.rally_id,
            m.status
        ));
    }
    for r in &h.organising {
        out.push_str(&format!(
            "- You organise #{} {} ({})\n",
            r.rally_id,
            style.text(&r.title),
            r.status
        ));
    }
    if h.audit_entries > 0 {
        out.push_str(&format!(
            "- {} entries in servers' audit logs of what you did as organiser or moderator\n",
            h.audit_entries
        ));
    }
    out.push_str(
        "Who answered a rally is deleted some days after it ends (30 unless the server set otherwise); the counts stay. /rally mydata action:export gives you all of it as a file; action:delete erases it.",
    );
    out
}

pub fn forgotten(f: &Forgotten) -> String {
    format!(
        "Done: {} RSVPs and {} messages to you are deleted, in every server.{}",
        f.rsvps,
        f.messages,
        if f.rallies > 0 {
            format!(
                " The {} rallies you organised stay, organised by \"a former member\"; their server's moderators can give them a new organiser or cancel them.",
                f.rallies
            )
        } else {
            String::new()
        }
    )
}

pub const CONFIRM_FORGET: &str = "This deletes your RSVPs, your reminders and the messages waiting for you, in every server, and takes your name off the rallies you organise. It can't be undone. Delete everything?";
