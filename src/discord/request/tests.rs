//! Conversion tests on interaction JSON shaped as Discord sends it (API v10 Interaction object).
use serde_json::{json, Value};
use serenity::all::{CommandInteraction, Interaction};

use super::*;
use crate::i18n::Lang;

fn member(permissions: &str, roles: &[&str]) -> Value {
    json!({
        "user": {"id": "80351110224678912", "username": "alice", "discriminator": "0",
                 "global_name": "Alice", "avatar": null},
        "nick": null, "avatar": null, "roles": roles,
        "joined_at": "2024-01-01T00:00:00.000000+00:00", "premium_since": null,
        "deaf": false, "mute": false, "flags": 0, "pending": false,
        "permissions": permissions, "communication_disabled_until": null
    })
}

fn command(options: Value, in_guild: bool, permissions: &str) -> CommandInteraction {
    let mut raw = json!({
        "id": "1180000000000000001", "application_id": "1170000000000000000", "type": 2,
        "token": "interaction-token", "version": 1, "locale": "en-US",
        "app_permissions": "2248473465835073", "entitlements": [],
        "authorizing_integration_owners": {"0": "1100000000000000000"},
        "context": if in_guild { 0 } else { 1 },
        "attachment_size_limit": 10485760,
        "channel_id": "1110000000000000000",
        "channel": {"id": "1110000000000000000", "type": if in_guild { 0 } else { 1 }},
        "data": {"id": "1160000000000000000", "name": "rally", "type": 1, "options": options}
    });
    if in_guild {
        raw["guild_id"] = json!("1100000000000000000");
        raw["guild_locale"] = json!("en-US");
        raw["member"] = member(permissions, &["1120000000000000000"]);
    } else {
        raw["user"] = json!({"id": "80351110224678912", "username": "alice",
                             "discriminator": "0", "global_name": "Alice", "avatar": null});
    }
    // Discord leaves out `options` for a subcommand typed without any; see `repair`.
    let parsed = serde_json::from_value::<Interaction>(raw.clone())
        .ok()
        .or_else(|| crate::discord::repair::interaction(&raw));
    match parsed.expect("Discord's shape deserializes") {
        Interaction::Command(c) => c,
        other => panic!("not a command: {other:?}"),
    }
}

#[test]
fn a_subcommand_with_options_becomes_an_invocation() {
    let c = command(
        json!([{"name": "create", "type": 1, "options": [
            {"name": "title", "type": 3, "value": "Keep Families Together"},
            {"name": "place", "type": 3, "value": "Austin, TX"},
            {"name": "when", "type": 3, "value": "next thursday 6pm"}
        ]}]),
        true,
        "0",
    );
    let inv = invocation(&c.data, &c.locale);
    assert_eq!(inv.path, ["rally", "create"]);
    assert_eq!(inv.options["title"], "Keep Families Together");
    assert_eq!(inv.options["place"], "Austin, TX");
    assert_eq!(inv.options.len(), 3);
}

#[test]
fn values_are_typed_in_the_language_of_the_askers_discord() {
    let options = json!([{"name": "create", "type": 1, "options": [
        {"name": "when", "type": 3, "value": "mañana 18:00"}
    ]}]);
    let mut c = command(options, true, "0");
    assert_eq!(invocation(&c.data, &c.locale).lang, Lang::En);
    for (locale, lang) in [
        ("es-419", Lang::Es),
        ("es-ES", Lang::Es),
        ("pt-BR", Lang::En),
    ] {
        c.locale = locale.into();
        assert_eq!(invocation(&c.data, &c.locale).lang, lang, "{locale}");
    }
}

#[test]
fn numbers_integers_booleans_and_roles_become_text() {
    let c = command(
        json!([{"name": "near", "type": 1, "options": [
            {"name": "place", "type": 3, "value": "78701"},
            {"name": "radius", "type": 10, "value": 25.5},
            {"name": "days", "type": 4, "value": 7}
        ]}]),
        true,
        "0",
    );
    let inv = invocation(&c.data, &c.locale);
    assert_eq!(inv.options["radius"], "25.5");
    assert_eq!(inv.options["days"], "7");
    let c = command(
        json!([{"name": "settings", "type": 1, "options": [
            {"name": "require_approval", "type": 5, "value": false},
            {"name": "moderator_role", "type": 8, "value": "1130000000000000000"}
        ]}]),
        true,
        "0",
    );
    let inv = invocation(&c.data, &c.locale);
    assert_eq!(inv.options["require_approval"], "false");
    assert_eq!(inv.options["moderator_role"], "1130000000000000000");
}

#[test]
fn the_caller_comes_from_the_member() {
    // 8589934592 is Manage Events (1 << 33).
    let c = command(json!([{"name": "list", "type": 1}]), true, "8589934592");
    let who = caller(c.guild_id, c.channel_id, c.member.as_deref(), &c.user);
    assert_eq!(who.user_id, 80351110224678912);
    assert_eq!(who.origin.server_id, Some(1100000000000000000));
    assert_eq!(who.origin.channel_id, Some(1110000000000000000));
    assert!(who.manage_events);
    assert_eq!(who.role_ids, [1120000000000000000]);
    // Send Messages and View Channel only.
    let c = command(json!([{"name": "list", "type": 1}]), true, "3072");
    assert!(!caller(c.guild_id, c.channel_id, c.member.as_deref(), &c.user).manage_events);
    // Administrator implies everything.
    let c = command(json!([{"name": "list", "type": 1}]), true, "8");
    assert!(caller(c.guild_id, c.channel_id, c.member.as_deref(), &c.user).manage_events);
}

#[test]
fn a_direct_message_has_no_server() {
    let c = command(json!([{"name": "about", "type": 1}]), false, "0");
    let who = caller(c.guild_id, c.channel_id, c.member.as_deref(), &c.user);
    assert_eq!(who.origin.server_id, None);
    assert!(!who.manage_events);
    assert_eq!(who.user_id, 80351110224678912);
}

#[test]
fn autocomplete_reports_the_focused_option() {
    let mut raw = json!({
        "id": "1180000000000000002", "application_id": "1170000000000000000", "type": 4,
        "token": "t", "version": 1, "locale": "en-US", "entitlements": [],
        "authorizing_integration_owners": {"0": "1100000000000000000"}, "context": 0,
        "attachment_size_limit": 10485760, "channel_id": "1110000000000000000",
        "guild_id": "1100000000000000000", "guild_locale": "en-US",
        "data": {"id": "1160000000000000000", "name": "rally", "type": 1, "options": [
            {"name": "near", "type": 1, "options": [
                {"name": "place", "type": 3, "value": "Aust", "focused": true}
            ]}
        ]}
    });
    raw["member"] = member("0", &[]);
    let Interaction::Autocomplete(a) = serde_json::from_value::<Interaction>(raw).unwrap() else {
        panic!("not autocomplete")
    };
    assert_eq!(
        focused(&a.data),
        Some(("place".to_string(), "Aust".to_string()))
    );
    assert_eq!(invocation(&a.data, &a.locale).path, ["rally", "near"]);
}
