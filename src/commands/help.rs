//! The list of commands the console shows for /help, built from the table, in the reader's
//! language: the names they can type and what each command does.
use super::spec::typed;
use super::table::{COMMANDS, SUBS};
use super::translations::{option_example, option_name, path_in, sub_description};
use crate::i18n::Lang;
use crate::t;

/// Lines are wrapped at this width (in characters: Spanish has accents).
const WIDTH: usize = 96;

/// Every command with its options (required ones with an example, optional ones in
/// brackets) and what it does, moderators' commands apart.
pub fn commands_in(lang: Lang) -> String {
    let mut out = format!("{}\n", t!(lang, "help-commands"));
    for command in COMMANDS {
        if command.moderators {
            out.push_str(&format!("{}\n", t!(lang, "help-moderators")));
        }
        for sub in SUBS.iter().filter(|s| s.path[0] == command.name) {
            let mut words = vec![format!("/{}", path_in(lang, sub))];
            words.extend(sub.options.iter().map(|o| {
                let name = option_name(lang, sub, o);
                if o.required {
                    typed(&name, &option_example(lang, o))
                } else {
                    format!("[{name}:]")
                }
            }));
            out.push_str(&wrap(&words, "  ", "      "));
            let description = sub_description(lang, sub);
            let words: Vec<String> = description.split(' ').map(String::from).collect();
            out.push_str(&wrap(&words, "      ", "      "));
        }
    }
    out
}

fn width(s: &str) -> usize {
    s.chars().count()
}

/// The words on lines of at most `WIDTH`, the first after `first`, the rest after `rest`.
fn wrap(words: &[String], first: &str, rest: &str) -> String {
    let mut out = String::new();
    let mut line = first.to_string();
    for word in words {
        if line.trim().is_empty() || width(&line) + 1 + width(word) <= WIDTH {
            if !line.trim().is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        } else {
            out.push_str(&line);
            out.push('\n');
            line = format!("{rest}{word}");
        }
    }
    out.push_str(&line);
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The help with its lines joined, as wrapped descriptions read.
    fn flat(help: &str) -> String {
        help.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn help_names_every_command_and_option() {
        let help = commands_in(Lang::En);
        for sub in SUBS {
            assert!(
                help.contains(&format!("/{} ", sub.name()))
                    || help.contains(&format!("/{}\n", sub.name())),
                "{}",
                sub.name()
            );
            assert!(flat(&help).contains(sub.description), "{}", sub.description);
            for o in sub.options {
                assert!(
                    help.contains(&format!("{}:", o.name)),
                    "{} {}",
                    sub.name(),
                    o.name
                );
            }
        }
        assert!(help.lines().all(|l| width(l) <= WIDTH), "{help}");
        assert!(
            help.contains("/rally create title:\"Keep Families Together\""),
            "{help}"
        );
    }

    /// A Spanish reader sees the names they type and what each command does, in Spanish.
    #[test]
    fn spanish_help_names_commands_as_a_spanish_reader_types_them() {
        let help = commands_in(Lang::Es);
        for sub in SUBS {
            let path = path_in(Lang::Es, sub);
            assert!(
                help.contains(&format!("/{path} ")) || help.contains(&format!("/{path}\n")),
                "{path}"
            );
            assert!(
                flat(&help).contains(&sub_description(Lang::Es, sub)),
                "{path}"
            );
            for o in sub.options {
                let name = option_name(Lang::Es, sub, o);
                assert!(help.contains(&format!("{name}:")), "{path} {name}");
            }
        }
        assert!(help.starts_with("Comandos"), "{help}");
        assert!(help.contains("Moderación:"), "{help}");
        assert!(
            help.contains("/manifestación crear título:\"Familias Unidas\""),
            "{help}"
        );
        assert!(help.lines().all(|l| width(l) <= WIDTH), "{help}");
    }
}
