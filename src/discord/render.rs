//! Plain responses to Discord messages: embeds, buttons, ephemeral flags. Allowed mentions are
//! always empty here, so nothing a user typed can ping anyone.
use serenity::all::{
    Colour, CreateActionRow, CreateAllowedMentions, CreateAttachment, CreateEmbed,
    CreateInteractionResponseFollowup, CreateInteractionResponseMessage, EditInteractionResponse,
};

use super::components::{rsvp_row, ListSource};
use super::escape::{limit, markdown};
use super::style::{timestamp as discord_timestamp, Discord};
use crate::domain::{RallyStatus, RallyView, RsvpStatus};
use crate::i18n::{decimal, number, Lang};
use crate::service::notes::Note;
use crate::service::response::{ListKind, Response};
use crate::service::settings::lead_words_in;
use crate::service::{Change, NearResult};
use crate::t;
use crate::text;
use when::local_label_in;

mod campaign;

pub const PAGE_SIZE: usize = 10;

/// A reply before it becomes a serenity builder.
#[derive(Debug, Clone, Default)]
pub struct Reply {
    pub content: Option<String>,
    pub embeds: Vec<CreateEmbed>,
    pub components: Vec<CreateActionRow>,
    pub ephemeral: bool,
    /// Files attached to the reply: (name, bytes).
    pub files: Vec<(String, Vec<u8>)>,
}

impl Reply {
    pub fn text(content: impl Into<String>, ephemeral: bool) -> Self {
        Reply {
            content: Some(content.into()),
            ephemeral,
            ..Default::default()
        }
    }

    pub fn message(self) -> CreateInteractionResponseMessage {
        let mut m = CreateInteractionResponseMessage::new()
            .allowed_mentions(CreateAllowedMentions::new())
            .ephemeral(self.ephemeral)
            .embeds(self.embeds)
            .components(self.components);
        if let Some(content) = self.content {
            m = m.content(content);
        }
        for (name, bytes) in self.files {
            m = m.add_file(CreateAttachment::bytes(bytes, name));
        }
        m
    }

    pub fn edit(self) -> EditInteractionResponse {
        let mut e = EditInteractionResponse::new()
            .allowed_mentions(CreateAllowedMentions::new())
            .content(self.content.unwrap_or_default())
            .embeds(self.embeds)
            .components(self.components);
        for (name, bytes) in self.files {
            e = e.new_attachment(CreateAttachment::bytes(bytes, name));
        }
        e
    }

    pub fn followup(self) -> CreateInteractionResponseFollowup {
        let mut f = CreateInteractionResponseFollowup::new()
            .allowed_mentions(CreateAllowedMentions::new())
            .ephemeral(self.ephemeral)
            .embeds(self.embeds)
            .components(self.components);
        if let Some(content) = self.content {
            f = f.content(content);
        }
        for (name, bytes) in self.files {
            f = f.add_file(CreateAttachment::bytes(bytes, name));
        }
        f
    }
}

/// Renders a response for a reader of `lang`; `page` and `source` matter for lists only.
pub fn response(r: &Response, page: usize, source: Option<&ListSource>, lang: Lang) -> Reply {
    let private = r.is_private();
    let with = |content: String, view: &RallyView| Reply {
        content: Some(content),
        embeds: vec![card(view, None, lang)],
        components: rsvp_buttons(view, lang),
        ephemeral: private,
        files: Vec::new(),
    };
    match r {
        Response::Created(c) => {
            let rally = &c.view.rally;
            let mut content = if rally.status == RallyStatus::Pending {
                t!(lang, "created-pending", id = rally.id)
            } else {
                t!(lang, "created-listed", id = rally.id)
            };
            notes(&mut content, &c.notes, lang);
            with(content, &c.view)
        }
        Response::Rally(v) => Reply {
            content: None,
            ..with(String::new(), v)
        },
        Response::RemindMe { view, before } => Reply::text(
            match before {
                Some(lead) => t!(
                    lang,
                    "remind-on",
                    lead = lead_words_in(*lead, lang),
                    id = view.rally.id,
                    title = markdown(&view.rally.title)
                ),
                None => t!(
                    lang,
                    "remind-off",
                    id = view.rally.id,
                    title = markdown(&view.rally.title)
                ),
            },
            true,
        ),
        Response::Rsvp(v) => {
            let answer = match v.my_rsvp {
                Some(RsvpStatus::Going) => "rsvp-going",
                Some(RsvpStatus::Interested) => "rsvp-interested",
                None => "rsvp-not-going",
            };
            let mut text = t!(
                lang,
                answer,
                id = v.rally.id,
                title = markdown(&v.rally.title)
            );
            // Only the person sees this reply: the meeting point, when they may have it.
            if !v.rally.address.is_empty() {
                text.push('\n');
                text.push_str(&t!(
                    lang,
                    "rsvp-meeting-point",
                    address = markdown(&v.rally.address)
                ));
            }
            Reply::text(text, true)
        }
        Response::Edited(e) => {
            let mut content = t!(lang, "edited", id = e.view.rally.id);
            changes(&mut content, &e.changes);
            notes(&mut content, &e.notes, lang);
            with(content, &e.view)
        }
        Response::Cancelled(v) => with(t!(lang, "cancelled", id = v.rally.id), v),
        Response::Approved(v) => with(t!(lang, "approved", id = v.rally.id), v),
        // The card itself, for the channel it is announced in.
        Response::Announce { view, .. } => Reply {
            content: None,
            ephemeral: false,
            ..with(String::new(), view)
        },
        Response::Rejected(v) => with(t!(lang, "rejected", id = v.rally.id), v),
        Response::Near(n) => near(n, page, source, lang),
        Response::List { kind, rallies } => {
            let (title, empty, default_source) = match kind {
                ListKind::Upcoming => (
                    t!(lang, "list-upcoming"),
                    t!(lang, "list-upcoming-empty"),
                    ListSource::Upcoming,
                ),
                ListKind::Queue => (
                    t!(lang, "list-queue"),
                    t!(lang, "list-queue-empty"),
                    ListSource::Queue,
                ),
            };
            let entries: Vec<Entry> = rallies
                .iter()
                .map(|v| Entry {
                    view: v,
                    note: None,
                })
                .collect();
            list(
                &title,
                &empty,
                &entries,
                page,
                source.unwrap_or(&default_source),
                private,
                lang,
            )
        }
        Response::Mine {
            organising,
            answered,
        } => {
            let mut entries: Vec<Entry> = organising
                .iter()
                .map(|v| Entry {
                    view: v,
                    note: Some(t!(lang, "mine-organise")),
                })
                .collect();
            entries.extend(answered.iter().map(|v| Entry {
                view: v,
                note: Some(match v.my_rsvp {
                    Some(RsvpStatus::Interested) => t!(lang, "mine-interested"),
                    _ => t!(lang, "mine-going"),
                }),
            }));
            list(
                &t!(lang, "list-mine"),
                &t!(lang, "list-mine-empty"),
                &entries,
                page,
                &ListSource::Mine,
                true,
                lang,
            )
        }
        Response::Status(failed) => status::status(failed, lang),
        Response::Settings { settings: s, page } => Reply {
            embeds: vec![settings::settings(s, page.as_deref(), lang)],
            ephemeral: true,
            ..Default::default()
        },
        Response::About { page } => Reply {
            embeds: vec![settings::about(page.as_deref())],
            ephemeral: true,
            ..Default::default()
        },
        Response::Campaign(s) => campaign::saved(s, lang),
        Response::CampaignOverview(o) => campaign::overview(o, page, source, lang),
        Response::CampaignList { campaign, rallies } => {
            let entries: Vec<Entry> = rallies
                .iter()
                .map(|v| Entry {
                    view: v,
                    note: None,
                })
                .collect();
            let default_source = ListSource::CampaignList {
                campaign: campaign.name.clone(),
            };
            list(
                &t!(lang, "list-campaign", campaign = markdown(&campaign.name)),
                &t!(
                    lang,
                    "list-campaign-empty",
                    campaign = markdown(&campaign.name)
                ),
                &entries,
                page,
                source.unwrap_or(&default_source),
                private,
                lang,
            )
        }
        Response::Log { rally, entries } => audit::log(*rally, entries, page, lang),
        // Autocomplete and modals have replies of their own; these are for completeness.
        Response::Choices(choices) => Reply::text(
            choices
                .iter()
                .map(|c| markdown(&c.label))
                .collect::<Vec<_>>()
                .join("\n"),
            true,
        ),
        Response::AskRejectReason { rally } => {
            Reply::text(t!(lang, "ask-reject-reason", id = *rally), true)
        }
        Response::CardRecorded => Reply::text(t!(lang, "card-recorded"), true),
        Response::Coalition(done) => Reply::text(
            limit(text::coalitions::coalition_done(done, &Discord, lang), 2000),
            true,
        ),
        Response::Dropped(v) => with(t!(lang, "dropped", id = v.rally.id), v),
        Response::MyData(held) => {
            Reply::text(limit(text::mydata::held(held, &Discord, lang), 2000), true)
        }
        Response::MyDataExport { json } => Reply {
            content: Some(t!(lang, "mydata-export")),
            ephemeral: true,
            files: vec![("rallybot-my-data.json".into(), json.clone().into_bytes())],
            ..Default::default()
        },
        Response::ConfirmForget => Reply {
            content: Some(text::mydata::confirm_forget(lang)),
            components: vec![super::components::forget_row(lang)],
            ephemeral: true,
            ..Default::default()
        },
        Response::Forgotten(f) => Reply::text(text::mydata::forgotten(f, lang), true),
        // Pages are the web front end's; no command asks for one.
        Response::Public(_) => Reply::text(text::on_the_web(lang), true),
        Response::Queue(entries) => queue::queue(entries, page, lang),
    }
}

/// Approved rallies that have not ended take RSVPs through buttons on their card.
fn rsvp_buttons(view: &RallyView, lang: Lang) -> Vec<CreateActionRow> {
    if view.rally.status == RallyStatus::Approved {
        vec![rsvp_row(view, lang)]
    } else {
        Vec::new()
    }
}

/// A rally's card, worded for a reader of `lang`.
pub fn card(v: &RallyView, distance: Option<String>, lang: Lang) -> CreateEmbed {
    let r = &v.rally;
    let (colour, status) = match r.status {
        RallyStatus::Approved => (Colour::DARK_GREEN, None),
        RallyStatus::Pending => (Colour::GOLD, Some("status-pending")),
        RallyStatus::Rejected => (Colour::LIGHT_GREY, Some("status-rejected")),
        RallyStatus::Cancelled => (Colour::RED, Some("status-cancelled")),
    };
    let mut when = format!(
        "{} ({})",
        discord_timestamp(r.starts_at, 'F'),
        discord_timestamp(r.starts_at, 'R')
    );
    when.push('\n');
    when.push_str(&t!(
        lang,
        "card-local",
        time = local_label_in(r.starts_at, r.time_zone, lang)
    ));
    if let Some(end) = r.ends_at {
        when.push('\n');
        when.push_str(&t!(lang, "card-ends", time = discord_timestamp(end, 't')));
    }
    let mut place = markdown(&r.place_name);
    if let Some(d) = distance {
        place.push_str(&format!(" · {d}"));
    }
    let mut embed = CreateEmbed::new()
        .title(limit(
            match &v.from_server {
                Some(server) => t!(
                    lang,
                    "card-title-from",
                    id = r.id,
                    title = markdown(&r.title),
                    server = markdown(server)
                ),
                None => format!("#{} {}", r.id, markdown(&r.title)),
            },
            256,
        ))
        .colour(colour)
        .field(t!(lang, "card-when"), when, false)
        .field(t!(lang, "card-where"), limit(place, 1024), true);
    if !r.address.is_empty() {
        embed = embed.field(
            t!(lang, "card-address"),
            limit(markdown(&r.address), 1024),
            true,
        );
    }
    // Imported rallies have no Discord organiser, only a contact.
    if r.organiser_gone {
        embed = embed.field(
            t!(lang, "card-organiser"),
            t!(lang, "card-organiser-gone"),
            true,
        );
    } else if r.organiser_id != 0 {
        embed = embed.field(
            t!(lang, "card-organiser"),
            format!("<@{}>", r.organiser_id),
            true,
        );
    }
    if !r.contact.is_empty() {
        embed = embed.field(
            t!(lang, "card-contact"),
            limit(markdown(&r.contact), 1024),
            true,
        );
    }
    embed = embed.field(
        t!(lang, "card-rsvps"),
        t!(
            lang,
            "card-rsvp-counts",
            going = v.counts.going,
            interested = v.counts.interested
        ),
        true,
    );
    if let Some(status) = status {
        let reason = r
            .status_reason
            .as_deref()
            .map(|why| format!(": {}", markdown(why)))
            .unwrap_or_default();
        embed = embed.field(
            t!(lang, "card-status"),
            limit(format!("{}{reason}", t!(lang, status)), 1024),
            false,
        );
    }
    if !r.details.is_empty() {
        embed = embed.description(limit(markdown(&r.details), 4096));
    }
    embed
}

struct Entry<'a> {
    view: &'a RallyView,
    note: Option<String>,
}

fn list(
    title: &str,
    empty: &str,
    entries: &[Entry],
    page: usize,
    source: &ListSource,
    ephemeral: bool,
    lang: Lang,
) -> Reply {
    if entries.is_empty() {
        return Reply::text(empty, ephemeral);
    }
    let p = page::page(entries, page, PAGE_SIZE, lang);
    let mut embed = CreateEmbed::new()
        .title(limit(
            t!(lang, "list-count", title = title, count = entries.len()),
            256,
        ))
        .colour(Colour::DARK_GREEN);
    for e in p.shown {
        let (name, mut value) = line(e.view, lang);
        if let Some(note) = &e.note {
            value.push_str(&format!(" · {note}"));
        }
        embed = embed.field(name, value, false);
    }
    Reply {
        content: None,
        embeds: vec![p.footer(embed)],
        components: p.buttons(Some(source)),
        ephemeral,
        files: Vec::new(),
    }
}

/// One rally as a list field: name and value.
fn line(v: &RallyView, lang: Lang) -> (String, String) {
    let r = &v.rally;
    let status = match r.status {
        RallyStatus::Approved => String::new(),
        RallyStatus::Pending => format!(" {}", t!(lang, "line-pending")),
        RallyStatus::Rejected => format!(" {}", t!(lang, "line-rejected")),
        RallyStatus::Cancelled => format!(" {}", t!(lang, "line-cancelled")),
    };
    let name = limit(format!("#{} {}{status}", r.id, markdown(&r.title)), 256);
    let mut value = format!(
        "{} ({}) · {} · {}",
        discord_timestamp(r.starts_at, 'f'),
        discord_timestamp(r.starts_at, 'R'),
        markdown(&r.place_name),
        t!(lang, "line-going", going = v.counts.going)
    );
    if let Some(server) = &v.from_server {
        value.push_str(" · ");
        value.push_str(&t!(lang, "line-from", server = markdown(server)));
    }
    (name, limit(value, 1024))
}

fn near(n: &NearResult, page: usize, source: Option<&ListSource>, lang: Lang) -> Reply {
    let unit = n.unit.as_str();
    let origin = markdown(&n.origin.name);
    let radius = number(lang, n.radius);
    let mut reply = if n.rallies.is_empty() {
        Reply::text(
            t!(
                lang,
                "near-none",
                radius = radius,
                unit = unit,
                origin = origin
            ),
            true,
        )
    } else {
        let p = page::page(&n.rallies, page, PAGE_SIZE, lang);
        let more = if n.more { "+" } else { "" };
        let count = n.rallies.len();
        let title = match &n.campaign {
            Some(c) => t!(
                lang,
                "near-title-campaign",
                campaign = markdown(c),
                radius = radius,
                unit = unit,
                origin = origin,
                count = count,
                more = more
            ),
            None => t!(
                lang,
                "near-title",
                radius = radius,
                unit = unit,
                origin = origin,
                count = count,
                more = more
            ),
        };
        let mut embed = CreateEmbed::new()
            .title(limit(title, 256))
            .colour(Colour::DARK_GREEN);
        for (view, distance) in p.shown {
            let (name, value) = line(view, lang);
            let away = t!(
                lang,
                "near-away",
                distance = decimal(lang, *distance, 1),
                unit = unit
            );
            embed = embed.field(name, limit(format!("{away} · {value}"), 1024), false);
        }
        Reply {
            embeds: vec![p.footer(embed)],
            components: p.buttons(source),
            ephemeral: true,
            ..Default::default()
        }
    };
    if let Some(note) = &n.origin.note {
        reply.content = Some(
            format!(
                "{}\n{}",
                reply.content.unwrap_or_default(),
                text::note(note, &Discord, lang)
            )
            .trim()
            .to_string(),
        );
    }
    reply
}

fn changes(out: &mut String, changes: &[Change]) {
    for c in changes {
        out.push_str(&format!(
            "\n• {}: {} → {}",
            c.field,
            markdown(&c.before),
            markdown(&c.after)
        ));
    }
}

fn notes(out: &mut String, notes: &[Note], lang: Lang) {
    for n in notes {
        out.push('\n');
        out.push_str(&t!(lang, "note", note = text::note(n, &Discord, lang)));
    }
}

mod audit;
mod page;
mod queue;
mod settings;
mod status;
#[cfg(test)]
pub(crate) mod tests;
