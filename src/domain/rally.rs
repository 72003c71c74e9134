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

/// Who may read a rally's street address or meeting point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AddressVisibility {
    /// Anyone: it shows on cards, lists, announcements and public pages.
    Public,
    /// People who RSVP going (in their private RSVP reply and reminder), the organiser and
    /// the moderators.
    #[default]
    Going,
    /// The organiser and the moderators only.
    Organisers,
}

impl AddressVisibility {
    pub fn as_str(self) -> &'static str {
        match self {
            AddressVisibility::Public => "public",
            AddressVisibility::Going => "going",
            AddressVisibility::Organisers => "organisers",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "public" | "everyone" => Some(AddressVisibility::Public),
            "going" => Some(AddressVisibility::Going),
            "organisers" | "organizers" | "organiser" | "organizer" => {
                Some(AddressVisibility::Organisers)
            }
            _ => None,
        }
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
    pub address_visibility: AddressVisibility,
    /// The organiser erased their data: the rally is organised by "a former member".
    pub organiser_gone: bool,
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
    pub address_visibility: AddressVisibility,
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
            address_visibility: self.address_visibility,
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
    /// The server it comes from, when that is not the reader's (a coalition's shared
    /// campaign).
    pub from_server: Option<String>,
}
