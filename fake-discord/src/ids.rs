//! Snowflake ids and Discord-style timestamps.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// Milliseconds from the Unix epoch to Discord's epoch (2015-01-01T00:00:00Z).
pub const DISCORD_EPOCH_MS: u64 = 1_420_070_400_000;

/// Hands out unique, increasing snowflakes whose timestamp part is "now", so that
/// serenity's `created_at()` on a fake-generated id gives a sensible time.
#[derive(Debug, Default)]
pub(crate) struct IdGen {
    last: AtomicU64,
}

impl IdGen {
    pub(crate) fn next(&self) -> u64 {
        let now = (unix_ms().saturating_sub(DISCORD_EPOCH_MS)) << 22;
        let prev = self
            .last
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |last| {
                Some(now.max(last + 1))
            })
            .unwrap_or_else(|v| v);
        now.max(prev + 1)
    }
}

pub(crate) fn unix_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

/// RFC 3339 timestamp with microseconds, as Discord writes them.
pub(crate) fn timestamp_now() -> String {
    let micros = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_micros() as u64)
        .unwrap_or(0);
    format_unix_micros(micros)
}

pub(crate) fn format_unix_micros(micros: u64) -> String {
    let secs = micros / 1_000_000;
    let frac = micros % 1_000_000;
    let (days, rem) = (secs / 86_400, secs % 86_400);
    let (y, m, d) = civil_from_days(days as i64);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{frac:06}+00:00",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    )
}

// Howard Hinnant's days-to-civil conversion (proleptic Gregorian calendar).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// A random-looking hex string (session ids, interaction tokens); uniqueness comes
/// from the id generator, the hashing only hides the structure.
pub(crate) fn opaque_token(seed: u64, len: usize) -> String {
    use std::collections::hash_map::RandomState;
    use std::hash::{BuildHasher, Hasher};
    let state = RandomState::new();
    let mut out = String::with_capacity(len + 16);
    let mut round = 0u64;
    while out.len() < len {
        let mut h = state.build_hasher();
        h.write_u64(seed);
        h.write_u64(round);
        out.push_str(&format!("{:016x}", h.finish()));
        round += 1;
    }
    out.truncate(len);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        assert_eq!(format_unix_micros(0), "1970-01-01T00:00:00.000000+00:00");
        // 2024-02-29T12:34:56.789012Z, a leap day.
        assert_eq!(
            format_unix_micros(1_709_210_096_789_012),
            "2024-02-29T12:34:56.789012+00:00"
        );
    }

    #[test]
    fn ids_increase() {
        let gen = IdGen::default();
        let a = gen.next();
        let b = gen.next();
        assert!(b > a);
        assert!((a >> 22) + DISCORD_EPOCH_MS > 1_600_000_000_000);
    }
}
