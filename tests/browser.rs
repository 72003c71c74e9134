//! The campaign page in a real headless Chromium (Debian's chromium and chromium-driver,
//! which .ci/run installs): type a ZIP code, submit the form, read the nearest rally first.
//! It also checks what a screen reader and a low-vision reader rely on, and saves
//! screenshots of the page and its map to look at.
#[path = "web/support.rs"]
#[allow(dead_code)]
mod support;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use fantoccini::{ClientBuilder, Locator};
use serde_json::json;
use support::*;

/// chromedriver on a free loopback port, stopped when dropped.
struct Driver {
    child: Child,
    url: String,
}

impl Driver {
    fn start() -> Driver {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut child = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver runs (Debian: apt-get install chromium chromium-driver; .ci/run does)");
        // It says when it listens: wait for that line, not for a time.
        let out = child.stdout.take().unwrap();
        let mut lines = BufReader::new(out).lines();
        let ready = lines
            .by_ref()
            .map_while(Result::ok)
            .any(|l| l.contains("started successfully"));
        assert!(ready, "chromedriver stopped before it was ready");
        std::thread::spawn(move || lines.for_each(drop));
        Driver {
            child,
            url: format!("http://127.0.0.1:{port}"),
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// WCAG's contrast ratio of two "rgb(r, g, b)" colours.
fn contrast(a: &str, b: &str) -> f64 {
    let luminance = |c: &str| {
        let n: Vec<f64> = c
            .trim_start_matches("rgba(")
            .trim_start_matches("rgb(")
            .trim_end_matches(')')
            .split(',')
            .take(3)
            .map(|x| x.trim().parse::<f64>().unwrap() / 255.0)
            .map(|v| {
                if v <= 0.03928 {
                    v / 12.92
                } else {
                    ((v + 0.055) / 1.055).powf(2.4)
                }
            })
            .collect();
        0.2126 * n[0] + 0.7152 * n[1] + 0.0722 * n[2]
    };
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_supporter_finds_the_nearest_rally_from_a_zip_code() {
    let site = Site::new().await;
    site.campaign("Families Belong Together", None).await;
    site.run(
        SERVER,
        MOD,
        true,
        &["rallymod", "settings"],
        &[("daily_limit", "20")],
    )
    .await
    .unwrap();
    for (title, place) in [
        ("Houston: City Hall rally", "Houston, TX"),
        ("Austin: Capitol rally", "Austin, TX"),
        ("Dallas: march downtown", "Dallas, TX"),
        ("San Antonio: vigil", "San Antonio, TX"),
        ("El Paso: border vigil", "El Paso, TX"),
        ("Denver: rally", "Denver, CO"),
    ] {
        let options = [
            ("title", title),
            ("place", place),
            ("when", "2026-12-12 11:00"),
            ("campaign", "Families Belong Together"),
        ];
        site.rally(SERVER, &options, true).await;
    }
    let page = site.publish(SERVER).await;
    let driver = Driver::start();
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        json!({ "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=900,1400"] }),
    );
    let browser = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&driver.url)
        .await
        .expect("a Chromium session");
    let campaign = format!("{}{page}/c/1", site.base);
    browser.goto(&campaign).await.unwrap();
    assert_eq!(
        browser
            .find(Locator::Css("h1"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
        "Families Belong Together"
    );
    // Headings in order, a language, a label for every field.
    let levels: Vec<u8> = {
        let mut v = Vec::new();
        for h in browser.find_all(Locator::Css("h1, h2, h3")).await.unwrap() {
            v.push(h.tag_name().await.unwrap()[1..].parse().unwrap());
        }
        v
    };
    assert_eq!(levels[0], 1);
    assert!(
        levels.windows(2).all(|w| w[1] <= w[0] + 1),
        "headings skip a level: {levels:?}"
    );
    let lang = browser
        .find(Locator::Css("html"))
        .await
        .unwrap()
        .attr("lang")
        .await
        .unwrap();
    assert_eq!(lang.as_deref(), Some("en"));
    for field in ["place", "radius"] {
        let label = browser
            .find(Locator::Css(&format!("label[for={field}]")))
            .await;
        assert!(label.is_ok(), "the {field} field has no label");
    }
    // Text and links dark enough on their background (WCAG AA: 4.5).
    let colours = browser
        .execute(
            "const s = e => getComputedStyle(e); const bg = s(document.documentElement).backgroundColor;
             return [s(document.body).color, s(document.querySelector('a')).color,
                     s(document.querySelector('.muted')).color, bg];",
            vec![],
        )
        .await
        .unwrap();
    let c: Vec<String> = serde_json::from_value(colours).unwrap();
    for text in &c[..3] {
        let ratio = contrast(text, &c[3]);
        assert!(ratio >= 4.5, "contrast {ratio:.1} of {text} on {}", c[3]);
    }
    // A supporter in Houston types their ZIP code and searches.
    let place = browser.find(Locator::Id("place")).await.unwrap();
    place.send_keys("77002").await.unwrap();
    browser
        .find(Locator::Id("radius"))
        .await
        .unwrap()
        .select_by_value("250")
        .await
        .unwrap();
    // A click that submits a form returns once the next page has loaded (WebDriver).
    browser
        .find(Locator::Css("form.search button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let url = browser.current_url().await.unwrap();
    assert!(
        url.as_str().contains("place=77002"),
        "a shareable address: {url}"
    );
    let first = browser
        .find(Locator::Css("ol.rallies li h3"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(first, "Houston: City Hall rally");
    let found = browser
        .find_all(Locator::Css("ol.rallies li"))
        .await
        .unwrap();
    assert_eq!(
        found.len(),
        4,
        "Houston, Austin, San Antonio and Dallas lie within 250 miles"
    );
    let shots = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let png = browser.screenshot().await.unwrap();
    assert!(png.starts_with(b"\x89PNG"));
    std::fs::write(shots.join("campaign-near.png"), png).unwrap();
    let map = browser.find(Locator::Css("main svg")).await.unwrap();
    std::fs::write(
        shots.join("campaign-near-map.png"),
        map.screenshot().await.unwrap(),
    )
    .unwrap();
    eprintln!("screenshots in {}", shots.display());
    browser.close().await.unwrap();
}

/// A Spanish reader opens a campaign in Spanish, reads it, then switches to English.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reader_switches_a_spanish_page_to_english() {
    let site = Site::new().await;
    site.campaign("Families Belong Together", None).await;
    for (title, place) in [
        ("Houston: City Hall rally", "Houston, TX"),
        ("Austin: Capitol rally", "Austin, TX"),
    ] {
        let options = [
            ("title", title),
            ("place", place),
            ("when", "2026-12-12 11:00"),
            ("campaign", "Families Belong Together"),
        ];
        site.rally(SERVER, &options, true).await;
    }
    let page = site.publish(SERVER).await;
    let driver = Driver::start();
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        json!({ "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=900,1400"] }),
    );
    let browser = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&driver.url)
        .await
        .expect("a Chromium session");
    browser
        .goto(&format!("{}{page}/c/1?lang=es", site.base))
        .await
        .unwrap();
    let text = |css: &'static str| {
        let browser = browser.clone();
        async move {
            browser
                .find(Locator::Css(css))
                .await
                .unwrap()
                .text()
                .await
                .unwrap()
        }
    };
    assert_eq!(
        text("main h2").await,
        "Encuentra una manifestación cerca de ti"
    );
    assert_eq!(text("p.lead").await, "sábado, 12 de diciembre de 2026");
    assert_eq!(text("form.search button").await, "Buscar");
    let png = browser.screenshot().await.unwrap();
    std::fs::write(
        std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("campaign-es.png"),
        &png,
    )
    .unwrap();
    if let Ok(to) = std::env::var("RALLYBOT_SCREENSHOT") {
        std::fs::write(to, &png).unwrap();
    }
    // A Spanish search stays in Spanish.
    browser
        .find(Locator::Id("place"))
        .await
        .unwrap()
        .send_keys("77002")
        .await
        .unwrap();
    browser
        .find(Locator::Css("form.search button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    assert!(text("main").await.contains("Cerca de"));
    // The switch: the same search, in English.
    browser
        .find(Locator::LinkText("English"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let url = browser.current_url().await.unwrap();
    assert!(
        url.as_str().contains("place=77002") && url.as_str().contains("lang=en"),
        "{url}"
    );
    let lang = browser
        .find(Locator::Css("html"))
        .await
        .unwrap()
        .attr("lang")
        .await
        .unwrap();
    assert_eq!(lang.as_deref(), Some("en"));
    assert_eq!(text("main h2").await, "Find a rally near you");
    assert_eq!(text("form.search button").await, "Search");
    assert!(text("main").await.contains("Near "));
    // And a rally's link keeps English.
    browser
        .find(Locator::Css("ol.rallies li h3 a"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    assert!(text("main").await.contains("Add to calendar"));
    browser.close().await.unwrap();
}
