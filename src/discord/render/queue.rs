//! `/rallymod queue`: pending rallies, a few per page, each with Approve and Reject buttons and
//! a flag when it clashes with an approved rally nearby.
use serenity::all::{Colour, CreateEmbed};

use super::Reply;
use crate::discord::components::{moderation_row, ListSource};
use crate::discord::escape::{limit, markdown};
use crate::discord::style::timestamp as discord_timestamp;
use crate::service::queue::QueueEntry;

/// Discord allows five rows of components: one per rally, and one for the page buttons.
pub const QUEUE_PAGE: usize = 4;

pub fn queue(entries: &[QueueEntry], page: usize) -> Reply {
    if entries.is_empty() {
        return Reply::text("Nothing is waiting for approval.", true);
    }
    let p = super::page::page(entries, page, QUEUE_PAGE, crate::i18n::Lang::En);
    let mut embed = CreateEmbed::new()
        .title(format!("Waiting for approval ({})", entries.len()))
        .colour(Colour::GOLD);
    for e in p.shown {
        let r = &e.view.rally;
        let flag = if e.clash.is_empty() { "" } else { " ⚠ clash" };
        let name = limit(format!("#{} {}{flag}", r.id, markdown(&r.title)), 256);
        let mut value = format!(
            "{} · {} · by <@{}>",
            discord_timestamp(r.starts_at, 'f'),
            markdown(&r.place_name),
            r.organiser_id
        );
        if !e.clash.is_empty() {
            let clash = crate::text::clash_words(&e.clash, &crate::discord::style::Discord);
            value.push_str(&format!("\n{clash}"));
        }
        embed = embed.field(name, limit(value, 1024), false);
    }
    let mut components: Vec<_> = p
        .shown
        .iter()
        .map(|e| moderation_row(e.view.rally.id))
        .collect();
    components.extend(p.buttons(Some(&ListSource::Queue)));
    Reply {
        content: None,
        embeds: vec![p.footer(embed)],
        components,
        ephemeral: true,
        files: Vec::new(),
    }
}
