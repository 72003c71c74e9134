//! A submitted modal: the reason for a rejection, run as `Request::Reject`.
use serenity::all::{
    ActionRowComponent, Context, CreateInteractionResponse, MessageFlags, ModalInteraction,
};

use super::error_reply;
use crate::discord::components::{decode_reject_modal, REJECT_REASON_INPUT};
use crate::discord::escape::markdown;
use crate::discord::render::{self, Reply};
use crate::discord::request::{caller_in, Locales};
use crate::i18n::{lang_of_locale, Lang};
use crate::service::request::Request;
use crate::service::response::Response;
use crate::service::Service;

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
    let done = format!(
        "Rally #{} {} is rejected; its organiser is told{}. (<@{}>)",
        view.rally.id,
        markdown(&view.rally.title),
        if view.rally.status_reason.is_some() {
            ", with the reason"
        } else {
            ""
        },
        who.user_id
    );
    // Opened from a post in the moderator channel: the post says it is decided.
    let from_post = m.message.as_ref().is_some_and(|msg| {
        !msg.flags
            .is_some_and(|f| f.contains(MessageFlags::EPHEMERAL))
    });
    let response = if from_post {
        let post = Reply {
            content: Some(done),
            embeds: vec![render::card(&view, None, Lang::En)],
            ..Default::default()
        };
        CreateInteractionResponse::UpdateMessage(post.message())
    } else {
        CreateInteractionResponse::Message(Reply::text(done, true).message())
    };
    m.create_response(ctx, response).await
}
