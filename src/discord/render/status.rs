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
    // An embed holds at most 25 fields.
    let mut embeds = Vec::new();
    if !failed.reminders.is_empty() {
        let mut embed = CreateEmbed::new()
            .title(format!(
                "Reminders that failed ({})",
                failed.reminders.len()
            ))
            .colour(Colour::RED);
        for (r, title) in failed.reminders.iter().take(25) {
            let target = match r.kind {
                ReminderKind::Channel => format!("<#{}>", r.target_id),
                ReminderKind::Personal => format!("<@{}>", r.target_id),
            };
            embed = embed.field(
                limit(format!("#{} {}", r.rally_id, markdown(title)), 256),
                limit(
                    format!(
                        "{} before, to {target}: {}",
                        lead_words(r.lead),
                        why(r.last_error.as_deref())
                    ),
                    1024,
                ),
                false,
            );
        }
        embeds.push(embed);
    }
    if !failed.changes.is_empty() {
        let mut embed = CreateEmbed::new()
            .title(format!(
                "Change messages that failed ({})",
                failed.changes.len()
            ))
            .colour(Colour::RED);
        for (n, title) in failed.changes.iter().take(25) {
            let what = match n.kind {
                NoticeKind::Dm => format!("DM to <@{}>", n.target_id),
                NoticeKind::Card => format!("card edit in <#{}>", n.target_id),
            };
            embed = embed.field(
                limit(format!("#{} {}", n.rally_id, markdown(title)), 256),
                limit(format!("{what}: {}", why(n.last_error.as_deref())), 1024),
                false,
            );
        }
        embeds.push(embed);
    }
    Reply {
        embeds,
        ephemeral: true,
        ..Default::default()
    }
}

fn why(error: Option<&str>) -> String {
    markdown(error.unwrap_or("no reason recorded"))
}
