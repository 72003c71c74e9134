//! Rendered pages, kept until anything they show changes. A page is keyed by its address and
//! kept with the server's version (which moves with every write that could change it, from
//! any process on the database) and the time it was made, as upcoming rallies pass with time.
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use axum::body::Bytes;
use chrono::{DateTime, Duration, Utc};
use sha2::{Digest, Sha256};

/// How long a page may be kept when nothing was written: a rally that has passed leaves it
/// within this time.
const KEPT_FOR_SECONDS: i64 = 60;
/// Pages kept at most; searches can be typed in endless ways, so the cache starts over when
/// it is full rather than grow.
const MAX_PAGES: usize = 4096;

/// A rendered page and what a client needs to ask for it again cheaply.
#[derive(Debug)]
pub struct Body {
    pub content_type: &'static str,
    pub bytes: Bytes,
    /// A strong validator: the page's digest, quoted.
    pub etag: String,
    /// When the page last changed: kept across re-renders that came out the same.
    pub last_modified: SystemTime,
}

struct Kept {
    version: i64,
    made: DateTime<Utc>,
    body: Arc<Body>,
}

#[derive(Default)]
pub struct PageCache {
    pages: Mutex<HashMap<String, Kept>>,
}

impl PageCache {
    /// The page at `key` if it was made at this version and not too long ago.
    pub fn get(&self, key: &str, version: i64, now: DateTime<Utc>) -> Option<Arc<Body>> {
        let pages = self.pages.lock().unwrap_or_else(|p| p.into_inner());
        let kept = pages.get(key)?;
        let fresh = kept.version == version
            && now >= kept.made
            && now - kept.made < Duration::seconds(KEPT_FOR_SECONDS);
        fresh.then(|| kept.body.clone())
    }

    /// Keeps a page just rendered and gives it back ready to send.
    pub fn put(
        &self,
        key: String,
        version: i64,
        now: DateTime<Utc>,
        content_type: &'static str,
        text: String,
    ) -> Arc<Body> {
        let etag = etag_of(text.as_bytes());
        let mut pages = self.pages.lock().unwrap_or_else(|p| p.into_inner());
        let last_modified = match pages.get(&key) {
            Some(old) if old.body.etag == etag => old.body.last_modified,
            _ => whole_seconds(SystemTime::now()),
        };
        let body = Arc::new(Body {
            content_type,
            bytes: Bytes::from(text),
            etag,
            last_modified,
        });
        if pages.len() >= MAX_PAGES && !pages.contains_key(&key) {
            pages.clear();
        }
        pages.insert(
            key,
            Kept {
                version,
                made: now,
                body: body.clone(),
            },
        );
        body
    }
}

/// The quoted digest of a page's bytes.
pub fn etag_of(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let hex: String = digest[..12].iter().map(|b| format!("{b:02x}")).collect();
    format!("\"{hex}\"")
}

/// HTTP dates have whole seconds; a finer time would never compare equal to one sent back.
pub fn whole_seconds(t: SystemTime) -> SystemTime {
    let secs = t
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(secs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(min: u32, sec: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 5, 12, min, sec).unwrap()
    }

    #[test]
    fn a_page_is_kept_until_its_version_moves_or_a_minute_passes() {
        let cache = PageCache::default();
        cache.put("a".into(), 3, at(0, 0), "text/html", "one".into());
        assert_eq!(&cache.get("a", 3, at(0, 59)).unwrap().bytes[..], b"one");
        assert!(
            cache.get("a", 4, at(0, 1)).is_none(),
            "a write moved the version"
        );
        assert!(cache.get("a", 3, at(1, 0)).is_none(), "a minute passed");
        assert!(cache.get("b", 3, at(0, 1)).is_none());
    }

    #[test]
    fn a_page_rendered_the_same_keeps_its_etag_and_its_time() {
        let cache = PageCache::default();
        let first = cache.put("a".into(), 1, at(0, 0), "text/html", "same".into());
        let again = cache.put("a".into(), 2, at(0, 1), "text/html", "same".into());
        assert_eq!(first.etag, again.etag);
        assert_eq!(first.last_modified, again.last_modified);
        let changed = cache.put("a".into(), 3, at(0, 2), "text/html", "other".into());
        assert_ne!(first.etag, changed.etag);
    }
}
