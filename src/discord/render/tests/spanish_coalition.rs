//! A Spanish moderator's coalition replies, with the Spanish command names.
use chrono::{TimeZone, Utc};

use super::json_of;
use crate::discord::render::response;
use crate::domain::{Coalition, Member};
use crate::i18n::Lang;
use crate::service::coalitions::{CoalitionDone, Invite};
use crate::service::response::Response;

fn coalition() -> Coalition {
    Coalition {
        id: 1,
        owner_server_id: 10,
        name: "Frente_Sur".into(),
        created_at: Utc.with_ymd_and_hms(2026, 11, 1, 12, 0, 0).unwrap(),
    }
}

fn say(done: CoalitionDone, lang: Lang) -> String {
    let data = json_of(response(&Response::Coalition(done), 0, None, lang));
    data["content"].as_str().unwrap().to_string()
}

#[test]
fn a_spanish_moderator_hears_coalition_replies_in_spanish() {
    let invite = Invite {
        coalition: coalition(),
        code: "ABCDE-FGHJK".into(),
        expires_at: Utc.with_ymd_and_hms(2026, 12, 10, 18, 0, 0).unwrap(),
    };
    assert_eq!(
        say(CoalitionDone::Invited(invite.clone()), Lang::Es),
        "Invitación a Frente\\_Sur: dale este código en privado a un moderador del servidor que invitas. Sirve una sola vez, hasta el jueves, 10 de diciembre de 2026, 18:00 (UTC).\nABCDE-FGHJK\nSe unen con /moderar coalición unirse código:ABCDE-FGHJK"
    );
    assert_eq!(
        say(CoalitionDone::Invited(invite), Lang::En),
        "Invitation to Frente\\_Sur: give this code to a moderator of the server you invite, privately. It works once, until December 10, 2026 at 18:00 UTC.\nABCDE-FGHJK\nThey join with /rallymod coalition join code:ABCDE-FGHJK"
    );
    let members = CoalitionDone::Members {
        coalition: coalition(),
        members: vec![
            Member {
                server_id: 10,
                server_name: "Austin".into(),
                joined_at: Utc.with_ymd_and_hms(2026, 11, 1, 12, 0, 0).unwrap(),
            },
            Member {
                server_id: 1_234_567_890_123_456_789,
                server_name: "Houston".into(),
                joined_at: Utc.with_ymd_and_hms(2026, 11, 20, 12, 0, 0).unwrap(),
            },
        ],
    };
    assert_eq!(
        say(members, Lang::Es),
        "Servidores en Frente\\_Sur (2):\n- Austin · id 10 (dueño) · se unió el 1 de noviembre de 2026\n- Houston · id 1234567890123456789 · se unió el 20 de noviembre de 2026"
    );
    assert!(say(CoalitionDone::Created(coalition()), Lang::Es).starts_with(
        "La coalición Frente\\_Sur quedó creada, y este servidor es su dueño. Invita a los moderadores de otro servidor con /moderar coalición invitar;"
    ));
}
