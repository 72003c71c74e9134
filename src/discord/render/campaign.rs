//! Campaign replies: the moderator's confirmation and the paginated overview.
use serenity::all::{Colour, CreateEmbed};

use super::{line, Reply, PAGE_SIZE};
use crate::discord::components::ListSource;
use crate::discord::escape::{limit, markdown};
use crate::discord::style::Discord;
use crate::i18n::Lang;
use crate::service::campaigns::CampaignSaved;
use crate::service::overview::{groups, CampaignOverview};
use crate::t;

/// What a moderator did to a campaign, told in their `lang`, with the campaign as it is now.
pub fn saved(s: &CampaignSaved, lang: Lang) -> Reply {
    let c = &s.campaign;
    let mut content = crate::text::campaigns::saved(s, &Discord, lang);
    for change in &s.changes {
        content.push_str(&format!(
            "\n• {}: {} → {}",
            change.field,
            markdown(&change.before),
            markdown(&change.after)
        ));
    }
    let mut embed = CreateEmbed::new()
        .title(limit(markdown(&c.name), 256))
        .colour(if c.archived {
            Colour::LIGHT_GREY
        } else {
            Colour::DARK_GREEN
        })
        .field(
            t!(lang, "card-when"),
            crate::text::span(c.starts_on, c.ends_on, lang),
            false,
        );
    if !c.description.is_empty() {
        embed = embed.description(limit(markdown(&c.description), 4096));
    }
    Reply {
        content: Some(limit(content, 2000)),
        embeds: vec![embed],
        components: Vec::new(),
        ephemeral: true,
        files: Vec::new(),
    }
}

/// One page of the overview: the totals, then the page's rallies under their state and city
/// (or nearest first, each with its distance).
pub fn overview(
    o: &CampaignOverview,
    page: usize,
    source: Option<&ListSource>,
    lang: Lang,
) -> Reply {
    let c = &o.campaign;
    let mut summary = format!(
        "{}\n**{}** rallies in **{}** cities and **{}** states · RSVPs: **{}** going, **{}** interested",
        c.span(),
        o.entries.len(),
        o.cities,
        o.states,
        o.going,
        o.interested
    );
    if c.archived {
        summary.push_str("\nThis campaign is archived.");
    }
    for line in crate::text::by_server(&o.by_server, lang) {
        summary.push_str(&format!("\n{}", markdown(&line)));
    }
    if !c.description.is_empty() {
        summary.push_str(&format!("\n\n{}", markdown(&c.description)));
    }
    let mut title = format!("Campaign: {}", markdown(&c.name));
    if let Some(origin) = &o.origin {
        title.push_str(&format!(" · nearest to {}", markdown(&origin.name)));
    }
    let mut embed = CreateEmbed::new()
        .title(limit(title, 256))
        .colour(Colour::DARK_GREEN)
        .description(limit(summary, 4096));
    let p = super::page::page(&o.entries, page, PAGE_SIZE, lang);
    let shown = p.shown;
    if o.entries.is_empty() {
        embed = embed.field(
            "Rallies",
            "No rallies are listed in this campaign yet.",
            false,
        );
    } else if o.origin.is_some() {
        let unit = o.unit.as_str();
        for e in shown {
            let (name, value) = line(&e.view, lang);
            let value = format!(
                "{:.1} {unit} away · {} · {value}",
                e.distance.unwrap_or(0.0),
                markdown(&e.state)
            );
            embed = embed.field(name, limit(value, 1024), false);
        }
    } else {
        // One field per city on this page, headed by its state.
        for ((state, city), entries) in groups(shown) {
            let lines: Vec<String> = entries
                .iter()
                .map(|e| {
                    let (name, value) = line(&e.view, lang);
                    format!("**{name}**\n{value}")
                })
                .collect();
            embed = embed.field(
                limit(format!("{} · {}", markdown(state), markdown(city)), 256),
                limit(lines.join("\n"), 1024),
                false,
            );
        }
    }
    Reply {
        content: None,
        embeds: vec![p.footer(embed)],
        components: p.buttons(source),
        ephemeral: o.origin.is_some(),
        files: Vec::new(),
    }
}
