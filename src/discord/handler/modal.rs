//! A submitted modal: the reason for a rejection, run as `Request::Reject`.
use serenity::all::{
    ActionRowComponent, Context, CreateInteractionResponse, MessageFlags, ModalInteraction,
};

use super::error_reply;
use crate::discord::components::{decode_reject_modal, REJECT_REASON_INPUT};
use crate::discord::escape::markdown;
use crate::discord::render::{self, Reply};
use crate::discord::request::{caller_in, Locales};
use crate::domain::RallyView;
use crate::i18n::{lang_of_locale, Lang};
use crate::service::request::Request;
use crate::service::response::Response;
use crate::service::Service;
use crate::t;

pub(super) async fn modal(
    service: &Service,
    ctx: &Context,
    m: &ModalInteraction,
) -> serenity::Result<()> {
    let Some(rally) = decode_reject_modal(&m.data.custom_id) else {
        tracing::debug!(custom_id = %m.data.custom_id, "ignoring a modal rallybot doesn't know");
        return Ok(());
    };
    let reason: Option<String> = m
        .data
        .components
        .iter()
        .flat_map(|row| row.components.iter())
        .find_map(|c| match c {
            ActionRowComponent::InputText(t) if t.custom_id == REJECT_REASON_INPUT => {
                t.value.clone()
            }
            _ => None,
        });
    let who = caller_in(
        ctx,
        m.guild_id,
        m.channel_id,
        m.member.as_ref(),
        &m.user,
        Locales {
            user: &m.locale,
            server: m.guild_locale.as_deref(),
        },
    );
    let view = match service
        .execute(&who, Request::Reject { rally, reason })
        .await
    {
        Ok(answer) => match answer.response {
            Response::Rejected(view) => view,
            other => {
                let reply = render::response(&other, 0, None, lang_of_locale(&m.locale));
                return m
                    .create_response(ctx, CreateInteractionResponse::Message(reply.message()))
                    .await;
            }
        },
        Err(e) => {
            let reply = error_reply(&e, "reject modal", lang_of_locale(&m.locale));
            return m
                .create_response(ctx, CreateInteractionResponse::Message(reply.message()))
                .await;
        }
    };
    // Opened from a post in the moderator channel: the post says it is decided, in its own
    // language; otherwise only the moderator reads it, in theirs.
    let lang = lang_of_locale(&m.locale);
    let post = m.message.as_deref().filter(|msg| {
        !msg.flags
            .is_some_and(|f| f.contains(MessageFlags::EPHEMERAL))
    });
    let shown_in = post.map_or(lang, super::component::language_of);
    let done = rejected_by(&view, who.user_id, shown_in);
    let response = if post.is_some() {
        let post = Reply {
            content: Some(done),
            embeds: vec![render::card(&view, None, shown_in)],
            ..Default::default()
        };
        CreateInteractionResponse::UpdateMessage(post.message())
    } else {
        CreateInteractionResponse::Message(Reply::text(done, true).message())
    };
    m.create_response(ctx, response).await
}

/// "Rally #3 Vigil is rejected; its organiser is told (with the reason). (@moderator)"
pub(crate) fn rejected_by(view: &RallyView, moderator: i64, lang: Lang) -> String {
    let id = if view.rally.status_reason.is_some() {
        "rejected-by-with-reason"
    } else {
        "rejected-by"
    };
    t!(
        lang,
        id,
        id = view.rally.id,
        title = markdown(&view.rally.title),
        moderator = format!("<@{moderator}>")
    )
}
