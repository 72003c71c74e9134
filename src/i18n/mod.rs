//! The languages rallybot speaks, and its translations: Project Fluent files under `locales/`,
//! built into the binary so a deployment cannot lose them. English, the default, is written
//! where each text is used; the other languages are looked up by key.
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::FluentResource;
use fluent_syntax::ast;

/// A language rallybot can answer in; the time reader's own, so one value says both how
/// times are read and how replies are worded.
pub use when::Lang;

/// The language for a locale as Discord names it (`es-ES`, `es-419`, `en-US`…): Spanish for
/// any Spanish, English for everything else.
pub fn lang_of_locale(locale: &str) -> Lang {
    let primary = locale.split(['-', '_']).next().unwrap_or("");
    if primary.eq_ignore_ascii_case("es") {
        Lang::Es
    } else {
        Lang::En
    }
}

/// A language as the database and settings write it.
pub fn code(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Es => "es",
    }
}

/// The language a code names: `en` or `es`.
pub fn lang_of_code(code: &str) -> Option<Lang> {
    match code.trim().to_ascii_lowercase().as_str() {
        "en" | "english" => Some(Lang::En),
        "es" | "spanish" | "español" | "espanol" => Some(Lang::Es),
        _ => None,
    }
}

/// The Discord locales that show a language's translations of commands.
pub fn discord_locales(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &[],
        Lang::Es => &["es-ES", "es-419"],
    }
}

/// The Spanish files, in the order they are read.
const SPANISH: &[(&str, &str)] = &[
    (
        "locales/es/commands.ftl",
        include_str!("../../locales/es/commands.ftl"),
    ),
    (
        "locales/es/replies.ftl",
        include_str!("../../locales/es/replies.ftl"),
    ),
    (
        "locales/es/help.ftl",
        include_str!("../../locales/es/help.ftl"),
    ),
    (
        "locales/es/console.ftl",
        include_str!("../../locales/es/console.ftl"),
    ),
    (
        "locales/es/errors.ftl",
        include_str!("../../locales/es/errors.ftl"),
    ),
    (
        "locales/es/web.ftl",
        include_str!("../../locales/es/web.ftl"),
    ),
    (
        "locales/es/moderation.ftl",
        include_str!("../../locales/es/moderation.ftl"),
    ),
    (
        "locales/es/notes.ftl",
        include_str!("../../locales/es/notes.ftl"),
    ),
];

/// The English replies, errors and web pages: the wording every other language's files follow,
/// message for message. (Command descriptions stay in the command table.)
const ENGLISH: &[(&str, &str)] = &[
    (
        "locales/en/replies.ftl",
        include_str!("../../locales/en/replies.ftl"),
    ),
    (
        "locales/en/help.ftl",
        include_str!("../../locales/en/help.ftl"),
    ),
    (
        "locales/en/console.ftl",
        include_str!("../../locales/en/console.ftl"),
    ),
    (
        "locales/en/errors.ftl",
        include_str!("../../locales/en/errors.ftl"),
    ),
    (
        "locales/en/web.ftl",
        include_str!("../../locales/en/web.ftl"),
    ),
    (
        "locales/en/moderation.ftl",
        include_str!("../../locales/en/moderation.ftl"),
    ),
    (
        "locales/en/notes.ftl",
        include_str!("../../locales/en/notes.ftl"),
    ),
];

/// The arguments of a message: `$name`s and their values.
pub type Args<'a> = fluent_bundle::FluentArgs<'a>;

/// The words of message `id` in `lang`, e.g. `t!(lang, "created-listed", id = 12)`. A message
/// a language lacks is said in English (a test keeps the languages level); an id no language
/// has comes out as itself, so a slip shows instead of vanishing.
#[macro_export]
macro_rules! t {
    ($lang:expr, $id:expr) => {
        $crate::i18n::say($lang, $id, None)
    };
    ($lang:expr, $id:expr, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::Args::new();
        $(args.set(stringify!($name), $value);)+
        $crate::i18n::say($lang, $id, Some(&args))
    }};
}

/// What `t!` calls.
pub fn say(lang: Lang, id: &str, args: Option<&Args>) -> String {
    catalog(lang)
        .format(id, args)
        .or_else(|| english().format(id, args))
        .unwrap_or_else(|| {
            tracing::warn!(id, "a message with no words in any language");
            id.to_string()
        })
}

/// A number as it is, with the language's decimal mark: 12.5 is 12,5 in Spanish.
pub fn number(lang: Lang, x: f64) -> String {
    let written = x.to_string();
    match lang {
        Lang::En => written,
        Lang::Es => written.replace('.', ","),
    }
}

/// A number with `digits` decimals, written as the language writes them: 2.5 in English,
/// 2,5 in Spanish.
pub fn decimal(lang: Lang, x: f64, digits: usize) -> String {
    let written = format!("{x:.digits$}");
    match lang {
        Lang::En => written,
        Lang::Es => written.replace('.', ","),
    }
}

/// One language's translations.
pub struct Catalog {
    bundle: FluentBundle<FluentResource>,
    /// The files' text, for listing what they hold.
    sources: Vec<String>,
}

impl Catalog {
    fn load(lang: &str, files: &[(&str, &str)]) -> Result<Catalog, String> {
        let id: unic_langid::LanguageIdentifier =
            lang.parse().map_err(|e| format!("language {lang}: {e}"))?;
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // The texts go to Discord and the console, not to a bidirectional page: no isolation
        // marks around arguments.
        bundle.set_use_isolating(false);
        for (path, text) in files {
            let resource = FluentResource::try_new(text.to_string())
                .map_err(|(_, errors)| format!("{path}: {errors:?}"))?;
            bundle
                .add_resource(resource)
                .map_err(|errors| format!("{path}: {errors:?}"))?;
        }
        Ok(Catalog {
            bundle,
            sources: files.iter().map(|(_, text)| text.to_string()).collect(),
        })
    }

    /// The message's text, where it has one and needs no arguments.
    pub fn text(&self, id: &str) -> Option<String> {
        let pattern = self.bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, None, &mut errors);
        errors.is_empty().then(|| text.into_owned())
    }

    /// The message's text with its arguments, where it has one and every argument is given.
    pub fn format(&self, id: &str, args: Option<&Args>) -> Option<String> {
        let pattern = self.bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::warn!(id, ?errors, "a message could not be worded");
        }
        Some(text.into_owned())
    }

    /// The files' syntax trees, for the tests that compare languages.
    #[cfg(test)]
    pub fn resources(&self) -> Vec<FluentResource> {
        self.sources
            .iter()
            .filter_map(|text| FluentResource::try_new(text.clone()).ok())
            .collect()
    }

    /// Every message's id, and whether its text is plain (no arguments, no references).
    pub fn ids(&self) -> Vec<(String, bool)> {
        self.sources
            .iter()
            .flat_map(|text| {
                let resource = FluentResource::try_new(text.clone()).ok();
                let mut ids = Vec::new();
                for entry in resource.iter().flat_map(|r| r.entries()) {
                    if let ast::Entry::Message(m) = entry {
                        let plain = m.value.as_ref().is_some_and(|p| {
                            p.elements
                                .iter()
                                .all(|e| matches!(e, ast::PatternElement::TextElement { .. }))
                        });
                        ids.push((m.id.name.to_string(), plain));
                    }
                }
                ids
            })
            .collect()
    }
}

/// The Spanish translations, read once.
///
/// # Panics
/// If a built-in file does not parse, which the tests rule out.
pub fn spanish() -> &'static Catalog {
    static ES: OnceLock<Catalog> = OnceLock::new();
    ES.get_or_init(|| Catalog::load("es", SPANISH).expect("the Spanish translations parse"))
}

/// The English replies, read once.
///
/// # Panics
/// If a built-in file does not parse, which the tests rule out.
pub fn english() -> &'static Catalog {
    static EN: OnceLock<Catalog> = OnceLock::new();
    EN.get_or_init(|| Catalog::load("en", ENGLISH).expect("the English replies parse"))
}

/// The catalogue of a language.
pub fn catalog(lang: Lang) -> &'static Catalog {
    match lang {
        Lang::En => english(),
        Lang::Es => spanish(),
    }
}

#[cfg(test)]
mod mentions;
#[cfg(test)]
mod parity;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spanish_locales_get_spanish_and_every_other_english() {
        for l in ["es-ES", "es-419", "es", "ES_mx"] {
            assert_eq!(lang_of_locale(l), Lang::Es, "{l}");
        }
        for l in ["en-US", "en-GB", "pt-BR", "", "eu", "est"] {
            assert_eq!(lang_of_locale(l), Lang::En, "{l}");
        }
    }

    #[test]
    fn the_spanish_files_parse_and_have_no_duplicate_ids() {
        let catalog = Catalog::load("es", SPANISH).unwrap();
        let ids = catalog.ids();
        let unique: std::collections::HashSet<&str> = ids.iter().map(|(i, _)| i.as_str()).collect();
        assert_eq!(unique.len(), ids.len(), "an id is given twice");
        assert!(ids.len() > 50, "only {} messages read", ids.len());
    }

    #[test]
    fn a_broken_file_is_refused_with_its_name() {
        let e = Catalog::load("es", &[("broken.ftl", "command-rally = { $x\n")])
            .err()
            .expect("refused");
        assert!(e.contains("broken.ftl"), "{e}");
    }
}
