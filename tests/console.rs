//! The console binary driven by a piped script, as a new user would run it.
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn rallybot(args: &[&str], envs: &[(&str, &str)], stdin: &str) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rallybot"));
    // A clean environment: no .env from the developer's checkout, no token.
    cmd.current_dir(dir.path())
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in envs {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    drop(dir);
    out
}

fn stdout(out: &Output) -> String {
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

const SCRIPT: &str = r#"
# Alice submits, a moderator approves, Carol RSVPs, Alice cancels.
/as alice
/rally create title:"Keep Families Together" place:"30.2672,-97.7431" tz:"America/Chicago" when:"2026-12-05 18:00"
/as carol
/rally list
/as bob --mod
/rallymod approve rally:1
/as carol
/rally list
/rally rsvp rally:1
/rally create title:"Way back" place:"30.2672,-97.7431" tz:"America/Chicago" when:"2026-11-01 18:00"
/rally cancel rally:1
/as alice
/rally cancel rally:1 reason:"Storm warning"
/rally info rally:1
"#;

#[test]
fn a_piped_script_runs_the_whole_flow() {
    let out = rallybot(
        &[
            "console",
            "--db",
            ":memory:",
            "--now",
            "2026-11-28T12:00:00Z",
        ],
        &[],
        SCRIPT,
    );
    assert!(
        out.status.success(),
        "exit {:?}, stderr {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let text = stdout(&out);
    assert!(
        !text.contains("<t:"),
        "Discord markup in the console: {text}"
    );
    let create = reply_to(
        &text,
        r#"/rally create title:"Keep Families Together" place:"30.2672,-97.7431" tz:"America/Chicago" when:"2026-12-05 18:00""#,
    );
    assert!(create.starts_with("Rally #1 submitted."), "{create}");
    assert!(
        create.contains("When:  Saturday, December 5, 2026 at 6:00 PM CST"),
        "{create}"
    );
    assert!(create.contains("[pending approval]"), "{create}");
    let lists: Vec<_> = text.match_indices("> /rally list\n").collect();
    assert_eq!(lists.len(), 2);
    assert!(
        text[lists[0].0..].contains("> /rally list\nNo upcoming rallies"),
        "{text}"
    );
    assert!(reply_to(&text, "/rallymod approve rally:1").starts_with("Rally #1 is approved"));
    assert!(
        text[lists[1].0..]
            .starts_with("> /rally list\nUpcoming rallies (1):\n#1 Keep Families Together\n"),
        "{text}"
    );
    assert_eq!(
        reply_to(&text, "/rally rsvp rally:1"),
        "You're going to #1 Keep Families Together. RSVPs: 1 going, 0 interested (you: going)\n"
    );
    let past = reply_to(
        &text,
        r#"/rally create title:"Way back" place:"30.2672,-97.7431" tz:"America/Chicago" when:"2026-11-01 18:00""#,
    );
    assert!(
        past.starts_with(
            "error: The start time Sunday, November 1, 2026 at 6:00 PM CST is in the past"
        ),
        "{past}"
    );
    let refused: Vec<_> = text.match_indices("> /rally cancel rally:1\nerror: Only the organiser of rally #1 or a moderator can cancel it.").collect();
    assert_eq!(refused.len(), 1, "{text}");
    assert!(
        reply_to(&text, r#"/rally cancel rally:1 reason:"Storm warning""#)
            .starts_with("Rally #1 is cancelled.")
    );
    let info = reply_to(&text, "/rally info rally:1");
    assert!(
        info.contains("[CANCELLED]") && info.contains("Reason: Storm warning"),
        "{info}"
    );
    assert!(info.contains("RSVPs: 1 going"), "{info}");
}

#[test]
fn a_bad_line_does_not_stop_the_next() {
    let script = "/rally create title:\"unclosed\n/nonsense\n/rally info rally:abc\n/clock +2h\n";
    let out = rallybot(
        &[
            "console",
            "--db",
            ":memory:",
            "--now",
            "2026-11-28T12:00:00Z",
        ],
        &[],
        script,
    );
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(
        text.contains("error: a quote opened at character"),
        "{text}"
    );
    assert!(text.contains("error: unknown command /nonsense"), "{text}");
    assert!(
        text.contains("error: \"abc\" is not a rally number"),
        "{text}"
    );
    assert!(
        text.ends_with("The time is now 2026-11-28 14:00 UTC.\n"),
        "{text}"
    );
}

#[test]
fn the_database_file_keeps_rallies_between_runs() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kept.db");
    let db = db.to_str().unwrap();
    let now = "2026-11-28T12:00:00Z";
    let create = "/as mod --mod\n/rally create title:\"Kept\" place:\"1,2\" tz:UTC when:\"2026-12-01 10:00\"\n";
    assert!(
        rallybot(&["console", "--db", db, "--now", now], &[], create)
            .status
            .success()
    );
    let out = rallybot(
        &["console", "--now", now],
        &[("DATABASE_URL", &format!("sqlite://{db}"))],
        "/rally list\n",
    );
    assert!(stdout(&out).contains("#1 Kept"), "{}", stdout(&out));
}

#[test]
fn no_subcommand_and_no_token_starts_the_console() {
    let out = rallybot(
        &[],
        &[("DATABASE_URL", "sqlite::memory:")],
        "/rally about\n",
    );
    assert!(out.status.success());
    assert!(stdout(&out).contains("rallybot "), "{}", stdout(&out));
}

#[test]
fn a_bad_config_value_stops_with_exit_2_and_names_the_key() {
    // Each command is stopped by the values it uses: the console by the database and the log
    // filter, the bot by those and by every Discord key. (A Discord key the console never
    // reads does not stop it: tests/bulk_cli.rs.)
    let cases: [(&[&str], &str, &str); 7] = [
        (
            &["console", "--db", ":memory:"],
            "RUST_LOG",
            "rallybot=loud",
        ),
        (&["console"], "DATABASE_URL", "postgres://db"),
        (&["run"], "DATABASE_URL", "postgres://db"),
        (&["run"], "DEV_GUILD_ID", "not-a-number"),
        (&["run"], "DISCORD_API_URL", "localhost:80"),
        (&["run"], "DISCORD_TOKEN", "s3cret token"),
        (&[], "DISCORD_TOKEN", "s3cret token"),
    ];
    for (args, key, value) in cases {
        let out = rallybot(args, &[(key, value)], "");
        assert_eq!(out.status.code(), Some(2), "{args:?} {key}={value}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "one line: {err}");
        assert!(err.contains(key), "{key}: {err}");
        assert!(!err.contains("s3cret"), "the token leaked: {err}");
        assert!(stdout(&out).is_empty(), "nothing ran: {}", stdout(&out));
    }
}

#[test]
fn city_names_zip_codes_and_spoken_times() {
    // Saturday 2026-11-28 12:00 UTC: "next thursday" is December 3.
    let script = r#"/as mod --mod
/rally create title:"Austin rally" place:"Austin, TX" when:"next thursday 6pm"
/rally create title:"Phoenix rally" place:"Phoenix AZ" when:"12/5 10am"
/rally create title:"Philly rally" place:"Philly" when:"tomorrow noon"
/rally near place:"78701" radius:25
/rally near place:"Tempe, Arizona" radius:50 unit:km
/rally create title:"Nowhere" place:"Atlantis, ZZ" when:"tomorrow noon"
/rally create title:"Gap" place:"New York, NY" when:"2027-03-14 2:30am"
"#;
    let out = rallybot(
        &[
            "console",
            "--db",
            ":memory:",
            "--now",
            "2026-11-28T12:00:00Z",
        ],
        &[],
        script,
    );
    assert!(out.status.success());
    let text = stdout(&out);
    let austin = reply_to(
        &text,
        r#"/rally create title:"Austin rally" place:"Austin, TX" when:"next thursday 6pm""#,
    );
    assert!(austin.contains("Where: Austin, Texas, US"), "{austin}");
    assert!(
        austin.contains("Thursday, December 3, 2026 at 6:00 PM CST"),
        "{austin}"
    );
    // Phoenix keeps MST all year.
    let phoenix = reply_to(
        &text,
        r#"/rally create title:"Phoenix rally" place:"Phoenix AZ" when:"12/5 10am""#,
    );
    assert!(
        phoenix.contains("Saturday, December 5, 2026 at 10:00 AM MST"),
        "{phoenix}"
    );
    let philly = reply_to(
        &text,
        r#"/rally create title:"Philly rally" place:"Philly" when:"tomorrow noon""#,
    );
    assert!(
        philly.contains("Where: Philadelphia, Pennsylvania, US"),
        "{philly}"
    );
    assert!(
        philly.contains("Sunday, November 29, 2026 at 12:00 PM EST"),
        "{philly}"
    );
    let near = reply_to(&text, r#"/rally near place:"78701" radius:25"#);
    assert!(
        near.starts_with("Rallies within 25 mi of 78701 (Austin, Texas, US) (1):"),
        "{near}"
    );
    assert!(
        near.contains("Austin rally") && !near.contains("Phoenix rally"),
        "{near}"
    );
    let tempe = reply_to(
        &text,
        r#"/rally near place:"Tempe, Arizona" radius:50 unit:km"#,
    );
    assert!(tempe.contains("km away: #2 Phoenix rally"), "{tempe}");
    let unknown = reply_to(
        &text,
        r#"/rally create title:"Nowhere" place:"Atlantis, ZZ" when:"tomorrow noon""#,
    );
    assert!(
        unknown.starts_with("error: I don't know a place called \"Atlantis, ZZ\""),
        "{unknown}"
    );
    let gap = reply_to(
        &text,
        r#"/rally create title:"Gap" place:"New York, NY" when:"2027-03-14 2:30am""#,
    );
    assert!(gap.contains("doesn't exist in America/New_York"), "{gap}");
}

#[test]
fn reminders_appear_as_the_clock_passes_them() {
    // The rally starts 2026-12-01 00:00 UTC (6 PM CST on November 30).
    let script = r#"/as alice --mod
/rally create title:"Vigil" place:"Austin, TX" when:"2026-11-30 18:00"
/as bob
/rally rsvp rally:1
/rally remindme rally:1 before:2h
/clock set 2026-11-29T23:59:00Z
/clock +1m
/clock set 2026-11-30T22:00:00Z
/clock +1h
/clock +1h
"#;
    let out = rallybot(
        &[
            "console",
            "--db",
            ":memory:",
            "--now",
            "2026-11-28T12:00:00Z",
        ],
        &[],
        script,
    );
    assert!(out.status.success());
    let text = stdout(&out);
    assert_eq!(
        reply_to(&text, "/clock set 2026-11-29T23:59:00Z"),
        "The time is now 2026-11-29 23:59 UTC.\n"
    );
    let day = reply_to(&text, "/clock +1m");
    assert!(
        day.contains("[channel #general] Reminder: #1 Vigil starts in 1 day"),
        "{day}"
    );
    let personal = reply_to(&text, "/clock set 2026-11-30T22:00:00Z");
    assert!(
        personal.contains("[direct message to bob] Reminder: #1 Vigil starts in 2 hours"),
        "{personal}"
    );
    assert_eq!(
        text.matches("Reminder: #1 Vigil starts in 1 hour").count(),
        1,
        "{text}"
    );
    assert_eq!(
        text.matches("Reminder:").count(),
        3,
        "each reminder once: {text}"
    );
}

const CAMPAIGN_SCRIPT: &str = r#"
/as lead --mod
/rallymod campaign create name:"Day of Action" start:2026-12-05 end:2026-12-05 description:"Rallies everywhere"
/as alice
/rallymod campaign create name:"Mine" start:2026-12-05 end:2026-12-05
/as lead --mod
/rally create title:"Austin Rally" place:"Austin, TX" when:"2026-12-05 12:00" campaign:"day of action"
/rally create title:"Dallas Rally" place:"Dallas, TX" when:"2026-12-05 12:00" campaign:"Day of Action"
/rally create title:"Denver Rally" place:"Denver, CO" when:"2026-12-05 10:00" campaign:"Day of Action"
/rally create title:"Not in it" place:"Waco, TX" when:"2026-12-05 10:00"
/rally create title:"Outside" place:"Denver, CO" when:"2026-12-06 12:00" campaign:"Day of Action"
/as carol
/rally rsvp rally:1
/rally campaign campaign:"Day of Action"
/rally campaign campaign:"Day of Action" place:"Fort Worth, TX"
/rally list campaign:"Day of Action"
/rally near place:"Waco, TX" radius:300 campaign:"Day of Action"
/as lead --mod
/rallymod campaign edit campaign:"Day of Action" name:"National Day of Action"
/rallymod campaign archive campaign:"National Day of Action"
/rally create title:"Late" place:"Austin, TX" when:"2026-12-05 15:00" campaign:"National Day of Action"
"#;

#[test]
fn a_campaign_from_creation_to_overview_and_archive() {
    let out = rallybot(
        &[
            "console",
            "--db",
            ":memory:",
            "--now",
            "2026-11-28T12:00:00Z",
        ],
        &[],
        CAMPAIGN_SCRIPT,
    );
    assert!(out.status.success());
    let text = stdout(&out);
    let created = reply_to(
        &text,
        r#"/rallymod campaign create name:"Day of Action" start:2026-12-05 end:2026-12-05 description:"Rallies everywhere""#,
    );
    assert!(
        created.starts_with("Campaign \"Day of Action\" is created.")
            && created.contains("Saturday, December 5, 2026"),
        "{created}"
    );
    let refused = reply_to(
        &text,
        r#"/rallymod campaign create name:"Mine" start:2026-12-05 end:2026-12-05"#,
    );
    assert!(
        refused.starts_with("error: Only moderators can create campaigns"),
        "{refused}"
    );
    let outside = reply_to(
        &text,
        r#"/rally create title:"Outside" place:"Denver, CO" when:"2026-12-06 12:00" campaign:"Day of Action""#,
    );
    assert!(
        outside.starts_with("error: The rally starts Sunday, December 6, 2026"),
        "{outside}"
    );

    let overview = reply_to(&text, r#"/rally campaign campaign:"Day of Action""#);
    assert!(
        overview.contains("3 rallies in 3 cities and 2 states; RSVPs: 1 going, 0 interested."),
        "{overview}"
    );
    let colorado = overview.find("Colorado:").expect("grouped by state");
    let texas = overview.find("Texas:").expect("grouped by state");
    assert!(colorado < texas, "{overview}");
    assert!(
        overview[texas..].contains("  Austin:\n    #1 Austin Rally"),
        "{overview}"
    );
    assert!(!overview.contains("Not in it"), "{overview}");

    let nearest = reply_to(
        &text,
        r#"/rally campaign campaign:"Day of Action" place:"Fort Worth, TX""#,
    );
    let dallas = nearest.find("Dallas Rally").unwrap();
    let austin = nearest.find("Austin Rally").unwrap();
    let denver = nearest.find("Denver Rally").unwrap();
    assert!(dallas < austin && austin < denver, "{nearest}");
    assert!(nearest.contains("mi away (Dallas, Texas)"), "{nearest}");

    let listed = reply_to(&text, r#"/rally list campaign:"Day of Action""#);
    assert!(
        listed.starts_with("Upcoming rallies of \"Day of Action\" (3):"),
        "{listed}"
    );
    let near = reply_to(
        &text,
        r#"/rally near place:"Waco, TX" radius:300 campaign:"Day of Action""#,
    );
    assert!(
        near.starts_with("Rallies of \"Day of Action\" within 300 mi"),
        "{near}"
    );
    assert!(!near.contains("Not in it"), "{near}");

    let renamed = reply_to(
        &text,
        r#"/rallymod campaign edit campaign:"Day of Action" name:"National Day of Action""#,
    );
    assert!(
        renamed.contains("name: Day of Action -> National Day of Action"),
        "{renamed}"
    );
    let late = reply_to(
        &text,
        r#"/rally create title:"Late" place:"Austin, TX" when:"2026-12-05 15:00" campaign:"National Day of Action""#,
    );
    assert!(
        late.starts_with("error: The campaign \"National Day of Action\" is archived"),
        "{late}"
    );
}

#[test]
fn as_with_a_spanish_locale_types_times_in_spanish() {
    let script = r#"
/as ana --locale es
/rally create title:"Vigilia" place:"30.2672,-97.7431" when:"el jueves 18:30"
/rally create title:"Hueco" place:"30.2672,-97.7431" when:"14/3/2027 2:30"
/as alice
/rally create title:"Vigil" place:"30.2672,-97.7431" when:"el jueves 18:30"
/as ana --locale
"#;
    let out = rallybot(
        &[
            "console",
            "--db",
            ":memory:",
            "--now",
            "2026-11-28T12:00:00Z",
        ],
        &[],
        script,
    );
    let text = stdout(&out);
    let thursday = reply_to(
        &text,
        r#"/rally create title:"Vigilia" place:"30.2672,-97.7431" when:"el jueves 18:30""#,
    );
    // The reply is Spanish too, the date spelled out so that a misreading shows.
    assert!(
        thursday.contains("Cuándo:  jueves, 3 de diciembre de 2026, 18:30 (CST)"),
        "{thursday}"
    );
    assert!(
        thursday.contains("Respuestas: nadie va todavía, a nadie le interesa"),
        "{thursday}"
    );
    let gap = reply_to(
        &text,
        r#"/rally create title:"Hueco" place:"30.2672,-97.7431" when:"14/3/2027 2:30""#,
    );
    assert!(
        gap.starts_with("error: ") && gap.contains("no existe"),
        "{gap}"
    );
    // Alice's console speaks English: "el jueves" is not a time there.
    let english = reply_to(
        &text,
        r#"/rally create title:"Vigil" place:"30.2672,-97.7431" when:"el jueves 18:30""#,
    );
    assert!(english.starts_with("error: "), "{english}");
    assert!(reply_to(&text, "/as ana --locale").contains("--locale needs a language"));
}

/// A console in Spanish takes the commands and options by the names a Spanish Discord shows,
/// lists them so in /help, and still takes the English ones.
#[test]
fn a_spanish_console_takes_spanish_command_names() {
    let script = r#"
/as ana --locale es
/help
/manifestación crear título:"Vigilia" lugar:"30.2672,-97.7431" cuándo:"el jueves 18:30"
/rally info rally:1
/manifestación ver manifestación:1 lugar:Austin
/manifestacion lista
"#;
    let out = rallybot(
        &[
            "console",
            "--db",
            ":memory:",
            "--now",
            "2026-11-28T12:00:00Z",
        ],
        &[],
        script,
    );
    let text = stdout(&out);
    let help = reply_to(&text, "/help");
    assert!(help.contains("/manifestación crear título:"), "{help}");
    assert!(help.contains("Solo en la consola"), "{help}");
    let created = reply_to(
        &text,
        r#"/manifestación crear título:"Vigilia" lugar:"30.2672,-97.7431" cuándo:"el jueves 18:30""#,
    );
    assert!(!created.starts_with("error"), "{created}");
    assert!(created.contains("#1"), "{created}");
    let english = reply_to(&text, "/rally info rally:1");
    assert!(english.contains("Vigilia"), "{english}");
    let wrong = reply_to(&text, "/manifestación ver manifestación:1 lugar:Austin");
    assert!(
        wrong.starts_with("error: ") && wrong.contains("lugar"),
        "{wrong}"
    );
    // Without the accent it is no command: the names are exactly as Discord shows them.
    let unaccented = reply_to(&text, "/manifestacion lista");
    assert!(unaccented.starts_with("error: "), "{unaccented}");
}
