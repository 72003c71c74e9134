//! Plain responses to Discord messages: embeds, buttons, ephemeral flags. Allowed mentions are
//! always empty here, so nothing a user typed can ping anyone.
use serenity::all::{
    Colour, CreateActionRow, CreateAllowedMentions, CreateAttachment, CreateEmbed,
    CreateInteractionResponseFollowup, CreateInteractionResponseMessage, EditInteractionResponse,
};

use super::components::{rsvp_row, ListSource};
use super::escape::{limit, markdown};
use super::style::{timestamp as discord_timestamp, Discord};
use crate::domain::{RallyStatus, RallyView, RsvpStatus, ServerSettings};
use crate::service::notes::Note;
use crate::service::response::{ListKind, Response};
use crate::service::settings::lead_words;
use crate::service::{Change, NearResult};
use crate::text;
use when::local_label;

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

/// Renders a response; `page` and `source` matter for lists only.
pub fn response(r: &Response, page: usize, source: Option<&ListSource>) -> Reply {
    let private = r.is_private();
    let with = |content: String, view: &RallyView| Reply {
        content: Some(content),
        embeds: vec![card(view, None)],
        components: rsvp_buttons(view),
        ephemeral: private,
        files: Vec::new(),
    };
    match r {
        Response::Created(c) => {
            let rally = &c.view.rally;
            let mut content = if rally.status == RallyStatus::Pending {
                format!(
                    "Rally #{} is submitted. A moderator will review it before it is listed.",
                    rally.id
                )
            } else {
                format!("Rally #{} is listed.", rally.id)
            };
            notes(&mut content, &c.notes);
            with(content, &c.view)
        }
        Response::Rally(v) => Reply {
            content: None,
            ..with(String::new(), v)
        },
        Response::RemindMe { view, before } => Reply::text(
            match before {
                Some(lead) => format!(
                    "I'll send you a direct message {} before #{} {}.",
                    lead_words(*lead),
                    view.rally.id,
                    markdown(&view.rally.title)
                ),
                None => format!(
                    "Your reminder for #{} {} is off.",
                    view.rally.id,
                    markdown(&view.rally.title)
                ),
            },
            true,
        ),
        Response::Rsvp(v) => {
            let answer = match v.my_rsvp {
                Some(RsvpStatus::Going) => "You're going to",
                Some(RsvpStatus::Interested) => "You're interested in",
                None => "You're not going to",
            };
            let mut text = format!("{answer} #{} {}.", v.rally.id, markdown(&v.rally.title));
            // Only the person sees this reply: the meeting point, when they may have it.
            if !v.rally.address.is_empty() {
                text.push_str(&format!("\nMeeting point: {}", markdown(&v.rally.address)));
            }
            Reply::text(text, true)
        }
        Response::Edited(e) => {
            let mut content = format!("Rally #{} is updated.", e.view.rally.id);
            changes(&mut content, &e.changes);
            notes(&mut content, &e.notes);
            with(content, &e.view)
        }
        Response::Cancelled(v) => with(format!("Rally #{} is cancelled.", v.rally.id), v),
        Response::Approved(v) => with(format!("Rally #{} is approved and listed.", v.rally.id), v),
        // The card itself, for the channel it is announced in.
        Response::Announce { view, .. } => Reply {
            content: None,
            ephemeral: false,
            ..with(String::new(), view)
        },
        Response::Rejected(v) => with(format!("Rally #{} is rejected.", v.rally.id), v),
        Response::Near(n) => near(n, page, source),
        Response::List { kind, rallies } => {
            let (title, empty, default_source) = match kind {
                ListKind::Upcoming => (
                    "Upcoming rallies",
                    "No upcoming rallies in this server yet. Create one with /rally create.",
                    ListSource::Upcoming,
                ),
                ListKind::Queue => (
                    "Waiting for approval",
                    "Nothing is waiting for approval.",
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
                title,
                empty,
                &entries,
                page,
                source.unwrap_or(&default_source),
                private,
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
                    note: Some("you organise".into()),
                })
                .collect();
            entries.extend(answered.iter().map(|v| Entry {
                view: v,
                note: Some(match v.my_rsvp {
                    Some(RsvpStatus::Interested) => "you're interested".into(),
                    _ => "you're going".into(),
                }),
            }));
            list(
                "Your rallies and RSVPs",
                "You have no upcoming rallies or RSVPs in this server.",
                &entries,
                page,
                &ListSource::Mine,
                true,
            )
        }
        Response::Status(failed) => status::status(failed),
        Response::Settings { settings: s, page } => Reply {
            embeds: vec![settings(s, page.as_deref())],
            ephemeral: true,
            ..Default::default()
        },
        Response::About { page } => Reply {
            embeds: vec![about(page.as_deref())],
            ephemeral: true,
            ..Default::default()
        },
        Response::Campaign(s) => campaign::saved(s),
        Response::CampaignOverview(o) => campaign::overview(o, page, source),
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
                &format!("Upcoming rallies of {}", markdown(&campaign.name)),
                &format!(
                    "No upcoming rallies in the campaign {} yet.",
                    markdown(&campaign.name)
                ),
                &entries,
                page,
                source.unwrap_or(&default_source),
                private,
            )
        }
        Response::Log { rally, entries } => audit::log(*rally, entries, page),
        // Autocomplete and modals have replies of their own; these are for completeness.
        Response::Choices(choices) => Reply::text(
            choices
                .iter()
                .map(|c| markdown(&c.label))
                .collect::<Vec<_>>()
                .join("\n"),
            true,
        ),
        Response::AskRejectReason { rally } => Reply::text(
            format!("Give the reason with /rallymod reject rally:{rally} reason:"),
            true,
        ),
        Response::CardRecorded => Reply::text("Noted.", true),
        Response::Coalition(done) => Reply::text(
            limit(text::coalitions::coalition_done(done, &Discord), 2000),
            true,
        ),
        Response::Dropped(v) => with(
            format!("Rally #{} is out of the shared campaign.", v.rally.id),
            v,
        ),
        Response::MyData(held) => {
            Reply::text(limit(text::mydata::held(held, &Discord), 2000), true)
        }
        Response::MyDataExport { json } => Reply {
            content: Some(
                "Everything rallybot holds about you, as a file only you can see.".into(),
            ),
            ephemeral: true,
            files: vec![("rallybot-my-data.json".into(), json.clone().into_bytes())],
            ..Default::default()
        },
        Response::ConfirmForget => Reply {
            content: Some(text::mydata::CONFIRM_FORGET.into()),
            components: vec![super::components::forget_row()],
            ephemeral: true,
            ..Default::default()
        },
        Response::Forgotten(f) => Reply::text(text::mydata::forgotten(f), true),
        // Pages are the web front end's; no command asks for one.
        Response::Public(_) => Reply::text(text::ON_THE_WEB, true),
        Response::Queue(entries) => queue::queue(entries, page),
    }
}

/// Approved rallies that have not ended take RSVPs through buttons on their card.
fn rsvp_buttons(view: &RallyView) -> Vec<CreateActionRow> {
    if view.rally.status == RallyStatus::Approved {
        vec![rsvp_row(view)]
    } else {
        Vec::new()
    }
}

pub fn card(v: &RallyView, distance: Option<String>) -> CreateEmbed {
    let r = &v.rally;
    let (colour, status) = match r.status {
        RallyStatus::Approved => (Colour::DARK_GREEN, None),
        RallyStatus::Pending => (Colour::GOLD, Some("Waiting for approval")),
        RallyStatus::Rejected => (Colour::LIGHT_GREY, Some("Rejected")),
        RallyStatus::Cancelled => (Colour::RED, Some("Cancelled")),
    };
    let mut when = format!(
        "{} ({})",
        discord_timestamp(r.starts_at, 'F'),
        discord_timestamp(r.starts_at, 'R')
    );
    when.push_str(&format!(
        "\nLocal: {}",
        local_label(r.starts_at, r.time_zone)
    ));
    if let Some(end) = r.ends_at {
        when.push_str(&format!("\nEnds {}", discord_timestamp(end, 't')));
    }
    let mut place = markdown(&r.place_name);
    if let Some(d) = distance {
        place.push_str(&format!(" · {d}"));
    }
    let mut embed = CreateEmbed::new()
        .title(limit(
            match &v.from_server {
                Some(server) => format!(
                    "#{} {} · from {}",
                    r.id,
                    markdown(&r.title),
                    markdown(server)
                ),
                None => format!("#{} {}", r.id, markdown(&r.title)),
            },
            256,
        ))
        .colour(colour)
        .field("When", when, false)
        .field("Where", limit(place, 1024), true);
    if !r.address.is_empty() {
        embed = embed.field("Address", limit(markdown(&r.address), 1024), true);
    }
    // Imported rallies have no Discord organiser, only a contact.
    if r.organiser_gone {
        embed = embed.field("Organiser", "a former member", true);
    } else if r.organiser_id != 0 {
        embed = embed.field("Organiser", format!("<@{}>", r.organiser_id), true);
    }
    if !r.contact.is_empty() {
        embed = embed.field("Contact", limit(markdown(&r.contact), 1024), true);
    }
    embed = embed.field(
        "RSVPs",
        format!(
            "{} going · {} interested",
            v.counts.going, v.counts.interested
        ),
        true,
    );
    if let Some(status) = status {
        let reason = r
            .status_reason
            .as_deref()
            .map(|why| format!(": {}", markdown(why)))
            .unwrap_or_default();
        embed = embed.field("Status", limit(format!("{status}{reason}"), 1024), false);
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
) -> Reply {
    if entries.is_empty() {
        return Reply::text(empty, ephemeral);
    }
    let p = page::page(entries, page, PAGE_SIZE);
    let mut embed = CreateEmbed::new()
        .title(format!("{title} ({})", entries.len()))
        .colour(Colour::DARK_GREEN);
    for e in p.shown {
        let (name, mut value) = line(e.view);
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
fn line(v: &RallyView) -> (String, String) {
    let r = &v.rally;
    let status = match r.status {
        RallyStatus::Approved => "",
        RallyStatus::Pending => " (pending)",
        RallyStatus::Rejected => " (rejected)",
        RallyStatus::Cancelled => " (CANCELLED)",
    };
    let name = limit(format!("#{} {}{status}", r.id, markdown(&r.title)), 256);
    let mut value = format!(
        "{} ({}) · {} · {} going",
        discord_timestamp(r.starts_at, 'f'),
        discord_timestamp(r.starts_at, 'R'),
        markdown(&r.place_name),
        v.counts.going
    );
    if let Some(server) = &v.from_server {
        value.push_str(&format!(" · from {}", markdown(server)));
    }
    (name, limit(value, 1024))
}

fn near(n: &NearResult, page: usize, source: Option<&ListSource>) -> Reply {
    let unit = n.unit.as_str();
    let origin = markdown(&n.origin.name);
    let mut reply = if n.rallies.is_empty() {
        Reply::text(
            format!(
                "No upcoming rallies within {} {unit} of {origin}.",
                n.radius
            ),
            true,
        )
    } else {
        let p = page::page(&n.rallies, page, PAGE_SIZE);
        let more = if n.more { "+" } else { "" };
        let mut embed = CreateEmbed::new()
            .title(limit(
                format!(
                    "Rallies{} within {} {unit} of {} ({}{more})",
                    n.campaign
                        .as_ref()
                        .map_or(String::new(), |c| format!(" of {}", markdown(c))),
                    n.radius,
                    n.origin.name,
                    n.rallies.len()
                ),
                256,
            ))
            .colour(Colour::DARK_GREEN);
        for (view, distance) in p.shown {
            let (name, value) = line(view);
            embed = embed.field(
                name,
                limit(format!("{distance:.1} {unit} away · {value}"), 1024),
                false,
            );
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
                text::note(note, &Discord)
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

fn notes(out: &mut String, notes: &[Note]) {
    for n in notes {
        out.push_str(&format!("\nNote: {}", text::note(n, &Discord)));
    }
}

fn settings(s: &ServerSettings, page: Option<&str>) -> CreateEmbed {
    // The first three are shown above with their option names; the rest as people read them.
    let more = crate::service::settings::setting_lines(s)
        .into_iter()
        .skip(3);
    let embed = CreateEmbed::new()
        .title("rallybot settings for this server")
        .field("require_approval", s.require_approval.to_string(), true)
        .field("unit", s.distance_unit.as_str(), true)
        .field(
            "moderator_role",
            s.moderator_role_id
                .map_or("none".into(), |r| format!("<@&{r}>")),
            true,
        );
    let embed = more.fold(embed, |e, (name, value)| {
        e.field(name, text::setting(&value, &Discord), true)
    });
    match page {
        Some(url) => embed.field(
            "Public page",
            format!("{url}\nAnyone with the link sees the approved rallies (no names, no street addresses unless made public)."),
            false,
        ),
        None => embed,
    }
}

fn about(page: Option<&str>) -> CreateEmbed {
    let embed = CreateEmbed::new()
        .title(format!("rallybot {}", env!("CARGO_PKG_VERSION")))
        .description(crate::ABOUT_TEXT)
        .colour(Colour::DARK_GREEN);
    match page {
        Some(url) => embed.field("This server's rallies on the web", url, false),
        None => embed,
    }
}

mod audit;
mod page;
mod queue;
mod status;
#[cfg(test)]
mod tests;
