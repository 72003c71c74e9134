//! Buttons: a click is decoded from its custom id into a request, run by the service like any
//! other, and the message it was on is updated.
use serenity::all::{
    ComponentInteraction, Context, CreateActionRow, CreateInputText, CreateInteractionResponse,
    CreateModal, InputTextStyle, MessageFlags,
};

use super::error_reply;
use crate::discord::components::{
    reject_modal_id, rsvp_row, Click, ListSource, REJECT_REASON_INPUT,
};
use crate::discord::escape::markdown;
use crate::discord::render::{self, Reply};
use crate::discord::request::caller_in;
use crate::domain::limits::REASON_MAX;
use crate::error::Error;
use crate::service::request::{MyDataAction, Request};
use crate::service::response::Response;
use crate::service::Service;

pub(super) async fn component(
    service: &Service,
    ctx: &Context,
    c: &ComponentInteraction,
) -> serenity::Result<()> {
    let Some(click) = Click::decode(&c.data.custom_id) else {
        tracing::debug!(custom_id = %c.data.custom_id, "ignoring a component rallybot doesn't know");
        return Ok(());
    };
    let who = caller_in(ctx, c.guild_id, c.channel_id, c.member.as_ref(), &c.user);
    let (request, page, list) = match &click {
        Click::Rsvp { rally, choice } => (
            Request::Rsvp {
                rally: *rally,
                choice: *choice,
            },
            0,
            None,
        ),
        Click::Approve { rally } => (Request::Approve { rally: *rally }, 0, None),
        // Checked before the modal opens, so a member never gets as far as typing a reason.
        Click::Reject { rally } => (Request::AskRejectReason { rally: *rally }, 0, None),
        Click::Page { page, list } => (list.request(), *page, Some(list)),
        Click::ForgetMe => (Request::MyData(MyDataAction::ConfirmDelete), 0, None),
    };
    let response = match service.execute(&who, request).await {
        Ok(answer) => answer.response,
        Err(e) => return failed(ctx, c, &e).await,
    };
    let update = match response {
        Response::Rsvp(view) => {
            // The card shows everyone's counts; the clicker also hears what was recorded.
            let card = Reply {
                content: Some(c.message.content.clone()).filter(|s| !s.is_empty()),
                embeds: vec![render::card(&view, None)],
                components: vec![rsvp_row(&view)],
                ephemeral: false,
                files: Vec::new(),
            };
            c.create_response(
                ctx,
                CreateInteractionResponse::UpdateMessage(card.message()),
            )
            .await?;
            let confirm = render::response(&Response::Rsvp(view), 0, None);
            return c.create_followup(ctx, confirm.followup()).await.map(|_| ());
        }
        Response::Approved(view) => {
            let done = format!(
                "Rally #{} {} is approved; its organiser is told. (<@{}>)",
                view.rally.id,
                markdown(&view.rally.title),
                who.user_id
            );
            let private = c
                .message
                .flags
                .is_some_and(|f| f.contains(MessageFlags::EPHEMERAL));
            let mut reply = if private {
                // The moderator's own queue is shown again, without the approved rally.
                match service.execute(&who, Request::Queue).await {
                    Ok(answer) => render::response(&answer.response, 0, Some(&ListSource::Queue)),
                    Err(e) => return failed(ctx, c, &e).await,
                }
            } else {
                // A post in the moderator channel: it now says who approved it.
                Reply {
                    embeds: vec![render::card(&view, None)],
                    ..Default::default()
                }
            };
            reply.content = Some(done);
            reply
        }
        Response::AskRejectReason { rally } => {
            let reason = CreateInputText::new(
                InputTextStyle::Paragraph,
                "Reason (told to the organiser)",
                REJECT_REASON_INPUT,
            )
            .required(false)
            .max_length(REASON_MAX as u16);
            let modal = CreateModal::new(reject_modal_id(rally), format!("Reject rally #{rally}"))
                .components(vec![CreateActionRow::InputText(reason)]);
            return c
                .create_response(ctx, CreateInteractionResponse::Modal(modal))
                .await;
        }
        other => render::response(&other, page, list),
    };
    c.create_response(
        ctx,
        CreateInteractionResponse::UpdateMessage(update.message()),
    )
    .await
}

async fn failed(ctx: &Context, c: &ComponentInteraction, e: &Error) -> serenity::Result<()> {
    let reply = error_reply(e, "button");
    c.create_response(ctx, CreateInteractionResponse::Message(reply.message()))
        .await
}
