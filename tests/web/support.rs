//! A service on a database of its own, driven through the command table as Discord would,
//! and its public pages served on loopback.
use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};
use rallybot::commands::{parse, Invocation};
use rallybot::domain::{Caller, Origin};
use rallybot::service::response::Response;
use rallybot::service::{ManualClock, Service};
use rallybot::store::Store;

/// Discord ids as Discord makes them: long enough that seeing one on a page means a leak.
pub const SERVER: i64 = 805_000_000_000_000_001;
pub const OTHER_SERVER: i64 = 805_000_000_000_000_002;
pub const ALICE: i64 = 300_000_000_000_000_011;
pub const CAROL: i64 = 300_000_000_000_000_013;
pub const MOD: i64 = 300_000_000_000_000_019;
pub const CHANNEL: i64 = 700_000_000_000_000_001;

pub fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 3, 12, 0, 0).unwrap()
}

pub struct Site {
    pub service: Service,
    pub clock: Arc<ManualClock>,
    pub base: String,
    pub http: reqwest::Client,
    _stop: tokio::sync::oneshot::Sender<()>,
}

impl Site {
    pub async fn new() -> Site {
        let store = Store::open("sqlite::memory:").await.unwrap();
        let clock = Arc::new(ManualClock::new(start()));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let service = Service::new(store, clock.clone()).with_public_url(&base);
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let pages = service.clone();
        tokio::spawn(async move {
            rallybot::web::serve(listener, pages, async {
                let _ = stopped.await;
            })
            .await
            .unwrap();
        });
        Site {
            service,
            clock,
            base,
            http: reqwest::Client::new(),
            _stop: stop,
        }
    }

    /// Runs a command as `user` in `server`, as a moderator when `moderator`.
    pub async fn run(
        &self,
        server: i64,
        user: i64,
        moderator: bool,
        path: &[&str],
        options: &[(&str, &str)],
    ) -> Result<Response, String> {
        let request = parse(Invocation::new(path, options)).map_err(|e| e.to_string())?;
        let caller = Caller {
            user_id: user,
            origin: Origin {
                server_id: Some(server),
                channel_id: Some(CHANNEL),
                server_name: Some(if server == SERVER {
                    "Austin Families Together".into()
                } else {
                    "Elsewhere".into()
                }),
            },
            manage_events: moderator,
            role_ids: Vec::new(),
            ..Default::default()
        };
        self.service
            .execute(&caller, request)
            .await
            .map(|a| a.response)
            .map_err(|e| e.to_string())
    }

    /// Turns the server's pages on and gives their path (e.g. /s/3f…).
    pub async fn publish(&self, server: i64) -> String {
        let reply = self
            .run(
                server,
                MOD,
                true,
                &["rallymod", "settings"],
                &[("public_page", "true")],
            )
            .await
            .unwrap();
        let Response::Settings {
            page: Some(page), ..
        } = reply
        else {
            panic!("no page address in {reply:?}");
        };
        page.strip_prefix(&self.base).unwrap().to_string()
    }

    /// Creates a one-day campaign on December 12 in SERVER, shared with `coalition` if given.
    pub async fn campaign(&self, name: &str, coalition: Option<&str>) {
        let mut options = vec![
            ("name", name),
            ("start", "2026-12-12"),
            ("end", "2026-12-12"),
        ];
        options.extend(coalition.map(|c| ("coalition", c)));
        self.run(
            SERVER,
            MOD,
            true,
            &["rallymod", "campaign", "create"],
            &options,
        )
        .await
        .unwrap();
    }

    /// Registers a rally as Alice and, when `approve`, approves it; gives its number.
    pub async fn rally(&self, server: i64, options: &[(&str, &str)], approve: bool) -> i64 {
        let reply = self
            .run(server, ALICE, false, &["rally", "create"], options)
            .await
            .unwrap();
        let Response::Created(created) = reply else {
            panic!("not created: {reply:?}");
        };
        let id = created.view.rally.id;
        if approve {
            let rally = id.to_string();
            self.run(
                server,
                MOD,
                true,
                &["rallymod", "approve"],
                &[("rally", &rally)],
            )
            .await
            .unwrap();
        }
        id
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.http
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap()
    }

    /// The page's status and text.
    pub async fn page(&self, path: &str) -> (u16, String) {
        let r = self.get(path).await;
        (r.status().as_u16(), r.text().await.unwrap())
    }
}

/// A campaign page's totals line, as shown with or without a search.
pub fn totals_line(html: &str) -> &str {
    let from = html.find("<p class=\"totals\">").expect("a totals line");
    let to = from + html[from..].find("</p>").expect("the line ends");
    &html[from..to]
}
