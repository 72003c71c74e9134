//! `/rallymod status`: what could not be delivered, reminders and change messages apart.
use serenity::all::{Colour, CreateEmbed};

use super::Reply;
use crate::discord::escape::{limit, markdown};
use crate::service::changes::NoticeKind;
use crate::service::reminders::{lead_words, ReminderKind};
use crate::service::DeliveryFailures;

pub fn status(failed: &DeliveryFailures) -> Reply {
    if failed.is_empty() {
        return Reply::text(
            "Every reminder and change message so far was delivered.",
            true,
        );
    }
    let reminders = failed.reminders.iter().map(|(r, title)| {
        let target = match r.kind {
            ReminderKind::Channel => format!("<#{}>", r.target_id),
            ReminderKind::Personal => format!("<@{}>", r.target_id),
        };
        let line = format!(
            "{} before, to {target}: {}",
            lead_words(r.lead),
            why(r.last_error.as_deref())
        );
        (r.rally_id, title.as_str(), line)
    });
    let changes = failed.changes.iter().map(|(n, title)| {
        let what = match n.kind {
            NoticeKind::Dm => format!("DM to <@{}>", n.target_id),
            NoticeKind::Card => format!("card edit in <#{}>", n.target_id),
        };
        let line = format!("{what}: {}", why(n.last_error.as_deref()));
        (n.rally_id, title.as_str(), line)
    });
    Reply {
        embeds: [
            embed("Reminders that failed", failed.reminders.len(), reminders),
            embed("Change messages that failed", failed.changes.len(), changes),
        ]
        .into_iter()
        .flatten()
        .collect(),
        ephemeral: true,
        ..Default::default()
    }
}

/// A field per failed message (rally, its title, what failed), none when there are none. An
/// embed holds at most 25 fields; the heading counts them all.
fn embed<'a>(
    heading: &str,
    count: usize,
    failures: impl Iterator<Item = (i64, &'a str, String)>,
) -> Option<CreateEmbed> {
    if count == 0 {
        return None;
    }
    let embed = CreateEmbed::new()
        .title(format!("{heading} ({count})"))
        .colour(Colour::RED);
    Some(
        failures
            .take(25)
            .fold(embed, |embed, (rally_id, title, line)| {
                embed.field(
                    limit(format!("#{rally_id} {}", markdown(title)), 256),
                    limit(line, 1024),
                    false,
                )
            }),
    )
}

fn why(error: Option<&str>) -> String {
    markdown(error.unwrap_or("no reason recorded"))
}
