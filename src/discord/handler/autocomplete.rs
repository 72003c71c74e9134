//! Autocomplete: what the table says an option offers, found by the service.
use serenity::all::{
    CommandInteraction, Context, CreateAutocompleteResponse, CreateInteractionResponse,
};

use crate::commands::table;
use crate::discord::request::{caller_in, focused, invocation, Locales};
use crate::service::request::Request;
use crate::service::response::Response;
use crate::service::Service;

pub(super) async fn autocomplete(
    service: &Service,
    ctx: &Context,
    c: &CommandInteraction,
) -> serenity::Result<()> {
    let Some((option, typed)) = focused(&c.data) else {
        return Ok(());
    };
    let path = invocation(&c.data, &c.locale).path;
    let complete = table::sub(&path)
        .and_then(|sub| sub.option(&option))
        .and_then(|o| o.complete);
    let choices = match complete {
        Some(complete) => {
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
            match service
                .execute(&who, Request::Autocomplete { complete, typed })
                .await
            {
                Ok(answer) => match answer.response {
                    Response::Choices(choices) => choices,
                    _ => Vec::new(),
                },
                Err(e) => {
                    crate::error::report(&e, "autocomplete");
                    Vec::new()
                }
            }
        }
        None => Vec::new(),
    };
    let response = choices
        .into_iter()
        .fold(CreateAutocompleteResponse::new(), |r, choice| {
            r.add_string_choice(choice.label, choice.value)
        });
    c.create_response(ctx, CreateInteractionResponse::Autocomplete(response))
        .await
}
