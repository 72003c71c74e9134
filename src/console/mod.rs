//! The offline console: type slash commands as a Discord user would, with no token. It drives
//! the same service layer as the bot, with a clock you can move by hand.
mod notifier;
mod parse;
pub mod render;

use std::io::IsTerminal;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncWrite, AsyncWriteExt};
use when::parse_duration;

use crate::commands::{self, Invocation};
use crate::domain::{Actor, LocalTime};
use crate::domain::{Caller, Origin};
use crate::error::report;
use crate::i18n::Lang;
use crate::outbox::Message;
use crate::service::{ManualClock, Service};
use notifier::{Printed, CONSOLE_CHANNEL};
use parse::{tokenize, Token};
use render::Names;

pub const DEFAULT_SERVER: i64 = 1;

pub struct Console {
    service: Service,
    clock: Arc<ManualClock>,
    /// Names given with /as; a user's id is its position plus one.
    users: Vec<String>,
    actor: Actor,
    /// The language commands are typed in, as a Discord client's locale would say.
    lang: Lang,
    printed: Printed,
}

/// How the console writes values: times in words in the rally's zone, people by the names
/// given with /as.
struct UserNames<'a>(&'a [String]);

impl Names for UserNames<'_> {
    fn name(&self, user_id: i64) -> String {
        usize::try_from(user_id - 1)
            .ok()
            .and_then(|i| self.0.get(i))
            .cloned()
            .unwrap_or_else(|| format!("user {user_id}"))
    }
}

impl crate::text::Style for UserNames<'_> {
    fn time(&self, t: LocalTime) -> String {
        when::local_label(t.at, t.zone)
    }
    fn relative(&self, _t: LocalTime) -> Option<String> {
        None
    }
    fn channel(&self, id: i64) -> String {
        if id == CONSOLE_CHANNEL {
            "#general".into()
        } else {
            format!("channel {id}")
        }
    }
    fn role(&self, id: i64) -> String {
        format!("role {id}")
    }
    fn user(&self, id: i64) -> String {
        self.name(id)
    }
    fn text(&self, s: &str) -> String {
        s.to_string()
    }
}

impl Console {
    pub fn new(service: Service, clock: Arc<ManualClock>) -> Self {
        Console {
            service,
            clock,
            users: vec!["you".to_string()],
            actor: Actor {
                user_id: 1,
                server_id: DEFAULT_SERVER,
                is_moderator: false,
            },
            lang: Lang::En,
            printed: Printed::default(),
        }
    }

    /// Reads lines until the end of input; every line gets a reply, and a bad line never stops
    /// the ones after it.
    pub async fn run<R, W>(
        &mut self,
        input: R,
        mut output: W,
        interactive: bool,
    ) -> std::io::Result<()>
    where
        R: AsyncBufRead + Unpin,
        W: AsyncWrite + Unpin,
    {
        if interactive {
            output.write_all(WELCOME.as_bytes()).await?;
        }
        if let Err(e) = self.service.recover_outbox().await.map(|_| ()) {
            output
                .write_all(format!("error: {}\n", report(&e, "console start")).as_bytes())
                .await?;
        }
        let mut lines = input.lines();
        loop {
            if interactive {
                output.write_all(self.prompt().as_bytes()).await?;
                output.flush().await?;
            }
            let Some(line) = lines.next_line().await? else {
                break;
            };
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if !interactive {
                output.write_all(format!("> {line}\n").as_bytes()).await?;
            }
            if matches!(line, "/quit" | "/exit") {
                break;
            }
            let mut reply = self.handle_line(line).await;
            if !reply.ends_with('\n') {
                reply.push('\n');
            }
            reply.push_str(&self.due_reminders().await);
            output.write_all(reply.as_bytes()).await?;
            output.flush().await?;
        }
        Ok(())
    }

    /// Delivers whatever the simulated clock has made due, as text.
    async fn due_reminders(&mut self) -> String {
        let now = self.service.now();
        if let Err(e) = self.service.deliver_due(now, &self.printed).await {
            return format!("error: {}\n", report(&e, "console reminders"));
        }
        let names = UserNames(&self.users);
        let mut out = String::new();
        for delivery in self.printed.take() {
            let line = match &delivery.message {
                Message::ChannelReminder {
                    channel,
                    lead,
                    view,
                } => format!(
                    "[channel {}] {}",
                    crate::text::Style::channel(&names, *channel),
                    crate::text::reminder(*lead, &view.rally, &names, delivery.lang)
                ),
                Message::PersonalReminder { user, lead, view } => format!(
                    "[direct message to {}] {}",
                    names.name(*user),
                    crate::text::reminder(*lead, &view.rally, &names, delivery.lang)
                ),
                Message::Notice {
                    user,
                    notice,
                    rally,
                } => format!(
                    "[direct message to {}] {}",
                    names.name(*user),
                    crate::text::notice(notice, rally, &names, delivery.lang)
                ),
                Message::ModeratorPost {
                    channel,
                    view,
                    clash,
                } => {
                    let mut post = format!(
                        "[channel {}] {}",
                        crate::text::Style::channel(&names, *channel),
                        crate::text::moderator_post(&view.rally, &names, delivery.lang)
                    );
                    if !clash.is_empty() {
                        post.push_str(&format!(
                            "\n{}",
                            crate::text::clash_words_in(clash, &names, delivery.lang)
                        ));
                    }
                    post
                }
                // The console posts no cards, so none is edited.
                Message::CardEdit { .. } => continue,
            };
            out.push_str(&line);
            out.push('\n');
        }
        out
    }

    fn prompt(&self) -> String {
        let name = UserNames(&self.users).name(self.actor.user_id);
        let role = if self.actor.is_moderator {
            " (mod)"
        } else {
            ""
        };
        format!("{name}{role}@server{}> ", self.actor.server_id)
    }

    /// Runs one line and returns the reply text.
    pub async fn handle_line(&mut self, line: &str) -> String {
        let tokens = match tokenize(line) {
            Ok(t) => t,
            Err(e) => return format!("error: {e}\n"),
        };
        let mut words = Vec::new();
        let mut options = Vec::new();
        for t in tokens {
            match t {
                Token::Word(w) if options.is_empty() => words.push(w),
                Token::Word(w) => {
                    return format!(
                        "error: \"{w}\" is not an option; write options as name:value\n"
                    )
                }
                Token::Option(k, v) => options.push((k, v)),
            }
        }
        let Some(command) = words.first().and_then(|w| w.strip_prefix('/')) else {
            return "error: commands start with /; type /help for the list\n".to_string();
        };
        match command {
            "help" => format!(
                "{}{}\n",
                commands::help::commands_in(self.lang),
                crate::t!(self.lang, "help-console")
            ),
            "as" => self.switch_user(&words[1..]),
            "clock" => self.move_clock(&words[1..]),
            typed if commands::translations::canonical_command(self.lang, typed).is_some() => {
                let mut path = vec![command.to_string()];
                path.extend(words[1..].iter().cloned());
                let inv = Invocation {
                    path,
                    options: options.into_iter().collect(),
                    lang: self.lang,
                };
                self.run_request(inv).await
            }
            other => format!("error: unknown command /{other}; type /help for the list\n"),
        }
    }

    async fn run_request(&mut self, inv: Invocation) -> String {
        let request = match commands::parse(inv) {
            Ok(r) => r,
            Err(e) => {
                let names = UserNames(&self.users);
                return format!(
                    "error: {}\n",
                    crate::text::request_error(&e, &names, self.lang)
                );
            }
        };
        // Every command is typed in the console's one channel; --mod stands for Manage Events.
        let caller = Caller {
            user_id: self.actor.user_id,
            origin: Origin {
                server_id: Some(self.actor.server_id),
                channel_id: Some(CONSOLE_CHANNEL),
                server_name: Some(format!("server {}", self.actor.server_id)),
            },
            manage_events: self.actor.is_moderator,
            role_ids: Vec::new(),
            lang: self.lang,
            server_lang: None,
        };
        let names = UserNames(&self.users);
        match self.service.execute(&caller, request).await {
            Ok(answer) => {
                let mut reply = render::response(&answer.response, &names, self.lang);
                for n in &answer.untold {
                    reply.push_str(&format!(
                        "{}\n",
                        crate::t!(self.lang, "note", note = crate::text::untold(n, self.lang))
                    ));
                }
                reply
            }
            Err(e) => format!(
                "error: {}\n",
                crate::text::error(&e, "console", &names, self.lang)
            ),
        }
    }

    fn switch_user(&mut self, args: &[String]) -> String {
        let mut name = None;
        let mut is_moderator = false;
        let mut server = self.actor.server_id;
        let mut lang = Lang::En;
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--mod" => is_moderator = true,
                "--server" => match args.next().and_then(|s| s.parse::<i64>().ok()).filter(|s| *s > 0) {
                    Some(s) => server = s,
                    None => return "error: --server needs a server number, e.g. /as alice --server 2\n".into(),
                },
                "--locale" => match args.next() {
                    Some(l) => lang = crate::i18n::lang_of_locale(l),
                    None => return "error: --locale needs a language, e.g. /as ana --locale es\n".into(),
                },
                other if name.is_none() && !other.starts_with("--") => name = Some(other.to_string()),
                other => return format!("error: /as doesn't understand \"{other}\"; use /as NAME [--mod] [--server N] [--locale es]\n"),
            }
        }
        let Some(name) = name else {
            return "error: /as needs a name, e.g. /as alice or /as bob --mod\n".into();
        };
        let index = match self.users.iter().position(|u| *u == name) {
            Some(i) => i,
            None => {
                self.users.push(name.clone());
                self.users.len() - 1
            }
        };
        self.lang = lang;
        self.actor = Actor {
            user_id: index as i64 + 1,
            server_id: server,
            is_moderator,
        };
        let role = if is_moderator {
            "a moderator"
        } else {
            "a member"
        };
        format!("You are now {name}, {role} of server {server}.\n")
    }

    fn move_clock(&mut self, args: &[String]) -> String {
        match args {
            [] => {}
            [shift] if shift.starts_with('+') => match parse_duration(&shift[1..]) {
                Ok(d) => {
                    self.clock.advance(d);
                }
                Err(e) => return format!("error: {e}\n"),
            },
            [set, when] if set == "set" => match DateTime::parse_from_rfc3339(when) {
                Ok(t) => self.clock.set(t.with_timezone(&Utc)),
                Err(_) => return "error: /clock set needs an RFC 3339 time, e.g. /clock set 2026-12-01T09:00:00Z\n".into(),
            },
            _ => return "error: use /clock to show the time, /clock +2h to move it on, or /clock set 2026-12-01T09:00:00Z\n".into(),
        }
        format!(
            "The time is now {} UTC.\n",
            self.service.now().format("%Y-%m-%d %H:%M")
        )
    }
}

/// Whether standard input is a person at a terminal (prompts) or a script (echoes commands).
pub fn stdin_is_interactive() -> bool {
    std::io::stdin().is_terminal()
}

const WELCOME: &str =
    "rallybot console: slash commands as in Discord, no token needed. Type /help.\n";
