//! The one error type. A `User` error is the user's mistake and its message says what to fix;
//! an `Internal` error is ours: the user gets a short apology and the log gets the detail.
use crate::domain::{limits, LocalTime};

/// A time as the English messages spell it.
fn label(t: &LocalTime) -> String {
    when::local_label(t.at, t.zone)
}

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

/// A mistake the user can fix. Each message names the problem and the fix.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum UserError {
    #[error(
        "The title is empty. Give the rally a short title, e.g. title:\"Keep Families Together\"."
    )]
    TitleEmpty,
    #[error("The title is {len} characters long; shorten it to at most {max}.", max = limits::TITLE_MAX)]
    TitleTooLong { len: usize },
    #[error("The details are {len} characters long; shorten them to at most {max}.", max = limits::DETAILS_MAX)]
    DetailsTooLong { len: usize },
    #[error("The address is {len} characters long; shorten it to at most {max}.", max = limits::ADDRESS_MAX)]
    AddressTooLong { len: usize },
    #[error("The reason is {len} characters long; shorten it to at most {max}.", max = limits::REASON_MAX)]
    ReasonTooLong { len: usize },
    #[error("The {field} contains control characters (such as tabs or invisible characters); remove them and try again.")]
    ControlCharacters { field: &'static str },
    #[error(
        "The start time {} is in the past; choose a time that is still ahead.",
        label(when)
    )]
    StartInPast { when: LocalTime },
    #[error("The start time {} is more than two years ahead; rallies can be planned at most two years in advance.", label(when))]
    StartTooFar { when: LocalTime },
    #[error("The end time {} is not after the start time {}; give an end after the start, or leave it out.", label(end), label(start))]
    EndNotAfterStart { start: LocalTime, end: LocalTime },
    #[error("{0}")]
    Place(String),
    #[error("{0}")]
    Time(String),
    #[error("There is no rally #{id} that you can see in this server. Check the number with /rally list.")]
    RallyNotFound { id: i64 },
    #[error("\"{input}\" is not a rally number; give the number shown as #N, e.g. rally:12.")]
    BadRallyId { input: String },
    #[error("Only the organiser of rally #{id} or a moderator can {action} it.")]
    NotOrganiserOrModerator { id: i64, action: &'static str },
    #[error("Only moderators can {action}. Moderators have the Manage Events permission or the server's moderator role.")]
    ModeratorsOnly { action: &'static str },
    #[error("Rally #{id} is {status}, so it can't be {action}.")]
    WrongStatus {
        id: i64,
        status: &'static str,
        action: &'static str,
    },
    #[error("Rally #{id} has already started, so it can't be {action}.")]
    AlreadyStarted { id: i64, action: &'static str },
    #[error(
        "Nothing to change: give at least one field to edit, e.g. title:\"...\" or when:\"...\"."
    )]
    NothingToChange,
    #[error("\"{input}\" is not a valid value for {option}; {expected}.")]
    BadOption {
        option: &'static str,
        input: String,
        expected: std::borrow::Cow<'static, str>,
    },
    #[error("This command only works inside a server, not in direct messages.")]
    NeedsServer,
    #[error("There is no such page: its server may have turned its public pages off.")]
    PageNotFound,
    #[error("<#{channel}> is not a channel of this server that I can see; pick one here.")]
    NotServerChannel { channel: i64 },
    #[error("I can't post in <#{channel}>: I'm missing {missing}. Give me that in the channel's permissions and try again.")]
    BotMissingPermissions { channel: i64, missing: String },
    #[error("No announcement role is set, so there is nobody to ping; set one with /rallymod settings announcement_role:, or use ping:none.")]
    NoAnnouncementRole,
    #[error("You have created {limit} rallies in this server in the last 24 hours, the most this server allows; try again tomorrow, or ask a moderator.")]
    DailyLimit { limit: i64 },
    #[error("Rally #{id} already has this title and place on the same day; edit it (/rally edit rally:{id}) rather than creating it twice.")]
    Duplicate { id: i64 },
    #[error("Personal reminders are for people going: RSVP going to rally #{id} first (/rally rsvp rally:{id}).")]
    RemindNeedsGoing { id: i64 },
    #[error("There is no campaign \"{name}\" in this server. {known}")]
    CampaignNotFound { name: String, known: String },
    #[error("This server already has a campaign called \"{name}\" (names ignore case); choose another name.")]
    CampaignNameTaken { name: String },
    #[error("The campaign \"{name}\" is archived, so it takes no new rallies. A moderator can restore it with /rallymod campaign archive campaign:\"{name}\" restore:true.")]
    CampaignArchived { name: String },
    #[error("{0}")]
    CampaignInvalid(String),
    #[error("The rally starts {when}, outside the campaign \"{name}\" ({span}); pick a date within the campaign, or another campaign.")]
    OutsideCampaign {
        when: String,
        name: String,
        span: String,
    },
    #[error("The contact is {len} characters long; shorten it to at most {max}.", max = limits::ADDRESS_MAX)]
    ContactTooLong { len: usize },
    #[error("{0}")]
    CoalitionInvalid(String),
    #[error("This server already owns a coalition called \"{name}\"; choose another name.")]
    CoalitionNameTaken { name: String },
    #[error("This server is in no coalition called \"{name}\". {known}")]
    CoalitionNotFound { name: String, known: String },
    #[error("Only the moderators of the server that owns a coalition can {action}.")]
    CoalitionOwnersOnly { action: &'static str },
    #[error("This server is already in {max} coalitions, the most a server can be in; leave one first with /rallymod coalition leave.")]
    TooManyCoalitions { max: usize },
    #[error("This server is already a member of that coalition.")]
    AlreadyInCoalition,
    #[error("That code is not a coalition invitation that can be used: it may have been used already or expired (codes last 7 days). Ask the coalition's owner for a new one.")]
    BadInviteCode,
    #[error("This server owns the coalition \"{name}\", so it can't leave it; remove the other servers instead.")]
    OwnerCannotLeave { name: String },
    #[error("\"{server}\" is not a member server of \"{coalition}\" that can be removed; see /rallymod coalition members.")]
    NotAMember { server: String, coalition: String },
    #[error("The campaign \"{name}\" is shared by a coalition; only the moderators of the server that owns it can change it.")]
    SharedCampaignOwnersOnly { name: String },
    #[error("Rally #{id} is not in a campaign your server shares with its server.")]
    NotInSharedCampaign { id: i64 },
}

/// The text a user sees for an error, in English. A user error says what to fix; an internal
/// one is logged in full with an id, and the user gets a short apology quoting that id.
pub fn report(err: &Error, context: &str) -> String {
    match err {
        Error::User(e) => e.to_string(),
        Error::Internal { .. } => {
            let id = log_internal(err, context);
            crate::t!(crate::i18n::Lang::En, "error-internal", error_id = id)
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
