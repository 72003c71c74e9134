//! Local wall-clock time to UTC, handling daylight-saving transitions.
use chrono::{DateTime, Duration, LocalResult, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

use super::error::TimeError;
use super::note::Note;

/// Resolves `local` in `tz`. A time in a spring-forward gap is refused; a
/// time repeated by a fall-back takes the earlier instant and says so.
pub(super) fn to_utc(
    local: NaiveDateTime,
    tz: Tz,
) -> Result<(DateTime<Utc>, Option<Note>), TimeError> {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => Ok((t.with_timezone(&Utc), None)),
        LocalResult::Ambiguous(first, second) => {
            let note = Note::RepeatedTime {
                tz,
                local,
                first: first.with_timezone(&Utc),
                second: second.with_timezone(&Utc),
            };
            Ok((first.with_timezone(&Utc), Some(note)))
        }
        LocalResult::None => Err(gap_around(local, tz)),
    }
}

/// Finds the transition that skips `local` and describes the skipped span.
fn gap_around(local: NaiveDateTime, tz: Tz) -> TimeError {
    let wall = |secs: i64| {
        let utc = DateTime::from_timestamp(secs, 0).expect("near a valid local time");
        utc.with_timezone(&tz).naive_local()
    };
    // UTC offsets lie within ±15h, so the transition is inside this window,
    // and wall time increases through it apart from the jump itself.
    let target = local.and_utc().timestamp();
    let (mut lo, mut hi) = (target - 30 * 3600, target + 30 * 3600);
    // Invariant: wall(lo) < local <= wall(hi). Ends with hi the transition.
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if wall(mid) < local {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    TimeError::NonexistentLocalTime {
        tz,
        start: wall(lo) + Duration::seconds(1),
        end: wall(hi),
    }
}
