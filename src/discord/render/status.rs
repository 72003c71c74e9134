//! `/rallymod status`: what could not be delivered, reminders and change messages apart.
use serenity::all::{Colour, CreateEmbed};

use super::Reply;
use crate::discord::escape::{limit, markdown};
use crate::domain::{OutboxItem, OutboxKind};
use crate::service::settings::lead_words;
use crate::service::DeliveryFailures;

pub fn status(failed: &DeliveryFailures) -> Reply {
    if failed.is_empty() {
        return Reply::text(
            "Every reminder and change message so far was delivered.",
            true,
        );
    }
    let reminders = failed.reminders().map(|(r, title)| {
        let target = match r.kind {
            OutboxKind::ChannelReminder => format!("<#{}>", r.target_id),
            _ => format!("<@{}>", r.target_id),
        };
        let line = format!(
            "{} before, to {target}: {}",
            lead_words(r.lead.unwrap_or_default()),
            why(r)
        );
        (r.rally_id, title.as_str(), line)
    });
    let changes = failed.messages().map(|(n, title)| {
        let what = match n.kind {
            OutboxKind::CardEdit => format!("card edit in <#{}>", n.target_id),
            OutboxKind::ModeratorPost => format!("post for moderators in <#{}>", n.target_id),
            _ => format!("DM to <@{}>", n.target_id),
        };
        let line = format!("{what}: {}", why(n));
        (n.rally_id, title.as_str(), line)
    });
    let (reminder_count, change_count) = (failed.reminders().count(), failed.messages().count());
    Reply {
        embeds: [
            embed("Reminders that failed", reminder_count, reminders),
            embed("Change messages that failed", change_count, changes),
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

fn why(item: &OutboxItem) -> String {
    markdown(&crate::text::failure(item))
}
