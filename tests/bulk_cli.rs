//! `rallybot import` and `rallybot export`, run as a coalition would run them.
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const NOW: &str = "2026-11-28T12:00:00Z";
const SERVER: &str = "424242";
const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/day-of-action.csv");

struct Run {
    dir: tempfile::TempDir,
}

impl Run {
    fn new() -> Self {
        Run {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn db(&self) -> String {
        self.dir.path().join("bulk.db").display().to_string()
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Runs the binary in a clean environment with `args` and `stdin`.
    fn rallybot(&self, args: &[&str], stdin: &str) -> Output {
        let mut child = Command::new(env!("CARGO_BIN_EXE_rallybot"))
            .current_dir(self.dir.path())
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    }

    fn import(&self, file: &Path, extra: &[&str]) -> Output {
        let file = file.display().to_string();
        let db = self.db();
        let mut args = vec![
            "import", &file, "--server", SERVER, "--db", &db, "--now", NOW,
        ];
        args.extend_from_slice(extra);
        self.rallybot(&args, "")
    }

    fn export(&self, extra: &[&str]) -> Output {
        let db = self.db();
        let mut args = vec!["export", "--server", SERVER, "--db", &db, "--now", NOW];
        args.extend_from_slice(extra);
        self.rallybot(&args, "")
    }

    /// A campaign made by a moderator through the console, on the same database.
    fn campaign(&self, name: &str) {
        let db = self.db();
        let script = format!(
            "/as lead --mod --server {SERVER}\n/rallymod campaign create name:\"{name}\" start:2027-04-17 end:2027-04-17\n"
        );
        let out = self.rallybot(&["console", "--db", &db, "--now", NOW], &script);
        assert!(
            text(&out.stdout).contains("is created"),
            "{}",
            text(&out.stdout)
        );
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Data lines of an export (after the header), counting quoted line breaks as part of a row.
fn exported_rows(csv: &[u8]) -> usize {
    csv::Reader::from_reader(csv).records().count()
}

#[test]
fn a_dry_run_then_an_import_then_the_same_file_again() {
    let run = Run::new();
    let dry = run.import(Path::new(EXAMPLE), &["--dry-run"]);
    assert!(dry.status.success(), "{}", text(&dry.stderr));
    let said = text(&dry.stdout);
    assert!(
        said.starts_with("Dry run: all 71 rows are valid.") && said.contains("would create 71"),
        "{said}"
    );
    let empty = run.export(&[]);
    assert_eq!(exported_rows(&empty.stdout), 0, "a dry run writes nothing");

    let first = run.import(Path::new(EXAMPLE), &[]);
    assert!(first.status.success(), "{}", text(&first.stderr));
    assert_eq!(
        text(&first.stdout).trim(),
        format!("Imported 71 rows into server {SERVER}: 71 created, 0 updated, 0 unchanged.")
    );
    let again = run.import(Path::new(EXAMPLE), &[]);
    assert!(
        text(&again.stdout).contains("0 created, 0 updated, 71 unchanged"),
        "{}",
        text(&again.stdout)
    );
    assert_eq!(exported_rows(&run.export(&[]).stdout), 71);
}

#[test]
fn bad_rows_are_all_named_and_nothing_is_written() {
    let run = Run::new();
    let file = run.path("bad.csv");
    std::fs::write(
        &file,
        "title,place,date,time\n\
         Good,\"Austin, TX\",2027-04-17,10:00\n\
         Nowhere,\"Atlantis, ZZ\",2027-04-17,10:00\n\
         Good too,\"Dallas, TX\",2027-04-17,10:00\n\
         Too soon,\"Denver, CO\",2026-11-01,10:00\n",
    )
    .unwrap();
    let out = run.import(&file, &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    let file_name = file.display().to_string();
    assert!(
        err.contains(&format!("{file_name}: line 3: place:")),
        "{err}"
    );
    assert!(
        err.contains(&format!("{file_name}: line 5: date and time:")),
        "{err}"
    );
    assert!(
        !err.contains("line 2:") && !err.contains("line 4:"),
        "{err}"
    );
    assert!(
        err.contains("2 rows of") && err.contains("nothing was imported"),
        "{err}"
    );
    assert_eq!(exported_rows(&run.export(&[]).stdout), 0);
}

#[test]
fn export_import_export_gives_the_same_bytes_within_a_campaign() {
    let run = Run::new();
    run.campaign("Day of Action");
    let imported = run.import(Path::new(EXAMPLE), &["--campaign", "day of action"]);
    assert!(imported.status.success(), "{}", text(&imported.stderr));
    assert!(
        text(&imported.stdout).contains("campaign \"Day of Action\""),
        "{}",
        text(&imported.stdout)
    );
    let first = run.path("first.csv");
    let out = run.export(&[
        "--campaign",
        "Day of Action",
        "--output",
        &first.display().to_string(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("Exported 71 rallies"),
        "{}",
        text(&out.stderr)
    );
    let before = std::fs::read(&first).unwrap();
    let again = run.import(&first, &["--campaign", "Day of Action"]);
    assert!(
        text(&again.stdout).contains("0 created, 0 updated, 71 unchanged"),
        "{}",
        text(&again.stdout)
    );
    let after = run.export(&["--campaign", "Day of Action"]);
    assert_eq!(text(&after.stdout), text(&before));
    assert_eq!(after.stdout, before, "byte for byte");
}

#[test]
fn a_long_file_shows_progress_on_stderr() {
    let run = Run::new();
    let example = std::fs::read_to_string(EXAMPLE).unwrap();
    let mut reader = csv::Reader::from_reader(example.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(reader.headers().unwrap()).unwrap();
    for i in 0..250 {
        let mut row: Vec<String> = rows[i % rows.len()].iter().map(String::from).collect();
        row[0] = format!("long-{i}");
        writer.write_record(&row).unwrap();
    }
    let file = run.path("long.csv");
    std::fs::write(&file, writer.into_inner().unwrap()).unwrap();
    let out = run.import(&file, &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(err.contains("checked 25 of 250 rows"), "{err}");
    assert!(err.contains("checked 250 of 250 rows"), "{err}");
    assert!(err.contains("written 250 of 250 rows"), "{err}");
    assert!(text(&out.stdout).contains("250 created"));
}

#[test]
fn usage_mistakes_exit_2() {
    let run = Run::new();
    let bad_server = run.rallybot(&["import", EXAMPLE, "--server", "0", "--db", &run.db()], "");
    assert_eq!(bad_server.status.code(), Some(2));
    assert!(text(&bad_server.stderr).contains("--server"));
    let missing = run.import(&run.path("nope.csv"), &[]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        text(&missing.stderr).contains("can't read"),
        "{}",
        text(&missing.stderr)
    );
    let no_campaign = run.import(Path::new(EXAMPLE), &["--campaign", "Spring"]);
    assert_eq!(no_campaign.status.code(), Some(1));
    assert!(
        text(&no_campaign.stderr).contains("There is no campaign \"Spring\""),
        "{}",
        text(&no_campaign.stderr)
    );
}

/// Import, export and the console use no Discord key, so a malformed DISCORD_TOKEN in `.env`
/// does not stop them; the bot, which needs it, still refuses to start.
#[test]
fn offline_commands_ignore_a_broken_token_they_never_use() {
    let run = Run::new();
    std::fs::write(run.path(".env"), "DISCORD_TOKEN=not-a-real-token\n").unwrap();
    let db = run.db();
    let export = run.rallybot(
        &["export", "--server", SERVER, "--db", &db, "--now", NOW],
        "",
    );
    assert!(
        export.status.success(),
        "{}",
        String::from_utf8_lossy(&export.stderr)
    );
    let console = run.rallybot(
        &["console", "--db", ":memory:", "--now", NOW],
        "/rally about\n",
    );
    assert!(
        console.status.success(),
        "{}",
        String::from_utf8_lossy(&console.stderr)
    );
    assert!(String::from_utf8_lossy(&console.stdout).contains("rallybot "));
    let bot = run.rallybot(&["run"], "");
    assert_eq!(bot.status.code(), Some(2));
    let err = String::from_utf8_lossy(&bot.stderr);
    assert!(err.contains("DISCORD_TOKEN"), "{err}");
    assert!(
        !err.contains("not-a-real-token"),
        "the token is never echoed: {err}"
    );
}
