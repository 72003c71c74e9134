//! What a public page or calendar feed may say: rallies without the people. These types have
//! no field for an organiser, a Discord id, a name or who answered, so no page can show one.
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::{DistanceUnit, RallyStatus};

/// A server whose pages a moderator turned on, as its pages name it.
#[derive(Debug, Clone, PartialEq)]
pub struct PublicServer {
    pub slug: String,
    /// The server's name as Discord gave it; empty when never told.
    pub name: String,
    /// "Join the organisers": a Discord invite, when a moderator gave one.
    pub invite_url: Option<String>,
    pub unit: DistanceUnit,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PublicCampaign {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub starts_on: chrono::NaiveDate,
    pub ends_on: chrono::NaiveDate,
}

/// A rally as anyone may read it.
#[derive(Debug, Clone, PartialEq)]
pub struct PublicRally {
    pub id: i64,
    pub title: String,
    pub details: String,
    pub place_name: String,
    /// Only where the organiser made the street address public.
    pub address: Option<String>,
    pub latitude: f64,
    pub longitude: f64,
    pub time_zone: Tz,
    pub starts_at: DateTime<Utc>,
    pub ends_at: Option<DateTime<Utc>>,
    /// Approved, or cancelled (feeds keep a cancellation until the rally would have ended).
    pub status: RallyStatus,
    pub campaign_id: Option<i64>,
    pub going: i64,
    pub interested: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Raised on every change of time, place or status: a calendar's SEQUENCE.
    pub sequence: i64,
    /// For a rally of another member of a coalition, in a shared campaign: that server's name.
    pub from: Option<String>,
}

/// How many rallies a campaign has, in how many places, and how many people answered.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PublicTotals {
    pub rallies: usize,
    pub places: usize,
    pub going: i64,
    pub interested: i64,
}
