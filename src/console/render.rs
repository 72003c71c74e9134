//! Replies as plain text for the terminal.
mod campaign;

use std::fmt::Write;

use crate::domain::{OutboxKind, RallyStatus, RallyView, RsvpStatus, ServerSettings};
use crate::i18n::{decimal, Lang};
use crate::service::notes::Note;
use crate::service::response::{ListKind, Response};
use crate::service::settings::lead_words_in;
use crate::service::{Change, DeliveryFailures, NearResult};
use crate::t;
use crate::text::{self, Style};
use when::local_label_in;

/// Turns user ids into the names typed with /as.
pub trait Names: Style {
    fn name(&self, user_id: i64) -> String;
}

/// A reply in `lang`, the language of the person at the console (`/as NAME --locale es`).
pub fn response(r: &Response, names: &dyn Names, lang: Lang) -> String {
    let card = |v: &RallyView| card(v, names, lang);
    let said = |message: &str, rally: i64, v: &RallyView| {
        format!("{}\n{}", t!(lang, message, id = rally), card(v))
    };
    match r {
        Response::Created(c) => {
            let rally = &c.view.rally;
            let said = match rally.status {
                RallyStatus::Pending => t!(lang, "console-created-pending", id = rally.id),
                _ => t!(lang, "created-listed", id = rally.id),
            };
            let mut out = format!("{said}\n{}", card(&c.view));
            notes(&mut out, &c.notes, names, lang);
            out
        }
        Response::Rally(v) => card(v),
        Response::RemindMe { view, before } => {
            let (id, title) = (view.rally.id, view.rally.title.as_str());
            let said = match before {
                Some(lead) => t!(
                    lang,
                    "console-remind-on",
                    lead = crate::service::settings::lead_words_in(*lead, lang),
                    id = id,
                    title = title
                ),
                None => t!(lang, "remind-off", id = id, title = title),
            };
            format!("{said}\n")
        }
        Response::Near(n) => near(n, names, lang),
        Response::Rsvp(v) => {
            let answer = match v.my_rsvp {
                Some(RsvpStatus::Going) => "rsvp-going",
                Some(RsvpStatus::Interested) => "rsvp-interested",
                None => "rsvp-not-going",
            };
            let (id, title) = (v.rally.id, v.rally.title.as_str());
            let mut out = format!(
                "{} {}\n",
                t!(lang, answer, id = id, title = title),
                counts(v, lang)
            );
            if !v.rally.address.is_empty() {
                let address = v.rally.address.as_str();
                let _ = writeln!(out, "{}", t!(lang, "rsvp-meeting-point", address = address));
            }
            out
        }
        Response::Edited(e) => {
            let mut out = format!("{}\n", t!(lang, "console-edited", id = e.view.rally.id));
            changes(&mut out, &e.changes);
            out.push_str(&card(&e.view));
            notes(&mut out, &e.notes, names, lang);
            out
        }
        Response::Cancelled(v) => said("cancelled", v.rally.id, v),
        Response::Announce { view, channel, .. } => {
            let said = match channel {
                Some(c) => t!(lang, "console-announced-in", channel = *c),
                None => t!(lang, "console-announced-here"),
            };
            format!("{said}\n{}", card(view))
        }
        Response::Approved(v) => said("approved", v.rally.id, v),
        Response::Rejected(v) => said("rejected", v.rally.id, v),
        Response::List { kind, rallies } => {
            let (title, empty) = match kind {
                ListKind::Upcoming => ("list-upcoming", "list-upcoming-empty"),
                ListKind::Queue => ("list-queue", "list-queue-empty"),
            };
            list(&t!(lang, title), &t!(lang, empty), rallies, names, lang)
        }
        Response::Mine {
            organising,
            answered,
        } => {
            let mut out = list(
                &t!(lang, "console-mine-organise"),
                &t!(lang, "console-mine-organise-empty"),
                organising,
                names,
                lang,
            );
            out.push_str(&list(
                &t!(lang, "console-mine-answered"),
                &t!(lang, "console-mine-answered-empty"),
                answered,
                names,
                lang,
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
        Response::CampaignList { campaign, rallies } => {
            let name = campaign.name.as_str();
            list(
                &t!(lang, "console-campaign-list", campaign = name),
                &t!(lang, "console-campaign-list-empty", campaign = name),
                rallies,
                names,
                lang,
            )
        }
        Response::Log { rally, entries } => audit_log(*rally, entries, names, lang),
        Response::Choices(choices) => choices.iter().map(|c| format!("{}\n", c.label)).collect(),
        Response::AskRejectReason { rally } => {
            format!("{}\n", t!(lang, "ask-reject-reason-typed", id = *rally))
        }
        Response::CardRecorded => String::new(),
        Response::Coalition(done) => {
            format!("{}\n", text::coalitions::coalition_done(done, names, lang))
        }
        Response::Dropped(v) => said("dropped", v.rally.id, v),
        Response::MyData(held) => format!("{}\n", text::mydata::held(held, names, lang)),
        Response::MyDataExport { json } => format!("{json}\n"),
        Response::ConfirmForget => format!(
            "{}\n{}\n",
            text::mydata::confirm_forget(lang),
            t!(lang, "mydata-confirm-typed")
        ),
        Response::Forgotten(f) => format!("{}\n", text::mydata::forgotten(f, lang)),
        Response::Public(_) => format!("{}\n", text::on_the_web(lang)),
        Response::Queue(entries) if entries.is_empty() => t!(lang, "list-queue-empty"),
        Response::Queue(entries) => {
            let mut out = format!("{}:\n", t!(lang, "list-queue"));
            for e in entries {
                out.push_str(&card(&e.view));
                if !e.clash.is_empty() {
                    let clash = text::clash_words_in(&e.clash, names, lang);
                    out.push_str(&format!("   CLASH: {clash}\n"));
                }
            }
            out
        }
    }
}

fn near(n: &NearResult, names: &dyn Names, lang: Lang) -> String {
    let unit = n.unit.as_str();
    let origin = n.origin.name.as_str();
    let mut out = String::new();
    if n.rallies.is_empty() {
        let none = t!(
            lang,
            "near-none",
            radius = n.radius,
            unit = unit,
            origin = origin
        );
        let _ = writeln!(out, "{none}");
    } else {
        let more = if n.more { "yes" } else { "no" };
        let count = n.rallies.len();
        let title = match &n.campaign {
            Some(c) => t!(
                lang,
                "console-near-title-campaign",
                campaign = c.as_str(),
                radius = n.radius,
                unit = unit,
                origin = origin,
                count = count,
                more = more
            ),
            None => t!(
                lang,
                "console-near-title",
                radius = n.radius,
                unit = unit,
                origin = origin,
                count = count,
                more = more
            ),
        };
        let _ = writeln!(out, "{title}");
        for (view, distance) in &n.rallies {
            let away = t!(
                lang,
                "near-away",
                distance = decimal(lang, *distance, 1),
                unit = unit
            );
            let _ = write!(out, "{away}: {}", card(view, names, lang));
        }
    }
    notes(&mut out, n.origin.note.as_slice(), names, lang);
    out
}

fn list(title: &str, empty: &str, rallies: &[RallyView], names: &dyn Names, lang: Lang) -> String {
    if rallies.is_empty() {
        return format!("{empty}\n");
    }
    let mut out = format!("{title} ({}):\n", rallies.len());
    for v in rallies {
        out.push_str(&card(v, names, lang));
    }
    out
}

/// How wide a card's labels are padded in `lang`, so that when, end and place line up.
fn label_width(lang: Lang) -> usize {
    ["card-when", "console-ends", "card-where"]
        .iter()
        .map(|id| crate::i18n::say(lang, id, None).chars().count() + 1)
        .max()
        .unwrap_or(0)
}

/// One line of a card: its label, padded to `width`, and the value.
fn line(out: &mut String, label: &str, value: &str, width: usize) {
    let _ = writeln!(out, "   {:<width$} {value}", format!("{label}:"));
}

pub fn card(v: &RallyView, names: &dyn Names, lang: Lang) -> String {
    let r = &v.rally;
    let mut out = format!("#{} {}", r.id, r.title);
    if let Some(server) = &v.from_server {
        let _ = write!(
            out,
            " {}",
            t!(lang, "console-from", server = server.as_str())
        );
    }
    let status = match r.status {
        RallyStatus::Approved => None,
        RallyStatus::Pending => Some("console-pending"),
        RallyStatus::Rejected => Some("console-rejected"),
        RallyStatus::Cancelled => Some("console-cancelled"),
    };
    if let Some(status) = status {
        let _ = write!(out, " {}", t!(lang, status));
    }
    out.push('\n');
    let width = label_width(lang);
    let time = |at| local_label_in(at, r.time_zone, lang);
    line(&mut out, &t!(lang, "card-when"), &time(r.starts_at), width);
    if let Some(end) = r.ends_at {
        line(&mut out, &t!(lang, "console-ends"), &time(end), width);
    }
    line(&mut out, &t!(lang, "card-where"), &r.place_name, width);
    if !r.address.is_empty() {
        line(&mut out, &t!(lang, "card-address"), &r.address, width);
    }
    // Imported rallies have no Discord organiser, only a contact.
    let organiser = t!(lang, "console-organiser");
    if r.organiser_gone {
        line(
            &mut out,
            &organiser,
            &t!(lang, "console-former-member"),
            width,
        );
    } else if r.organiser_id != 0 {
        line(&mut out, &organiser, &names.name(r.organiser_id), width);
    }
    if !r.contact.is_empty() {
        line(&mut out, &t!(lang, "console-contact"), &r.contact, width);
    }
    let _ = writeln!(out, "   {}", counts(v, lang));
    if let Some(reason) = &r.status_reason {
        line(&mut out, &t!(lang, "console-reason"), reason, width);
    }
    if !r.details.is_empty() {
        let label = format!("{}:", t!(lang, "console-details"));
        let indent = " ".repeat(label.chars().count());
        for (i, text) in r.details.lines().enumerate() {
            let label = if i == 0 { &label } else { &indent };
            let _ = writeln!(out, "   {label} {text}");
        }
    }
    out
}

fn counts(v: &RallyView, lang: Lang) -> String {
    let mine = match v.my_rsvp {
        Some(RsvpStatus::Going) => "going",
        Some(RsvpStatus::Interested) => "interested",
        None => "none",
    };
    t!(
        lang,
        "console-counts",
        going = v.counts.going,
        interested = v.counts.interested,
        mine = mine
    )
}

fn changes(out: &mut String, changes: &[Change]) {
    for c in changes {
        let _ = writeln!(out, "   {}: {} -> {}", c.field, c.before, c.after);
    }
}

fn notes(out: &mut String, notes: &[Note], style: &dyn Style, lang: Lang) {
    for n in notes {
        let _ = writeln!(
            out,
            "{}",
            t!(lang, "note", note = text::note(n, style, lang))
        );
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
