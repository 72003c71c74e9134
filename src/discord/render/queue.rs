//! `/rallymod queue`: pending rallies, a few per page, each with Approve and Reject buttons and
//! a flag when it clashes with an approved rally nearby.
use serenity::all::{Colour, CreateEmbed};

use super::Reply;
use crate::discord::components::{moderation_row, ListSource};
use crate::discord::escape::{limit, markdown};
use crate::discord::style::timestamp as discord_timestamp;
use crate::i18n::Lang;
use crate::service::queue::QueueEntry;
use crate::t;

/// Discord allows five rows of components: one per rally, and one for the page buttons.
pub const QUEUE_PAGE: usize = 4;

/// The queue for a moderator reading `lang`.
pub fn queue(entries: &[QueueEntry], page: usize, lang: Lang) -> Reply {
    if entries.is_empty() {
        return Reply::text(t!(lang, "list-queue-empty"), true);
    }
    let p = super::page::page(entries, page, QUEUE_PAGE, lang);
    let mut embed = CreateEmbed::new()
        .title(t!(
            lang,
            "list-count",
            title = t!(lang, "list-queue"),
            count = entries.len()
        ))
        .colour(Colour::GOLD);
    for e in p.shown {
        let r = &e.view.rally;
        let flag = if e.clash.is_empty() {
            String::new()
        } else {
            format!(" {}", t!(lang, "queue-clash"))
        };
        let name = limit(format!("#{} {}{flag}", r.id, markdown(&r.title)), 256);
        let mut value = t!(
            lang,
            "queue-line",
            time = discord_timestamp(r.starts_at, 'f'),
            place = markdown(&r.place_name),
            organiser = format!("<@{}>", r.organiser_id)
        );
        if !e.clash.is_empty() {
            let clash =
                crate::text::clash_words_in(&e.clash, &crate::discord::style::Discord, lang);
            value.push_str(&format!("\n{clash}"));
        }
        embed = embed.field(name, limit(value, 1024), false);
    }
    let mut components: Vec<_> = p
        .shown
        .iter()
        .map(|e| moderation_row(e.view.rally.id, lang))
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
