//! Typed configuration, read once at start from the environment (and `.env` through dotenvy).
use std::fmt;

/// The bot token. It never prints: Debug and Display show a placeholder.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl Token {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(<redacted>)")
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub discord_token: Option<Token>,
    pub database_url: String,
    pub discord_api_url: Option<String>,
    pub dev_guild_id: Option<u64>,
    /// Where to serve the public pages (WEB_ADDR); none: the bot serves none.
    pub web_addr: Option<std::net::SocketAddr>,
    /// The pages' address as people see it (PUBLIC_URL), without a trailing slash.
    pub public_url: String,
}

pub const DEFAULT_DATABASE_URL: &str = "sqlite://rallybot.db";
/// Where `rallybot web` listens when not told.
pub const DEFAULT_WEB_ADDR: &str = "127.0.0.1:8080";
/// The pages' address when neither PUBLIC_URL nor WEB_ADDR says otherwise.
pub const DEFAULT_PUBLIC_URL: &str = "http://127.0.0.1:8080";

/// A configuration value that is missing or malformed. The message names the key and what is
/// expected, and never repeats a secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("configuration error: {key} {problem}")]
pub struct ConfigError {
    pub key: &'static str,
    pub problem: String,
}

/// What a command needs of the configuration: only what it needs is read, so a malformed
/// value a command never uses (a broken DISCORD_TOKEN for an import) does not stop it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The Discord bot: everything.
    Bot,
    /// `rallybot web`: the database and the pages' address; the Discord keys are not read.
    Web,
    /// The console, import, export and map: the database only; the others are not read.
    Offline,
}

impl Config {
    /// Reads the process environment.
    pub fn from_env(scope: Scope) -> Result<Self, ConfigError> {
        Self::from_lookup(scope, |key| std::env::var(key).ok())
    }

    /// Whether a bot token is configured at all (well formed or not): then plain `rallybot`
    /// runs the bot, and a malformed token is an error worth stopping for.
    pub fn token_given(lookup: impl Fn(&str) -> Option<String>) -> bool {
        lookup("DISCORD_TOKEN").is_some_and(|v| !v.trim().is_empty())
    }

    /// Reads values through `lookup`, so tests need not touch the process environment.
    pub fn from_lookup(
        scope: Scope,
        lookup: impl Fn(&str) -> Option<String>,
    ) -> Result<Self, ConfigError> {
        let get = |key: &str| lookup(key).filter(|v| !v.trim().is_empty());
        let bot = scope == Scope::Bot;
        let discord = |key: &str| if bot { get(key) } else { None };
        let pages = |key: &str| {
            if scope == Scope::Offline {
                None
            } else {
                get(key)
            }
        };
        let web_addr = pages("WEB_ADDR").map(parse_web_addr).transpose()?;
        let public_url = match pages("PUBLIC_URL") {
            Some(url) => parse_url("PUBLIC_URL", url, "https://rallies.example.org")?,
            None => web_addr.map_or(DEFAULT_PUBLIC_URL.to_string(), |a| format!("http://{a}")),
        };
        Ok(Config {
            web_addr,
            public_url,
            discord_token: discord("DISCORD_TOKEN").map(parse_token).transpose()?,
            database_url: get("DATABASE_URL")
                .map(parse_database_url)
                .transpose()?
                .unwrap_or_else(|| DEFAULT_DATABASE_URL.to_string()),
            discord_api_url: discord("DISCORD_API_URL").map(parse_api_url).transpose()?,
            dev_guild_id: discord("DEV_GUILD_ID").map(parse_guild_id).transpose()?,
        })
    }
}

fn parse_token(raw: String) -> Result<Token, ConfigError> {
    let token = raw.trim();
    let token = token.strip_prefix("Bot ").unwrap_or(token);
    // A bot token is three base64url parts joined by dots; say so without echoing it.
    let well_formed = token.split('.').count() == 3
        && token.split('.').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        });
    if !well_formed {
        return Err(ConfigError {
            key: "DISCORD_TOKEN",
            problem: format!(
                "must be the bot token from the Discord Developer Portal (three parts separated by dots); the value given ({} characters) is not",
                raw.chars().count()
            ),
        });
    }
    Ok(Token(token.to_string()))
}

fn parse_database_url(raw: String) -> Result<String, ConfigError> {
    let url = raw.trim();
    if url.starts_with("sqlite:") {
        Ok(url.to_string())
    } else {
        Err(ConfigError {
            key: "DATABASE_URL",
            problem: format!(
                "must be a SQLite URL such as sqlite://rallybot.db or sqlite::memory:, got \"{url}\""
            ),
        })
    }
}

/// An address to listen on, such as 127.0.0.1:8080.
pub fn parse_web_addr(raw: String) -> Result<std::net::SocketAddr, ConfigError> {
    raw.trim().parse().map_err(|_| ConfigError {
        key: "WEB_ADDR",
        problem: format!(
            "must be an IP address and port to serve the public pages on, such as 127.0.0.1:8080 or 0.0.0.0:80, got \"{}\"",
            raw.trim()
        ),
    })
}

fn parse_api_url(raw: String) -> Result<String, ConfigError> {
    parse_url("DISCORD_API_URL", raw, "http://127.0.0.1:8080")
}

fn parse_url(key: &'static str, raw: String, example: &str) -> Result<String, ConfigError> {
    let url = raw.trim().trim_end_matches('/');
    let rest = url
        .strip_prefix("http://")
        .or_else(|| url.strip_prefix("https://"));
    match rest {
        Some(host) if !host.is_empty() && !host.contains(char::is_whitespace) => {
            Ok(url.to_string())
        }
        _ => Err(ConfigError {
            key,
            problem: format!(
                "must be an http:// or https:// base URL such as {example}, got \"{url}\""
            ),
        }),
    }
}

fn parse_guild_id(raw: String) -> Result<u64, ConfigError> {
    match raw.trim().parse::<u64>() {
        Ok(id) if id > 0 && id <= i64::MAX as u64 => Ok(id),
        _ => Err(ConfigError {
            key: "DEV_GUILD_ID",
            problem: format!(
                "must be a Discord server id (a positive whole number, e.g. 123456789012345678), got \"{}\"",
                raw.trim()
            ),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(Scope::Bot, |k| map.get(k).cloned())
    }

    const GOOD_TOKEN: &str =
        "MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB";

    #[test]
    fn defaults_need_no_configuration() {
        let c = config(&[]).unwrap();
        assert_eq!(c.database_url, DEFAULT_DATABASE_URL);
        assert!(c.discord_token.is_none());
        assert!(c.discord_api_url.is_none());
        assert!(c.dev_guild_id.is_none());
    }

    #[test]
    fn reads_every_key() {
        let c = config(&[
            ("DISCORD_TOKEN", GOOD_TOKEN),
            ("DATABASE_URL", "sqlite://other.db"),
            ("DISCORD_API_URL", "http://127.0.0.1:9000/"),
            ("DEV_GUILD_ID", "42"),
        ])
        .unwrap();
        assert_eq!(c.discord_token.unwrap().expose(), GOOD_TOKEN);
        assert_eq!(c.database_url, "sqlite://other.db");
        assert_eq!(c.discord_api_url.as_deref(), Some("http://127.0.0.1:9000"));
        assert_eq!(c.dev_guild_id, Some(42));
    }

    #[test]
    fn a_bad_token_is_named_but_never_echoed() {
        let secret = "not a token with s3cret";
        let err = config(&[("DISCORD_TOKEN", secret)]).unwrap_err();
        assert_eq!(err.key, "DISCORD_TOKEN");
        let shown = err.to_string();
        assert!(shown.contains("DISCORD_TOKEN"), "{shown}");
        assert!(!shown.contains("s3cret"), "token leaked: {shown}");
    }

    #[test]
    fn the_token_never_prints_in_debug() {
        let c = config(&[("DISCORD_TOKEN", GOOD_TOKEN)]).unwrap();
        let shown = format!("{c:?}");
        assert!(!shown.contains("GaBcDe"), "token leaked: {shown}");
    }

    #[test]
    fn malformed_values_name_their_key() {
        for (key, value) in [
            ("DEV_GUILD_ID", "abc"),
            ("DEV_GUILD_ID", "-5"),
            ("DEV_GUILD_ID", "0"),
            ("DATABASE_URL", "postgres://x"),
            ("DISCORD_API_URL", "127.0.0.1:9000"),
            ("DISCORD_API_URL", "ftp://x"),
        ] {
            let err = config(&[(key, value)]).unwrap_err();
            assert_eq!(err.key, key, "{value}");
            assert!(err.to_string().starts_with("configuration error: "));
        }
    }

    /// The console, import and export read no Discord key: a broken token they never use
    /// does not stop them, while a broken database URL, which they do use, still does.
    #[test]
    fn offline_commands_read_only_what_they_use() {
        let lookup = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(key, _)| *key == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        let broken = &[("DISCORD_TOKEN", "not-a-token"), ("DEV_GUILD_ID", "abc")];
        let offline = Config::from_lookup(Scope::Offline, lookup(broken)).unwrap();
        assert!(offline.discord_token.is_none());
        assert_eq!(
            Config::from_lookup(Scope::Bot, lookup(broken))
                .unwrap_err()
                .key,
            "DISCORD_TOKEN"
        );
        let bad_db = &[
            ("DISCORD_TOKEN", "not-a-token"),
            ("DATABASE_URL", "mysql://x"),
        ];
        let err = Config::from_lookup(Scope::Offline, lookup(bad_db)).unwrap_err();
        assert_eq!(err.key, "DATABASE_URL");
        assert!(Config::token_given(lookup(broken)));
        assert!(!Config::token_given(lookup(&[("DISCORD_TOKEN", " ")])));
    }

    #[test]
    fn blank_values_count_as_missing() {
        let c = config(&[("DISCORD_TOKEN", "  "), ("DEV_GUILD_ID", "")]).unwrap();
        assert!(c.discord_token.is_none());
        assert!(c.dev_guild_id.is_none());
    }
}
