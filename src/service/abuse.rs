//! Abuse limits on new rallies: a daily limit per member, no duplicates, and a warning when a
//! rally clashes with another nearby at about the same time.
use chrono::Duration;

use super::Service;
use crate::domain::geo::{boxes_around, KM_PER_MILE};
use crate::domain::limits::{CLASH_MILES, CLASH_WINDOW};
use crate::domain::{Actor, Rally, RallyFields};
use crate::error::{Result, UserError};
use places::distance_km;

/// The daily limit counts rallies created in the last day, so it can't be dodged at midnight.
const DAY: Duration = Duration::hours(24);

fn same_title(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    norm(a) == norm(b)
}

impl Service {
    /// Refuses a creation over the server's daily limit (moderators are trusted with more) or
    /// a duplicate: the same title and place on the same local day as a live rally.
    pub(crate) async fn check_new_rally(&self, actor: &Actor, fields: &RallyFields) -> Result<()> {
        let settings = self.store.server_settings(actor.server_id).await?;
        if !actor.is_moderator {
            let recent = self
                .store
                .rallies_created_since(actor.server_id, actor.user_id, self.now() - DAY)
                .await?;
            if recent >= settings.daily_limit {
                return Err(UserError::DailyLimit {
                    limit: settings.daily_limit,
                }
                .into());
            }
        }
        let day = fields
            .starts_at
            .with_timezone(&fields.time_zone)
            .date_naive();
        // Local days are at most 26 hours apart from UTC ones: a wide enough net.
        let nearby_days = self
            .store
            .live_rallies_at_place(
                actor.server_id,
                &fields.place_name,
                fields.starts_at - Duration::hours(30),
                fields.starts_at + Duration::hours(30),
            )
            .await?;
        if let Some(twin) = nearby_days.iter().find(|r| {
            same_title(&r.title, &fields.title)
                && r.place_name == fields.place_name
                && r.starts_at.with_timezone(&r.time_zone).date_naive() == day
        }) {
            return Err(UserError::Duplicate { id: twin.id }.into());
        }
        Ok(())
    }

    /// Approved rallies other than `rally` within 5 miles and 2 hours of it, soonest first.
    pub async fn clashes(&self, rally: &Rally) -> Result<Vec<Rally>> {
        let km = CLASH_MILES * KM_PER_MILE;
        let mut found = Vec::new();
        // Two boxes across the antimeridian, every longitude near a pole; the margin covers
        // rounding, as the exact distance decides.
        for b in boxes_around(rally.latitude, rally.longitude, km * 1.001) {
            let candidates = self
                .store
                .approved_rallies_in_box(
                    rally.server_id,
                    rally.starts_at - CLASH_WINDOW,
                    rally.starts_at + CLASH_WINDOW,
                    (b.min_lat, b.max_lat),
                    (b.min_lon, b.max_lon),
                )
                .await?;
            found.extend(candidates.into_iter().filter(|r| {
                r.id != rally.id
                    && distance_km(rally.latitude, rally.longitude, r.latitude, r.longitude) <= km
            }));
        }
        found.sort_by_key(|r| (r.starts_at, r.id));
        found.dedup_by_key(|r| r.id);
        Ok(found)
    }
}
