//! Posting an announcement card where the service decided, pinging exactly whom it decided.
use serenity::all::{ChannelId, Context, CreateAllowedMentions, CreateMessage, MessageId, RoleId};

use crate::discord::render::Reply;
use crate::i18n::Lang;
use crate::service::announce::Ping;
use crate::t;

/// Posts the card and says how it went (and which message it became), in `lang`, the
/// moderator's. The service has checked that the channel is this server's and that the bot
/// may post (and ping) there.
pub(super) async fn post(
    ctx: &Context,
    channel: ChannelId,
    card: Reply,
    ping: Option<Ping>,
    lang: Lang,
) -> (Reply, Option<MessageId>) {
    // The only mention rallybot ever makes: exactly the role, or @everyone, asked for.
    let (content, mentions) = match ping {
        Some(Ping::Role(role)) => (
            Some(format!("<@&{role}>")),
            CreateAllowedMentions::new().roles(vec![RoleId::new(role as u64)]),
        ),
        Some(Ping::Everyone) => (
            Some("@everyone".to_string()),
            CreateAllowedMentions::new().everyone(true),
        ),
        None => (None, CreateAllowedMentions::new()),
    };
    let mut message = CreateMessage::new()
        .embeds(card.embeds)
        .components(card.components)
        .allowed_mentions(mentions);
    if let Some(content) = content {
        message = message.content(content);
    }
    match channel.send_message(ctx, message).await {
        Ok(posted) => (confirmation(channel, None, lang), Some(posted.id)),
        Err(e) => {
            tracing::warn!(%channel, error = %e, "announcing a rally failed");
            (confirmation(channel, Some(&e.to_string()), lang), None)
        }
    }
}

/// What the moderator hears: announced, or why not (`error`, Discord's words).
pub(crate) fn confirmation(channel: ChannelId, error: Option<&str>, lang: Lang) -> Reply {
    let channel = format!("<#{channel}>");
    let text = match error {
        None => t!(lang, "announced", channel = channel),
        Some(error) => t!(lang, "announce-failed", channel = channel, error = error),
    };
    Reply::text(text, true)
}
