//! The records of the one outbox: everything that leaves the process later (reminders,
//! direct messages about a rally, card edits, posts for moderators), with typed kinds, statuses
//! and payloads. What a message says is kept as values; each front end words it.
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OutboxKind {
    /// A reminder posted in a channel; target is the channel.
    ChannelReminder,
    /// A reminder sent by direct message to someone going; target is the user.
    PersonalReminder,
    /// A direct message about a rally (a change, a cancellation, a decision); target is the
    /// user.
    Notice,
    /// An edit of a card the bot posted; target is the channel, `message_id` the card.
    CardEdit,
    /// A new submission posted for moderators, with Approve and Reject buttons; target is the
    /// moderator channel.
    ModeratorPost,
}

impl OutboxKind {
    pub const ALL: [OutboxKind; 5] = [
        OutboxKind::ChannelReminder,
        OutboxKind::PersonalReminder,
        OutboxKind::Notice,
        OutboxKind::CardEdit,
        OutboxKind::ModeratorPost,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OutboxKind::ChannelReminder => "channel_reminder",
            OutboxKind::PersonalReminder => "personal_reminder",
            OutboxKind::Notice => "notice",
            OutboxKind::CardEdit => "card_edit",
            OutboxKind::ModeratorPost => "moderator_post",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn is_reminder(self) -> bool {
        matches!(
            self,
            OutboxKind::ChannelReminder | OutboxKind::PersonalReminder
        )
    }

    /// A direct message to one person, who is told on their next command when it fails.
    pub fn is_direct(self) -> bool {
        matches!(self, OutboxKind::PersonalReminder | OutboxKind::Notice)
    }

    /// Whether sending it twice would show twice: a post or a DM (sent with a nonce), unlike
    /// an edit, which shows the rally as it is however often it is made.
    pub fn posts_a_message(self) -> bool {
        self != OutboxKind::CardEdit
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutboxStatus {
    Pending,
    /// Claimed by a delivery under way.
    Sending,
    Sent,
    Failed,
    Skipped,
    /// Cut off mid-send too long ago to resend safely: it may or may not have gone out.
    Unknown,
}

impl OutboxStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            OutboxStatus::Pending => "pending",
            OutboxStatus::Sending => "sending",
            OutboxStatus::Sent => "sent",
            OutboxStatus::Failed => "failed",
            OutboxStatus::Skipped => "skipped",
            OutboxStatus::Unknown => "unknown",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "pending" => OutboxStatus::Pending,
            "sending" => OutboxStatus::Sending,
            "sent" => OutboxStatus::Sent,
            "failed" => OutboxStatus::Failed,
            "skipped" => OutboxStatus::Skipped,
            "unknown" => OutboxStatus::Unknown,
            _ => return None,
        })
    }
}

/// Why an item was not delivered, as a code each front end words in its own way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureKind {
    /// The person accepts no direct messages from the bot.
    DmsClosed,
    /// Discord refused it for good (missing access, unknown channel).
    Refused,
    /// Still failing after every retry.
    GaveUp,
    /// rallybot stopped while sending, too long ago to resend safely.
    CutOff,
    /// Came due while rallybot was not running, after the rally began or ended.
    TooLate,
    /// The rally was cancelled, rejected or deleted before it could be sent.
    RallyGone,
}

impl FailureKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FailureKind::DmsClosed => "dms_closed",
            FailureKind::Refused => "refused",
            FailureKind::GaveUp => "gave_up",
            FailureKind::CutOff => "cut_off",
            FailureKind::TooLate => "too_late",
            FailureKind::RallyGone => "rally_gone",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [
            FailureKind::DmsClosed,
            FailureKind::Refused,
            FailureKind::GaveUp,
            FailureKind::CutOff,
            FailureKind::TooLate,
            FailureKind::RallyGone,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// A time as a rally shows it: the instant and the zone it is read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalTime {
    pub at: DateTime<Utc>,
    #[serde(with = "zone_name")]
    pub zone: Tz,
}

/// One field of a rally that people coming must hear about: what it was, what it is now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "field", rename_all = "snake_case")]
pub enum MovedField {
    Start {
        was: LocalTime,
        now: LocalTime,
    },
    End {
        was: Option<LocalTime>,
        now: Option<LocalTime>,
    },
    Place {
        was: String,
        now: String,
    },
    Address {
        was: String,
        now: String,
    },
}

/// What a direct message about a rally tells its reader. The rally itself (number, title) is
/// read when it is sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "notice", rename_all = "snake_case")]
pub enum Notice {
    /// The time or place of a rally they answered changed.
    Changed { fields: Vec<MovedField> },
    /// A rally they answered is called off.
    Cancelled {
        starts: LocalTime,
        place: String,
        reason: Option<String>,
    },
    /// To the organiser: a moderator approved their rally.
    Approved,
    /// To the organiser: a moderator did not approve it.
    Rejected { reason: Option<String> },
    /// Written before notices were values: English text, kept as it was queued.
    Text { text: String },
}

/// The line shown above a card edited because its rally changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "note", rename_all = "snake_case")]
pub enum CardNote {
    Updated,
    Cancelled,
}

/// Another approved rally near a new one at about the same time, which moderators and the
/// organiser should weigh.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clash {
    pub rally_id: i64,
    pub title: String,
    pub place: String,
}

/// What the outbox holds besides its kind and target.
#[derive(Debug, Clone, PartialEq)]
pub enum Payload {
    None,
    Notice(Notice),
    Card(CardNote),
    /// A post for moderators, with the clashes found when the rally was submitted.
    Submission(Vec<Clash>),
}

/// An item to add to the outbox.
#[derive(Debug, Clone, PartialEq)]
pub struct NewItem {
    pub kind: OutboxKind,
    pub rally_id: i64,
    pub target_id: i64,
    pub message_id: Option<i64>,
    pub lead: Option<Duration>,
    pub payload: Payload,
    pub due_at: DateTime<Utc>,
}

impl NewItem {
    /// A reminder `lead` before `starts_at`.
    pub fn reminder(
        kind: OutboxKind,
        rally_id: i64,
        target_id: i64,
        lead: Duration,
        starts_at: DateTime<Utc>,
    ) -> Self {
        NewItem {
            kind,
            rally_id,
            target_id,
            message_id: None,
            lead: Some(lead),
            payload: Payload::None,
            due_at: starts_at - lead,
        }
    }
}

/// An item as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct OutboxItem {
    pub id: i64,
    pub kind: OutboxKind,
    pub rally_id: i64,
    pub target_id: i64,
    pub message_id: Option<i64>,
    pub lead: Option<Duration>,
    pub payload: Payload,
    pub nonce: String,
    pub due_at: DateTime<Utc>,
    pub status: OutboxStatus,
    pub attempts: i64,
    pub next_attempt_at: DateTime<Utc>,
    pub last_error: Option<String>,
    pub failure: Option<FailureKind>,
}

/// How a claimed item ends, written before anything is logged about it.
#[derive(Debug, Clone, PartialEq)]
pub enum Settle {
    /// Delivered; a posted card's message, to edit when the rally changes.
    Sent {
        message_id: Option<i64>,
    },
    Skipped {
        why: FailureKind,
        detail: String,
    },
    /// Held back by pacing: back to pending at `at`, the attempt not counted.
    Deferred {
        at: DateTime<Utc>,
    },
    /// A transient failure: back to pending at `at`.
    Retry {
        at: DateTime<Utc>,
        error: String,
    },
    Failed {
        why: FailureKind,
        error: String,
    },
}

/// Serializes a time zone as its IANA name.
mod zone_name {
    use chrono_tz::Tz;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(tz: &Tz, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(tz.name())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Tz, D::Error> {
        let name = String::deserialize(d)?;
        name.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn kinds_and_statuses_round_trip() {
        for kind in OutboxKind::ALL {
            assert_eq!(OutboxKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(OutboxKind::parse("dm"), None);
        for status in ["pending", "sending", "sent", "failed", "skipped", "unknown"] {
            assert_eq!(OutboxStatus::parse(status).unwrap().as_str(), status);
        }
    }

    #[test]
    fn notices_are_stored_as_values() {
        let at = Utc.with_ymd_and_hms(2026, 12, 6, 1, 30, 0).unwrap();
        let notice = Notice::Changed {
            fields: vec![MovedField::Start {
                was: LocalTime {
                    at,
                    zone: chrono_tz::America::Chicago,
                },
                now: LocalTime {
                    at: at + Duration::hours(2),
                    zone: chrono_tz::America::Chicago,
                },
            }],
        };
        let json = serde_json::to_string(&notice).unwrap();
        assert!(json.contains("\"America/Chicago\""), "{json}");
        assert!(!json.contains("<t:"), "{json}");
        assert_eq!(serde_json::from_str::<Notice>(&json).unwrap(), notice);
        let legacy: Notice =
            serde_json::from_str(r#"{"notice":"text","text":"Rally #1 is cancelled."}"#).unwrap();
        assert_eq!(
            legacy,
            Notice::Text {
                text: "Rally #1 is cancelled.".into()
            }
        );
    }
}
