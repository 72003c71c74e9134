//! The list of commands the console shows for /help, built from the table.
use super::table::{COMMANDS, SUBS};

/// Lines are wrapped at this width.
const WIDTH: usize = 96;

/// Every command with its options (required ones with an example, optional ones in
/// brackets) and what it does, moderators' commands apart.
pub fn commands() -> String {
    let mut out = String::from("Commands (options are name:value; quote values with spaces):\n");
    for command in COMMANDS {
        if command.moderators {
            out.push_str("Moderators:\n");
        }
        for sub in SUBS.iter().filter(|s| s.path[0] == command.name) {
            let mut words = vec![format!("/{}", sub.name())];
            words.extend(sub.options.iter().map(|o| {
                if o.required {
                    o.typed_example()
                } else {
                    format!("[{}:]", o.name)
                }
            }));
            out.push_str(&wrap(&words, "  ", "      "));
            out.push_str(&format!("      {}\n", sub.description));
        }
    }
    out
}

/// The words on lines of at most `WIDTH`, the first after `first`, the rest after `rest`.
fn wrap(words: &[String], first: &str, rest: &str) -> String {
    let mut out = String::new();
    let mut line = first.to_string();
    for word in words {
        if line.trim().is_empty() || line.len() + 1 + word.len() <= WIDTH {
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

    #[test]
    fn help_names_every_command_and_option() {
        let help = commands();
        for sub in SUBS {
            assert!(
                help.contains(&format!("/{} ", sub.name()))
                    || help.contains(&format!("/{}\n", sub.name())),
                "{}",
                sub.name()
            );
            assert!(help.contains(sub.description), "{}", sub.description);
            for o in sub.options {
                assert!(
                    help.contains(&format!("{}:", o.name)),
                    "{} {}",
                    sub.name(),
                    o.name
                );
            }
        }
        assert!(help.lines().all(|l| l.len() <= WIDTH), "{help}");
        assert!(
            help.contains("/rally create title:\"Keep Families Together\""),
            "{help}"
        );
    }
}
