//! A command named in a message is one a reader of that language can type: Spanish replies
//! name commands by their Spanish names, English ones by the table's, with the options that
//! command really has.
use super::{english, spanish, Catalog, Lang};
use crate::commands::table::{COMMANDS, SUBS};
use crate::commands::translations::{command_name, option_name, path_in};

/// Commands only the console has.
const CONSOLE: &[&str] = &["help", "as", "clock", "quit"];

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_'
}

/// The commands a line names: each `/` that starts a word (not inside a path or a date),
/// with the words that follow it.
fn mentions(line: &str) -> Vec<Vec<String>> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let starts = i == 0 || matches!(chars[i - 1], ' ' | '(' | '«' | '"' | '`');
        if c != '/' || !starts || !chars.get(i + 1).is_some_and(|&c| is_word(c)) {
            continue;
        }
        let rest: String = chars[i + 1..].iter().collect();
        let mut words = Vec::new();
        // A mention runs to the first punctuation after a word, or the first word that is
        // neither a name nor an option.
        for chunk in rest.split(' ').take(6) {
            let word = chunk.trim_end_matches(|c: char| !is_word(c) && c != ':');
            if word.is_empty() || !word.chars().all(|c| is_word(c) || c == ':') {
                break;
            }
            words.push(word.to_string());
            if word.len() < chunk.len() {
                break;
            }
        }
        out.push(words);
    }
    out
}

/// What is wrong with a mention in `lang`, if anything.
fn check(lang: Lang, words: &[String]) -> Option<String> {
    let first = words.first()?;
    if CONSOLE.contains(&first.as_str()) {
        return None;
    }
    if !COMMANDS.iter().any(|c| &command_name(lang, c) == first) {
        return Some(format!("/{first} is no command in this language"));
    }
    // The longest run of words that names a subcommand: prose may follow a mention.
    let names: Vec<&String> = words.iter().take_while(|w| !w.contains(':')).collect();
    let found = (1..=names.len().min(3)).rev().find_map(|n| {
        let typed = names[..n]
            .iter()
            .map(|w| w.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        SUBS.iter()
            .find(|s| path_in(lang, s) == typed)
            .map(|s| (s, n))
    });
    let Some((sub, n)) = found else {
        let typed = names
            .iter()
            .map(|w| w.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        return Some(format!("/{typed} is no subcommand in this language"));
    };
    let typed = path_in(lang, sub);
    // Options count only right after the subcommand's name, not after prose.
    let options = words[n..].iter().take_while(|w| w.contains(':'));
    for option in options.filter_map(|w| w.split(':').next()) {
        if !sub
            .options
            .iter()
            .any(|o| option_name(lang, sub, o) == option)
        {
            return Some(format!("/{typed} has no option {option}:"));
        }
    }
    None
}

fn wrong_mentions(lang: Lang, catalog: &Catalog) -> Vec<String> {
    let mut bad = Vec::new();
    for source in &catalog.sources {
        for line in source.lines().filter(|l| !l.trim_start().starts_with('#')) {
            for words in mentions(line) {
                if let Some(wrong) = check(lang, &words) {
                    bad.push(format!("{wrong}: {line}"));
                }
            }
        }
    }
    bad
}

#[test]
fn spanish_messages_name_commands_by_their_spanish_names() {
    let bad = wrong_mentions(Lang::Es, spanish());
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn english_messages_name_commands_by_the_tables_names() {
    let bad = wrong_mentions(Lang::En, english());
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn a_mention_in_the_wrong_language_or_with_a_wrong_option_is_caught() {
    let line =
        "edítala (/rally edit rally:12) o /manifestación editar rally:12, ver 30/6 y/o /help";
    let found = mentions(line);
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(check(Lang::Es, &found[0]).is_some());
    assert!(check(Lang::Es, &found[1])
        .unwrap()
        .contains("no option rally:"));
    assert_eq!(check(Lang::Es, &found[2]), None);
    assert_eq!(check(Lang::En, &found[0]), None);
    let right = &mentions("(/manifestación editar manifestación:12)")[0];
    assert_eq!(check(Lang::Es, right), None);
}
