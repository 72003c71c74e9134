//! Runs the real rallybot binary against the project's fake Discord.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use fake_discord::{FakeConfig, FakeDiscord, GuildSpec, MemberSpec, UserSpec};

/// A token of the shape Discord issues (three base64url parts), so the config accepts it.
pub const TOKEN: &str = "OTAwMDAwMDAwMDAwMDAwMDAx.GfakeT.e2e-test-token-not-a-real-secret-000";
/// Upper bounds, not sleeps: waits end as soon as the event arrives. Generous, because a debug
/// build loading its gazetteer on a loaded 2-core machine can take many seconds.
pub const WAIT: Duration = Duration::from_secs(60);
pub const STARTUP: Duration = Duration::from_secs(180);

/// A second server, to check that nothing crosses from one to the other.
pub const OTHER_GUILD_ID: u64 = 930_000_000_000_000_001;
pub const OTHER_CHANNEL_ID: u64 = 931_000_000_000_000_001;
pub const DAVE_ID: u64 = 920_000_000_000_000_009;

pub fn config() -> FakeConfig {
    let mut config = FakeConfig {
        token: TOKEN.to_string(),
        ..FakeConfig::default()
    };
    config.guilds.push(
        GuildSpec::new(
            OTHER_GUILD_ID,
            "Other Network",
            UserSpec::new(DAVE_ID, "dave"),
        )
        .channel(fake_discord::ChannelSpec::text(OTHER_CHANNEL_ID, "general"))
        .member(MemberSpec::new(UserSpec::new(DAVE_ID, "dave"))),
    );
    config
}

/// The bot process; killed when dropped.
pub struct Bot {
    pub child: Child,
    /// Shared so a test can start the bot again on the same database.
    pub dir: std::sync::Arc<tempfile::TempDir>,
    /// What the bot has logged so far, and a counter that moves with each line.
    log: Arc<Mutex<Vec<String>>>,
    logged: tokio::sync::watch::Receiver<usize>,
}

impl Drop for Bot {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Bot {
    /// Starts `rallybot run` against the fake with a throwaway database, and waits until it has
    /// identified on the gateway and registered its commands.
    pub async fn start(fake: &FakeDiscord) -> Bot {
        Self::start_with(fake, &[]).await
    }

    /// Like `start`, with extra environment variables.
    pub async fn start_with(fake: &FakeDiscord, env: &[(&str, &str)]) -> Bot {
        Self::start_in(fake, std::sync::Arc::new(tempfile::tempdir().unwrap()), env).await
    }

    /// The database URL the bot uses in `dir`.
    pub fn database_url(dir: &tempfile::TempDir) -> String {
        format!("sqlite://{}", Self::database_file(dir).display())
    }

    /// Starts the bot with its database in `dir`.
    pub async fn start_in(
        fake: &FakeDiscord,
        dir: std::sync::Arc<tempfile::TempDir>,
        env: &[(&str, &str)],
    ) -> Bot {
        let bot = Self::spawn_in(fake, dir, env);
        fake.wait_for_bot_ready(STARTUP)
            .await
            .expect("the bot identifies and registers its commands");
        bot
    }

    /// Starts the bot with its database in `dir`, without waiting for it to connect.
    pub fn spawn_in(
        fake: &FakeDiscord,
        dir: std::sync::Arc<tempfile::TempDir>,
        env: &[(&str, &str)],
    ) -> Bot {
        let child = Command::new(env!("CARGO_BIN_EXE_rallybot"))
            .arg("run")
            .current_dir(dir.path())
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("DISCORD_TOKEN", &fake.config().token)
            .env("DISCORD_API_URL", fake.base_url())
            .env("DATABASE_URL", Self::database_url(&dir))
            .env("RUST_LOG", "warn")
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut child = child;
        let (log, logged) = follow_log(child.stderr.take().expect("piped stderr"));
        Bot {
            child,
            dir,
            log,
            logged,
        }
    }
}

impl Bot {
    /// Sends SIGTERM and waits (up to `WAIT`) for the process to exit; returns its status and
    /// its directory, kept so that the database can be checked.
    pub async fn terminate(self) -> (std::process::ExitStatus, Arc<tempfile::TempDir>) {
        let pid = self.child.id().to_string();
        let sent = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
        assert!(sent.success());
        self.wait_exit().await
    }

    /// Waits (up to `WAIT`) for the process to exit by itself.
    pub async fn wait_exit(mut self) -> (std::process::ExitStatus, Arc<tempfile::TempDir>) {
        let dir = self.dir.clone();
        let status =
            tokio::time::timeout(WAIT, tokio::task::spawn_blocking(move || self.child.wait()))
                .await
                .expect("the bot exits")
                .unwrap()
                .unwrap();
        (status, dir)
    }

    /// Every line the bot has logged so far.
    pub fn log_lines(&self) -> Vec<String> {
        self.log.lock().unwrap().clone()
    }

    /// The bot's database file in `dir`.
    pub fn database_file(dir: &tempfile::TempDir) -> std::path::PathBuf {
        dir.path().join("bot.db")
    }

    /// Waits (up to `deadline`) until the bot logs a line containing `text`, and returns it.
    pub async fn wait_for_log(&self, text: &str, deadline: Duration) -> Option<String> {
        let mut logged = self.logged.clone();
        tokio::time::timeout(deadline, async {
            loop {
                logged.borrow_and_update();
                let found = {
                    let log = self.log.lock().unwrap();
                    log.iter().find(|l| l.contains(text)).cloned()
                };
                if found.is_some() {
                    return found;
                }
                if logged.changed().await.is_err() {
                    return None;
                }
            }
        })
        .await
        .ok()
        .flatten()
    }
}

/// Copies the bot's log to the test's stderr, keeping each line for `wait_for_log`.
fn follow_log(
    stderr: std::process::ChildStderr,
) -> (Arc<Mutex<Vec<String>>>, tokio::sync::watch::Receiver<usize>) {
    let log = Arc::new(Mutex::new(Vec::new()));
    let (count, logged) = tokio::sync::watch::channel(0);
    let kept = log.clone();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            eprintln!("{line}");
            kept.lock().unwrap().push(line);
            count.send_modify(|n| *n += 1);
        }
    });
    (log, logged)
}

/// The bot exited with success and closed its database cleanly.
pub fn assert_closed_cleanly(status: std::process::ExitStatus, dir: &tempfile::TempDir) {
    assert!(status.success(), "exit status {status:?}");
    let db = Bot::database_file(dir);
    // SQLite removes the write-ahead log when the last connection closes cleanly.
    assert!(db.exists());
    assert!(
        !db.with_extension("db-wal").exists(),
        "the database was not closed cleanly"
    );
}
