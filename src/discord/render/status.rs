//! `/rallymod status`: what could not be delivered, reminders and change messages apart.
use serenity::all::{Colour, CreateEmbed};

use super::Reply;
use crate::discord::escape::{limit, markdown};
use crate::domain::{OutboxItem, OutboxKind};
use crate::i18n::Lang;
use crate::service::settings::lead_words_in;
use crate::service::DeliveryFailures;
use crate::t;

/// What failed, for a moderator reading `lang`.
pub fn status(failed: &DeliveryFailures, lang: Lang) -> Reply {
    if failed.is_empty() {
        return Reply::text(t!(lang, "status-all-delivered"), true);
    }
    let reminders = failed.reminders().map(|(r, title)| {
        let target = match r.kind {
            OutboxKind::ChannelReminder => format!("<#{}>", r.target_id),
            _ => format!("<@{}>", r.target_id),
        };
        let line = t!(
            lang,
            "status-reminder",
            lead = lead_words_in(r.lead.unwrap_or_default(), lang),
            target = target,
            why = why(r, lang)
        );
        (r.rally_id, title.as_str(), line)
    });
    let changes = failed.messages().map(|(n, title)| {
        let what = match n.kind {
            OutboxKind::CardEdit => {
                t!(
                    lang,
                    "status-card-edit",
                    channel = format!("<#{}>", n.target_id)
                )
            }
            OutboxKind::ModeratorPost => t!(
                lang,
                "status-moderator-post",
                channel = format!("<#{}>", n.target_id)
            ),
            _ => t!(lang, "status-dm", user = format!("<@{}>", n.target_id)),
        };
        let line = format!("{what}: {}", why(n, lang));
        (n.rally_id, title.as_str(), line)
    });
    let (reminder_count, change_count) = (failed.reminders().count(), failed.messages().count());
    Reply {
        embeds: [
            embed(
                t!(lang, "status-reminders-failed", count = reminder_count),
                reminder_count,
                reminders,
            ),
            embed(
                t!(lang, "status-messages-failed", count = change_count),
                change_count,
                changes,
            ),
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
    heading: String,
    count: usize,
    failures: impl Iterator<Item = (i64, &'a str, String)>,
) -> Option<CreateEmbed> {
    if count == 0 {
        return None;
    }
    let embed = CreateEmbed::new().title(heading).colour(Colour::RED);
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

fn why(item: &OutboxItem, lang: Lang) -> String {
    markdown(&crate::text::failure_in(item, lang))
}
