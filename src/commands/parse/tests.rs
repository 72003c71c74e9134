//! Parsing against the table: each option checked, each request built, and the table, the
//! parser and Discord registration agreeing on every option.
use super::*;
use crate::domain::{DistanceUnit, RsvpChoice};
use crate::i18n::Lang;
use crate::service::SettingsChange;
use chrono::Duration;

#[test]
fn builds_a_create_request() {
    let inv = Invocation::new(
        &["rally", "create"],
        &[
            ("title", "T"),
            ("place", "1,2"),
            ("when", "tomorrow 6pm"),
            ("tz", "UTC"),
        ],
    );
    let Request::Create(new) = parse(inv).unwrap() else {
        panic!("not a create")
    };
    assert_eq!(new.title, "T");
    assert_eq!(new.tz.as_deref(), Some("UTC"));
    assert_eq!(new.details, None);
}

#[test]
fn missing_and_unknown_options_are_named() {
    let err = parse(Invocation::new(&["rally", "create"], &[("title", "T")])).unwrap_err();
    assert!(
        matches!(
            err,
            RequestError::MissingOption {
                option: "place",
                ..
            }
        ),
        "{err}"
    );
    let err = parse(Invocation::new(
        &["rally", "info"],
        &[("rally", "1"), ("colour", "red")],
    ))
    .unwrap_err();
    assert!(err.to_string().contains("no option colour:"), "{err}");
    let err = parse(Invocation::new(&["rally", "dance"], &[])).unwrap_err();
    assert_eq!(err, RequestError::UnknownCommand("rally dance".into()));
}

#[test]
fn rally_ids_and_choices() {
    assert_eq!(values::rally_id("#12"), Ok(12));
    assert_eq!(values::rally_id(" 7 "), Ok(7));
    assert!(values::rally_id("abc").is_err());
    assert!(values::rally_id("0").is_err());
    assert_eq!(values::choice("Not going"), Ok(RsvpChoice::NotGoing));
    assert_eq!(values::choice("can't go"), Ok(RsvpChoice::NotGoing));
    assert_eq!(values::choice("maybe"), Ok(RsvpChoice::Interested));
    assert!(values::choice("perhaps").is_err());
}

#[test]
fn settings_values() {
    let inv = Invocation::new(
        &["rallymod", "settings"],
        &[
            ("require_approval", "off"),
            ("unit", "km"),
            ("moderator_role", "<@&55>"),
        ],
    );
    assert_eq!(
        parse(inv).unwrap(),
        Request::Settings(SettingsChange {
            require_approval: Some(false),
            distance_unit: Some(DistanceUnit::Kilometres),
            moderator_role_id: Some(Some(55)),
            ..Default::default()
        })
    );
    let bad = Invocation::new(&["rallymod", "settings"], &[("require_approval", "maybe")]);
    assert!(parse(bad).is_err());
    let offsets = Invocation::new(
        &["rallymod", "settings"],
        &[("reminder_offsets", "15m, 24h,1h,1h")],
    );
    let Request::Settings(change) = parse(offsets).unwrap() else {
        panic!("not settings")
    };
    let hours = |h| chrono::Duration::hours(h);
    assert_eq!(
        change.reminder_offsets,
        Some(vec![hours(24), hours(1), chrono::Duration::minutes(15)])
    );
    for bad in ["0m", "15d", "soon", "1h,2h,3h,4h,5h,6h"] {
        let inv = Invocation::new(&["rallymod", "settings"], &[("reminder_offsets", bad)]);
        assert!(parse(inv).is_err(), "{bad}");
    }
    let remind = Invocation::new(&["rally", "remindme"], &[("rally", "3"), ("before", "off")]);
    assert_eq!(
        parse(remind).unwrap(),
        Request::RemindMe {
            rally: 3,
            before: None
        }
    );
}

#[test]
fn campaign_commands() {
    let create = Invocation::new(
        &["rallymod", "campaign", "create"],
        &[
            ("name", "Day of Action"),
            ("start", "2027-04-17"),
            ("end", "2027-04-18"),
        ],
    );
    let Request::CampaignCreate(new) = parse(create).unwrap() else {
        panic!("not a campaign create")
    };
    assert_eq!(
        (new.name.as_str(), new.end.as_str()),
        ("Day of Action", "2027-04-18")
    );
    let missing = Invocation::new(&["rallymod", "campaign", "create"], &[("name", "X")]);
    assert!(parse(missing).unwrap_err().to_string().contains("start:"));
    let archive = Invocation::new(
        &["rallymod", "campaign", "archive"],
        &[("campaign", "X"), ("restore", "yes")],
    );
    assert_eq!(
        parse(archive).unwrap(),
        Request::CampaignArchive {
            campaign: "X".into(),
            restore: true
        }
    );
    let list = Invocation::new(&["rally", "list"], &[("campaign", "X")]);
    assert_eq!(
        parse(list).unwrap(),
        Request::ListCampaign {
            campaign: "X".into()
        }
    );
    // An empty campaign option is the plain list.
    let plain = Invocation::new(&["rally", "list"], &[("campaign", " ")]);
    assert_eq!(parse(plain).unwrap(), Request::List);
    let overview = Invocation::new(&["rally", "campaign"], &[("campaign", "X")]);
    assert_eq!(
        parse(overview).unwrap(),
        Request::CampaignOverview {
            campaign: "X".into(),
            place: None
        }
    );
    let edit = Invocation::new(&["rally", "edit"], &[("rally", "3"), ("campaign", "none")]);
    let Request::Edit { edit, .. } = parse(edit).unwrap() else {
        panic!("not an edit")
    };
    assert_eq!(edit.campaign.as_deref(), Some("none"));
}

/// Every option the table declares (and so registers with Discord) parses from its example
/// value, and every one is read into the request: a registered option the parser drops, or one
/// it would read that is not registered, fails here.
#[test]
fn every_registered_option_parses_and_is_read() {
    for sub in table::SUBS {
        // `clear:` unsets settings the same command could set, and refuses both at once, so
        // it is tried with the required options alone below.
        let all: Vec<(&str, &str)> = sub
            .options
            .iter()
            .filter(|o| o.name != "clear")
            .map(|o| (o.name, o.example))
            .collect();
        let parsed = parse(Invocation::new(sub.path, &all));
        assert!(
            parsed.is_ok(),
            "/{} with every option: {parsed:?}",
            sub.name()
        );
        for o in sub.options.iter().filter(|o| !o.required) {
            let mut one: Vec<(&str, &str)> = sub
                .options
                .iter()
                .filter(|o| o.required)
                .map(|o| (o.name, o.example))
                .collect();
            one.push((o.name, o.example));
            let parsed = parse(Invocation::new(sub.path, &one));
            assert!(
                parsed.is_ok(),
                "/{} with {}: {parsed:?}",
                sub.name(),
                o.name
            );
        }
        let required: Vec<(&str, &str)> = sub
            .options
            .iter()
            .filter(|o| o.required)
            .map(|o| (o.name, o.example))
            .collect();
        let parsed = parse(Invocation::new(sub.path, &required));
        assert!(
            parsed.is_ok(),
            "/{} with required options: {parsed:?}",
            sub.name()
        );
        for o in sub.options.iter().filter(|o| o.required) {
            let without: Vec<(&str, &str)> = required
                .iter()
                .copied()
                .filter(|(n, _)| *n != o.name)
                .collect();
            let err = parse(Invocation::new(sub.path, &without)).unwrap_err();
            assert!(
                matches!(&err, RequestError::MissingOption { option, .. } if *option == o.name),
                "/{} without {}: {err}",
                sub.name(),
                o.name
            );
        }
        let err = parse(Invocation::new(sub.path, &[("colour", "red")])).unwrap_err();
        assert!(
            matches!(
                err,
                RequestError::UnknownOption { .. } | RequestError::MissingOption { .. }
            ),
            "/{}: {err}",
            sub.name()
        );
    }
}

/// Integers are checked against the table's range in every front end, not only by Discord.
#[test]
fn integers_keep_to_the_table_range() {
    let days = |d: &str| {
        parse(Invocation::new(
            &["rally", "near"],
            &[("place", "78701"), ("days", d)],
        ))
    };
    assert!(days("730").is_ok());
    for bad in ["0", "731", "x", "1.5"] {
        let err = days(bad).unwrap_err();
        assert!(err.to_string().contains("from 1 to 730"), "{bad}: {err}");
    }
    let limit = |d: &str| {
        parse(Invocation::new(
            &["rallymod", "settings"],
            &[("daily_limit", d)],
        ))
    };
    assert!(limit("100").is_ok());
    assert!(limit("101").is_err());
}

#[test]
fn leads_are_read_in_the_language_they_were_typed_in() {
    let remind = |before: &str, lang: Lang| {
        parse(
            Invocation::new(
                &["rally", "remindme"],
                &[("rally", "3"), ("before", before)],
            )
            .typed_in(lang),
        )
    };
    let lead = |r: Result<Request, RequestError>| match r {
        Ok(Request::RemindMe { before, .. }) => before,
        other => panic!("not a reminder: {other:?}"),
    };
    assert_eq!(lead(remind("2 horas", Lang::Es)), Some(Duration::hours(2)));
    assert_eq!(lead(remind("no", Lang::Es)), None);
    assert_eq!(lead(remind("off", Lang::Es)), None);
    assert!(
        remind("no", Lang::En).is_err(),
        "English has no \"no\" for off"
    );
    let settings = Invocation::new(
        &["rallymod", "settings"],
        &[("reminder_offsets", "1 día, 1 hora")],
    )
    .typed_in(Lang::Es);
    let Ok(Request::Settings(change)) = parse(settings) else {
        panic!("not settings");
    };
    assert_eq!(
        change.reminder_offsets,
        Some(vec![Duration::days(1), Duration::hours(1)])
    );
    let create = Invocation::new(
        &["rally", "create"],
        &[
            ("title", "T"),
            ("place", "Austin, TX"),
            ("when", "mañana 18:00"),
        ],
    )
    .typed_in(Lang::Es);
    let Ok(Request::Create(new)) = parse(create) else {
        panic!("not a create");
    };
    assert_eq!(new.typed_in, Lang::Es);
}
