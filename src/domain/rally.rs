//! A rally, its status, and the RSVPs it gathers.
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RallyStatus {
    Pending,
    Approved,
    Rejected,
    Cancelled,
}

impl RallyStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RallyStatus::Pending => "pending",
            RallyStatus::Approved => "approved",
            RallyStatus::Rejected => "rejected",
            RallyStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "pending" => RallyStatus::Pending,
            "approved" => RallyStatus::Approved,
            "rejected" => RallyStatus::Rejected,
            "cancelled" => RallyStatus::Cancelled,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Rally {
    pub id: i64,
    pub server_id: i64,
    pub title: String,
    pub details: String,
    pub place_name: String,
    pub address: String,
    pub latitude: f64,
    pub longitude: f64,
    pub time_zone: Tz,
    pub starts_at: DateTime<Utc>,
    pub ends_at: Option<DateTime<Utc>>,
    pub organiser_id: i64,
    /// The channel it was created in, where channel reminders go when the server set none.
    pub channel_id: Option<i64>,
    pub status: RallyStatus,
    pub status_reason: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The campaign it belongs to, if any.
    pub campaign_id: Option<i64>,
    /// Who to contact, as given in an imported spreadsheet (empty otherwise).
    pub contact: String,
}

/// The fields of a rally as the service has validated them, ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct RallyFields {
    pub title: String,
    pub details: String,
    pub place_name: String,
    pub address: String,
    pub latitude: f64,
    pub longitude: f64,
    pub time_zone: Tz,
    pub starts_at: DateTime<Utc>,
    pub ends_at: Option<DateTime<Utc>>,
    pub campaign_id: Option<i64>,
}

impl Rally {
    pub fn fields(&self) -> RallyFields {
        RallyFields {
            title: self.title.clone(),
            details: self.details.clone(),
            place_name: self.place_name.clone(),
            address: self.address.clone(),
            latitude: self.latitude,
            longitude: self.longitude,
            time_zone: self.time_zone,
            starts_at: self.starts_at,
            ends_at: self.ends_at,
            campaign_id: self.campaign_id,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RsvpStatus {
    Going,
    Interested,
}

impl RsvpStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RsvpStatus::Going => "going",
            RsvpStatus::Interested => "interested",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "going" => Some(RsvpStatus::Going),
            "interested" => Some(RsvpStatus::Interested),
            _ => None,
        }
    }
}

/// What a user answers; `NotGoing` removes their RSVP.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RsvpChoice {
    Going,
    Interested,
    NotGoing,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RsvpCounts {
    pub going: i64,
    pub interested: i64,
}

/// A rally as one user sees it: with its RSVP counts and that user's own answer.
#[derive(Debug, Clone, PartialEq)]
pub struct RallyView {
    pub rally: Rally,
    pub counts: RsvpCounts,
    pub my_rsvp: Option<RsvpStatus>,
}
