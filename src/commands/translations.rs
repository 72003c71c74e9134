//! The command table in other languages: the names and descriptions Discord shows beside each
//! command, subcommand and option, and the labels of choices. Discord sends the table's own
//! (English) names back whatever the client's language, so only what people read and type is
//! translated; `canonical_path` and `canonical_option` turn typed names back into the table's.
use super::spec::{Command, Group, Opt, Sub};
use super::table::{COMMANDS, GROUPS, SUBS};
use crate::i18n::{spanish, Lang};

fn lookup(lang: Lang, key: &str) -> Option<String> {
    match lang {
        Lang::En => None,
        Lang::Es => spanish().text(key),
    }
}

/// Whether a message id names a command's text (the rest of a language's files are replies).
pub fn is_command_key(id: &str) -> bool {
    [
        "command-", "group-", "sub-", "option-", "choice-", "name-", "example-",
    ]
    .iter()
    .any(|p| id.starts_with(p))
}

/// The words of a path joined for a key: `["rallymod", "campaign", "create"]` is
/// `rallymod-campaign-create`.
fn path_key(path: &[&str]) -> String {
    path.join("-")
}

pub fn command_description(lang: Lang, c: &Command) -> String {
    lookup(lang, &format!("command-{}", c.name)).unwrap_or_else(|| c.description.to_string())
}

pub fn group_description(lang: Lang, g: &Group) -> String {
    lookup(lang, &format!("group-{}", path_key(&g.path)))
        .unwrap_or_else(|| g.description.to_string())
}

pub fn sub_description(lang: Lang, s: &Sub) -> String {
    lookup(lang, &format!("sub-{}", path_key(s.path))).unwrap_or_else(|| s.description.to_string())
}

/// The keys an option's text of one kind (`option` for its description, `name-option` for
/// its name) is looked up by, the subcommand's own first.
fn keys_of(kind: &str, s: &Sub, o: &Opt) -> [String; 2] {
    [
        format!("{kind}-{}--{}", o.name, path_key(s.path)),
        format!("{kind}-{}", o.name),
    ]
}

fn option_keys(s: &Sub, o: &Opt) -> [String; 2] {
    keys_of("option", s, o)
}

fn option_name_keys(s: &Sub, o: &Opt) -> [String; 2] {
    keys_of("name-option", s, o)
}

/// The first of `keys` that `lang` has.
fn first_of(lang: Lang, keys: [String; 2]) -> Option<String> {
    keys.iter().find_map(|key| lookup(lang, key))
}

pub fn option_description(lang: Lang, s: &Sub, o: &Opt) -> String {
    first_of(lang, option_keys(s, o)).unwrap_or_else(|| o.description.to_string())
}

pub fn command_name(lang: Lang, c: &Command) -> String {
    lookup(lang, &format!("name-command-{}", c.name)).unwrap_or_else(|| c.name.to_string())
}

pub fn group_name(lang: Lang, g: &Group) -> String {
    lookup(lang, &format!("name-group-{}", path_key(&g.path))).unwrap_or_else(|| g.path[1].into())
}

/// The subcommand's own name, the last word of its path.
pub fn sub_name(lang: Lang, s: &Sub) -> String {
    let own = s.path[s.path.len() - 1];
    lookup(lang, &format!("name-sub-{}", path_key(s.path))).unwrap_or_else(|| own.to_string())
}

pub fn option_name(lang: Lang, s: &Sub, o: &Opt) -> String {
    first_of(lang, option_name_keys(s, o)).unwrap_or_else(|| o.name.to_string())
}

/// An option's name in `lang` wherever it appears, for words that name it without its
/// subcommand.
pub fn any_option_name(lang: Lang, option: &str) -> String {
    lookup(lang, &format!("name-option-{option}")).unwrap_or_else(|| option.to_string())
}

/// A value people could type for the option, in their language where it is words.
pub fn option_example(lang: Lang, o: &Opt) -> String {
    lookup(lang, &format!("example-{}", o.name)).unwrap_or_else(|| o.example.to_string())
}

/// Word `i` of a subcommand's path in `lang`: its command, its group or its own name.
fn path_word(lang: Lang, s: &Sub, i: usize) -> String {
    let own = s.path[i];
    if i + 1 == s.path.len() {
        sub_name(lang, s)
    } else if i == 0 {
        COMMANDS
            .iter()
            .find(|c| c.name == own)
            .map_or_else(|| own.to_string(), |c| command_name(lang, c))
    } else {
        GROUPS
            .iter()
            .find(|g| g.path == [s.path[0], own])
            .map_or_else(|| own.to_string(), |g| group_name(lang, g))
    }
}

/// A subcommand's whole path as a person of `lang` types it: "manifestación crear".
pub fn path_in(lang: Lang, s: &Sub) -> String {
    (0..s.path.len())
        .map(|i| path_word(lang, s, i))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `typed` names the table's `english` name or its translation, ignoring case.
fn names(typed: &str, english: &str, translated: impl FnOnce() -> String) -> bool {
    typed.eq_ignore_ascii_case(english) || typed.to_lowercase() == translated().to_lowercase()
}

/// The command a typed word names, in English or in `lang`.
pub fn canonical_command(lang: Lang, typed: &str) -> Option<&'static str> {
    COMMANDS
        .iter()
        .find(|c| names(typed, c.name, || command_name(lang, c)))
        .map(|c| c.name)
}

/// The subcommand a typed path names, each word in English or in `lang`.
pub fn canonical_path(lang: Lang, typed: &[String]) -> Option<&'static Sub> {
    SUBS.iter().find(|s| {
        s.path.len() == typed.len()
            && typed
                .iter()
                .enumerate()
                .all(|(i, word)| names(word, s.path[i], || path_word(lang, s, i)))
    })
}

/// The table's name of the option `typed` names, in English or in `lang`.
pub fn canonical_option(lang: Lang, s: &Sub, typed: &str) -> Option<&'static str> {
    s.options
        .iter()
        .find(|o| names(typed, o.name, || option_name(lang, s, o)))
        .map(|o| o.name)
}

fn choice_key(o: &Opt, value: &str) -> String {
    format!("choice-{}-{value}", o.name)
}

/// A choice's label; the value sent back is the same in every language.
pub fn choice_label(lang: Lang, o: &Opt, label: &str, value: &str) -> String {
    lookup(lang, &choice_key(o, value)).unwrap_or_else(|| label.to_string())
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use super::*;

    /// Discord shows at most 100 characters of a description or choice label.
    const DISCORD_TEXT_MAX: usize = 100;

    /// What a key holds: a text people read, or a name they type.
    #[derive(Clone, Copy, PartialEq)]
    enum Holds {
        Text,
        Name,
    }

    /// Every key the table asks for, with the English it translates.
    fn wanted() -> Vec<(Vec<String>, &'static str, Holds)> {
        use Holds::*;
        let mut keys = Vec::new();
        for c in COMMANDS {
            keys.push((vec![format!("command-{}", c.name)], c.description, Text));
            keys.push((vec![format!("name-command-{}", c.name)], c.name, Name));
        }
        for g in GROUPS {
            let path = path_key(&g.path);
            keys.push((vec![format!("group-{path}")], g.description, Text));
            keys.push((vec![format!("name-group-{path}")], g.path[1], Name));
        }
        for s in SUBS {
            let path = path_key(s.path);
            keys.push((vec![format!("sub-{path}")], s.description, Text));
            keys.push((
                vec![format!("name-sub-{path}")],
                s.path[s.path.len() - 1],
                Name,
            ));
            for o in s.options {
                keys.push((option_keys(s, o).to_vec(), o.description, Text));
                keys.push((option_name_keys(s, o).to_vec(), o.name, Name));
                for (label, value) in o.choices {
                    keys.push((vec![choice_key(o, value)], label, Text));
                }
            }
        }
        keys
    }

    /// Discord's rule for the name of a command or option, in any language: 1 to 32 letters,
    /// digits, `-` or `_`, and lower case wherever a letter has a lower case.
    fn discord_name_ok(name: &str) -> bool {
        (1..=32).contains(&name.chars().count())
            && name
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
            && name.to_lowercase() == name
    }

    fn check(text: &str, key: &str, holds: Holds, bad: &mut Vec<String>) {
        let n = text.chars().count();
        match holds {
            Holds::Text if text.trim().is_empty() || n > DISCORD_TEXT_MAX => {
                bad.push(format!("{key}: {n} characters"))
            }
            Holds::Name if !discord_name_ok(text) => {
                bad.push(format!("{key}: {text:?} is not a name Discord takes"))
            }
            _ => {}
        }
    }

    #[test]
    fn every_command_option_and_choice_has_its_spanish() {
        let mut bad = Vec::new();
        for (keys, english, holds) in wanted() {
            match keys.iter().find_map(|k| spanish().text(k).map(|t| (k, t))) {
                Some((key, text)) => {
                    check(&text, key, holds, &mut bad);
                    if text == english && !english.starts_with('@') {
                        bad.push(format!("{key}: still English ({english:?})"));
                    }
                }
                None => bad.push(format!("{}: no Spanish for {english:?}", keys[0])),
            }
        }
        assert!(bad.is_empty(), "{bad:#?}");
    }

    #[test]
    fn the_name_rule_refuses_what_discord_refuses() {
        for good in ["manifestación", "mis-datos", "días_conservación", "rally"] {
            assert!(discord_name_ok(good), "{good}");
        }
        let long = "a".repeat(33);
        for bad in [
            "Crear",
            "mis datos",
            "",
            long.as_str(),
            "¿cuándo?",
            "crear!",
        ] {
            assert!(!discord_name_ok(bad), "{bad}");
        }
    }

    /// Discord refuses two options of one level with the same name in a language, and a
    /// typed name must lead back to one option only.
    #[test]
    fn spanish_names_are_unique_where_discord_needs_them_to_be() {
        let mut clashes = Vec::new();
        let mut unique = |level: String, names: Vec<String>| {
            let set: BTreeSet<&String> = names.iter().collect();
            if set.len() != names.len() {
                clashes.push(format!("{level}: {names:?}"));
            }
        };
        unique(
            "commands".into(),
            COMMANDS.iter().map(|c| command_name(Lang::Es, c)).collect(),
        );
        for c in COMMANDS {
            let mut level: Vec<String> = SUBS
                .iter()
                .filter(|s| s.path.len() == 2 && s.path[0] == c.name)
                .map(|s| sub_name(Lang::Es, s))
                .collect();
            level.extend(
                GROUPS
                    .iter()
                    .filter(|g| g.path[0] == c.name)
                    .map(|g| group_name(Lang::Es, g)),
            );
            unique(c.name.into(), level);
        }
        for g in GROUPS {
            unique(
                path_key(&g.path),
                SUBS.iter()
                    .filter(|s| s.path.len() == 3 && s.path[..2] == g.path)
                    .map(|s| sub_name(Lang::Es, s))
                    .collect(),
            );
        }
        for s in SUBS {
            unique(
                s.name(),
                s.options
                    .iter()
                    .map(|o| option_name(Lang::Es, s, o))
                    .collect(),
            );
        }
        assert!(clashes.is_empty(), "{clashes:#?}");
    }

    #[test]
    fn a_spanish_path_and_its_options_lead_back_to_the_table() {
        for s in SUBS {
            let typed: Vec<String> = path_in(Lang::Es, s).split(' ').map(String::from).collect();
            let found = canonical_path(Lang::Es, &typed).map(|f| f.path);
            assert_eq!(found, Some(s.path), "{typed:?}");
            let english: Vec<String> = s.path.iter().map(|w| w.to_string()).collect();
            assert_eq!(
                canonical_path(Lang::Es, &english).map(|f| f.path),
                Some(s.path)
            );
            for o in s.options {
                let typed = option_name(Lang::Es, s, o);
                assert_eq!(
                    canonical_option(Lang::Es, s, &typed),
                    Some(o.name),
                    "{typed}"
                );
                assert_eq!(canonical_option(Lang::Es, s, o.name), Some(o.name));
            }
        }
        // An English reader is not offered the Spanish names.
        let typed = vec!["manifestación".to_string(), "crear".to_string()];
        assert!(canonical_path(Lang::En, &typed).is_none());
        assert_eq!(
            canonical_path(Lang::Es, &typed).map(|s| s.path),
            Some(&["rally", "create"][..])
        );
    }

    /// An option whose English differs between subcommands cannot share one Spanish text:
    /// each subcommand that words it differently needs its own key.
    #[test]
    fn a_shared_option_text_translates_one_english_text() {
        let mut english_behind: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
        for s in SUBS {
            for o in s.options {
                let [own, shared] = option_keys(s, o);
                if spanish().text(&own).is_none() {
                    english_behind
                        .entry(shared)
                        .or_default()
                        .insert(o.description);
                }
            }
        }
        let mixed: Vec<_> = english_behind
            .iter()
            .filter(|(_, english)| english.len() > 1)
            .collect();
        assert!(
            mixed.is_empty(),
            "one Spanish key for several English texts: {mixed:#?}"
        );
    }

    /// A key nothing in the table asks for is a typo or a command that was renamed.
    #[test]
    fn the_spanish_commands_file_has_nothing_the_table_lacks() {
        let mut wanted: BTreeSet<String> = wanted().into_iter().flat_map(|(k, _, _)| k).collect();
        // Examples are given only where the English one is words a Spanish reader would not type.
        let examples = SUBS.iter().flat_map(|s| s.options);
        wanted.extend(examples.map(|o| format!("example-{}", o.name)));
        let stale: Vec<String> = spanish()
            .ids()
            .into_iter()
            .map(|(id, _)| id)
            .filter(|id| is_command_key(id) && !wanted.contains(id))
            .collect();
        assert!(stale.is_empty(), "keys not in the command table: {stale:?}");
    }

    /// A description cannot take arguments: Discord shows it as it was registered.
    #[test]
    fn command_texts_are_plain() {
        let wanted: BTreeSet<String> = wanted().into_iter().flat_map(|(k, _, _)| k).collect();
        let args: Vec<String> = spanish()
            .ids()
            .into_iter()
            .filter(|(id, plain)| wanted.contains(id) && !plain)
            .map(|(id, _)| id)
            .collect();
        assert!(args.is_empty(), "{args:?}");
    }

    #[test]
    fn english_is_the_table_itself() {
        let s = &SUBS[0];
        assert_eq!(sub_description(Lang::En, s), s.description);
        assert_eq!(
            option_description(Lang::En, s, &s.options[0]),
            s.options[0].description
        );
        assert_ne!(sub_description(Lang::Es, s), s.description);
    }
}
