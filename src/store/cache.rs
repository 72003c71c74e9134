//! What nearly every interaction reads and rarely changes, kept in memory for a short while:
//! a server's settings (the moderator role, the distance unit) and its coalition partners
//! (which servers a search spans, and their names). This process's own changes replace or
//! drop the kept copy at once; another process's (a console or an import on the same database
//! file) are seen within the cache's time to live.
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub const SETTINGS_TTL: Duration = Duration::from_secs(30);
/// Leaving a coalition takes effect at once in this process, and within this long elsewhere.
pub const PARTNERS_TTL: Duration = Duration::from_secs(10);

/// Values by server id, each kept for `ttl`.
#[derive(Debug, Clone)]
pub(super) struct ServerCache<V> {
    ttl: Duration,
    kept: Arc<Mutex<HashMap<i64, (Instant, V)>>>,
}

impl<V: Clone> ServerCache<V> {
    pub(super) fn new(ttl: Duration) -> Self {
        ServerCache {
            ttl,
            kept: Arc::default(),
        }
    }

    pub(super) fn get(&self, server_id: i64) -> Option<V> {
        let kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        kept.get(&server_id)
            .filter(|(at, _)| at.elapsed() < self.ttl)
            .map(|(_, v)| v.clone())
    }

    pub(super) fn put(&self, server_id: i64, value: V) {
        let mut kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        kept.insert(server_id, (Instant::now(), value));
    }

    /// Forgets a server's value, so the next read asks the database.
    pub(super) fn forget(&self, server_id: i64) {
        let mut kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        kept.remove(&server_id);
    }

    /// Forgets every server's: a change that concerns several.
    pub(super) fn forget_all(&self) {
        self.kept.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }
}
