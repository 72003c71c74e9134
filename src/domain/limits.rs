//! Limits on what users may type, in characters (Unicode scalar values).
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
