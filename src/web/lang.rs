//! Which language a page is in: the reader's `?lang=` when they chose one (the language switch
//! and every link a page makes carry it), else the first language their browser prefers that
//! the pages speak (Accept-Language, RFC 9110 §12.5.4), else English.
use crate::i18n::{lang_of_code, lang_of_locale, Lang};

/// A page's language and how it was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    pub lang: Lang,
    /// Read from Accept-Language: the same address answers differently per header, so the
    /// answer must say so (`Vary`) to any cache on the way.
    pub negotiated: bool,
}

/// Preferences beyond these are not read: no browser sends that many, and a long header is
/// not worth the work.
const MOST_RANGES: usize = 32;

/// The language for a request with `?lang=` value `asked` and Accept-Language `accept`.
pub fn choose(asked: Option<&str>, accept: Option<&str>) -> Choice {
    if let Some(lang) = asked.and_then(lang_of_code) {
        return Choice {
            lang,
            negotiated: false,
        };
    }
    Choice {
        lang: accept.and_then(preferred).unwrap_or_default(),
        negotiated: true,
    }
}

/// The `lang` parameter of a raw query string, e.g. `es` from `place=78701&lang=es`.
pub fn asked(query: Option<&str>) -> Option<&str> {
    query?
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(name, _)| *name == "lang")
        .map(|(_, value)| value)
}

/// The first language the pages speak among the header's, by quality and then by order; a
/// range at q=0 is refused, and a range whose weight cannot be read is left out.
fn preferred(header: &str) -> Option<Lang> {
    let mut ranges: Vec<(u16, usize, Lang)> = header
        .split(',')
        .take(MOST_RANGES)
        .enumerate()
        .filter_map(|(order, item)| {
            let mut parts = item.split(';');
            let tag = parts.next()?.trim();
            let quality = match parts.find_map(|p| p.trim().strip_prefix("q=")) {
                Some(q) => quality(q)?,
                None => 1000,
            };
            (quality > 0).then_some((quality, order, spoken(tag)?))
        })
        .collect();
    ranges.sort_by_key(|&(quality, order, _)| (std::cmp::Reverse(quality), order));
    ranges.first().map(|&(_, _, lang)| lang)
}

/// A weight as thousandths: "0.8" is 800; anything but 0 to 1 with at most three decimals
/// is not a weight.
fn quality(q: &str) -> Option<u16> {
    let (whole, fraction) = q.split_once('.').unwrap_or((q, ""));
    if !matches!(whole, "0" | "1")
        || fraction.len() > 3
        || !fraction.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let thousandths = format!("{fraction:0<3}").parse::<u16>().ok()?;
    let value = if whole == "1" { 1000 } else { 0 } + thousandths;
    (value <= 1000).then_some(value)
}

/// The language of a range if the pages speak it: any Spanish (es, es-MX, es-419) or any
/// English; `*` (anything) is English, the pages' own.
fn spoken(tag: &str) -> Option<Lang> {
    if tag == "*" {
        return Some(Lang::En);
    }
    let primary = tag.split('-').next()?;
    let well_formed = !tag.is_empty()
        && tag.split('-').all(|sub| {
            (1..=8).contains(&sub.len()) && sub.bytes().all(|b| b.is_ascii_alphanumeric())
        });
    (well_formed && (primary.eq_ignore_ascii_case("es") || primary.eq_ignore_ascii_case("en")))
        .then(|| lang_of_locale(tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(h: &str) -> Lang {
        choose(None, Some(h)).lang
    }

    #[test]
    fn spanish_of_any_country_is_spanish() {
        for h in ["es", "es-MX", "es-419", "ES-us", "es-MX,es;q=0.9,en;q=0.8"] {
            assert_eq!(header(h), Lang::Es, "{h}");
        }
    }

    #[test]
    fn the_first_supported_language_by_weight_then_order_wins() {
        assert_eq!(header("en-US,es;q=0.9"), Lang::En);
        assert_eq!(header("en;q=0.5,es;q=0.9"), Lang::Es);
        assert_eq!(
            header("es;q=0.7, en;q=0.7"),
            Lang::Es,
            "a tie goes by order"
        );
        assert_eq!(header("en;q=0.7, es;q=0.7"), Lang::En);
        assert_eq!(header("fr-FR,fr;q=0.9,es;q=0.8,en;q=0.5"), Lang::Es);
        assert_eq!(header("de, pt-BR;q=0.9, es-419;q=0.1"), Lang::Es);
    }

    #[test]
    fn a_language_at_q_0_is_refused() {
        assert_eq!(header("es;q=0"), Lang::En);
        assert_eq!(header("es;q=0.000, en;q=0.1"), Lang::En);
        assert_eq!(header("en;q=0, es;q=0.2"), Lang::Es);
    }

    #[test]
    fn unsupported_and_malformed_fall_back_to_english() {
        for h in [
            "",
            "fr",
            "de-DE,fr;q=0.5",
            "es;q=abc",
            "es;q=1.5",
            "es;q=-1",
            "es;q=0.12345",
            ";;;,,,",
            "español",
            "es_MX!!",
            "*",
        ] {
            assert_eq!(header(h), Lang::En, "{h:?}");
        }
        assert_eq!(
            header("es;q=abc, fr"),
            Lang::En,
            "an unreadable weight is no preference"
        );
        assert_eq!(header("es;q=abc, en-GB;q=0.3"), Lang::En);
        assert_eq!(header("fr;q=abc, es;q=0.3"), Lang::Es);
        assert_eq!(choose(None, None).lang, Lang::En);
    }

    #[test]
    fn the_asked_language_wins_and_says_it_was_not_negotiated() {
        assert_eq!(
            choose(Some("en"), Some("es-MX")),
            Choice {
                lang: Lang::En,
                negotiated: false
            }
        );
        assert_eq!(choose(Some("es"), None).lang, Lang::Es);
        // An unknown ?lang= is as if none was given.
        assert_eq!(
            choose(Some("fr"), Some("es")),
            Choice {
                lang: Lang::Es,
                negotiated: true
            }
        );
    }

    #[test]
    fn the_lang_parameter_is_read_among_the_others() {
        assert_eq!(asked(Some("place=78701&lang=es&radius=50")), Some("es"));
        assert_eq!(asked(Some("lang=en")), Some("en"));
        assert_eq!(asked(Some("place=lang")), None);
        assert_eq!(asked(Some("language=es")), None);
        assert_eq!(asked(None), None);
    }
}
