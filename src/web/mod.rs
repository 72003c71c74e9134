//! The public web front end: a server's page, its campaigns' pages with "find a rally near
//! you", each rally's page, and calendar feeds. Every page is rendered on the server from the
//! service's public values and works with JavaScript off; nothing here decides what is public.
use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};

use axum::extract::{Path, Query, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use serde::Deserialize;

use crate::domain::Caller;
use crate::error::Error;
use crate::i18n::{code, Lang};
use crate::service::public::{PublicPage, PublicRequest, SearchForm};
use crate::service::request::Request;
use crate::service::response;
use crate::service::Service;

mod cache;
mod feed;
mod http;
mod lang;
mod links;
pub mod map;
mod pages;
mod search;
mod words;

use cache::PageCache;
use lang::Choice;

/// What every handler shares.
#[derive(Clone)]
struct Web {
    service: Service,
    cache: Arc<PageCache>,
}

/// The routes of the public pages.
pub fn router(service: Service) -> Router {
    let web = Web {
        service,
        cache: Arc::new(PageCache::default()),
    };
    Router::new()
        .route("/", get(home))
        .route("/site.css", get(stylesheet))
        .route("/s/{slug}", get(server_page))
        .route("/s/{slug}/calendar.ics", get(server_feed))
        .route("/s/{slug}/c/{campaign}", get(campaign_page))
        .route("/s/{slug}/c/{campaign}/calendar.ics", get(campaign_feed))
        .route("/s/{slug}/r/{rally}", get(rally_page))
        .route("/s/{slug}/r/{rally}/calendar.ics", get(rally_calendar))
        .fallback(not_found)
        .with_state(web)
}

/// Serves the pages on `listener` until `shutdown` completes.
pub async fn serve(
    listener: tokio::net::TcpListener,
    service: Service,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    // Loaded before the first search rather than by it (a fifth of a second); requests that
    // come meanwhile wait in the listener's queue.
    let _ = tokio::task::spawn_blocking(places::Gazetteer::global).await;
    axum::serve(listener, router(service))
        .with_graceful_shutdown(shutdown)
        .await
}

/// Binds the address, naming it in the error when it cannot.
pub async fn bind(addr: SocketAddr) -> std::io::Result<tokio::net::TcpListener> {
    tokio::net::TcpListener::bind(addr).await.map_err(|e| {
        std::io::Error::new(
            e.kind(),
            format!("can't listen on {addr} for the web pages: {e}"),
        )
    })
}

/// The page's language for a request: its `?lang=`, else its Accept-Language.
fn language(query: Option<&str>, headers: &HeaderMap) -> Choice {
    let accept = headers
        .get(axum::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    lang::choose(lang::asked(query), accept)
}

/// A feed's language: only what its address asks for, as calendar apps subscribe to an
/// address and word the dates themselves.
fn feed_language(query: Option<&str>) -> Choice {
    lang::choose(lang::asked(query), None)
}

async fn home(RawQuery(query): RawQuery, headers: HeaderMap) -> Response {
    static HOME: [OnceLock<cache::Body>; 2] = [OnceLock::new(), OnceLock::new()];
    let lang = language(query.as_deref(), &headers);
    let kept = match lang.lang {
        Lang::En => &HOME[0],
        Lang::Es => &HOME[1],
    };
    let body = kept.get_or_init(|| http::fixed("text/html; charset=utf-8", pages::home(lang.lang)));
    http::cached(&headers, body, lang.negotiated)
}

async fn stylesheet(headers: HeaderMap) -> Response {
    static CSS: OnceLock<cache::Body> = OnceLock::new();
    let body = CSS.get_or_init(|| http::fixed("text/css; charset=utf-8", pages::STYLESHEET.into()));
    http::cached(&headers, body, false)
}

async fn not_found(RawQuery(query): RawQuery, headers: HeaderMap) -> Response {
    http::not_found(language(query.as_deref(), &headers))
}

/// "find a rally near you", as the form sends it; every field may be missing or empty.
#[derive(Debug, Default, Deserialize)]
struct SearchParams {
    place: Option<String>,
    radius: Option<String>,
    page: Option<String>,
}

/// Which page of a long list: `?page=2`; anything else is the first.
#[derive(Debug, Default, Deserialize)]
struct ListParams {
    page: Option<String>,
}

fn list_page(typed: Option<&str>) -> usize {
    typed
        .and_then(|p| p.trim().parse::<usize>().ok())
        .filter(|p| (1..=1000).contains(p))
        .unwrap_or(1)
}

async fn server_page(
    State(web): State<Web>,
    Path(slug): Path<String>,
    Query(params): Query<ListParams>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let lang = language(query.as_deref(), &headers);
    let list = list_page(params.page.as_deref());
    let key = format!("s/{slug}?{list}");
    let request = PublicRequest::Server { slug: slug.clone() };
    web.page(&slug, key, list, lang, &headers, request).await
}

async fn server_feed(
    State(web): State<Web>,
    Path(slug): Path<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let key = format!("s/{slug}/ics");
    let request = PublicRequest::Feed {
        slug: slug.clone(),
        campaign: None,
    };
    let lang = feed_language(query.as_deref());
    web.page(&slug, key, 1, lang, &headers, request).await
}

async fn campaign_page(
    State(web): State<Web>,
    Path((slug, campaign)): Path<(String, String)>,
    Query(params): Query<SearchParams>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let lang = language(query.as_deref(), &headers);
    let Ok(campaign) = campaign.parse::<i64>() else {
        return http::not_found(lang);
    };
    let list = list_page(params.page.as_deref());
    let place = params.place.unwrap_or_default();
    let radius_typed = params.radius.unwrap_or_default();
    let search = (!place.trim().is_empty()).then(|| SearchForm {
        place: place.trim().to_string(),
        radius: radius_typed
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|r| r.is_finite()),
    });
    // The same search is one page: "Austin " and "austin" differ only in how they were typed.
    let key = match &search {
        Some(s) => format!(
            "s/{slug}/c/{campaign}?{}&{:?}",
            s.place.to_lowercase(),
            s.radius
        ),
        None => format!("s/{slug}/c/{campaign}?{list}"),
    };
    let request = PublicRequest::Campaign {
        slug: slug.clone(),
        campaign,
        search,
    };
    web.page(&slug, key, list, lang, &headers, request).await
}

async fn campaign_feed(
    State(web): State<Web>,
    Path((slug, campaign)): Path<(String, String)>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let lang = feed_language(query.as_deref());
    let Ok(campaign) = campaign.parse::<i64>() else {
        return http::not_found(lang);
    };
    let key = format!("s/{slug}/c/{campaign}/ics");
    let request = PublicRequest::Feed {
        slug: slug.clone(),
        campaign: Some(campaign),
    };
    web.page(&slug, key, 1, lang, &headers, request).await
}

async fn rally_page(
    State(web): State<Web>,
    Path((slug, rally)): Path<(String, String)>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let lang = language(query.as_deref(), &headers);
    let Ok(rally) = rally.parse::<i64>() else {
        return http::not_found(lang);
    };
    let key = format!("s/{slug}/r/{rally}");
    let request = PublicRequest::Rally {
        slug: slug.clone(),
        rally,
    };
    web.page(&slug, key, 1, lang, &headers, request).await
}

async fn rally_calendar(
    State(web): State<Web>,
    Path((slug, rally)): Path<(String, String)>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let lang = feed_language(query.as_deref());
    let Ok(rally) = rally.parse::<i64>() else {
        return http::not_found(lang);
    };
    let key = format!("s/{slug}/r/{rally}/ics");
    let request = PublicRequest::RallyCalendar {
        slug: slug.clone(),
        rally,
    };
    web.page(&slug, key, 1, lang, &headers, request).await
}

impl Web {
    /// A page from the cache while nothing it shows has changed, else rendered afresh;
    /// answered 304 when the client already has it. A page is kept once per language: an
    /// English and a Spanish reader of one address each get their own.
    async fn page(
        &self,
        slug: &str,
        key: String,
        list: usize,
        lang: Choice,
        headers: &HeaderMap,
        request: PublicRequest,
    ) -> Response {
        let key = format!("{}:{key}", code(lang.lang));
        let version = match self
            .ask(PublicRequest::Version {
                slug: slug.to_string(),
            })
            .await
        {
            Ok(PublicPage::Version(v)) => v,
            Ok(_) => {
                return self.failed(&Error::internal("a page's version", "another answer"), lang)
            }
            Err(e) => return self.refused(&e, lang),
        };
        let now = self.service.now();
        let body = match self.cache.get(&key, version, now) {
            Some(kept) => kept,
            None => {
                let page = match self.ask(request).await {
                    Ok(page) => page,
                    Err(e) => return self.refused(&e, lang),
                };
                let (content_type, text) = self.render(&page, list, lang.lang);
                self.cache.put(key, version, now, content_type, text)
            }
        };
        http::cached(headers, &body, lang.negotiated)
    }

    async fn ask(&self, request: PublicRequest) -> crate::error::Result<PublicPage> {
        let answer = self
            .service
            .execute(&Caller::default(), Request::Public(request))
            .await?;
        match answer.response {
            response::Response::Public(page) => Ok(page),
            _ => Err(Error::internal(
                "a public page",
                "the service answered something else",
            )),
        }
    }

    fn render(&self, page: &PublicPage, list: usize, lang: Lang) -> (&'static str, String) {
        let base = self.service.public_url();
        match page {
            PublicPage::Feed { .. } | PublicPage::RallyCalendar { .. } => {
                (feed::CONTENT_TYPE, feed::calendar(page, base, lang))
            }
            _ => (
                "text/html; charset=utf-8",
                pages::page(page, base, list, lang),
            ),
        }
    }

    /// A page that is not there, or not public, is simply not found: which of the two is
    /// nobody's business.
    fn refused(&self, e: &Error, lang: Choice) -> Response {
        match e {
            Error::User(_) => http::not_found(lang),
            Error::Internal { .. } => self.failed(e, lang),
        }
    }

    fn failed(&self, e: &Error, lang: Choice) -> Response {
        let apology = crate::text::error(e, "web page", &crate::text::Plain, lang.lang);
        http::error_page(StatusCode::INTERNAL_SERVER_ERROR, &apology, lang)
    }
}
