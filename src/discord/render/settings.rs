//! `/rallymod settings` and `/rally about`: the server's settings, and what rallybot is.
use serenity::all::{Colour, CreateEmbed};

use crate::discord::style::Discord;
use crate::domain::ServerSettings;
use crate::i18n::Lang;
use crate::t;
use crate::text;

/// The settings as an embed for a moderator reading `lang`.
pub fn settings(s: &ServerSettings, page: Option<&str>, lang: Lang) -> CreateEmbed {
    // The first three are shown above with their option names; the rest as people read them.
    let more = crate::service::settings::setting_lines(s)
        .into_iter()
        .skip(3);
    let yes_no = if s.require_approval {
        "setting-true"
    } else {
        "setting-false"
    };
    let embed = CreateEmbed::new()
        .title(t!(lang, "settings-title"))
        .field(
            t!(lang, "settings-name-require-approval"),
            t!(lang, yes_no),
            true,
        )
        .field(
            t!(lang, "settings-name-unit"),
            s.distance_unit.as_str(),
            true,
        )
        .field(
            t!(lang, "settings-name-moderator-role"),
            s.moderator_role_id
                .map_or_else(|| t!(lang, "setting-none"), |r| format!("<@&{r}>")),
            true,
        );
    let embed = more.fold(embed, |e, (name, value)| {
        e.field(t!(lang, name), text::setting(&value, &Discord, lang), true)
    });
    match page {
        Some(url) => embed.field(
            t!(lang, "settings-page"),
            format!("{url}\n{}", t!(lang, "settings-page-about")),
            false,
        ),
        None => embed,
    }
}

pub fn about(page: Option<&str>) -> CreateEmbed {
    let embed = CreateEmbed::new()
        .title(format!("rallybot {}", env!("CARGO_PKG_VERSION")))
        .description(crate::ABOUT_TEXT)
        .colour(Colour::DARK_GREEN);
    match page {
        Some(url) => embed.field("This server's rallies on the web", url, false),
        None => embed,
    }
}
