//! Every payload the fake sends must deserialize with serenity 0.12.5's own model types (a
//! payload serenity cannot read becomes `Event::Unknown` and is silently ignored).

mod common;

use common::{call, Gw};
use fake_discord::*;
use serde_json::{json, Value};
use serenity::all::{
    ActionRowComponent, Channel, Command, ComponentInteractionDataKind, CurrentUser, Event,
    GatewayEvent, GuildChannel, Interaction, Member, Message, MessageInteractionMetadata,
    Permissions, PrivateChannel, ResolvedValue, Role, User,
};

/// Deserializes into `T`, with the JSON in the panic message.
fn de<T: serde::de::DeserializeOwned>(v: &Value) -> T {
    match serde_json::from_value(v.clone()) {
        Ok(t) => t,
        Err(e) => panic!(
            "serenity could not read {}: {e}\n{v:#}",
            std::any::type_name::<T>()
        ),
    }
}

fn dispatch_of(frame: &Value) -> (u64, Event) {
    match de::<GatewayEvent>(frame) {
        GatewayEvent::Dispatch(seq, event) => {
            assert!(
                event.name().is_some(),
                "serenity read this dispatch as Unknown: {frame:#}"
            );
            (seq, event)
        }
        other => panic!("expected a dispatch, got {other:?}"),
    }
}

#[tokio::test]
async fn ready_and_guild_create_deserialize_and_grant_the_bot_send() {
    // @everyone may only read: sending must come from the role the fake gives the bot.
    let mut config = FakeConfig::default();
    config.guilds[0].everyone_permissions =
        permissions::VIEW_CHANNEL | permissions::READ_MESSAGE_HISTORY;
    let fake = FakeDiscord::start(config).await;
    let (mut gw, frames) = Gw::login(&fake, 1).await;

    assert!(matches!(
        de::<GatewayEvent>(&frames[0]),
        GatewayEvent::Hello(41_250)
    ));
    let (seq, ready) = dispatch_of(&frames[1]);
    assert_eq!(seq, 1);
    let Event::Ready(ready) = ready else {
        panic!("not READY: {:#}", frames[1])
    };
    assert_eq!(ready.ready.user.id.get(), SAMPLE_BOT_ID);
    assert!(ready.ready.user.bot);
    assert_eq!(ready.ready.application.id.get(), SAMPLE_APPLICATION_ID);
    assert_eq!(ready.ready.guilds.len(), 1);
    assert_eq!(ready.ready.resume_gateway_url, fake.gateway_url());

    let (seq, create) = dispatch_of(&frames[2]);
    assert_eq!(seq, 2);
    let Event::GuildCreate(create) = create else {
        panic!("not GUILD_CREATE")
    };
    let guild = create.guild;
    assert_eq!(guild.id.get(), SAMPLE_GUILD_ID);
    assert_eq!(guild.channels.len(), 2);
    assert!(
        guild.roles.contains_key(&SAMPLE_GUILD_ID.into()),
        "@everyone role"
    );
    let bot = &guild.members[&SAMPLE_BOT_ID.into()];
    let general = &guild.channels[&SAMPLE_GENERAL_ID.into()];
    // serenity checks this from its cache before sending.
    let perms = guild.user_permissions_in(general, bot);
    assert!(perms.contains(
        Permissions::VIEW_CHANNEL | Permissions::SEND_MESSAGES | Permissions::EMBED_LINKS
    ));
    assert!(!perms.contains(Permissions::ADMINISTRATOR));

    gw.send(json!({ "op": 1, "d": 2 })).await;
    let ack = gw.recv().await.unwrap();
    assert!(
        matches!(de::<GatewayEvent>(&ack), GatewayEvent::HeartbeatAck),
        "{ack}"
    );
}

#[tokio::test]
async fn every_interaction_type_deserializes() {
    let fake = FakeDiscord::start(FakeConfig::default()).await;
    let (mut gw, _) = Gw::login(&fake, 1).await;
    let next = |t: &'static str| move |f: &Value| f["t"] == t;

    // Slash command: group + subcommand, with resolved user, channel and role options.
    fake.dispatch_interaction(
        InteractionSpec::command("rally")
            .subcommand_group("manage")
            .subcommand("create")
            .string("title", "Climate march")
            .integer("capacity", 200)
            .boolean("public", true)
            .option("organiser", OptionValue::User(SAMPLE_BOB_ID))
            .option("where", OptionValue::Channel(SAMPLE_ANNOUNCEMENTS_ID))
            .option("ping", OptionValue::Role(SAMPLE_ORGANISER_ROLE_ID))
            .by(SAMPLE_ALICE_ID),
    )
    .unwrap();
    let frame = gw
        .recv_until(next("INTERACTION_CREATE"))
        .await
        .pop()
        .unwrap();
    let (_, Event::InteractionCreate(ev)) = dispatch_of(&frame) else {
        panic!()
    };
    let Interaction::Command(cmd) = ev.interaction else {
        panic!("not a command")
    };
    assert_eq!(cmd.data.name, "rally");
    assert_eq!(
        cmd.user.id.get(),
        SAMPLE_ALICE_ID,
        "user is filled from member"
    );
    let member = cmd.member.as_ref().expect("member in a guild");
    assert_eq!(
        member.roles,
        vec![serenity::all::RoleId::new(SAMPLE_ORGANISER_ROLE_ID)]
    );
    assert!(member
        .permissions
        .unwrap()
        .contains(Permissions::SEND_MESSAGES));
    assert!(cmd
        .app_permissions
        .unwrap()
        .contains(Permissions::SEND_MESSAGES));
    assert_eq!(cmd.guild_id.map(|g| g.get()), Some(SAMPLE_GUILD_ID));
    let opts = cmd.data.options();
    let ResolvedValue::SubCommandGroup(group) = &opts[0].value else {
        panic!("{opts:?}")
    };
    let ResolvedValue::SubCommand(leaf) = &group[0].value else {
        panic!("{group:?}")
    };
    assert_eq!(group[0].name, "create");
    assert!(matches!(
        leaf[0].value,
        ResolvedValue::String("Climate march")
    ));
    assert!(matches!(leaf[1].value, ResolvedValue::Integer(200)));
    assert!(matches!(leaf[2].value, ResolvedValue::Boolean(true)));
    let ResolvedValue::User(user, Some(_member)) = &leaf[3].value else {
        panic!("{:?}", leaf[3])
    };
    assert_eq!(user.name, "bob");
    let ResolvedValue::Channel(ch) = &leaf[4].value else {
        panic!("{:?}", leaf[4])
    };
    assert_eq!(ch.name.as_deref(), Some("announcements"));
    let ResolvedValue::Role(role) = &leaf[5].value else {
        panic!("{:?}", leaf[5])
    };
    assert_eq!(role.name, "Organiser");

    // A subcommand typed with no options comes without an `options` key, as from Discord.
    // serenity 0.12 requires the key, so it can only hand this over as an unknown event.
    fake.dispatch_interaction(InteractionSpec::command("rally").subcommand("list"))
        .unwrap();
    let frame = gw
        .recv_until(next("INTERACTION_CREATE"))
        .await
        .pop()
        .unwrap();
    assert_eq!(
        frame["d"]["data"]["options"][0],
        json!({ "name": "list", "type": 1 })
    );
    let GatewayEvent::Dispatch(_, event) = de::<GatewayEvent>(&frame) else {
        panic!("expected a dispatch: {frame}")
    };
    assert!(matches!(event, Event::Unknown(_)), "{event:?}");

    // Autocomplete: the focused option's value is a string even for an integer option.
    fake.dispatch_interaction(
        InteractionSpec::autocomplete("rally")
            .subcommand("join")
            .focused("rally_id", "12", 4),
    )
    .unwrap();
    let frame = gw
        .recv_until(next("INTERACTION_CREATE"))
        .await
        .pop()
        .unwrap();
    let (_, Event::InteractionCreate(ev)) = dispatch_of(&frame) else {
        panic!()
    };
    let Interaction::Autocomplete(ac) = ev.interaction else {
        panic!("not autocomplete")
    };
    let focused = ac.data.autocomplete().expect("a focused option");
    assert_eq!((focused.name, focused.value), ("rally_id", "12"));

    // Button on a message the fake makes up, then a select on a message the bot sent.
    fake.dispatch_interaction(InteractionSpec::button("rsvp:yes"))
        .unwrap();
    let frame = gw
        .recv_until(next("INTERACTION_CREATE"))
        .await
        .pop()
        .unwrap();
    let (_, Event::InteractionCreate(ev)) = dispatch_of(&frame) else {
        panic!()
    };
    let Interaction::Component(click) = ev.interaction else {
        panic!("not a component")
    };
    assert_eq!(click.data.custom_id, "rsvp:yes");
    assert!(matches!(
        click.data.kind,
        ComponentInteractionDataKind::Button
    ));
    assert_eq!(click.message.author.id.get(), SAMPLE_BOT_ID);

    let (status, sent) = call(
        &fake,
        "POST",
        &format!("/channels/{SAMPLE_GENERAL_ID}/messages"),
        Some(json!({ "content": "Pick a slot", "components": [{ "type": 1, "components": [
            { "type": 3, "custom_id": "slot", "options": [{ "label": "Noon", "value": "12" }] }] }] })),
    )
    .await;
    assert_eq!(status, 200, "{sent}");
    let sent_id: u64 = sent["id"].as_str().unwrap().parse().unwrap();
    fake.dispatch_interaction(InteractionSpec::select("slot", ["12"]).on_message(sent_id))
        .unwrap();
    let frame = gw
        .recv_until(next("INTERACTION_CREATE"))
        .await
        .pop()
        .unwrap();
    let (_, Event::InteractionCreate(ev)) = dispatch_of(&frame) else {
        panic!()
    };
    let Interaction::Component(pick) = ev.interaction else {
        panic!("not a component")
    };
    assert_eq!(pick.message.id.get(), sent_id);
    assert_eq!(pick.message.content, "Pick a slot");
    let ComponentInteractionDataKind::StringSelect { values } = &pick.data.kind else {
        panic!()
    };
    assert_eq!(values, &vec!["12".to_string()]);

    // Modal submit.
    fake.dispatch_interaction(
        InteractionSpec::modal("new-rally")
            .field("title", "Vigil")
            .field("when", "Fri 6pm"),
    )
    .unwrap();
    let frame = gw
        .recv_until(next("INTERACTION_CREATE"))
        .await
        .pop()
        .unwrap();
    let (_, Event::InteractionCreate(ev)) = dispatch_of(&frame) else {
        panic!()
    };
    let Interaction::Modal(modal) = ev.interaction else {
        panic!("not a modal")
    };
    assert_eq!(modal.data.custom_id, "new-rally");
    let ActionRowComponent::InputText(input) = &modal.data.components[1].components[0] else {
        panic!()
    };
    assert_eq!(
        (input.custom_id.as_str(), input.value.as_deref()),
        ("when", Some("Fri 6pm"))
    );

    // In a DM: `user`, no `member`, a DM channel.
    fake.dispatch_interaction(
        InteractionSpec::command("myrallies")
            .in_dm()
            .by(SAMPLE_CAROL_ID),
    )
    .unwrap();
    let frame = gw
        .recv_until(next("INTERACTION_CREATE"))
        .await
        .pop()
        .unwrap();
    let (_, Event::InteractionCreate(ev)) = dispatch_of(&frame) else {
        panic!()
    };
    let Interaction::Command(dm) = ev.interaction else {
        panic!()
    };
    assert!(dm.member.is_none() && dm.guild_id.is_none());
    assert_eq!(dm.user.id.get(), SAMPLE_CAROL_ID);
    assert_eq!(Some(dm.channel_id.get()), fake.dm_channel(SAMPLE_CAROL_ID));
}

#[tokio::test]
async fn rest_objects_deserialize() {
    let fake = FakeDiscord::start(FakeConfig::default()).await;
    let g = SAMPLE_GUILD_ID;

    let (_, me) = call(&fake, "GET", "/users/@me", None).await;
    assert_eq!(de::<CurrentUser>(&me).id.get(), SAMPLE_BOT_ID);
    let (_, alice) = call(&fake, "GET", &format!("/users/{SAMPLE_ALICE_ID}"), None).await;
    assert_eq!(de::<User>(&alice).name, "alice");
    let (_, member) = call(
        &fake,
        "GET",
        &format!("/guilds/{g}/members/{SAMPLE_ALICE_ID}"),
        None,
    )
    .await;
    assert_eq!(
        de::<Member>(&member).roles,
        vec![serenity::all::RoleId::new(SAMPLE_ORGANISER_ROLE_ID)]
    );
    let (_, channels) = call(&fake, "GET", &format!("/guilds/{g}/channels"), None).await;
    assert_eq!(de::<Vec<GuildChannel>>(&channels).len(), 2);
    let (_, roles) = call(&fake, "GET", &format!("/guilds/{g}/roles"), None).await;
    assert_eq!(
        de::<Vec<Role>>(&roles).len(),
        3,
        "@everyone, Organiser, the bot's role"
    );
    let (_, general) = call(
        &fake,
        "GET",
        &format!("/channels/{SAMPLE_GENERAL_ID}"),
        None,
    )
    .await;
    assert_eq!(de::<GuildChannel>(&general).guild_id.get(), g);
    assert!(matches!(de::<Channel>(&general), Channel::Guild(_)));

    let (_, dm) = call(
        &fake,
        "POST",
        "/users/@me/channels",
        Some(json!({ "recipient_id": SAMPLE_CAROL_ID.to_string() })),
    )
    .await;
    let dm = de::<PrivateChannel>(&dm);
    assert_eq!(dm.recipient.id.get(), SAMPLE_CAROL_ID);
    let (_, again) = call(&fake, "GET", &format!("/channels/{}", dm.id), None).await;
    assert!(matches!(de::<Channel>(&again), Channel::Private(_)));

    // Bodies as serenity's builders write them.
    let create = serenity::builder::CreateMessage::new()
        .content("Rally at noon")
        .embed(
            serenity::builder::CreateEmbed::new()
                .title("Climate march")
                .field("Where", "Square", true),
        )
        .components(vec![serenity::builder::CreateActionRow::Buttons(vec![
            serenity::builder::CreateButton::new("rsvp:yes").label("Going"),
        ])]);
    let (status, msg) = call(
        &fake,
        "POST",
        &format!("/channels/{SAMPLE_GENERAL_ID}/messages"),
        Some(serde_json::to_value(&create).unwrap()),
    )
    .await;
    assert_eq!(status, 200, "{msg}");
    let msg = de::<Message>(&msg);
    assert_eq!(msg.embeds[0].kind.as_deref(), Some("rich"));
    assert_eq!(msg.components.len(), 1);
    let edit = serenity::builder::EditMessage::new().content("Rally at 1pm");
    let (_, edited) = call(
        &fake,
        "PATCH",
        &format!("/channels/{SAMPLE_GENERAL_ID}/messages/{}", msg.id),
        Some(serde_json::to_value(&edit).unwrap()),
    )
    .await;
    let edited = de::<Message>(&edited);
    assert_eq!(edited.content, "Rally at 1pm");
    assert!(edited.edited_timestamp.is_some());

    let commands = vec![
        serenity::builder::CreateCommand::new("rally")
            .description("Organise rallies")
            .add_option(
                serenity::builder::CreateCommandOption::new(
                    serenity::all::CommandOptionType::SubCommand,
                    "create",
                    "New rally",
                )
                .add_sub_option(
                    serenity::builder::CreateCommandOption::new(
                        serenity::all::CommandOptionType::String,
                        "title",
                        "Title",
                    )
                    .required(true),
                ),
            ),
        serenity::builder::CreateCommand::new("Report").kind(serenity::all::CommandType::Message),
    ];
    let app = SAMPLE_APPLICATION_ID;
    let (status, registered) = call(
        &fake,
        "PUT",
        &format!("/applications/{app}/commands"),
        Some(serde_json::to_value(&commands).unwrap()),
    )
    .await;
    assert_eq!(status, 200, "{registered}");
    let registered = de::<Vec<Command>>(&registered);
    assert_eq!(registered[0].options[0].options[0].name, "title");
    let (status, one) = call(
        &fake,
        "POST",
        &format!("/applications/{app}/guilds/{g}/commands"),
        Some(serde_json::to_value(&commands[0]).unwrap()),
    )
    .await;
    assert_eq!(status, 201);
    assert_eq!(de::<Command>(&one).guild_id.map(|g| g.get()), Some(g));

    // Messages answering interactions carry interaction metadata serenity can read.
    let (mut _gw, _) = Gw::login(&fake, 1).await;
    let h = fake
        .dispatch_interaction(InteractionSpec::command("rally").subcommand("list"))
        .unwrap();
    let cb = json!({ "type": 4, "data": { "content": "No rallies yet" } });
    let (status, body) = call(
        &fake,
        "POST",
        &format!("/interactions/{}/{}/callback", h.id, h.token),
        Some(cb),
    )
    .await;
    assert_eq!((status, body), (204, Value::Null));
    let (_, original) = call(
        &fake,
        "GET",
        &format!("/webhooks/{app}/{}/messages/@original", h.token),
        None,
    )
    .await;
    let original = de::<Message>(&original);
    assert_eq!(original.content, "No rallies yet");
    assert!(matches!(
        original.interaction_metadata.as_deref(),
        Some(MessageInteractionMetadata::Command(_))
    ));
    let (_, followup) = call(
        &fake,
        "POST",
        &format!("/webhooks/{app}/{}", h.token),
        Some(json!({ "content": "more", "flags": 64 })),
    )
    .await;
    assert!(de::<Message>(&followup)
        .flags
        .unwrap()
        .contains(serenity::all::MessageFlags::EPHEMERAL));
}
