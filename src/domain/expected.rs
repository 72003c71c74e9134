//! What an option's value should look like, as a refusal of a bad value says it: "use mi or
//! km". A value, so each language words it (src/text/expected.rs).
use super::DistanceUnit;

#[derive(Debug, Clone, PartialEq)]
pub enum Expected {
    RsvpAnswer,
    Language,
    Unit,
    Ping,
    TrueOrFalse,
    Number {
        example: &'static str,
    },
    WholeNumber,
    WholeNumberIn {
        min: i64,
        max: i64,
        example: &'static str,
    },
    /// A reminder's lead, from `min_minutes` minutes to `max_days` days.
    Lead {
        min_minutes: i64,
        max_days: i64,
    },
    AtMostLeads {
        max: usize,
    },
    Channel,
    Role,
    User,
    Radius {
        max: f64,
        unit: DistanceUnit,
    },
    AddressVisibility,
    InviteUrl,
    /// Settings that `clear:` can unset.
    Clearable {
        names: &'static [&'static str],
    },
    MyDataAction,
}
