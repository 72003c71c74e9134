//! Every language says every reply, with the same arguments: checked over the files' syntax,
//! so a missing message or a misspelt `$name` fails here rather than in front of someone.
use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;

use super::{english, spanish, Catalog, Lang};

/// Each reply message's id and the `$names` it uses. Command descriptions (the Spanish file's
/// other half) are checked against the command table instead.
fn replies(catalog: &Catalog) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for resource in catalog.resources() {
        for entry in resource.entries() {
            if let ast::Entry::Message(m) = entry {
                if crate::commands::translations::is_command_key(m.id.name) {
                    continue;
                }
                let mut names = BTreeSet::new();
                if let Some(p) = &m.value {
                    pattern_names(p, &mut names);
                }
                out.insert(m.id.name.to_string(), names);
            }
        }
    }
    out
}

fn pattern_names(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for e in &p.elements {
        if let ast::PatternElement::Placeable { expression } = e {
            expression_names(expression, out);
        }
    }
}

fn expression_names(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_names(selector, out);
            for v in variants {
                pattern_names(&v.value, out);
            }
        }
        ast::Expression::Inline(i) => inline_names(i, out),
    }
}

fn inline_names(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_names(a, out);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_names(expression, out),
        _ => {}
    }
}

#[test]
fn every_english_reply_has_its_spanish_with_the_same_arguments() {
    let en = replies(english());
    let es = replies(spanish());
    assert!(en.len() > 40, "only {} English replies read", en.len());
    let mut bad = Vec::new();
    for (id, names) in &en {
        match es.get(id) {
            None => bad.push(format!("{id}: no Spanish")),
            Some(es_names) if es_names != names => bad.push(format!(
                "{id}: English uses {names:?}, Spanish {es_names:?}"
            )),
            Some(_) => {}
        }
    }
    for id in es.keys().filter(|id| !en.contains_key(*id)) {
        bad.push(format!("{id}: Spanish only, no English"));
    }
    assert!(bad.is_empty(), "{bad:#?}");
}

/// The letters of a message outside its placeables, to tell a translation from a copy.
fn words(catalog: &Catalog, id: &str) -> String {
    fn letters(p: &ast::Pattern<&str>, out: &mut String) {
        for e in &p.elements {
            match e {
                ast::PatternElement::TextElement { value } => {
                    out.extend(value.chars().filter(|c| c.is_alphabetic()))
                }
                ast::PatternElement::Placeable {
                    expression: ast::Expression::Select { variants, .. },
                } => {
                    for v in variants {
                        letters(&v.value, out);
                    }
                }
                ast::PatternElement::Placeable { .. } => {}
            }
        }
    }
    let mut out = String::new();
    for resource in catalog.resources() {
        for entry in resource.entries() {
            if let ast::Entry::Message(m) = entry {
                if m.id.name == id {
                    if let Some(p) = &m.value {
                        letters(p, &mut out);
                    }
                }
            }
        }
    }
    out
}

#[test]
fn no_spanish_reply_is_left_in_english() {
    let same: Vec<String> = replies(english())
        .into_keys()
        .filter(|id| {
            let en = words(english(), id);
            en.len() > 3 && en == words(spanish(), id)
        })
        .collect();
    assert!(same.is_empty(), "still English: {same:?}");
}

/// The message ids the source hands to `t!` as literals, with the file they are in.
fn ids_in_source() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src"
    ))];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for (at, _) in text.match_indices("t!(") {
                    // `t!` itself, not the end of `assert!` or `json!`.
                    if text[..at]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_alphanumeric() || c == '_')
                    {
                        continue;
                    }
                    // `t!` with a language, then its id: the first string literal, when it
                    // comes before the call's first closing parenthesis.
                    let rest = &text[at..];
                    let (Some(open), Some(close)) = (rest.find('"'), rest.find(')')) else {
                        continue;
                    };
                    if open > close || rest[..open].contains("t!(\"") {
                        continue;
                    }
                    let id: String = rest[open + 1..].chars().take_while(|c| *c != '"').collect();
                    if !id.is_empty() && id.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
                        out.push((id, path.display().to_string()));
                    }
                }
            }
        }
    }
    out
}

#[test]
fn every_message_the_code_names_exists() {
    let en = replies(english());
    let used = ids_in_source();
    assert!(used.len() > 30, "only {} uses of t! found", used.len());
    let missing: Vec<_> = used.iter().filter(|(id, _)| !en.contains_key(id)).collect();
    assert!(missing.is_empty(), "named but not written: {missing:?}");
}

#[test]
fn arguments_and_plurals_are_filled_in() {
    assert_eq!(
        crate::t!(Lang::En, "card-rsvp-counts", going = 1, interested = 2),
        "1 going · 2 interested"
    );
    assert_eq!(
        crate::t!(Lang::Es, "card-rsvp-counts", going = 1, interested = 1),
        "1 va · 1 le interesa"
    );
    assert_eq!(
        crate::t!(Lang::Es, "card-rsvp-counts", going = 3, interested = 0),
        "3 van · 0 les interesa"
    );
    assert_eq!(super::decimal(Lang::Es, 2.25, 1), "2,2");
    assert_eq!(super::decimal(Lang::En, 12.0, 1), "12.0");
}
