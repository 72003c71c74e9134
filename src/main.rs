use std::process::ExitCode;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand};
use tracing_subscriber::EnvFilter;

use rallybot::config::{Config, Scope};
use rallybot::console::{stdin_is_interactive, Console};
use rallybot::service::{ManualClock, Service};
use rallybot::store::Store;

#[derive(Parser)]
#[command(
    name = "rallybot",
    version,
    about = "A Discord bot that helps activist networks organise rallies"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the Discord bot (needs DISCORD_TOKEN).
    Run,
    /// Try the bot offline: type slash commands in the terminal, or pipe a script in.
    Console {
        /// Database to use instead of DATABASE_URL: a file path, a sqlite: URL, or :memory:.
        #[arg(long)]
        db: Option<String>,
        /// Start the simulated clock at this RFC 3339 time instead of now (for scripts).
        #[arg(long)]
        now: Option<String>,
    },
    /// Serve the public web pages and calendar feeds alone, with no Discord (e.g. of the
    /// console's database).
    Web {
        /// Database to use instead of DATABASE_URL: a file path or a sqlite: URL.
        #[arg(long)]
        db: Option<String>,
        /// Where to listen instead of WEB_ADDR (default 127.0.0.1:8080).
        #[arg(long)]
        addr: Option<String>,
        /// Take this RFC 3339 time as now (for scripts and tests).
        #[arg(long)]
        now: Option<String>,
    },
    /// Draw a server's upcoming approved rallies as a map image (PNG or SVG, by the file name).
    Map {
        /// The Discord server (guild) id.
        #[arg(long)]
        server: i64,
        /// Draw a search from this place (city, ZIP code or lat,lon) instead: its circle and
        /// the nearest rallies, numbered.
        #[arg(long)]
        near: Option<String>,
        /// The search's radius, in the server's unit (default 50).
        #[arg(long)]
        radius: Option<f64>,
        /// The image to write: map.png or map.svg.
        #[arg(long)]
        output: std::path::PathBuf,
        /// Database to use instead of DATABASE_URL: a file path or a sqlite: URL.
        #[arg(long)]
        db: Option<String>,
        /// Take this RFC 3339 time as now (for scripts and tests).
        #[arg(long)]
        now: Option<String>,
    },
    /// Import rallies from a CSV file (see the README for its columns) into a server.
    Import {
        /// The CSV file.
        file: std::path::PathBuf,
        /// The Discord server (guild) id the rallies belong to.
        #[arg(long)]
        server: i64,
        /// Put every rally in this campaign (it must exist in the server).
        #[arg(long)]
        campaign: Option<String>,
        /// Check every row and say what would change, without writing anything.
        #[arg(long)]
        dry_run: bool,
        /// Discord user id shown as organiser of new rallies (default: none).
        #[arg(long, default_value_t = 0)]
        organiser: i64,
        /// Database to use instead of DATABASE_URL: a file path or a sqlite: URL.
        #[arg(long)]
        db: Option<String>,
        /// Take this RFC 3339 time as now (for scripts and tests).
        #[arg(long)]
        now: Option<String>,
    },
    /// Export a server's upcoming rallies as CSV, in the format import reads.
    Export {
        /// The Discord server (guild) id.
        #[arg(long)]
        server: i64,
        /// Only this campaign's rallies.
        #[arg(long)]
        campaign: Option<String>,
        /// Write to this file instead of standard output.
        #[arg(long)]
        output: Option<std::path::PathBuf>,
        /// Database to use instead of DATABASE_URL: a file path or a sqlite: URL.
        #[arg(long)]
        db: Option<String>,
        /// Take this RFC 3339 time as now (for scripts and tests).
        #[arg(long)]
        now: Option<String>,
    },
}

/// Exit code for a missing or malformed configuration value.
const CONFIG_EXIT: u8 = 2;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    // A missing .env is normal; a broken one is a configuration error.
    if let Err(e) = dotenvy::dotenv() {
        if !e.not_found() {
            return config_error(&format!("configuration error: .env could not be read: {e}"));
        }
    }
    let filter = match std::env::var("RUST_LOG") {
        Ok(spec) if !spec.trim().is_empty() => match EnvFilter::try_new(&spec) {
            Ok(f) => f,
            Err(e) => {
                return config_error(&format!(
                    "configuration error: RUST_LOG must be a log filter such as info or rallybot=debug ({e})"
                ))
            }
        },
        // The console's terminal is for replies; the bot logs what it does.
        _ if matches!(
            cli.command,
            Some(
                Command::Console { .. }
                    | Command::Import { .. }
                    | Command::Export { .. }
                    | Command::Map { .. }
            )
        ) =>
        {
            EnvFilter::new("warn")
        }
        _ => EnvFilter::new("warn,rallybot=info"),
    };
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
    // Plain `rallybot` runs the bot when a token is configured, else the console.
    let bot = match cli.command {
        Some(Command::Run) => true,
        None => Config::token_given(|k| std::env::var(k).ok()),
        _ => false,
    };
    let scope = match cli.command {
        _ if bot => Scope::Bot,
        Some(Command::Web { .. }) => Scope::Web,
        _ => Scope::Offline,
    };
    let config = match Config::from_env(scope) {
        Ok(c) => c,
        Err(e) => return config_error(&e.to_string()),
    };
    match cli.command {
        None if bot => run_bot(&config).await,
        None => run_console(&config, None, None).await,
        Some(Command::Run) => run_bot(&config).await,
        Some(Command::Console { db, now }) => run_console(&config, db, now).await,
        Some(Command::Web { db, addr, now }) => run_web(&config, db, addr, now).await,
        Some(Command::Map {
            server,
            near,
            radius,
            output,
            db,
            now,
        }) => match bulk_setup(&config, db, now, server).await {
            Ok((store, clock)) => {
                let service = Service::new(store.clone(), clock);
                let code = rallybot::cli::map(&service, server, near, radius, &output).await;
                store.close().await;
                code
            }
            Err(code) => code,
        },
        Some(Command::Import {
            file,
            server,
            campaign,
            dry_run,
            organiser,
            db,
            now,
        }) => {
            let options = rallybot::service::bulk::ImportOptions {
                server_id: server,
                campaign,
                dry_run,
                organiser_id: organiser,
            };
            match bulk_setup(&config, db, now, server).await {
                Ok((store, clock)) => {
                    let code = rallybot::cli::import(store.clone(), clock, &file, options).await;
                    store.close().await;
                    code
                }
                Err(code) => code,
            }
        }
        Some(Command::Export {
            server,
            campaign,
            output,
            db,
            now,
        }) => match bulk_setup(&config, db, now, server).await {
            Ok((store, clock)) => {
                let code = rallybot::cli::export(
                    store.clone(),
                    clock,
                    server,
                    campaign.as_deref(),
                    output.as_deref(),
                )
                .await;
                store.close().await;
                code
            }
            Err(code) => code,
        },
    }
}

/// The store and clock for import and export, or the exit code of what went wrong.
async fn bulk_setup(
    config: &Config,
    db: Option<String>,
    now: Option<String>,
    server: i64,
) -> Result<(Store, Arc<dyn rallybot::service::Clock>), ExitCode> {
    if server <= 0 {
        return Err(config_error(
            "--server must be the Discord server id, a positive whole number",
        ));
    }
    let clock = fixed_clock(now)?;
    match Store::open(&database_url(config, db)).await {
        Ok(store) => Ok((store, clock)),
        Err(e) => {
            eprintln!("rallybot could not open its database: {e}");
            Err(ExitCode::FAILURE)
        }
    }
}

async fn run_web(
    config: &Config,
    db: Option<String>,
    addr: Option<String>,
    now: Option<String>,
) -> ExitCode {
    let addr = match addr {
        Some(a) => match rallybot::config::parse_web_addr(a) {
            Ok(a) => a,
            Err(e) => return config_error(&e.to_string().replace("WEB_ADDR", "--addr")),
        },
        None => config.web_addr.unwrap_or_else(|| {
            rallybot::config::DEFAULT_WEB_ADDR
                .parse()
                .expect("the default address parses")
        }),
    };
    // Without PUBLIC_URL, the address people see is the one listened on.
    let public_url = if std::env::var("PUBLIC_URL").is_ok_and(|v| !v.trim().is_empty()) {
        config.public_url.clone()
    } else {
        format!("http://{addr}")
    };
    let clock = match fixed_clock(now) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let store = match Store::open(&database_url(config, db)).await {
        Ok(s) => s,
        Err(e) => {
            eprintln!("rallybot could not open its database: {e}");
            return ExitCode::FAILURE;
        }
    };
    let listener = match rallybot::web::bind(addr).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("rallybot {e}");
            store.close().await;
            return ExitCode::FAILURE;
        }
    };
    let service = Service::new(store.clone(), clock).with_public_url(&public_url);
    // Said on stderr so a script can wait for it: the pages answer from here on.
    eprintln!("rallybot web: serving the public pages on {public_url} (Ctrl-C stops)");
    let stopped = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let result = rallybot::web::serve(listener, service, stopped).await;
    store.close().await;
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rallybot web stopped: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The system clock, or one fixed at `--now` (for scripts and tests).
fn fixed_clock(now: Option<String>) -> Result<Arc<dyn rallybot::service::Clock>, ExitCode> {
    match now {
        None => Ok(Arc::new(rallybot::service::SystemClock)),
        Some(now) => match DateTime::parse_from_rfc3339(&now) {
            Ok(t) => Ok(Arc::new(ManualClock::new(t.with_timezone(&Utc)))),
            Err(_) => Err(config_error(&format!(
                "--now must be an RFC 3339 time such as 2026-12-01T09:00:00Z, got \"{now}\""
            ))),
        },
    }
}

fn config_error(line: &str) -> ExitCode {
    eprintln!("{line}");
    ExitCode::from(CONFIG_EXIT)
}

async fn run_bot(config: &Config) -> ExitCode {
    let Some(token) = &config.discord_token else {
        return config_error(
            "configuration error: DISCORD_TOKEN is needed to run the Discord bot; set it in .env, or try `rallybot console` without one",
        );
    };
    let store = match Store::open(&config.database_url).await {
        Ok(s) => s,
        Err(e) => {
            tracing::error!(error = %e, "opening the database failed");
            return ExitCode::FAILURE;
        }
    };
    let result = rallybot::discord::run(config, token, store.clone()).await;
    store.close().await;
    match result {
        Ok(()) => {
            tracing::info!("stopped");
            ExitCode::SUCCESS
        }
        Err(e) => match refused_setting(&e) {
            Some(line) => config_error(line),
            None => {
                tracing::error!(error = %e, "the Discord connection failed");
                ExitCode::FAILURE
            }
        },
    }
}

/// The configuration line for a gateway refusal that only a setting can mend.
fn refused_setting(error: &serenity::Error) -> Option<&'static str> {
    use serenity::gateway::GatewayError;
    match error {
        serenity::Error::Gateway(GatewayError::InvalidAuthentication) => Some(
            "configuration error: DISCORD_TOKEN was refused by Discord (close code 4004); copy the bot token again from the Developer Portal (Bot > Reset Token)",
        ),
        serenity::Error::Gateway(
            GatewayError::DisallowedGatewayIntents | GatewayError::InvalidGatewayIntents,
        ) => Some(
            "configuration error: Discord refused the bot's gateway intents; rallybot needs only Guilds, which every bot may use, so check that the token belongs to a bot application",
        ),
        _ => None,
    }
}

/// `--db` takes a path, a sqlite: URL or :memory:.
fn database_url(config: &Config, db: Option<String>) -> String {
    match db {
        None => config.database_url.clone(),
        Some(db) if db == ":memory:" => "sqlite::memory:".to_string(),
        Some(db) if db.starts_with("sqlite:") => db,
        Some(path) => format!("sqlite://{path}"),
    }
}

async fn run_console(config: &Config, db: Option<String>, now: Option<String>) -> ExitCode {
    let clock = match now {
        None => ManualClock::following_system(),
        Some(now) => match DateTime::parse_from_rfc3339(&now) {
            Ok(t) => ManualClock::new(t.with_timezone(&Utc)),
            Err(_) => {
                return config_error(&format!(
                    "--now must be an RFC 3339 time such as 2026-12-01T09:00:00Z, got \"{now}\""
                ))
            }
        },
    };
    let store = match Store::open(&database_url(config, db)).await {
        Ok(s) => s,
        Err(e) => {
            eprintln!("rallybot could not open its database: {e}");
            return ExitCode::FAILURE;
        }
    };
    let clock = Arc::new(clock);
    let service = Service::new(store.clone(), clock.clone()).with_public_url(&config.public_url);
    let mut console = Console::new(service, clock);
    let input = tokio::io::BufReader::new(tokio::io::stdin());
    let result = console
        .run(input, tokio::io::stdout(), stdin_is_interactive())
        .await;
    store.close().await;
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rallybot console stopped: {e}");
            ExitCode::FAILURE
        }
    }
}
