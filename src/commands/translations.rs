//! The command table in other languages: the descriptions Discord shows beside each command,
//! subcommand and option, and the labels of choices. Names stay as the table declares them,
//! as replies and the help name commands in English until they are translated too.
use super::spec::{Command, Group, Opt, Sub};
use crate::i18n::{spanish, Lang};

fn lookup(lang: Lang, key: &str) -> Option<String> {
    match lang {
        Lang::En => None,
        Lang::Es => spanish().text(key),
    }
}

/// Whether a message id names a command's text (the rest of a language's files are replies).
pub fn is_command_key(id: &str) -> bool {
    ["command-", "group-", "sub-", "option-", "choice-"]
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

/// The keys an option's description is looked up by, the subcommand's own first.
fn option_keys(s: &Sub, o: &Opt) -> [String; 2] {
    [
        format!("option-{}--{}", o.name, path_key(s.path)),
        format!("option-{}", o.name),
    ]
}

pub fn option_description(lang: Lang, s: &Sub, o: &Opt) -> String {
    option_keys(s, o)
        .iter()
        .find_map(|key| lookup(lang, key))
        .unwrap_or_else(|| o.description.to_string())
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
    use crate::commands::table::{COMMANDS, GROUPS, SUBS};

    /// Discord shows at most 100 characters of a description or choice label.
    const DISCORD_TEXT_MAX: usize = 100;

    /// Every key the table asks for, with the English text it translates.
    fn wanted() -> Vec<(Vec<String>, &'static str)> {
        let mut keys = Vec::new();
        for c in COMMANDS {
            keys.push((vec![format!("command-{}", c.name)], c.description));
        }
        for g in GROUPS {
            keys.push((vec![format!("group-{}", path_key(&g.path))], g.description));
        }
        for s in SUBS {
            keys.push((vec![format!("sub-{}", path_key(s.path))], s.description));
            for o in s.options {
                keys.push((option_keys(s, o).to_vec(), o.description));
                for (label, value) in o.choices {
                    keys.push((vec![choice_key(o, value)], label));
                }
            }
        }
        keys
    }

    fn check(text: &str, key: &str, bad: &mut Vec<String>) {
        let n = text.chars().count();
        if text.trim().is_empty() || n > DISCORD_TEXT_MAX {
            bad.push(format!("{key}: {n} characters"));
        }
    }

    #[test]
    fn every_command_option_and_choice_has_its_spanish() {
        let mut bad = Vec::new();
        for (keys, english) in wanted() {
            match keys.iter().find_map(|k| spanish().text(k).map(|t| (k, t))) {
                Some((key, text)) => {
                    check(&text, key, &mut bad);
                    if text == english && !english.starts_with('@') {
                        bad.push(format!("{key}: still English ({english:?})"));
                    }
                }
                None => bad.push(format!("{}: no Spanish for {english:?}", keys[0])),
            }
        }
        assert!(bad.is_empty(), "{bad:#?}");
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
        let wanted: BTreeSet<String> = wanted().into_iter().flat_map(|(k, _)| k).collect();
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
        let wanted: BTreeSet<String> = wanted().into_iter().flat_map(|(k, _)| k).collect();
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
