//! Replies as plain text for the terminal.
mod campaign;

use std::fmt::Write;

use crate::domain::{OutboxKind, RallyStatus, RallyView, RsvpStatus, ServerSettings};
use crate::i18n::Lang;
use crate::service::notes::Note;
use crate::service::response::{ListKind, Response};
use crate::service::settings::{lead_words, lead_words_in};
use crate::service::{Change, DeliveryFailures, NearResult};
use crate::t;
use crate::text::{self, Style};
use when::local_label;

/// Turns user ids into the names typed with /as.
pub trait Names: Style {
    fn name(&self, user_id: i64) -> String;
}

/// A response as text; what moderators and a person's own data say is worded in `lang`, the
/// language of the one typing (as `/as NAME --locale es` sets it).
pub fn response(r: &Response, names: &dyn Names, lang: Lang) -> String {
    match r {
        Response::Created(c) => {
            let rally = &c.view.rally;
            let mut out = match rally.status {
                RallyStatus::Pending => format!(
                    "Rally #{} submitted. A moderator will review it before it is listed.\n",
                    rally.id
                ),
                _ => format!("Rally #{} is listed.\n", rally.id),
            };
            out.push_str(&card(&c.view, names));
            notes(&mut out, &c.notes, names);
            out
        }
        Response::Rally(v) => card(v, names),
        Response::RemindMe { view, before } => match before {
            Some(lead) => format!(
                "I'll remind you {} before #{} {}.\n",
                lead_words(*lead),
                view.rally.id,
                view.rally.title
            ),
            None => format!(
                "Your reminder for #{} {} is off.\n",
                view.rally.id, view.rally.title
            ),
        },
        Response::Near(n) => near(n, names),
        Response::Rsvp(v) => {
            let answer = match v.my_rsvp {
                Some(RsvpStatus::Going) => "You're going to",
                Some(RsvpStatus::Interested) => "You're interested in",
                None => "You're not going to",
            };
            let mut out = format!(
                "{answer} #{} {}. {}\n",
                v.rally.id,
                v.rally.title,
                counts(v)
            );
            if !v.rally.address.is_empty() {
                let _ = writeln!(out, "Meeting point: {}", v.rally.address);
            }
            out
        }
        Response::Edited(e) => {
            let mut out = format!("Rally #{} updated.\n", e.view.rally.id);
            changes(&mut out, &e.changes);
            out.push_str(&card(&e.view, names));
            notes(&mut out, &e.notes, names);
            out
        }
        Response::Cancelled(v) => {
            format!("Rally #{} is cancelled.\n{}", v.rally.id, card(v, names))
        }
        Response::Announce { view, channel, .. } => format!(
            "{}\n{}",
            t!(
                lang,
                "announced-console",
                channel = channel.map_or_else(
                    || t!(lang, "announced-here"),
                    |c| t!(lang, "setting-channel", id = c.to_string())
                )
            ),
            card(view, names)
        ),
        Response::Approved(v) => format!(
            "Rally #{} is approved and listed.\n{}",
            v.rally.id,
            card(v, names)
        ),
        Response::Rejected(v) => format!("Rally #{} is rejected.\n{}", v.rally.id, card(v, names)),
        Response::List { kind, rallies } => {
            let (title, empty) = match kind {
                ListKind::Upcoming => (
                    "Upcoming rallies",
                    "No upcoming rallies in this server yet. Create one with /rally create.",
                ),
                ListKind::Queue => ("Waiting for approval", "Nothing is waiting for approval."),
            };
            list(title, empty, rallies, names)
        }
        Response::Mine {
            organising,
            answered,
        } => {
            let mut out = list(
                "Rallies you organise",
                "You organise no upcoming rallies.",
                organising,
                names,
            );
            out.push_str(&list(
                "Your RSVPs",
                "You have no RSVPs for upcoming rallies.",
                answered,
                names,
            ));
            out
        }
        Response::Settings { settings: s, page } => {
            let mut out = settings(s, names, lang);
            if let Some(url) = page {
                let _ = writeln!(
                    out,
                    "   {}",
                    t!(lang, "settings-page-address", url = url.as_str())
                );
            }
            out
        }
        Response::Status(failed) => status(failed, lang),
        Response::About { page } => match page {
            Some(url) => format!("{}\nThis server's rallies on the web: {url}", about()),
            None => about(),
        },
        Response::Campaign(s) => campaign::saved(s, names, lang),
        Response::CampaignOverview(o) => campaign::overview(o),
        Response::CampaignList { campaign, rallies } => list(
            &format!("Upcoming rallies of \"{}\"", campaign.name),
            &format!(
                "No upcoming rallies in the campaign \"{}\" yet.",
                campaign.name
            ),
            rallies,
            names,
        ),
        Response::Log { rally, entries } => audit_log(*rally, entries, names, lang),
        Response::Choices(choices) => choices.iter().map(|c| format!("{}\n", c.label)).collect(),
        Response::AskRejectReason { rally } => {
            format!("{}\n", t!(lang, "ask-reject-reason-typed", id = *rally))
        }
        Response::CardRecorded => String::new(),
        Response::Coalition(done) => {
            format!("{}\n", text::coalitions::coalition_done(done, names, lang))
        }
        Response::Dropped(v) => format!(
            "Rally #{} is out of the shared campaign.\n{}",
            v.rally.id,
            card(v, names)
        ),
        Response::MyData(held) => format!("{}\n", text::mydata::held(held, names, lang)),
        Response::MyDataExport { json } => format!("{json}\n"),
        Response::ConfirmForget => format!(
            "{}\n{}\n",
            text::mydata::confirm_forget(lang),
            t!(lang, "mydata-confirm-typed")
        ),
        Response::Forgotten(f) => format!("{}\n", text::mydata::forgotten(f, lang)),
        Response::Public(_) => format!("{}\n", text::ON_THE_WEB),
        Response::Queue(entries) if entries.is_empty() => t!(lang, "list-queue-empty"),
        Response::Queue(entries) => {
            let mut out = format!("{}:\n", t!(lang, "list-queue"));
            for e in entries {
                out.push_str(&card(&e.view, names));
                if !e.clash.is_empty() {
                    let clash = text::clash_words_in(&e.clash, names, lang);
                    out.push_str(&format!("   CLASH: {clash}\n"));
                }
            }
            out
        }
    }
}

fn near(n: &NearResult, names: &dyn Names) -> String {
    let unit = n.unit.as_str();
    let mut out = String::new();
    if n.rallies.is_empty() {
        let _ = writeln!(
            out,
            "No upcoming rallies within {} {unit} of {}.",
            n.radius, n.origin.name
        );
    } else {
        let _ = writeln!(
            out,
            "Rallies{} within {} {unit} of {} ({}{}):",
            n.campaign
                .as_ref()
                .map_or(String::new(), |c| format!(" of \"{c}\"")),
            n.radius,
            n.origin.name,
            n.rallies.len(),
            if n.more { ", nearest shown" } else { "" }
        );
        for (view, distance) in &n.rallies {
            let _ = write!(out, "{distance:.1} {unit} away: {}", card(view, names));
        }
    }
    notes(&mut out, n.origin.note.as_slice(), names);
    out
}

fn list(title: &str, empty: &str, rallies: &[RallyView], names: &dyn Names) -> String {
    if rallies.is_empty() {
        return format!("{empty}\n");
    }
    let mut out = format!("{title} ({}):\n", rallies.len());
    for v in rallies {
        out.push_str(&card(v, names));
    }
    out
}

pub fn card(v: &RallyView, names: &dyn Names) -> String {
    let r = &v.rally;
    let mut out = format!("#{} {}", r.id, r.title);
    if let Some(server) = &v.from_server {
        let _ = write!(out, " (from {server})");
    }
    match r.status {
        RallyStatus::Approved => {}
        RallyStatus::Pending => out.push_str(" [pending approval]"),
        RallyStatus::Rejected => out.push_str(" [rejected]"),
        RallyStatus::Cancelled => out.push_str(" [CANCELLED]"),
    }
    out.push('\n');
    let _ = writeln!(out, "   When:  {}", local_label(r.starts_at, r.time_zone));
    if let Some(end) = r.ends_at {
        let _ = writeln!(out, "   Ends:  {}", local_label(end, r.time_zone));
    }
    let _ = writeln!(out, "   Where: {}", r.place_name);
    if !r.address.is_empty() {
        let _ = writeln!(out, "   Address: {}", r.address);
    }
    // Imported rallies have no Discord organiser, only a contact.
    if r.organiser_gone {
        let _ = writeln!(out, "   Organiser: a former member");
    } else if r.organiser_id != 0 {
        let _ = writeln!(out, "   Organiser: {}", names.name(r.organiser_id));
    }
    if !r.contact.is_empty() {
        let _ = writeln!(out, "   Contact: {}", r.contact);
    }
    let _ = writeln!(out, "   {}", counts(v));
    if let Some(reason) = &r.status_reason {
        let _ = writeln!(out, "   Reason: {reason}");
    }
    if !r.details.is_empty() {
        for (i, line) in r.details.lines().enumerate() {
            let label = if i == 0 { "Details:" } else { "        " };
            let _ = writeln!(out, "   {label} {line}");
        }
    }
    out
}

fn counts(v: &RallyView) -> String {
    let mine = match v.my_rsvp {
        Some(RsvpStatus::Going) => " (you: going)",
        Some(RsvpStatus::Interested) => " (you: interested)",
        None => "",
    };
    format!(
        "RSVPs: {} going, {} interested{mine}",
        v.counts.going, v.counts.interested
    )
}

fn changes(out: &mut String, changes: &[Change]) {
    for c in changes {
        let _ = writeln!(out, "   {}: {} -> {}", c.field, c.before, c.after);
    }
}

fn notes(out: &mut String, notes: &[Note], style: &dyn Style) {
    for n in notes {
        let _ = writeln!(out, "Note: {}", text::note(n, style));
    }
}

fn settings(s: &ServerSettings, style: &dyn Style, lang: Lang) -> String {
    let more: String = crate::service::settings::setting_lines(s)
        .into_iter()
        .skip(3)
        .map(|(name, value)| {
            format!(
                "   {}: {}\n",
                t!(lang, name),
                text::setting(&value, style, lang)
            )
        })
        .collect();
    let yes_no = if s.require_approval {
        "setting-true"
    } else {
        "setting-false"
    };
    let head = format!(
        "{}\n   {}: {}\n   {}: {}\n   {}: {}\n",
        t!(lang, "settings-console-title", id = s.server_id.to_string()),
        t!(lang, "settings-name-require-approval"),
        t!(lang, yes_no),
        t!(lang, "settings-name-unit"),
        s.distance_unit.as_str(),
        t!(lang, "settings-name-moderator-role"),
        s.moderator_role_id
            .map_or_else(|| t!(lang, "setting-none"), |r| r.to_string()),
    );
    head + &more
}

pub fn about() -> String {
    format!(
        "rallybot {}: find rallies near you, RSVP and get reminders.\n{}",
        env!("CARGO_PKG_VERSION"),
        crate::ABOUT_TEXT
    )
}

/// The audit log, newest first, as lines.
fn audit_log(
    rally: Option<i64>,
    entries: &[crate::domain::AuditEntry],
    names: &dyn Names,
    lang: Lang,
) -> String {
    let title = text::audit::title(rally, lang);
    if entries.is_empty() {
        return t!(lang, "log-empty", title = title);
    }
    let mut out = format!("{title}:");
    for e in entries {
        let rally = e.rally_id.map_or(String::new(), |id| format!(" #{id}"));
        out.push_str("\n- ");
        out.push_str(&t!(
            lang,
            "log-line",
            when = text::audit::at(e.at, lang),
            action = text::audit::action(&e.action, lang),
            rally = rally,
            actor = names.name(e.actor_id)
        ));
        if !e.before.is_empty() {
            out.push_str("\n    ");
            out.push_str(&t!(lang, "log-line-before", before = e.before.as_str()));
        }
        if !e.after.is_empty() {
            out.push_str("\n    ");
            out.push_str(&t!(lang, "log-line-after", after = e.after.as_str()));
        }
    }
    out
}

fn status(failed: &DeliveryFailures, lang: Lang) -> String {
    if failed.is_empty() {
        return format!("{}\n", t!(lang, "status-all-delivered"));
    }
    let mut out = String::new();
    let reminders: Vec<_> = failed.reminders().collect();
    if !reminders.is_empty() {
        let heading = t!(lang, "status-reminders-failed", count = reminders.len());
        let _ = writeln!(out, "{heading}:");
        for (r, title) in reminders {
            let kind = match r.kind {
                OutboxKind::ChannelReminder => "status-channel-reminder",
                _ => "status-personal-reminder",
            };
            let line = t!(
                lang,
                kind,
                lead = lead_words_in(r.lead.unwrap_or_default(), lang),
                target = r.target_id.to_string(),
                why = text::failure_in(r, lang)
            );
            let _ = writeln!(out, "   #{} {title}: {line}", r.rally_id);
        }
    }
    let messages: Vec<_> = failed.messages().collect();
    if !messages.is_empty() {
        let heading = t!(lang, "status-messages-failed", count = messages.len());
        let _ = writeln!(out, "{heading}:");
        for (n, title) in messages {
            let channel = || t!(lang, "setting-channel", id = n.target_id.to_string());
            let what = match n.kind {
                OutboxKind::CardEdit => t!(lang, "status-card-edit", channel = channel()),
                OutboxKind::ModeratorPost => {
                    t!(lang, "status-moderator-post", channel = channel())
                }
                _ => t!(
                    lang,
                    "status-dm",
                    user = t!(lang, "status-user", id = n.target_id.to_string())
                ),
            };
            let _ = writeln!(
                out,
                "   #{} {title}: {what}: {}",
                n.rally_id,
                text::failure_in(n, lang)
            );
        }
    }
    out
}
