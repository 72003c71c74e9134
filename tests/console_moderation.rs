//! Moderation in the console: limits, the change DM and the audit log, as a script.
use std::io::Write;
use std::process::{Command, Stdio};

fn run(script: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_rallybot"))
        .current_dir(dir.path())
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .args([
            "console",
            "--db",
            ":memory:",
            "--now",
            "2026-11-28T12:00:00Z",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(script.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The reply printed after the echoed command `line`, up to the next command.
fn reply_to<'a>(all: &'a str, line: &str) -> &'a str {
    let marker = format!("> {line}\n");
    let start = all
        .find(&marker)
        .unwrap_or_else(|| panic!("no reply to {line} in:\n{all}"))
        + marker.len();
    let rest = &all[start..];
    &rest[..rest.find("\n> ").map_or(rest.len(), |i| i + 1)]
}

const PLACE: &str = r#"place:"30.2672,-97.7431" tz:"America/Chicago""#;

#[test]
fn limits_change_messages_and_the_audit_log() {
    let create =
        |title: &str, when: &str| format!(r#"/rally create title:"{title}" {PLACE} when:"{when}""#);
    let first = create("March", "2026-12-05 18:00");
    let twin = create("march", "2026-12-05 20:00");
    let second = create("Vigil", "2026-12-07 18:00");
    let third = create("Picket", "2026-12-08 18:00");
    let edit = r#"/rally edit rally:1 when:"2026-12-06 19:00""#;
    let script = format!(
        "/as bob --mod\n/rallymod settings daily_limit:2\n/as alice\n{first}\n{twin}\n{second}\n{third}\n\
         /as bob --mod\n/rallymod approve rally:1\n/as carol\n/rally rsvp rally:1\n/as alice\n{edit}\n\
         /as bob --mod\n/rallymod log rally:1\n/as carol\n/rallymod log\n"
    );
    let text = run(&script);
    assert!(
        reply_to(&text, "/rallymod settings daily_limit:2")
            .contains("daily limit: 2 rallies per member"),
        "{text}"
    );
    assert!(
        reply_to(&text, &twin)
            .starts_with("error: Rally #1 already has this title and place on the same day"),
        "{text}"
    );
    assert!(
        reply_to(&text, &second).starts_with("Rally #2 submitted."),
        "{text}"
    );
    assert!(
        reply_to(&text, &third)
            .starts_with("error: You have created 2 rallies in this server in the last 24 hours"),
        "{text}"
    );
    assert!(
        !text.contains("<t:"),
        "Discord markup in the console: {text}"
    );
    let edited = reply_to(&text, edit);
    assert!(
        edited.contains("[direct message to carol] Rally #1 March has changed.")
            && edited.contains("Start: was Saturday, December 5, 2026 at 6:00 PM CST, now"),
        "{edited}"
    );
    let log = reply_to(&text, "/rallymod log rally:1");
    let lines: Vec<&str> = log.lines().filter(|l| l.starts_with("- ")).collect();
    assert_eq!(lines.len(), 3, "{log}");
    assert!(lines[0].contains("edit #1 by alice"), "{log}");
    assert!(lines[1].contains("approve #1 by bob"), "{log}");
    assert!(lines[2].contains("create #1 by alice"), "{log}");
    assert!(
        log.contains("before: start: Saturday, December 5, 2026 at 6:00 PM CST"),
        "{log}"
    );
    assert!(
        reply_to(&text, "/rallymod log")
            .starts_with("error: Only moderators can see the audit log"),
        "{text}"
    );
}
