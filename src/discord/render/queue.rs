//! `/rallymod queue`: pending rallies, a few per page, each with Approve and Reject buttons and
//! a flag when it clashes with an approved rally nearby.
use serenity::all::{Colour, CreateEmbed, CreateEmbedFooter};

use super::Reply;
use crate::discord::components::{moderation_row, page_row, ListSource};
use crate::discord::escape::{limit, markdown};
use crate::service::queue::QueueEntry;
use crate::service::timefmt::discord_timestamp;

/// Discord allows five rows of components: one per rally, and one for the page buttons.
pub const QUEUE_PAGE: usize = 4;

pub fn queue(entries: &[QueueEntry], page: usize) -> Reply {
    if entries.is_empty() {
        return Reply::text("Nothing is waiting for approval.", true);
    }
    let pages = entries.len().div_ceil(QUEUE_PAGE);
    let page = page.min(pages - 1);
    let shown: Vec<&QueueEntry> = entries
        .iter()
        .skip(page * QUEUE_PAGE)
        .take(QUEUE_PAGE)
        .collect();
    let mut embed = CreateEmbed::new()
        .title(format!("Waiting for approval ({})", entries.len()))
        .colour(Colour::GOLD);
    for e in &shown {
        let r = &e.view.rally;
        let flag = if e.clash.is_some() { " ⚠ clash" } else { "" };
        let name = limit(format!("#{} {}{flag}", r.id, markdown(&r.title)), 256);
        let mut value = format!(
            "{} · {} · by <@{}>",
            discord_timestamp(r.starts_at, 'f'),
            markdown(&r.place_name),
            r.organiser_id
        );
        if let Some(clash) = &e.clash {
            value.push_str(&format!("\n{}", markdown(clash)));
        }
        embed = embed.field(name, limit(value, 1024), false);
    }
    if pages > 1 {
        embed = embed.footer(CreateEmbedFooter::new(format!(
            "Page {} of {pages}",
            page + 1
        )));
    }
    let mut components: Vec<_> = shown
        .iter()
        .map(|e| moderation_row(e.view.rally.id))
        .collect();
    components.extend(page_row(&ListSource::Queue, page, pages));
    Reply {
        content: None,
        embeds: vec![embed],
        components,
        ephemeral: true,
    }
}
