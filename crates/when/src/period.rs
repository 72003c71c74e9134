//! Parts of the day, which Spanish uses where English says am/pm: "6 de la
//! tarde", "mañana por la noche a las 9".
use chrono::{NaiveTime, Timelike};

use super::clock::{Clock, Form};
use super::error::{Conflict, TimeError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayPeriod {
    /// "de la mañana": am, except that "las 12 de la mañana" is noon, as
    /// Spanish says it.
    Morning,
    /// "de la tarde": pm.
    Afternoon,
    /// "de la noche": pm in the evening, am for 1 to 5 ("la 1 de la noche"),
    /// and "las 12 de la noche" is midnight.
    Night,
    /// "de la madrugada": the small hours; "las 12 de la madrugada" is midnight.
    EarlyMorning,
}

impl DayPeriod {
    /// The Spanish word, as echoed back in "18 de la mañana".
    pub(super) fn word(self) -> &'static str {
        match self {
            DayPeriod::Morning => "mañana",
            DayPeriod::Afternoon => "tarde",
            DayPeriod::Night => "noche",
            DayPeriod::EarlyMorning => "madrugada",
        }
    }
}

/// The time that `hour:minute:second` (hour as written, 0 to 23) names in
/// `period`; `None` if the hour is not in it ("18 de la mañana").
pub(super) fn clock_in(period: DayPeriod, hour: u32, minute: u32, second: u32) -> Option<Clock> {
    use DayPeriod::*;
    let h24 = match (period, hour) {
        (Morning, 1..=12) | (Afternoon, 12..=23) | (Night, 1..=5 | 18..=23) => hour,
        (Afternoon, 1..=11) | (Night, 6..=11) => hour + 12,
        (EarlyMorning, 1..=11) => hour,
        (Night | EarlyMorning, 12) => 0,
        _ => return None,
    };
    let time = NaiveTime::from_hms_opt(h24, minute, second)?;
    // "12 de la noche" is midnight in every rule that treats midnight apart
    // (the start of the day named, or the end of "esta noche").
    let form = if time == NaiveTime::MIN {
        Form::Midnight
    } else {
        Form::Meridiem
    };
    Some(Clock { time, form })
}

/// A time of day with a part of the day written apart from it ("por la
/// tarde a las 6"). A bare or 24-hour hour from 1 to 12 takes the part of
/// the day as its am/pm; any other time must already fall inside it.
pub(super) fn constrain(clock: Clock, period: DayPeriod) -> Result<Clock, TimeError> {
    let mismatch = || TimeError::Conflicting {
        reason: Conflict::PeriodMismatch {
            time: clock.time,
            period,
        },
    };
    let hour = clock.time.hour();
    let soft = matches!(clock.form, Form::BareHour | Form::TwentyFour) && (1..=12).contains(&hour);
    if soft {
        return clock_in(period, hour, clock.time.minute(), clock.time.second())
            .ok_or_else(mismatch);
    }
    if holds(period, hour) {
        Ok(clock)
    } else {
        Err(mismatch())
    }
}

/// Whether a 24-hour hour falls in `period`; generous at the edges, since
/// people differ on where the afternoon ends.
fn holds(period: DayPeriod, hour: u32) -> bool {
    match period {
        DayPeriod::Morning => (1..=12).contains(&hour),
        DayPeriod::Afternoon => (12..=23).contains(&hour),
        DayPeriod::Night => !(6..18).contains(&hour),
        DayPeriod::EarlyMorning => hour < 7,
    }
}
