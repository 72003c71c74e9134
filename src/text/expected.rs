//! What a bad option's value should have been, in the asker's language. Choice values
//! ("going", "km", "none") are what is typed, so they stay as they are in every language.
use crate::domain::{DistanceUnit, Expected};
use crate::i18n::{number, Lang};
use crate::t;

pub fn expected(e: &Expected, lang: Lang) -> String {
    match e {
        Expected::RsvpAnswer => t!(lang, "expected-rsvp-answer"),
        Expected::Language => t!(lang, "expected-language"),
        Expected::Unit => t!(lang, "expected-unit"),
        Expected::Ping => t!(lang, "expected-ping"),
        Expected::TrueOrFalse => t!(lang, "expected-true-or-false"),
        Expected::Number { example } => t!(lang, "expected-number", example = *example),
        Expected::WholeNumber => t!(lang, "expected-whole-number"),
        Expected::WholeNumberIn { min, max, example } => t!(
            lang,
            "expected-whole-number-in",
            min = *min,
            max = *max,
            example = *example
        ),
        Expected::Lead {
            min_minutes,
            max_days,
        } => t!(lang, "expected-lead", min = *min_minutes, max = *max_days),
        Expected::AtMostLeads { max } => t!(lang, "expected-at-most-leads", max = *max),
        Expected::Channel => t!(lang, "expected-channel"),
        Expected::Role => t!(lang, "expected-role"),
        Expected::User => t!(lang, "expected-user"),
        Expected::Radius { max, unit } => t!(
            lang,
            "expected-radius",
            max = number(lang, *max),
            unit = unit_words(*unit, lang)
        ),
        Expected::AddressVisibility => t!(lang, "expected-address-visibility"),
        Expected::InviteUrl => t!(lang, "expected-invite-url"),
        Expected::Clearable { names } => {
            t!(lang, "expected-clearable", names = names.join(", "))
        }
        Expected::MyDataAction => t!(lang, "expected-mydata-action"),
    }
}

/// A distance unit in words: "miles", "km".
fn unit_words(unit: DistanceUnit, lang: Lang) -> String {
    match unit {
        DistanceUnit::Miles => t!(lang, "unit-miles"),
        DistanceUnit::Kilometres => t!(lang, "unit-km"),
    }
}
