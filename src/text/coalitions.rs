//! The words of coalition replies.
use chrono::{DateTime, Utc};

use super::Style;
use crate::i18n::Lang;
use crate::service::coalitions::CoalitionDone;
use crate::t;

pub fn coalition_done(done: &CoalitionDone, style: &dyn Style, lang: Lang) -> String {
    match done {
        CoalitionDone::Created(c) => t!(lang, "coalition-created", name = style.text(&c.name)),
        CoalitionDone::Invited(i) => [
            t!(
                lang,
                "coalition-invited",
                name = style.text(&i.coalition.name),
                expires = until(i.expires_at, lang)
            ),
            i.code.clone(),
            t!(lang, "coalition-invited-join", code = i.code.clone()),
        ]
        .join("\n"),
        CoalitionDone::Joined(c) => t!(lang, "coalition-joined", name = style.text(&c.name)),
        CoalitionDone::Members { coalition, members } => {
            let mut out = t!(
                lang,
                "coalition-members",
                name = style.text(&coalition.name),
                count = members.len()
            );
            for m in members {
                let owner = if m.server_id == coalition.owner_server_id {
                    format!(" {}", t!(lang, "coalition-owner"))
                } else {
                    String::new()
                };
                out.push('\n');
                out.push_str(&t!(
                    lang,
                    "coalition-member",
                    server = style.text(&m.server_name),
                    id = m.server_id.to_string(),
                    owner = owner,
                    joined = when::day_month_in(m.joined_at.date_naive(), lang, true)
                ));
            }
            out
        }
        CoalitionDone::Left(c) => t!(lang, "coalition-left", name = style.text(&c.name)),
        CoalitionDone::Removed { coalition, server } => t!(
            lang,
            "coalition-removed",
            server = style.text(&server.server_name),
            name = style.text(&coalition.name)
        ),
    }
}

/// When an invitation stops working, in UTC: the inviter and the invited may be in any zone.
fn until(at: DateTime<Utc>, lang: Lang) -> String {
    match lang {
        Lang::En => at.format("%B %-d, %Y at %H:%M UTC").to_string(),
        _ => when::local_label_in(at, chrono_tz::UTC, lang),
    }
}
