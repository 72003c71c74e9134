//! The one error type. A `User` error is the user's mistake and its message says what to fix;
//! an `Internal` error is ours: the user gets a short apology and the log gets the detail.
use chrono::NaiveDate;

use crate::domain::{Action, Expected, LocalTime, OwnerAction, RallyAction, RallyStatus};
use crate::i18n::Lang;
use crate::service::access::BotPermission;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    User(#[from] UserError),
    #[error("{context}: {source}")]
    Internal {
        context: &'static str,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
}

impl Error {
    pub fn internal(
        context: &'static str,
        source: impl Into<Box<dyn std::error::Error + Send + Sync>>,
    ) -> Self {
        Error::Internal {
            context,
            source: source.into(),
        }
    }

    pub fn user(&self) -> Option<&UserError> {
        match self {
            Error::User(e) => Some(e),
            Error::Internal { .. } => None,
        }
    }
}

impl From<sqlx::Error> for Error {
    fn from(e: sqlx::Error) -> Self {
        Error::internal("database", e)
    }
}

/// A mistake the user can fix. Each message names the problem and the fix. The variants carry
/// values, not words: `crate::text::user_error` words them in the asker's language, and
/// `Display` is that wording in English, for logs and the console.
#[derive(Debug, Clone, PartialEq)]
pub enum UserError {
    TitleEmpty,
    TitleTooLong {
        len: usize,
    },
    DetailsTooLong {
        len: usize,
    },
    AddressTooLong {
        len: usize,
    },
    ReasonTooLong {
        len: usize,
    },
    ControlCharacters {
        field: Field,
    },
    StartInPast {
        when: LocalTime,
    },
    StartTooFar {
        when: LocalTime,
    },
    EndNotAfterStart {
        start: LocalTime,
        end: LocalTime,
    },
    Place(places::PlaceError),
    /// A time zone that is not an IANA name.
    UnknownTimeZone {
        input: String,
    },
    /// A spreadsheet row with no place.
    PlaceMissing,
    Time(when::TimeError),
    /// A spreadsheet row without its date or its time.
    DateAndTimeNeeded,
    RallyNotFound {
        id: i64,
    },
    BadRallyId {
        input: String,
    },
    NotOrganiserOrModerator {
        id: i64,
        action: RallyAction,
    },
    ModeratorsOnly {
        action: Action,
    },
    WrongStatus {
        id: i64,
        status: RallyStatus,
        action: RallyAction,
    },
    AlreadyStarted {
        id: i64,
        action: RallyAction,
    },
    NothingToChange,
    BadOption {
        option: &'static str,
        input: String,
        expected: Expected,
    },
    NeedsServer,
    PageNotFound,
    NotServerChannel {
        channel: i64,
    },
    BotMissingPermissions {
        channel: i64,
        missing: Vec<BotPermission>,
    },
    NoAnnouncementRole,
    DailyLimit {
        limit: i64,
    },
    Duplicate {
        id: i64,
    },
    RemindNeedsGoing {
        id: i64,
    },
    CampaignNotFound {
        name: String,
        /// The server's campaigns, quoted for the person to pick from (at most ten).
        known: Vec<String>,
    },
    CampaignNameTaken {
        name: String,
    },
    CampaignArchived {
        name: String,
    },
    CampaignInvalid(CampaignProblem),
    OutsideCampaign {
        when: LocalTime,
        name: String,
        starts_on: NaiveDate,
        ends_on: NaiveDate,
    },
    ContactTooLong {
        len: usize,
    },
    CoalitionInvalid(CoalitionProblem),
    CoalitionNameTaken {
        name: String,
    },
    CoalitionNotFound {
        name: String,
        /// The coalitions the server is in.
        known: Vec<String>,
    },
    CoalitionOwnersOnly {
        action: OwnerAction,
    },
    TooManyCoalitions {
        max: usize,
    },
    AlreadyInCoalition,
    BadInviteCode,
    OwnerCannotLeave {
        name: String,
    },
    NotAMember {
        server: String,
        coalition: String,
    },
    SharedCampaignOwnersOnly {
        name: String,
    },
    NotInSharedCampaign {
        id: i64,
    },
}

/// A text field, as a refusal of its characters names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Details,
    Address,
    Reason,
    Contact,
    Name,
    Description,
}

/// Why a campaign's name, days or change is refused.
#[derive(Debug, Clone, PartialEq)]
pub enum CampaignProblem {
    NameEmpty,
    NameTooLong {
        len: usize,
        max: usize,
    },
    NameWithoutLetters,
    NameWithBar,
    /// "none" and "#12" mean something else.
    NameReserved,
    DescriptionTooLong {
        len: usize,
        max: usize,
    },
    /// A day that can't be read, for the option `option`.
    BadDay {
        option: &'static str,
        input: String,
    },
    EndBeforeStart {
        start: NaiveDate,
        end: NaiveDate,
    },
    EndPassed {
        end: NaiveDate,
    },
    StartTooFar {
        start: NaiveDate,
    },
    TooLong {
        days: i64,
        max: i64,
    },
    /// Rallies of the campaign (`count` of them, the first ten `ids`) that new days would leave
    /// out.
    RalliesOutside {
        count: usize,
        ids: Vec<i64>,
        starts_on: NaiveDate,
        ends_on: NaiveDate,
    },
    NothingToChange,
    NothingChanged,
    NotArchived {
        name: String,
    },
    AlreadyArchived {
        name: String,
    },
}

/// Why a coalition's name is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CoalitionProblem {
    BadName { max: usize },
    NameWithBar,
}

impl std::fmt::Display for UserError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::text::user_error(self, &Logged, Lang::En))
    }
}

impl std::error::Error for UserError {}

/// How a log line writes values: mentions as Discord writes them, typed text as typed.
struct Logged;

impl crate::text::Style for Logged {
    fn time(&self, t: LocalTime) -> String {
        when::local_label(t.at, t.zone)
    }
    fn relative(&self, _t: LocalTime) -> Option<String> {
        None
    }
    fn channel(&self, id: i64) -> String {
        format!("<#{id}>")
    }
    fn role(&self, id: i64) -> String {
        format!("<@&{id}>")
    }
    fn user(&self, id: i64) -> String {
        format!("<@{id}>")
    }
    fn text(&self, s: &str) -> String {
        s.to_string()
    }
}

/// The text a user sees for an error, in English. A user error says what to fix; an internal
/// one is logged in full with an id, and the user gets a short apology quoting that id.
pub fn report(err: &Error, context: &str) -> String {
    match err {
        Error::User(e) => e.to_string(),
        Error::Internal { .. } => {
            let id = log_internal(err, context);
            crate::t!(Lang::En, "error-internal", error_id = id)
        }
    }
}

/// Logs an internal failure in full, and returns the id that ties the person's apology to it.
pub fn log_internal(err: &Error, context: &str) -> String {
    let id = error_id();
    tracing::error!(error_id = %id, context, error = %err, detail = ?err, "internal error");
    id
}

/// A short id that ties an apology to its log line.
fn error_id() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    // Mix so consecutive ids don't look alike.
    let mixed = (nanos ^ n.rotate_left(32)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    format!("{:08x}", mixed >> 32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_user_error_says_what_to_fix() {
        let e = Error::from(UserError::TitleEmpty);
        assert_eq!(report(&e, "test"), UserError::TitleEmpty.to_string());
    }

    #[test]
    fn an_internal_error_is_an_apology_with_an_id() {
        let e = Error::internal("database", "disk I/O error at /secret/path");
        let shown = report(&e, "test");
        assert!(
            shown.starts_with("Sorry, something went wrong on our side."),
            "{shown}"
        );
        assert!(
            !shown.contains("/secret/path"),
            "details stay in the log: {shown}"
        );
        let id = shown
            .rsplit("error id ")
            .next()
            .unwrap()
            .trim_end_matches('.');
        assert_eq!(id.len(), 8, "{shown}");
        assert!(id.chars().all(|c| c.is_ascii_hexdigit()), "{shown}");
        assert_ne!(report(&e, "test"), shown, "each report gets its own id");
    }
}
