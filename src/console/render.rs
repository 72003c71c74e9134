//! Replies as plain text for the terminal.
mod campaign;

use std::fmt::Write;

use crate::domain::{OutboxKind, RallyStatus, RallyView, RsvpStatus, ServerSettings};
use crate::service::notes::Note;
use crate::service::response::{ListKind, Response};
use crate::service::settings::lead_words;
use crate::service::{Change, DeliveryFailures, NearResult};
use crate::text::{self, Style};
use when::local_label;

/// Turns user ids into the names typed with /as.
pub trait Names: Style {
    fn name(&self, user_id: i64) -> String;
}

pub fn response(r: &Response, names: &dyn Names) -> String {
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
            "Announced in {}:\n{}",
            channel.map_or("this channel".to_string(), |c| format!("channel {c}")),
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
            let mut out = settings(s, names);
            if let Some(url) = page {
                out.push_str(&format!("   public page address: {url}\n"));
            }
            out
        }
        Response::Status(failed) => status(failed),
        Response::About { page } => match page {
            Some(url) => format!("{}\nThis server's rallies on the web: {url}", about()),
            None => about(),
        },
        Response::Campaign(s) => campaign::saved(s),
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
        Response::Log { rally, entries } => audit_log(*rally, entries, names),
        Response::Choices(choices) => choices.iter().map(|c| format!("{}\n", c.label)).collect(),
        Response::AskRejectReason { rally } => {
            format!("Give the reason with /rallymod reject rally:{rally} reason:\"...\".\n")
        }
        Response::CardRecorded => String::new(),
        Response::Coalition(done) => format!("{}\n", text::coalitions::coalition_done(done, names)),
        Response::Dropped(v) => format!(
            "Rally #{} is out of the shared campaign.\n{}",
            v.rally.id,
            card(v, names)
        ),
        Response::MyData(held) => format!("{}\n", text::mydata::held(held, names)),
        Response::MyDataExport { json } => format!("{json}\n"),
        Response::ConfirmForget => format!(
            "{}\nIn Discord a button confirms it; here, type /rally mydata action:confirm.\n",
            text::mydata::CONFIRM_FORGET
        ),
        Response::Forgotten(f) => format!("{}\n", text::mydata::forgotten(f)),
        Response::Public(_) => format!("{}\n", text::ON_THE_WEB),
        Response::Queue(entries) if entries.is_empty() => "Nothing is waiting for approval.".into(),
        Response::Queue(entries) => {
            let mut out = String::from("Waiting for approval:\n");
            for e in entries {
                out.push_str(&card(&e.view, names));
                if !e.clash.is_empty() {
                    let clash = text::clash_words(&e.clash, names);
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

fn settings(s: &ServerSettings, style: &dyn Style) -> String {
    let more: String = crate::service::settings::setting_lines(s)
        .into_iter()
        .skip(3)
        .map(|(name, value)| format!("   {name}: {}\n", text::setting(&value, style)))
        .collect();
    let head = format!(
        "Settings for server {}:\n   require_approval: {}\n   unit: {}\n   moderator_role: {}\n",
        s.server_id,
        s.require_approval,
        s.distance_unit.as_str(),
        s.moderator_role_id
            .map_or("none".to_string(), |r| r.to_string()),
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
) -> String {
    let title = rally.map_or("Audit log".to_string(), |id| {
        format!("Audit log of rally #{id}")
    });
    if entries.is_empty() {
        return format!("{title}: nothing recorded yet.");
    }
    let mut out = format!("{title}:");
    for e in entries {
        let rally = e.rally_id.map_or(String::new(), |id| format!(" #{id}"));
        out.push_str(&format!(
            "\n- {} {}{rally} by {}",
            e.at.format("%Y-%m-%d %H:%M UTC"),
            e.action,
            names.name(e.actor_id)
        ));
        if !e.before.is_empty() {
            out.push_str(&format!("\n    before: {}", e.before));
        }
        if !e.after.is_empty() {
            out.push_str(&format!("\n    after: {}", e.after));
        }
    }
    out
}

fn status(failed: &DeliveryFailures) -> String {
    if failed.is_empty() {
        return "Every reminder and change message so far was delivered.\n".into();
    }
    let mut out = String::new();
    let reminders: Vec<_> = failed.reminders().collect();
    if !reminders.is_empty() {
        let _ = writeln!(out, "Reminders that failed ({}):", reminders.len());
        for (r, title) in reminders {
            let kind = match r.kind {
                OutboxKind::ChannelReminder => "channel",
                _ => "personal",
            };
            let _ = writeln!(
                out,
                "   #{} {title}: {kind} reminder {} before, to {}: {}",
                r.rally_id,
                lead_words(r.lead.unwrap_or_default()),
                r.target_id,
                text::failure(r)
            );
        }
    }
    let messages: Vec<_> = failed.messages().collect();
    if !messages.is_empty() {
        let _ = writeln!(out, "Change messages that failed ({}):", messages.len());
        for (n, title) in messages {
            let what = match n.kind {
                OutboxKind::CardEdit => format!("card edit in channel {}", n.target_id),
                OutboxKind::ModeratorPost => {
                    format!("post for moderators in channel {}", n.target_id)
                }
                _ => format!("DM to user {}", n.target_id),
            };
            let _ = writeln!(
                out,
                "   #{} {title}: {what}: {}",
                n.rally_id,
                text::failure(n)
            );
        }
    }
    out
}
