//! An announcement: the card in the server's language, the moderator's confirmation in theirs.
use serde_json::json;
use serenity::all::ChannelId;

use crate::discord::handler::announce::confirmation;
use crate::discord::render::tests::{json_of, view};
use crate::discord::render::{self};
use crate::domain::RallyStatus;
use crate::i18n::Lang;
use crate::service::response::Response;

#[test]
fn a_card_for_a_spanish_server_is_spanish_and_an_english_moderator_hears_english() {
    let announce = Response::Announce {
        view: view(1, "Vigilia", RallyStatus::Approved),
        channel: Some(300),
        ping: None,
    };
    // The card goes out in the server's language, buttons and all.
    let card = json_of(render::response(&announce, 0, None, Lang::Es));
    assert_eq!(card["embeds"][0]["fields"][0]["name"], json!("Cuándo"));
    assert_eq!(
        card["components"][0]["components"][2]["label"],
        json!("No puedo ir")
    );
    assert_eq!(
        card["flags"],
        json!(0),
        "a post for the channel, not ephemeral"
    );
    // The moderator who asked hears back in theirs.
    let told = json_of(confirmation(ChannelId::new(300), None, Lang::En));
    assert_eq!(told["content"], json!("Announced in <#300>."));
    assert_eq!(told["flags"], json!(64));
    let failed = json_of(confirmation(
        ChannelId::new(300),
        Some("Missing Access"),
        Lang::Es,
    ));
    assert_eq!(
        failed["content"],
        json!("No pude publicar en <#300>: revisa que pueda ver el canal, enviar mensajes e insertar enlaces ahí. (Missing Access)")
    );
}
