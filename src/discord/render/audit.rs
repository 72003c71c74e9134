//! `/rallymod log`: audit entries, newest first, a page at a time.
use serenity::all::{Colour, CreateEmbed, CreateEmbedFooter};

use super::{Reply, PAGE_SIZE};
use crate::discord::components::{page_row, ListSource};
use crate::discord::escape::{limit, markdown};
use crate::service::audit::AuditEntry;
use crate::service::time::discord_timestamp;

pub fn log(rally: Option<i64>, entries: &[AuditEntry], page: usize) -> Reply {
    let title = match rally {
        Some(id) => format!("Audit log of rally #{id}"),
        None => "Audit log".to_string(),
    };
    if entries.is_empty() {
        return Reply::text(format!("{title}: nothing recorded yet."), true);
    }
    let pages = entries.len().div_ceil(PAGE_SIZE);
    let page = page.min(pages - 1);
    let mut embed = CreateEmbed::new()
        .title(format!("{title} ({})", entries.len()))
        .colour(Colour::BLUE);
    for e in entries.iter().skip(page * PAGE_SIZE).take(PAGE_SIZE) {
        embed = embed.field(name(e), value(e), false);
    }
    if pages > 1 {
        embed = embed.footer(CreateEmbedFooter::new(format!(
            "Page {} of {pages}",
            page + 1
        )));
    }
    Reply {
        content: None,
        embeds: vec![embed],
        components: page_row(&ListSource::Log { rally }, page, pages)
            .into_iter()
            .collect(),
        ephemeral: true,
    }
}

fn name(e: &AuditEntry) -> String {
    let what = match e.rally_id {
        Some(id) => format!("{} #{id}", e.action),
        None => e.action.clone(),
    };
    limit(what, 256)
}

fn value(e: &AuditEntry) -> String {
    let mut out = format!("<@{}> · {}", e.actor_id, discord_timestamp(e.at, 'f'));
    if !e.before.is_empty() {
        out.push_str(&format!("\nBefore: {}", markdown(&e.before)));
    }
    if !e.after.is_empty() {
        out.push_str(&format!("\nAfter: {}", markdown(&e.after)));
    }
    limit(out, 1024)
}
