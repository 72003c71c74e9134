//! The release `rallybot` binary as a child process against the fake, and its memory figures.
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fake_discord::{FakeDiscord, GatewayRecordKind};

/// Shaped like a Discord bot token (three base64url parts), so the bot's config accepts it.
pub const TOKEN: &str = "OTAwMDAwMDAwMDAwMDAwMDAx.GfakeB.bench-token-not-a-real-secret-00000";
/// Deadline of every wait on the fake; generous, as the machine is shared.
pub const WAIT: Duration = Duration::from_secs(60);

/// The binary cargo built for this bench. `cargo bench` builds the package's binaries with the
/// bench profile, which inherits `release`, into `target/release/rallybot`: the same file as
/// `cargo build --release --bin rallybot`, rebuilt when the sources change.
pub fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_rallybot"))
}

/// `rallybot run` with the fake as Discord; killed on drop.
pub struct BotProcess {
    child: Child,
}

impl Drop for BotProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl BotProcess {
    /// Starts the bot in `dir` with the database at `database_url`, and waits until it has
    /// identified on the gateway and registered its commands.
    pub async fn start(fake: &FakeDiscord, dir: &Path, database_url: &str) -> BotProcess {
        let child = Command::new(binary())
            .arg("run")
            .current_dir(dir)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("DISCORD_TOKEN", &fake.config().token)
            .env("DISCORD_API_URL", fake.base_url())
            .env("DATABASE_URL", database_url)
            .env("RUST_LOG", "warn")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|e| panic!("starting {}: {e}", binary().display()));
        let mut bot = BotProcess { child };
        if let Err(e) = fake.wait_for_bot_ready(WAIT).await {
            panic!(
                "the bot did not identify and register commands ({e}); exit status {:?}",
                bot.exited()
            );
        }
        bot
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    fn exited(&mut self) -> Option<std::process::ExitStatus> {
        self.child.try_wait().ok().flatten()
    }

    /// VmRSS and VmHWM of the bot now.
    pub fn memory(&self) -> Memory {
        Memory::of(self.pid())
    }
}

/// Resident memory of a process, in KiB, from `/proc/PID/status`.
#[derive(Clone, Copy, Debug)]
pub struct Memory {
    pub rss_kib: u64,
    pub hwm_kib: u64,
}

impl Memory {
    pub fn of(pid: u32) -> Memory {
        let status = std::fs::read_to_string(format!("/proc/{pid}/status"))
            .unwrap_or_else(|e| panic!("reading /proc/{pid}/status: {e}"));
        let field = |name: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
                .unwrap_or_else(|| panic!("no {name} in /proc/{pid}/status"))
        };
        Memory {
            rss_kib: field("VmRSS:"),
            hwm_kib: field("VmHWM:"),
        }
    }

    pub fn rss_mib(&self) -> f64 {
        self.rss_kib as f64 / 1024.0
    }

    pub fn hwm_mib(&self) -> f64 {
        self.hwm_kib as f64 / 1024.0
    }
}

/// How many GUILD_CREATE dispatches the fake has sent (queued on the bot's connection).
pub fn guild_creates_sent(fake: &FakeDiscord) -> usize {
    fake.gateway_log()
        .iter()
        .filter(|r| {
            matches!(&r.kind, GatewayRecordKind::Sent { event: Some(e), .. } if e == "GUILD_CREATE")
        })
        .count()
}
