//! Limits on what people may ask for: lengths in characters (Unicode scalar values), ranges,
//! and counts. Every front end and the service read them from here.
pub const TITLE_MAX: usize = 100;
pub const DETAILS_MAX: usize = 1000;
pub const ADDRESS_MAX: usize = 200;
pub const REASON_MAX: usize = 500;
/// How far ahead a rally may be planned.
pub const MAX_MONTHS_AHEAD: u32 = 24;
/// How many rallies one list query returns at most.
pub const LIST_MAX: i64 = 200;
/// Rallies closer than this, in space and in start time, clash.
pub const CLASH_MILES: f64 = 5.0;
pub const CLASH_WINDOW: chrono::Duration = chrono::Duration::hours(2);
/// A campaign's name.
pub const CAMPAIGN_NAME_MAX: usize = 80;
/// A campaign spans at most this many days: a day of action, a week, a season.
pub const CAMPAIGN_MAX_DAYS: i64 = 366;
/// Nearby search: the default radius, and the largest, in the unit asked for (enough for a
/// region, not a continent).
pub const DEFAULT_RADIUS: f64 = 50.0;
pub const MIN_RADIUS: f64 = 1.0;
pub const MAX_RADIUS: f64 = 500.0;
/// How many rallies a nearby search returns by default, and at most.
pub const NEAR_DEFAULT_LIMIT: usize = 25;
pub const NEAR_MAX_LIMIT: usize = 100;
/// `days:` of a nearby search: the next 1 to 730 days.
pub const NEAR_DAYS_MAX: i64 = 730;
/// `daily_limit:`: rallies one member may create per day, 1 to 100 (5 when not set).
pub const DAILY_LIMIT_MAX: i64 = 100;
/// A reminder goes out from a minute to two weeks before the start; a server has at most five
/// channel reminder times.
pub const LEAD_MIN: chrono::Duration = chrono::Duration::minutes(1);
pub const LEAD_MAX: chrono::Duration = chrono::Duration::days(14);
pub const MAX_REMINDER_OFFSETS: usize = 5;
/// A server belongs to at most this many coalitions.
pub const MAX_COALITIONS: usize = 5;
/// A coalition's name.
pub const COALITION_NAME_MAX: usize = 80;
/// A coalition invitation code works once, for this long.
pub const INVITE_VALID: chrono::Duration = chrono::Duration::days(7);
/// Who answered a rally is kept this many days after it ends, unless the server says
/// otherwise (1 to 365).
pub const DEFAULT_RETENTION_DAYS: i64 = 30;
pub const MAX_RETENTION_DAYS: i64 = 365;
