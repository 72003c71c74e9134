//! `/rallymod log`: audit entries, newest first, a page at a time.
use serenity::all::{Colour, CreateEmbed};

use super::{Reply, PAGE_SIZE};
use crate::discord::components::ListSource;
use crate::discord::escape::{limit, markdown};
use crate::discord::style::timestamp as discord_timestamp;
use crate::domain::AuditEntry;
use crate::i18n::Lang;
use crate::t;
use crate::text::audit;

/// A page of the log for a moderator reading `lang`. Times are Discord timestamps, which each
/// client shows in its own language and zone.
pub fn log(rally: Option<i64>, entries: &[AuditEntry], page: usize, lang: Lang) -> Reply {
    let title = audit::title(rally, lang);
    if entries.is_empty() {
        return Reply::text(t!(lang, "log-empty", title = title), true);
    }
    let p = super::page::page(entries, page, PAGE_SIZE, lang);
    let mut embed = CreateEmbed::new()
        .title(t!(lang, "list-count", title = title, count = entries.len()))
        .colour(Colour::BLUE);
    for e in p.shown {
        embed = embed.field(name(e, lang), value(e, lang), false);
    }
    Reply {
        content: None,
        embeds: vec![p.footer(embed)],
        components: p.buttons(Some(&ListSource::Log { rally })),
        ephemeral: true,
        files: Vec::new(),
    }
}

fn name(e: &AuditEntry, lang: Lang) -> String {
    let action = audit::action(&e.action, lang);
    let what = match e.rally_id {
        Some(id) => format!("{action} #{id}"),
        None => action,
    };
    limit(what, 256)
}

fn value(e: &AuditEntry, lang: Lang) -> String {
    let mut out = format!("<@{}> · {}", e.actor_id, discord_timestamp(e.at, 'f'));
    if !e.before.is_empty() {
        out.push('\n');
        out.push_str(&t!(lang, "log-before", before = markdown(&e.before)));
    }
    if !e.after.is_empty() {
        out.push('\n');
        out.push_str(&t!(lang, "log-after", after = markdown(&e.after)));
    }
    limit(out, 1024)
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};
    use serde_json::Value;

    use super::*;

    fn entry(id: i64) -> AuditEntry {
        AuditEntry {
            id,
            rally_id: Some(7),
            actor_id: 42,
            action: "edit".into(),
            before: "title: **old**".into(),
            after: "title: new".into(),
            at: Utc.with_ymd_and_hms(2026, 11, 29, 3, 0, 0).unwrap(),
        }
    }

    #[test]
    fn the_log_pages_ten_at_a_time_with_buttons_that_find_it_again() {
        let entries: Vec<AuditEntry> = (1..=23).rev().map(entry).collect();
        let reply = log(Some(7), &entries, 2, Lang::En);
        let json: Value = serde_json::to_value(reply.message()).unwrap();
        let embed = &json["embeds"][0];
        assert_eq!(embed["title"], "Audit log of rally #7 (23)");
        assert_eq!(embed["footer"]["text"], "Page 3 of 3");
        let fields = embed["fields"].as_array().unwrap();
        assert_eq!(fields.len(), 3);
        assert_eq!(fields[0]["name"], "edit #7");
        let value = fields[0]["value"].as_str().unwrap();
        assert!(value.starts_with("<@42> · <t:"), "{value}");
        assert!(
            value.contains(r"Before: title: \*\*old\*\*"),
            "escaped: {value}"
        );
        let previous = json["components"][0]["components"][0]["custom_id"]
            .as_str()
            .unwrap();
        assert_eq!(
            crate::discord::components::Click::decode(previous),
            Some(crate::discord::components::Click::Page {
                page: 1,
                list: ListSource::Log { rally: Some(7) }
            })
        );
        assert_eq!(json["flags"], 64, "private");
    }

    #[test]
    fn an_empty_log_says_so() {
        let reply = log(None, &[], 0, Lang::En);
        assert_eq!(
            reply.content.as_deref(),
            Some("Audit log: nothing recorded yet.")
        );
    }
}
