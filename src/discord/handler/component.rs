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
use crate::discord::request::{caller_in, Locales};
use crate::domain::limits::REASON_MAX;
use crate::error::Error;
use crate::i18n::{lang_of_locale, Lang};
use crate::service::request::{MyDataAction, Request};
use crate::service::response::Response;
use crate::service::Service;
use crate::t;

/// The language a message of ours was written in, told by its words: a card's first field
/// or a list's page buttons. English when neither says.
pub(super) fn language_of(message: &serenity::all::Message) -> Lang {
    let words: Vec<&str> = message
        .embeds
        .iter()
        .flat_map(|e| e.fields.iter().map(|f| f.name.as_str()))
        .chain(message.components.iter().flat_map(|row| {
            row.components.iter().filter_map(|c| match c {
                serenity::all::ActionRowComponent::Button(b) => b.label.as_deref(),
                _ => None,
            })
        }))
        .collect();
    [Lang::Es]
        .into_iter()
        .find(|lang| {
            ["card-when", "page-previous", "button-cant-go"]
                .iter()
                .any(|id| words.contains(&t!(*lang, id).as_str()))
        })
        .unwrap_or(Lang::En)
}

/// The language a clicked message is in. A private message (a moderator's queue, a person's
/// own list) was written for the one person who can click it, in their language.
pub(super) fn shown_in(message: &serenity::all::Message, clicker: Lang) -> Lang {
    if message
        .flags
        .is_some_and(|f| f.contains(MessageFlags::EPHEMERAL))
    {
        clicker
    } else {
        language_of(message)
    }
}

pub(super) async fn component(
    service: &Service,
    ctx: &Context,
    c: &ComponentInteraction,
) -> serenity::Result<()> {
    let Some(click) = Click::decode(&c.data.custom_id) else {
        tracing::debug!(custom_id = %c.data.custom_id, "ignoring a component rallybot doesn't know");
        return Ok(());
    };
    let who = caller_in(
        ctx,
        c.guild_id,
        c.channel_id,
        c.member.as_ref(),
        &c.user,
        Locales {
            user: &c.locale,
            server: c.guild_locale.as_deref(),
        },
    );
    // What only the clicker sees is in their language; the message clicked on keeps its own,
    // so one person's click doesn't turn a channel's card into another language.
    let lang = lang_of_locale(&c.locale);
    let shown_in = shown_in(&c.message, lang);
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
        Err(e) => return failed(ctx, c, &e, lang).await,
    };
    let update = match response {
        Response::Rsvp(view) => {
            // The card shows everyone's counts; the clicker also hears what was recorded.
            let card = Reply {
                content: Some(c.message.content.clone()).filter(|s| !s.is_empty()),
                embeds: vec![render::card(&view, None, shown_in)],
                components: vec![rsvp_row(&view, shown_in)],
                ephemeral: false,
                files: Vec::new(),
            };
            c.create_response(
                ctx,
                CreateInteractionResponse::UpdateMessage(card.message()),
            )
            .await?;
            let confirm = render::response(&Response::Rsvp(view), 0, None, lang);
            return c.create_followup(ctx, confirm.followup()).await.map(|_| ());
        }
        Response::Approved(view) => {
            let done = t!(
                shown_in,
                "approved-by",
                id = view.rally.id,
                title = markdown(&view.rally.title),
                moderator = format!("<@{}>", who.user_id)
            );
            let private = c
                .message
                .flags
                .is_some_and(|f| f.contains(MessageFlags::EPHEMERAL));
            let mut reply = if private {
                // The moderator's own queue is shown again, without the approved rally.
                match service.execute(&who, Request::Queue).await {
                    Ok(answer) => {
                        render::response(&answer.response, 0, Some(&ListSource::Queue), lang)
                    }
                    Err(e) => return failed(ctx, c, &e, lang).await,
                }
            } else {
                // A post in the moderator channel: it now says who approved it.
                Reply {
                    embeds: vec![render::card(&view, None, shown_in)],
                    ..Default::default()
                }
            };
            reply.content = Some(done);
            reply
        }
        Response::AskRejectReason { rally } => {
            // Only the moderator who clicked sees the form: in their language.
            return c
                .create_response(
                    ctx,
                    CreateInteractionResponse::Modal(reject_modal(rally, lang)),
                )
                .await;
        }
        other => render::response(&other, page, list, shown_in),
    };
    c.create_response(
        ctx,
        CreateInteractionResponse::UpdateMessage(update.message()),
    )
    .await
}

async fn failed(
    ctx: &Context,
    c: &ComponentInteraction,
    e: &Error,
    lang: Lang,
) -> serenity::Result<()> {
    let reply = error_reply(e, "button", lang);
    c.create_response(ctx, CreateInteractionResponse::Message(reply.message()))
        .await
}

/// The form asking a moderator why rally `rally` is rejected, worded in their `lang`.
pub(crate) fn reject_modal(rally: i64, lang: Lang) -> CreateModal {
    let reason = CreateInputText::new(
        InputTextStyle::Paragraph,
        t!(lang, "reject-modal-reason"),
        REJECT_REASON_INPUT,
    )
    .required(false)
    .max_length(REASON_MAX as u16);
    CreateModal::new(
        reject_modal_id(rally),
        t!(lang, "reject-modal-title", id = rally),
    )
    .components(vec![CreateActionRow::InputText(reason)])
}
