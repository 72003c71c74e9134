//! A campaign: a coalition's day (or days) of action.
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

#[derive(Debug, Clone, PartialEq)]
pub struct Campaign {
    pub id: i64,
    pub server_id: i64,
    pub name: String,
    pub description: String,
    /// The first and last local day of the campaign, inclusive.
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub archived: bool,
    /// The coalition it is shared with, if any: its rallies come from every member server.
    pub coalition_id: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Campaign {
    /// "Saturday, April 17, 2027", or "April 17, 2027 to April 18, 2027".
    pub fn span(&self) -> String {
        if self.starts_on == self.ends_on {
            self.starts_on.format("%A, %B %-d, %Y").to_string()
        } else {
            format!(
                "{} to {}",
                self.starts_on.format("%B %-d, %Y"),
                self.ends_on.format("%B %-d, %Y")
            )
        }
    }

    /// Whether a rally starting at `starts_at` (local day in `tz`) falls within the campaign.
    pub fn covers(&self, starts_at: DateTime<Utc>, tz: Tz) -> bool {
        let day = starts_at.with_timezone(&tz).date_naive();
        self.starts_on <= day && day <= self.ends_on
    }
}
