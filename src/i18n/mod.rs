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

/// The Discord locales that show a language's translations of commands.
pub fn discord_locales(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &[],
        Lang::Es => &["es-ES", "es-419"],
    }
}

/// The Spanish files, in the order they are read.
const SPANISH: &[(&str, &str)] = &[(
    "locales/es/commands.ftl",
    include_str!("../../locales/es/commands.ftl"),
)];

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
