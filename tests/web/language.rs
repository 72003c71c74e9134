//! The pages follow the reader's language: Accept-Language, overridden by ?lang=, with a
//! switch that keeps the query, and a cached copy per language.
use super::support::*;
use super::world;

async fn get_in(site: &Site, path: &str, accept: &str) -> reqwest::Response {
    site.http
        .get(format!("{}{path}", site.base))
        .header("accept-language", accept)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_mexican_browser_gets_spanish_and_lang_en_overrides_it() {
    let w = world().await;
    let rally = format!("{}/r/{}", w.page, w.austin);
    let r = get_in(&w.site, &rally, "es-MX,es;q=0.9,en;q=0.5").await;
    assert_eq!(r.headers()["vary"], "accept-language");
    let html = r.text().await.unwrap();
    assert!(html.contains("<html lang=\"es\">"), "{html}");
    assert!(
        html.contains("sábado, 12 de diciembre de 2026, 11:00 (CST)"),
        "{html}"
    );
    assert!(html.contains("1 persona va") && html.contains("Agregar al calendario"));
    assert!(html.contains("href=\"?lang=en\""), "the switch to English");
    // The chosen language sticks: the links out carry it.
    assert!(html.contains(&format!("href=\"{}/c/{}?lang=es\"", w.page, w.campaign)));
    super::assert_nothing_leaks(&html);

    let r = get_in(&w.site, &format!("{rally}?lang=en"), "es-MX").await;
    assert!(
        r.headers().get("vary").is_none(),
        "chosen by the address alone"
    );
    let html = r.text().await.unwrap();
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("Add to calendar") && !html.contains("Agregar"));
    assert!(html.contains("href=\"?lang=es\"") && html.contains(">Español<"));
}

#[tokio::test]
async fn a_spanish_search_keeps_its_query_in_the_switch_and_its_language_in_the_form() {
    let w = world().await;
    let path = format!("{}/c/{}", w.page, w.campaign);
    let (_, html) = w
        .site
        .page(&format!("{path}?place=Austin%2C+TX&radius=250&lang=es"))
        .await;
    assert!(html.contains("<html lang=\"es\">"));
    assert!(html.contains("Cerca de Austin"), "{html}");
    assert!(html.contains("2 manifestaciones en 2 lugares · 1 persona va"));
    assert!(
        html.contains("href=\"?place=Austin%2C+TX&amp;radius=250&amp;lang=en\""),
        "{html}"
    );
    assert!(html.contains("<input type=\"hidden\" name=\"lang\" value=\"es\">"));
    let (_, unknown) = w
        .site
        .page(&format!("{path}?place=Atlantis%20Zzz&lang=es"))
        .await;
    assert!(
        unknown.contains("No conozco ningún lugar llamado"),
        "{unknown}"
    );
}

#[tokio::test]
async fn an_english_and_a_spanish_reader_of_one_page_each_get_their_own() {
    let w = world().await;
    // Alternately, so a copy kept for one would be served to the other.
    let mut tags = Vec::new();
    for accept in ["en-US", "es-419", "en-US", "es-419"] {
        let r = get_in(&w.site, &w.page, accept).await;
        let etag = r.headers()["etag"].to_str().unwrap().to_string();
        let html = r.text().await.unwrap();
        let spanish = accept.starts_with("es");
        assert_eq!(html.contains("<html lang=\"es\">"), spanish, "{accept}");
        assert_eq!(
            html.contains("Próximas manifestaciones"),
            spanish,
            "{accept}"
        );
        tags.push(etag);
    }
    assert_eq!(tags[0], tags[2]);
    assert_eq!(tags[1], tags[3]);
    assert_ne!(tags[0], tags[1], "one ETag per language");
    // A Spanish copy's ETag is no 304 for an English reader.
    let r = w
        .site
        .http
        .get(format!("{}{}", w.site.base, w.page))
        .header("accept-language", "en")
        .header("if-none-match", &tags[1])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let r = w
        .site
        .http
        .get(format!("{}{}", w.site.base, w.page))
        .header("accept-language", "es")
        .header("if-none-match", &tags[1])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 304);
    assert_eq!(r.headers()["vary"], "accept-language");
}
