//! Option values as people type them: rally numbers, answers, units, durations, channels and
//! roles (as ids or as the mentions Discord shows).
use chrono::Duration;

use crate::domain::limits::{LEAD_MAX, LEAD_MIN, MAX_REMINDER_OFFSETS};
use crate::domain::{DistanceUnit, Expected, RsvpChoice};
use crate::error::UserError;
use crate::i18n::Lang;
use crate::service::announce::PingChoice;

fn bad(option: &'static str, raw: &str, expected: Expected) -> UserError {
    UserError::BadOption {
        option,
        input: raw.trim().to_string(),
        expected,
    }
}

/// Accepts "12", "#12" and Discord's autocomplete value for a rally.
pub fn rally_id(raw: &str) -> Result<i64, UserError> {
    let trimmed = raw.trim();
    trimmed
        .strip_prefix('#')
        .unwrap_or(trimmed)
        .parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(|| UserError::BadRallyId {
            input: trimmed.to_string(),
        })
}

pub fn choice(raw: &str) -> Result<RsvpChoice, UserError> {
    match raw
        .trim()
        .to_ascii_lowercase()
        .replace([' ', '-', '\''], "_")
        .as_str()
    {
        "going" | "yes" => Ok(RsvpChoice::Going),
        "interested" | "maybe" => Ok(RsvpChoice::Interested),
        "not_going" | "notgoing" | "no" | "cant_go" | "cantgo" | "can_t_go" => {
            Ok(RsvpChoice::NotGoing)
        }
        _ => Err(bad("status", raw, Expected::RsvpAnswer)),
    }
}

/// A server's language: `en` or `es`; `none` (from `clear:language`) follows Discord's.
pub fn language(raw: &str) -> Result<Option<crate::i18n::Lang>, UserError> {
    if raw.trim().eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    crate::i18n::lang_of_code(raw)
        .map(Some)
        .ok_or_else(|| bad("language", raw, Expected::Language))
}

pub fn unit(raw: &str) -> Result<DistanceUnit, UserError> {
    DistanceUnit::parse(raw).ok_or_else(|| bad("unit", raw, Expected::Unit))
}

pub fn ping(raw: &str) -> Result<PingChoice, UserError> {
    PingChoice::parse(raw).ok_or_else(|| bad("ping", raw, Expected::Ping))
}

pub fn number(option: &'static str, raw: &str) -> Result<f64, UserError> {
    raw.trim()
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
        .ok_or_else(|| bad(option, raw, Expected::Number { example: "25" }))
}

/// A whole number; its range was checked against the table.
pub fn integer(option: &'static str, raw: &str) -> Result<i64, UserError> {
    raw.trim()
        .parse::<i64>()
        .map_err(|_| bad(option, raw, Expected::WholeNumber))
}

pub fn boolean(option: &'static str, raw: &str) -> Result<bool, UserError> {
    match raw.trim().to_ascii_lowercase().as_str() {
        "true" | "yes" | "on" => Ok(true),
        "false" | "no" | "off" => Ok(false),
        _ => Err(bad(option, raw, Expected::TrueOrFalse)),
    }
}

/// "off" (or, in Spanish, "no") or a lead between a minute and two weeks, typed in `lang`.
pub fn before(raw: &str, lang: Lang) -> Result<Option<Duration>, UserError> {
    let t = raw.trim();
    if t.eq_ignore_ascii_case("off") || (lang == Lang::Es && t.eq_ignore_ascii_case("no")) {
        return Ok(None);
    }
    lead("before", raw, lang).map(Some)
}

fn lead(option: &'static str, raw: &str, lang: Lang) -> Result<Duration, UserError> {
    when::parse_duration_in(raw.trim(), lang)
        .ok()
        .filter(|d| *d >= LEAD_MIN && *d <= LEAD_MAX)
        .ok_or_else(|| {
            bad(
                option,
                raw,
                Expected::Lead {
                    min_minutes: LEAD_MIN.num_minutes(),
                    max_days: LEAD_MAX.num_days(),
                },
            )
        })
}

/// "24h,1h,15m": up to five leads, largest first, duplicates dropped, typed in `lang`.
pub fn offsets(raw: &str, lang: Lang) -> Result<Vec<Duration>, UserError> {
    let mut leads = raw
        .split(',')
        .map(|part| lead("reminder_offsets", part, lang))
        .collect::<Result<Vec<_>, _>>()?;
    leads.sort_by(|a, b| b.cmp(a));
    leads.dedup();
    if leads.len() > MAX_REMINDER_OFFSETS {
        return Err(bad(
            "reminder_offsets",
            raw,
            Expected::AtMostLeads {
                max: MAX_REMINDER_OFFSETS,
            },
        ));
    }
    Ok(leads)
}

/// A channel id, or the mention Discord shows for it (`<#ID>`).
pub fn channel(option: &'static str, raw: &str) -> Result<i64, UserError> {
    let c = raw.trim();
    let digits = c
        .strip_prefix("<#")
        .and_then(|c| c.strip_suffix('>'))
        .unwrap_or(c);
    digits
        .parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(|| bad(option, raw, Expected::Channel))
}

/// A channel, or "none" to clear the setting.
pub fn optional_channel(option: &'static str, raw: &str) -> Result<Option<i64>, UserError> {
    if raw.trim().eq_ignore_ascii_case("none") {
        Ok(None)
    } else {
        channel(option, raw).map(Some)
    }
}

/// A role id or the mention Discord shows for it (`<@&ID>`), or "none".
pub fn role(option: &'static str, raw: &str) -> Result<Option<i64>, UserError> {
    let r = raw.trim();
    if r.eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    let digits = r
        .strip_prefix("<@&")
        .and_then(|r| r.strip_suffix('>'))
        .unwrap_or(r);
    digits
        .parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .map(Some)
        .ok_or_else(|| bad(option, raw, Expected::Role))
}

/// A user id, or the mention Discord shows for one (`<@ID>` or `<@!ID>`).
pub fn user(option: &'static str, raw: &str) -> Result<i64, UserError> {
    let u = raw.trim();
    let digits = u
        .strip_prefix("<@")
        .and_then(|u| u.strip_suffix('>'))
        .map(|u| u.trim_start_matches('!'))
        .unwrap_or(u);
    digits
        .parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(|| bad(option, raw, Expected::User))
}
