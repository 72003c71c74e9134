//! Bulk import and export: validation before writing, stable keys, reminders, round trips.
use super::*;
use crate::service::bulk::{ImportError, ImportOptions, ImportReport};
use crate::service::campaigns::NewCampaign;
use crate::service::{RallyEdit, SettingsChange};

const EXAMPLE: &[u8] = include_bytes!("../../../examples/day-of-action.csv");
const HEADER: &str = "key,title,place,address,date,time,ends,time_zone,contact,details\n";

fn options() -> ImportOptions {
    ImportOptions {
        server_id: SERVER,
        ..Default::default()
    }
}

async fn import(
    f: &Fixture,
    csv: &[u8],
    options: &ImportOptions,
) -> Result<ImportReport, ImportError> {
    f.service.import_csv(csv, options, &()).await
}

fn rows(err: ImportError) -> Vec<(u64, String)> {
    match err {
        ImportError::Rows(rows) => rows.into_iter().map(|r| (r.line, r.reason)).collect(),
        other => panic!("expected bad rows, got {other:?}"),
    }
}

async fn reminder_count(f: &Fixture) -> i64 {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM outbox WHERE status = 'pending' AND kind LIKE '%reminder'",
    )
    .fetch_one(f.service.store().pool())
    .await
    .unwrap()
}

async fn with_reminder_channel(f: &Fixture) {
    f.service
        .update_settings(
            &MOD,
            SettingsChange {
                reminder_channel_id: Some(Some(555)),
                ..Default::default()
            },
        )
        .await
        .unwrap();
}

#[tokio::test]
async fn the_example_imports_with_reminders_and_again_without_duplicates() {
    let f = fixture().await;
    with_reminder_channel(&f).await;
    let first = import(&f, EXAMPLE, &options()).await.unwrap();
    assert!(first.created >= 60, "{first:?}");
    assert_eq!((first.updated, first.unchanged), (0, 0));
    assert_eq!(rally_count(&f).await, first.created as i64);
    // Two channel reminders (24h and 1h before) for every rally, as approval would schedule.
    assert_eq!(reminder_count(&f).await, 2 * first.created as i64);
    let listed = f.service.list_upcoming(&BOB).await.unwrap();
    assert_eq!(listed.len(), first.created);
    let distinct: std::collections::BTreeSet<&str> =
        listed.iter().map(|v| v.rally.place_name.as_str()).collect();
    assert_eq!(distinct.len(), first.created, "every city once");

    let again = import(&f, EXAMPLE, &options()).await.unwrap();
    assert_eq!((again.created, again.updated), (0, 0));
    assert_eq!(again.unchanged, first.created);
    assert_eq!(rally_count(&f).await, first.created as i64);
    assert_eq!(reminder_count(&f).await, 2 * first.created as i64);
}

#[tokio::test]
async fn a_changed_row_updates_its_rally_and_moves_its_reminders() {
    let f = fixture().await;
    with_reminder_channel(&f).await;
    let csv = format!(
        "{HEADER}k1,Austin Rally,\"Austin, TX\",,2027-04-17,10:00,,,,\nk2,Dallas Rally,\"Dallas, TX\",,2027-04-17,10:00,,,,\n"
    );
    import(&f, csv.as_bytes(), &options()).await.unwrap();
    // Bob is going to the Austin rally; his personal reminder must move with it.
    let austin = f.service.list_upcoming(&BOB).await.unwrap()[0].rally.id;
    f.service
        .rsvp(&BOB, austin, crate::domain::RsvpChoice::Going)
        .await
        .unwrap();
    let changed = csv.replace(
        "Austin Rally,\"Austin, TX\",,2027-04-17,10:00",
        "Austin Rally moved,\"Austin, TX\",,2027-04-18,09:00",
    );
    let report = import(&f, changed.as_bytes(), &options()).await.unwrap();
    assert_eq!(
        (report.created, report.updated, report.unchanged),
        (0, 1, 1)
    );
    let rallies = f.service.list_upcoming(&BOB).await.unwrap();
    assert_eq!(rallies.len(), 2);
    let moved = rallies
        .iter()
        .find(|v| v.rally.title == "Austin Rally moved")
        .unwrap();
    let due: Vec<i64> = sqlx::query_scalar(
        "SELECT due_at FROM outbox WHERE rally_id = ?1 AND status = 'pending'
             AND kind LIKE '%reminder' ORDER BY due_at",
    )
    .bind(moved.rally.id)
    .fetch_all(f.service.store().pool())
    .await
    .unwrap();
    let start = moved.rally.starts_at.timestamp();
    assert_eq!(moved.rally.id, austin);
    // Two channel reminders and Bob's personal one, an hour before the new start.
    assert_eq!(due, [start - 86_400, start - 3_600, start - 3_600]);
    let personal: i64 = sqlx::query_scalar(
        "SELECT target_id FROM outbox WHERE rally_id = ?1 AND kind = 'personal_reminder'
             AND status = 'pending'",
    )
    .bind(austin)
    .fetch_one(f.service.store().pool())
    .await
    .unwrap();
    assert_eq!(personal, BOB.user_id);
}

#[tokio::test]
async fn every_bad_row_is_reported_and_nothing_is_written() {
    let f = fixture().await;
    let long = "x".repeat(101);
    let csv = format!(
        "{HEADER}\
ok1,Fine,\"Austin, TX\",,2027-04-17,10:00,,,,\n\
bad1,,\"Austin, TX\",,2027-04-17,10:00,,,,\n\
bad2,Nowhere,\"Atlantis, ZZ\",,2027-04-17,10:00,,,,\n\
bad3,Past,\"Dallas, TX\",,2026-01-01,10:00,,,,\n\
bad4,{long},\"Denver, CO\",,2027-04-17,10:00,,,,\n\
bad5,Gap,\"Chicago, IL\",,2027-03-14,02:30,,,,\n\
ok2,\"Multi\nline title\",\"Boise, ID\",,2027-04-17,10:00,,,,\n\
ok1,Duplicate key,\"Omaha, NE\",,2027-04-17,10:00,,,,\n\
short,row\n\
bad6,Ends early,\"Tulsa, OK\",,2027-04-17,10:00,2027-04-16 09:00,,,\n"
    );
    let errors = rows(import(&f, csv.as_bytes(), &options()).await.unwrap_err());
    assert_eq!(rally_count(&f).await, 0, "nothing is written");
    let lines: Vec<u64> = errors.iter().map(|e| e.0).collect();
    // A record spanning lines 8-9 is reported at its first line, and later lines count on.
    assert_eq!(lines, [3, 4, 5, 6, 7, 8, 10, 11, 12], "{errors:#?}");
    let reason = |line: u64| errors.iter().find(|e| e.0 == line).unwrap().1.clone();
    assert!(reason(3).contains("title"), "{}", reason(3));
    assert!(reason(4).contains("Atlantis"), "{}", reason(4));
    assert!(reason(5).contains("in the past"), "{}", reason(5));
    assert!(reason(6).contains("101 characters"), "{}", reason(6));
    assert!(reason(7).contains("doesn't exist"), "{}", reason(7));
    assert!(reason(8).contains("control characters"), "{}", reason(8));
    assert!(
        reason(10).contains("already used on line 2"),
        "{}",
        reason(10)
    );
    assert!(reason(11).contains("has 2 fields"), "{}", reason(11));
    assert!(reason(12).contains("not after the start"), "{}", reason(12));
}

#[tokio::test]
async fn bom_quotes_commas_and_newlines_are_read() {
    let f = fixture().await;
    let csv =         "\u{feff}Title,Place,Date,Time,Details,Address\n\
\"Rally, with a comma\",\"Austin, TX\",2027-04-17,6:30 PM,\"Line one\nLine \"\"two\"\"\",\"1100 Congress Ave, Austin\"\n";
    let report = import(&f, csv.as_bytes(), &options()).await.unwrap();
    assert_eq!(report.created, 1);
    let rally = &f.service.list_upcoming(&BOB).await.unwrap()[0].rally;
    assert_eq!(rally.title, "Rally, with a comma");
    assert_eq!(rally.details, "Line one\nLine \"two\"");
    assert_eq!(rally.address, "1100 Congress Ave, Austin");
    assert_eq!(rally.time_zone, chrono_tz::America::Chicago);
    assert_eq!(
        rally
            .starts_at
            .with_timezone(&rally.time_zone)
            .format("%Y-%m-%d %H:%M")
            .to_string(),
        "2027-04-17 18:30"
    );
    // No key column: the key is the place and the day, so importing again changes nothing.
    let again = import(&f, csv.as_bytes(), &options()).await.unwrap();
    assert_eq!((again.created, again.unchanged), (0, 1));
}

#[tokio::test]
async fn a_bad_header_or_empty_file_is_refused() {
    let f = fixture().await;
    for (csv, expected) in [
        (
            "title,place,date\nA,Austin TX,2027-04-17\n",
            "lacks the column time",
        ),
        (
            "title,place,date,time,colour\n",
            "unknown column \"colour\"",
        ),
        (HEADER, "no rallies"),
    ] {
        match import(&f, csv.as_bytes(), &options()).await {
            Err(ImportError::File(why)) => assert!(why.contains(expected), "{why}"),
            other => panic!("{csv}: {other:?}"),
        }
    }
}

#[tokio::test]
async fn a_dry_run_writes_nothing() {
    let f = fixture().await;
    let report = import(
        &f,
        EXAMPLE,
        &ImportOptions {
            dry_run: true,
            ..options()
        },
    )
    .await
    .unwrap();
    assert!(report.dry_run && report.created >= 60, "{report:?}");
    assert_eq!(rally_count(&f).await, 0);
}

#[tokio::test]
async fn a_campaign_import_checks_the_campaign_days() {
    let f = fixture().await;
    f.service
        .create_campaign(
            &MOD,
            NewCampaign {
                name: "Day of Action".into(),
                start: "2027-04-17".into(),
                end: "2027-04-17".into(),
                description: None,
                coalition: None,
            },
        )
        .await
        .unwrap();
    let opts = ImportOptions {
        campaign: Some("day of action".into()),
        ..options()
    };
    let csv = format!("{HEADER}a,In,\"Austin, TX\",,2027-04-17,10:00,,,,\nb,Out,\"Dallas, TX\",,2027-04-18,10:00,,,,\n");
    let errors = rows(import(&f, csv.as_bytes(), &opts).await.unwrap_err());
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].0, 3);
    let report = import(&f, EXAMPLE, &opts).await.unwrap();
    let o = f
        .service
        .campaign_overview(&BOB, "Day of Action", None)
        .await
        .unwrap();
    assert_eq!(o.entries.len(), report.created);
    assert!(o.states >= 40, "{}", o.states);
    // Another server's campaign is not there.
    let elsewhere = ImportOptions {
        server_id: OTHER,
        ..opts
    };
    assert!(matches!(
        import(&f, EXAMPLE, &elsewhere).await,
        Err(ImportError::File(why)) if why.contains("no campaign")
    ));
}

#[tokio::test]
async fn export_then_import_round_trips_byte_for_byte() {
    let f = fixture().await;
    import(&f, EXAMPLE, &options()).await.unwrap();
    // A rally made in Discord, with an end on the next day and an explicit time zone.
    let made = f
        .service
        .create_rally(
            &MOD,
            NewRally {
                title: "Vigil".into(),
                place: "30.2672,-97.7431".into(),
                when: "2026-12-05 22:00".into(),
                ends: Some("2026-12-06 01:00".into()),
                tz: Some("America/Denver".into()),
                details: Some("Candles, \"quiet\", please\nand thanks".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .view
        .rally
        .id;
    let (first, count) = f.service.export_csv(SERVER, None).await.unwrap();
    assert_eq!(count as i64, rally_count(&f).await);
    let text = String::from_utf8(first.clone()).unwrap();
    assert!(text.starts_with(HEADER), "{text}");
    assert!(text.contains(&format!("rally-{made},Vigil")), "{text}");

    let report = import(&f, &first, &options()).await.unwrap();
    assert_eq!(report.created, 0, "{report:?}");
    let (second, _) = f.service.export_csv(SERVER, None).await.unwrap();
    assert_eq!(String::from_utf8(second.clone()).unwrap(), text);
    // Once keyed, the Discord rally is unchanged by a third import.
    let third = import(&f, &second, &options()).await.unwrap();
    assert_eq!((third.created, third.updated), (0, 0));

    // Edits made in Discord show in the next export.
    f.service
        .edit_rally(
            &MOD,
            made,
            RallyEdit {
                title: Some("Candlelight vigil".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let (after, _) = f.service.export_csv(SERVER, None).await.unwrap();
    assert!(String::from_utf8(after)
        .unwrap()
        .contains(&format!("rally-{made},Candlelight vigil")));
}

#[tokio::test]
async fn a_key_of_a_cancelled_rally_is_a_bad_row() {
    let f = fixture().await;
    let csv = format!("{HEADER}k1,Austin,\"Austin, TX\",,2027-04-17,10:00,,,,\n");
    import(&f, csv.as_bytes(), &options()).await.unwrap();
    let id = f.service.list_upcoming(&BOB).await.unwrap()[0].rally.id;
    f.service.cancel_rally(&MOD, id, None).await.unwrap();
    let errors = rows(import(&f, csv.as_bytes(), &options()).await.unwrap_err());
    assert!(errors[0].1.contains("cancelled"), "{errors:?}");
}

/// Two rallies in one city on one day with no keys are two rallies: the implicit key holds the
/// start time. A rally imported with the older day-only key is found again, not doubled.
#[tokio::test]
async fn keyless_rows_of_one_city_and_day_are_told_apart_by_their_start() {
    let f = fixture().await;
    let csv = format!(
        "{HEADER},Morning march,\"Austin, TX\",,2026-12-05,9am,,,,\n\
         ,Evening vigil,\"Austin, TX\",,2026-12-05,7pm,,,,\n"
    );
    let first = import(&f, csv.as_bytes(), &options()).await.unwrap();
    assert_eq!(first.created, 2, "{first:?}");
    let again = import(&f, csv.as_bytes(), &options()).await.unwrap();
    assert_eq!((again.created, again.unchanged), (0, 2), "{again:?}");
    let keys: Vec<Option<String>> =
        sqlx::query_scalar("SELECT import_key FROM rallies ORDER BY starts_at")
            .fetch_all(f.service.store().pool())
            .await
            .unwrap();
    assert_eq!(
        keys,
        [
            Some("austin, texas, us|2026-12-05 09:00".to_string()),
            Some("austin, texas, us|2026-12-05 19:00".to_string())
        ]
    );

    // A rally imported before: its key is the day alone.
    sqlx::query("UPDATE rallies SET import_key = 'austin, texas, us|2026-12-05' WHERE title = 'Evening vigil'")
        .execute(f.service.store().pool())
        .await
        .unwrap();
    let vigil = format!("{HEADER},Evening vigil,\"Austin, TX\",,2026-12-05,7pm,,,,Bring candles\n");
    let updated = import(&f, vigil.as_bytes(), &options()).await.unwrap();
    assert_eq!((updated.created, updated.updated), (0, 1), "{updated:?}");
    assert_eq!(rally_count(&f).await, 2);
}

/// A coalition's Spanish-speaking members write dates with Spanish month names; the columns
/// stay English and numbers stay month first.
#[tokio::test]
async fn dates_with_spanish_month_names_are_read() {
    let f = fixture().await;
    let csv = format!(
        "{HEADER},Vigilia,\"Austin, TX\",,17 de abril de 2027,18:00,20:00,,,\n\
         ,Marcha,\"Austin, TX\",,2 junio 2027,6 de la tarde,,,,\n\
         ,Rally,\"Austin, TX\",,4/5/2027,10:00,,,,\n\
         ,Otra,\"Austin, TX\",,Sept 9 2027,10:00,,,,\n"
    );
    let report = import(&f, csv.as_bytes(), &options()).await.unwrap();
    assert_eq!(report.created, 4, "{report:?}");
    let starts: Vec<(String, i64)> =
        sqlx::query_as("SELECT title, starts_at FROM rallies ORDER BY starts_at")
            .fetch_all(f.service.store().pool())
            .await
            .unwrap();
    let starts: Vec<(&str, String)> = starts
        .iter()
        .map(|(t, s)| {
            let utc = chrono::DateTime::from_timestamp(*s, 0).unwrap();
            (t.as_str(), utc.format("%Y-%m-%dT%H:%M").to_string())
        })
        .collect();
    // Austin is on CDT (UTC-5) on all of these days; 4/5 is April 5th, read month first.
    assert_eq!(
        starts,
        [
            ("Rally", "2027-04-05T15:00".to_string()),
            ("Vigilia", "2027-04-17T23:00".to_string()),
            ("Marcha", "2027-06-02T23:00".to_string()),
            ("Otra", "2027-09-09T15:00".to_string()),
        ]
    );
    let bad = format!("{HEADER},Nada,\"Austin, TX\",,31 de febrerp de 2027,18:00,,,,\n");
    let errors = rows(import(&f, bad.as_bytes(), &options()).await.unwrap_err());
    assert_eq!(errors.len(), 1, "{errors:?}");
}
