//! A person whose Discord is in Spanish (es-419) and one whose Discord is in English, in the
//! same server: each reads the bot in their own language.
use super::*;

const SPANISH: &str = "es-419";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_spanish_discord_gets_spanish_and_an_english_one_english() {
    let fake = fake_discord::FakeDiscord::start(support::config()).await;
    let _bot = Bot::start(&fake).await;

    // Registration carries the Spanish names and descriptions for both Spanish locales; the
    // fake refuses a name that breaks Discord's rules, so getting here means they hold.
    let commands = fake.commands(None);
    let rally_cmd = commands.iter().find(|c| c.name == "rally").unwrap();
    for locale in ["es-419", "es-ES"] {
        let text = rally_cmd.body["description_localizations"][locale]
            .as_str()
            .unwrap_or_default();
        assert!(text.contains("manifestaciones"), "{locale}: {text:?}");
        assert_eq!(
            rally_cmd.body["name_localizations"][locale],
            json!("manifestación")
        );
        let create = rally_cmd.body["options"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["name"] == "create")
            .unwrap();
        assert_eq!(create["name_localizations"][locale], json!("crear"));
        let when = create["options"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["name"] == "when")
            .unwrap();
        assert_eq!(when["name_localizations"][locale], json!("cuándo"));
    }

    // A rally created with a Spanish time gets a Spanish reply and card.
    let (_, data) = ask(
        &fake,
        rally("create")
            .by(SAMPLE_ALICE_ID)
            .locale(SPANISH)
            .string("title", "Familias Unidas")
            .string("place", "Austin, TX")
            .string("when", "mañana a las 6pm"),
    )
    .await;
    let content = data["content"].as_str().unwrap_or_default();
    assert!(
        content.starts_with("La manifestación #1 ya está publicada."),
        "{data}"
    );
    let fields = data["embeds"][0]["fields"].to_string();
    assert!(fields.contains("\"Cuándo\""), "{fields}");
    let tomorrow =
        chrono::Utc::now().with_timezone(&chrono_tz::America::Chicago) + chrono::Duration::days(1);
    let months = [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ];
    use chrono::Datelike;
    let spelled = format!(
        "{} de {} de {}, 18:00",
        tomorrow.day(),
        months[tomorrow.month0() as usize],
        tomorrow.year()
    );
    assert!(fields.contains(&spelled), "{spelled} in {fields}");
    assert_eq!(
        data["components"][0]["components"][0]["label"],
        json!("Voy (0)")
    );

    // A search is a Spanish list, with its distances.
    let (_, data) = ask(
        &fake,
        rally("near")
            .by(SAMPLE_BOB_ID)
            .locale(SPANISH)
            .string("place", "Round Rock, TX"),
    )
    .await;
    let embed = &data["embeds"][0];
    assert!(
        embed["title"]
            .as_str()
            .unwrap()
            .starts_with("Manifestaciones a menos de 50 mi de Round Rock, Texas, US (1)"),
        "{embed}"
    );
    let line = embed["fields"][0]["value"].as_str().unwrap();
    assert!(line.starts_with("a ") && line.contains(','), "{line}");

    // A mistake is explained in Spanish.
    let (_, data) = ask(
        &fake,
        rally("info")
            .by(SAMPLE_BOB_ID)
            .locale(SPANISH)
            .string("rally", "99"),
    )
    .await;
    assert_ne!(flags(&data) & EPHEMERAL, 0);
    assert!(
        data["content"]
            .as_str()
            .unwrap()
            .starts_with("No hay ninguna manifestación #99"),
        "{data}"
    );

    // Someone with English in the same server still reads English.
    let card = fake
        .dispatch_interaction(rally("info").by(SAMPLE_ALICE_ID).string("rally", "1"))
        .unwrap();
    let data = card.callback(WAIT).await.unwrap().data.unwrap();
    let fields = data["embeds"][0]["fields"].to_string();
    assert!(
        fields.contains("\"When\"") && !fields.contains("Cuándo"),
        "{fields}"
    );
    let (_, data) = ask(
        &fake,
        rally("near")
            .by(SAMPLE_ALICE_ID)
            .string("place", "Round Rock, TX"),
    )
    .await;
    assert!(data["embeds"][0]["title"]
        .as_str()
        .unwrap()
        .starts_with("Rallies within 50 mi"));

    // A Spanish speaker's click on that English card: the card, which everyone sees, stays
    // English; what only the clicker sees is in Spanish.
    let posted = card.wait_for_original(|_| true, WAIT).await.unwrap();
    let click = fake
        .dispatch_interaction(
            InteractionSpec::button("rsvp:1:going")
                .on_message(posted.id)
                .by(SAMPLE_BOB_ID)
                .locale(SPANISH)
                .in_guild(SAMPLE_GUILD_ID)
                .in_channel(SAMPLE_GENERAL_ID),
        )
        .unwrap();
    let update = click.callback(WAIT).await.unwrap();
    assert_eq!(update.kind, 7);
    let data = update.data.unwrap();
    assert_eq!(
        data["components"][0]["components"][0]["label"],
        json!("Going (1)"),
        "{data}"
    );
    let confirm = click.wait_for_followups(1, WAIT).await.unwrap();
    assert!(
        confirm[0].content.starts_with("Vas a #1 Familias Unidas."),
        "{}",
        confirm[0].content
    );
}
