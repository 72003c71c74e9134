//! The links a page makes: each carries the reader's language, so a Spanish reader stays in
//! Spanish from page to page, and the language switch is the same page in another language.
use maud::{html, Markup};

use crate::i18n::{code, Lang};
use crate::t;

/// The languages the switch offers, each named in itself: a reader who cannot read the page
/// still finds their own.
const LANGUAGES: [(Lang, &str); 2] = [(Lang::En, "English"), (Lang::Es, "Español")];

/// Links to this page in the other languages: the same address and query, another `lang`.
/// The links are relative (`?…`), so the page needs no knowledge of its own path.
pub fn switch(query: &[(&'static str, String)], lang: Lang) -> Markup {
    html! {
        nav.languages aria-label=(t!(lang, "web-language-switch")) {
            @for (i, (other, name)) in LANGUAGES.iter().enumerate() {
                @if i > 0 { " · " }
                @if *other == lang {
                    span aria-current="page" { (name) }
                } @else {
                    a href=(format!("?{}", encode_query(query, *other)))
                        hreflang=(code(*other)) lang=(code(*other)) { (name) }
                }
            }
        }
    }
}

/// `path` in `lang`: every link a page makes keeps the reader in their language.
pub fn href(path: &str, lang: Lang) -> String {
    format!("{path}?{}", encode_query(&[], lang))
}

pub fn href_with(path: &str, query: &[(&'static str, String)], lang: Lang) -> String {
    format!("{path}?{}", encode_query(query, lang))
}

/// `name=value&…&lang=xx`, form-encoded.
fn encode_query(query: &[(&'static str, String)], lang: Lang) -> String {
    query
        .iter()
        .map(|(name, value)| format!("{name}={}", form_encode(value)))
        .chain(std::iter::once(format!("lang={}", code(lang))))
        .collect::<Vec<_>>()
        .join("&")
}

/// application/x-www-form-urlencoded, as a browser sends a form: letters, digits and `*-._`
/// as they are, spaces as `+`, every other byte as `%XX`.
fn form_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => {
                out.push(char::from(b))
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The query of page `list` of a long list: none for the first.
pub fn list_query(list: usize) -> Vec<(&'static str, String)> {
    if list > 1 {
        vec![("page", list.to_string())]
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_keep_the_query_and_set_the_language() {
        let query = vec![
            ("place", "Austin, TX".to_string()),
            ("radius", "50".to_string()),
        ];
        assert_eq!(
            encode_query(&query, Lang::Es),
            "place=Austin%2C+TX&radius=50&lang=es"
        );
        assert_eq!(href("/s/ab/r/3", Lang::En), "/s/ab/r/3?lang=en");
        assert_eq!(form_encode("é&=?#"), "%C3%A9%26%3D%3F%23");
    }
}
