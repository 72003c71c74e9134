//! Slash commands: the typed options become a request through the command table, the service
//! runs it, and the response is rendered; work that runs long is deferred first.
use serenity::all::{
    ChannelId, CommandInteraction, Context, CreateInteractionResponse,
    CreateInteractionResponseMessage,
};

use super::{announce, error_reply};
use crate::commands::{self, RequestError};
use crate::discord::components::ListSource;
use crate::discord::deferral::{self, Timing, DEFER_AFTER};
use crate::discord::render::{self, Reply};
use crate::discord::request::{caller_in, invocation, Locales};
use crate::discord::style::Discord;
use crate::domain::{Caller, CardKind, OutboxItem};
use crate::i18n::Lang;
use crate::service::request::Request;
use crate::service::response::{Answer, Response};
use crate::service::Service;

pub(super) async fn command(
    service: &Service,
    ctx: &Context,
    c: &CommandInteraction,
) -> serenity::Result<()> {
    let inv = invocation(&c.data, &c.locale);
    let lang = inv.lang;
    let context = inv.path.join(" ");
    let request = match commands::parse(inv) {
        Ok(r) => r,
        Err(e) => return reply_now(ctx, c, Reply::text(request_error(&e, lang), true)).await,
    };
    let who = caller_in(
        ctx,
        c.guild_id,
        c.channel_id,
        c.member.as_deref(),
        &c.user,
        Locales {
            user: &c.locale,
            server: c.guild_locale.as_deref(),
        },
    );
    let source = ListSource::of(&request);
    // The reply, and what the caller should hear that a public reply can't carry.
    let work = async {
        match service.execute(&who, request).await {
            Ok(Answer {
                response:
                    Response::Announce {
                        view,
                        channel,
                        ping,
                    },
                untold,
            }) => {
                let channel = channel.map_or(c.channel_id, |id| ChannelId::new(id as u64));
                let rally = view.rally.id;
                let card = render::response(
                    &Response::Announce {
                        view,
                        channel: None,
                        ping: None,
                    },
                    0,
                    None,
                    // A post in a channel, for everyone there: in the server's language, as
                    // the reminders and the edits of this card will be.
                    server_language(service, &who).await,
                );
                // The confirmation is the moderator's own: in their language.
                let (reply, posted) = announce::post(ctx, channel, card, ping, lang).await;
                if let Some(message) = posted {
                    let record = Request::CardPosted {
                        rally,
                        channel: channel.get() as i64,
                        message: message.get() as i64,
                        kind: CardKind::Announcement,
                    };
                    remember(service, &who, record).await;
                }
                (with_untold(reply, &untold, lang), Vec::new())
            }
            Ok(Answer { response, untold }) => {
                let reply = render::response(&response, 0, source.as_ref(), lang);
                if reply.ephemeral {
                    (with_untold(reply, &untold, lang), Vec::new())
                } else {
                    (reply, untold)
                }
            }
            Err(e) => (error_reply(&e, &context, lang), Vec::new()),
        }
    };
    let defer = c.create_response(
        ctx,
        CreateInteractionResponse::Defer(CreateInteractionResponseMessage::new().ephemeral(true)),
    );
    let untold = match deferral::run(work, DEFER_AFTER, defer).await? {
        Timing::Quick((reply, untold)) => {
            reply_now(ctx, c, reply).await?;
            untold
        }
        Timing::Deferred((reply, untold)) => {
            c.edit_response(ctx, reply.edit()).await?;
            untold
        }
    };
    // Failed direct messages are told the next time the person uses the bot, privately.
    if !untold.is_empty() {
        let text = untold_lines(&untold, lang).join("\n");
        c.create_followup(ctx, Reply::text(text, true).followup())
            .await?;
    }
    Ok(())
}

/// The language of the server's channel posts; English when it can't be read, since a card
/// must still go out.
async fn server_language(service: &Service, who: &Caller) -> Lang {
    let Some(server) = who.origin.server_id else {
        return who.server_lang.unwrap_or_default();
    };
    match service.language_for(server, None).await {
        Ok(lang) => lang,
        Err(e) => {
            crate::error::report(&e, "the server's language for an announcement");
            who.server_lang.unwrap_or_default()
        }
    }
}

/// What went wrong with the command as typed.
fn request_error(e: &RequestError, lang: Lang) -> String {
    crate::text::request_error(e, &Discord, lang)
}

/// Our own words with a rally number and Discord's reason: nothing anyone typed.
fn untold_lines(untold: &[OutboxItem], lang: Lang) -> Vec<String> {
    untold
        .iter()
        .map(|item| crate::text::untold(item, lang))
        .collect()
}

/// Adds what the caller should hear to a private reply's text.
fn with_untold(mut reply: Reply, untold: &[OutboxItem], lang: Lang) -> Reply {
    if untold.is_empty() {
        return reply;
    }
    let mut content = reply.content.take().unwrap_or_default();
    for line in untold_lines(untold, lang) {
        content.push_str(&format!("\n{line}"));
    }
    reply.content = Some(content.trim().to_string());
    reply
}

/// Records a posted card so later changes edit it; a failure here loses only that.
async fn remember(service: &Service, who: &Caller, record: Request) {
    if let Err(e) = service.execute(who, record).await {
        crate::error::report(&e, "recording an announcement card");
    }
}

async fn reply_now(ctx: &Context, c: &CommandInteraction, reply: Reply) -> serenity::Result<()> {
    c.create_response(ctx, CreateInteractionResponse::Message(reply.message()))
        .await
}
