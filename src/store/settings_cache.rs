//! Server settings, kept in memory for a short while: nearly every interaction needs its
//! server's settings (the moderator role, the distance unit), and they rarely change. This
//! process's own changes replace the kept copy at once; another process's (a console on the
//! same database file) are seen within `SETTINGS_TTL`.
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::domain::ServerSettings;

pub const SETTINGS_TTL: Duration = Duration::from_secs(30);

#[derive(Debug, Clone)]
pub(super) struct SettingsCache {
    ttl: Duration,
    kept: Arc<Mutex<HashMap<i64, (Instant, ServerSettings)>>>,
}

impl SettingsCache {
    pub(super) fn new(ttl: Duration) -> Self {
        SettingsCache {
            ttl,
            kept: Arc::default(),
        }
    }

    pub(super) fn get(&self, server_id: i64) -> Option<ServerSettings> {
        let kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        kept.get(&server_id)
            .filter(|(at, _)| at.elapsed() < self.ttl)
            .map(|(_, s)| s.clone())
    }

    pub(super) fn put(&self, settings: ServerSettings) {
        let mut kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        kept.insert(settings.server_id, (Instant::now(), settings));
    }

    /// Forgets a server's settings, so the next read asks the database.
    pub(super) fn forget(&self, server_id: i64) {
        let mut kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        kept.remove(&server_id);
    }
}
