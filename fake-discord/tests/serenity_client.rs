//! A real serenity 0.12 client against the fake: connect, READY, GUILD_CREATE, answer slash
//! commands, survive a dropped connection by resuming.

mod common;

use std::time::Duration;

use common::DEADLINE;
use fake_discord::*;
use serenity::all::{
    Client, ClientBuilder, Context, CreateInteractionResponse, CreateInteractionResponseMessage,
    EventHandler, GatewayIntents, Guild, Interaction, Ready, ResumedEvent,
};
use serenity::async_trait;
use serenity::http::HttpBuilder;
use tokio::sync::mpsc;

#[derive(Debug)]
enum Seen {
    Ready(u64),
    GuildCreate(u64),
    Resumed,
    /// The result of sending to the channel after replying (serenity checks its cache first).
    Said(Result<(), String>),
}

struct Handler {
    tx: mpsc::UnboundedSender<Seen>,
}

#[async_trait]
impl EventHandler for Handler {
    async fn ready(&self, _: Context, ready: Ready) {
        let _ = self.tx.send(Seen::Ready(ready.user.id.get()));
    }

    async fn guild_create(&self, _: Context, guild: Guild, _: Option<bool>) {
        let _ = self.tx.send(Seen::GuildCreate(guild.id.get()));
    }

    async fn resume(&self, _: Context, _: ResumedEvent) {
        let _ = self.tx.send(Seen::Resumed);
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        let Interaction::Command(cmd) = interaction else {
            return;
        };
        let n = cmd
            .data
            .options
            .first()
            .and_then(|o| o.value.as_i64())
            .unwrap_or(0);
        let reply = CreateInteractionResponseMessage::new().content(format!("pong {n}"));
        if cmd
            .create_response(&ctx.http, CreateInteractionResponse::Message(reply))
            .await
            .is_err()
        {
            return;
        }
        if n == 1 {
            let said = cmd.channel_id.say(&ctx, "rally reminder").await;
            let _ = self
                .tx
                .send(Seen::Said(said.map(|_| ()).map_err(|e| e.to_string())));
        }
    }
}

async fn next(rx: &mut mpsc::UnboundedReceiver<Seen>) -> Seen {
    tokio::time::timeout(DEADLINE, rx.recv())
        .await
        .expect("handler event within the deadline")
        .expect("handler alive")
}

async fn ping(fake: &FakeDiscord, n: i64) -> InteractionHandle {
    fake.dispatch_interaction(InteractionSpec::command("ping").integer("n", n))
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serenity_client_connects_answers_and_resumes() {
    // @everyone may only read, so serenity's cache check relies on the bot's own role.
    let mut config = FakeConfig::default();
    config.guilds[0].everyone_permissions =
        permissions::VIEW_CHANNEL | permissions::READ_MESSAGE_HISTORY;
    let fake = FakeDiscord::start(config).await;
    let http = HttpBuilder::new(&fake.config().token)
        .proxy(fake.base_url())
        .ratelimiter_disabled(true)
        .build();
    let (tx, mut rx) = mpsc::unbounded_channel();
    let mut client: Client = ClientBuilder::new_with_http(http, GatewayIntents::GUILDS)
        .event_handler(Handler { tx })
        .await
        .expect("client builds");
    let shards = client.shard_manager.clone();
    let task = tokio::spawn(async move { client.start().await });

    // serenity runs each event's handler in a task of its own, so READY and GUILD_CREATE
    // may reach the handler in either order.
    let first_two = [next(&mut rx).await, next(&mut rx).await];
    assert!(
        first_two
            .iter()
            .any(|s| matches!(s, Seen::Ready(SAMPLE_BOT_ID))),
        "no READY for the bot"
    );
    assert!(
        first_two
            .iter()
            .any(|s| matches!(s, Seen::GuildCreate(SAMPLE_GUILD_ID))),
        "no GUILD_CREATE for the guild"
    );
    let identify = fake
        .wait_for_gateway(
            |r| matches!(r.kind, GatewayRecordKind::Identify { .. }),
            DEADLINE,
        )
        .await
        .unwrap();
    let GatewayRecordKind::Identify {
        token_ok,
        intents,
        compress,
        ..
    } = identify.kind
    else {
        unreachable!()
    };
    assert!(token_ok && compress);
    assert_eq!(intents, GatewayIntents::GUILDS.bits());
    assert_eq!(
        fake.requests()[0].route.as_deref(),
        Some("/gateway"),
        "serenity asks for the gateway URL first"
    );

    // A slash command answered with create_response, then a cache-checked channel send.
    let first = ping(&fake, 1).await;
    let reply = first.callback(DEADLINE).await.unwrap();
    assert_eq!((reply.kind, reply.content()), (4, Some("pong 1")));
    assert!(matches!(next(&mut rx).await, Seen::Said(Ok(()))));
    let said = fake
        .wait_for_message(|m| m.content == "rally reminder", DEADLINE)
        .await
        .unwrap();
    assert_eq!(said.channel_id, SAMPLE_GENERAL_ID);
    let callback_req = fake
        .wait_for_request(
            |r| r.route.as_deref() == Some("/interactions/{interaction_id}/{token}/callback"),
            DEADLINE,
        )
        .await
        .unwrap();
    assert_eq!(callback_req.status, 204);
    assert_eq!(callback_req.auth, AuthCheck::Matched);

    // Drop with a close frame: serenity resumes on a new connection.
    assert_eq!(fake.drop_gateway(DropMode::Close(4000)), 1);
    let resume = fake
        .wait_for_gateway(
            |r| matches!(r.kind, GatewayRecordKind::Resume { .. }),
            DEADLINE,
        )
        .await
        .unwrap();
    let GatewayRecordKind::Resume {
        accepted, token_ok, ..
    } = resume.kind
    else {
        unreachable!()
    };
    assert!(accepted && token_ok);
    assert!(matches!(next(&mut rx).await, Seen::Resumed));
    let second = ping(&fake, 2).await;
    assert_eq!(
        second.callback(DEADLINE).await.unwrap().content(),
        Some("pong 2")
    );

    // Hang up without a close frame and dispatch while the bot is away: RESUME replays it.
    fake.drop_gateway(DropMode::Abort);
    let third = ping(&fake, 3).await;
    assert_eq!(
        third.callback(DEADLINE).await.unwrap().content(),
        Some("pong 3")
    );
    let resumes: Vec<_> = fake
        .gateway_log()
        .into_iter()
        .filter_map(|r| match r.kind {
            GatewayRecordKind::Resume {
                replayed, accepted, ..
            } => Some((accepted, replayed)),
            _ => None,
        })
        .collect();
    assert_eq!(resumes.len(), 2);
    // serenity may reconnect before the dispatch: then it goes out live. When the dispatch
    // found no connection (recorded on connection 0), RESUME must have replayed it.
    let buffered = fake.gateway_log().iter().any(|r| {
        r.connection == 0
            && matches!(&r.kind, GatewayRecordKind::Sent { seq: Some(s), .. } if *s == third.seq)
    });
    assert!(resumes[1].0, "the second resume was accepted: {resumes:?}");
    if buffered {
        assert!(
            resumes[1].1 >= 1,
            "the interaction was replayed: {resumes:?}"
        );
    }
    let identifies = fake
        .gateway_log()
        .iter()
        .filter(|r| matches!(r.kind, GatewayRecordKind::Identify { .. }))
        .count();
    assert_eq!(identifies, 1, "resumed, never re-identified");
    assert!(
        fake.unmatched_requests().is_empty(),
        "{:?}",
        fake.unmatched_requests()
    );

    shards.shutdown_all().await;
    let ended = tokio::time::timeout(Duration::from_secs(10), task).await;
    assert!(ended.is_ok(), "client stopped after shutdown_all");
}
