//! What a mistake or a failure tells the person, in their language: a mistake says what to fix;
//! an internal failure is logged in full with an id and the person gets an apology quoting it.
use super::Style;
use crate::domain::{limits, LocalTime};
use crate::error::{Error, UserError};
use crate::i18n::Lang;
use crate::t;

/// A user's mistake, saying what to fix, with its values written in `style` and its words in
/// `lang`. Mistakes that have no words of their own in the catalogue yet are said as the
/// error's English text.
pub fn user_error(e: &UserError, style: &dyn Style, lang: Lang) -> String {
    let time = |t: &LocalTime| when::local_label_in(t.at, t.zone, lang);
    match e {
        UserError::NotServerChannel { channel } => format!(
            "{} is not a channel of this server that I can see; pick one here.",
            style.channel(*channel)
        ),
        UserError::BotMissingPermissions { channel, missing } => format!(
            "I can't post in {}: I'm missing {missing}. Give me that in the channel's permissions and try again.",
            style.channel(*channel)
        ),
        UserError::TitleEmpty => t!(lang, "error-title-empty"),
        UserError::TitleTooLong { len } => {
            t!(lang, "error-title-too-long", len = *len, max = limits::TITLE_MAX)
        }
        UserError::DetailsTooLong { len } => t!(
            lang,
            "error-details-too-long",
            len = *len,
            max = limits::DETAILS_MAX
        ),
        UserError::AddressTooLong { len } => t!(
            lang,
            "error-address-too-long",
            len = *len,
            max = limits::ADDRESS_MAX
        ),
        UserError::ContactTooLong { len } => t!(
            lang,
            "error-contact-too-long",
            len = *len,
            max = limits::ADDRESS_MAX
        ),
        UserError::ReasonTooLong { len } => t!(
            lang,
            "error-reason-too-long",
            len = *len,
            max = limits::REASON_MAX
        ),
        UserError::StartInPast { when } => t!(lang, "error-start-in-past", when = time(when)),
        UserError::StartTooFar { when } => t!(lang, "error-start-too-far", when = time(when)),
        UserError::EndNotAfterStart { start, end } => t!(
            lang,
            "error-end-not-after-start",
            start = time(start),
            end = time(end)
        ),
        UserError::RallyNotFound { id } => t!(lang, "error-rally-not-found", id = *id),
        UserError::BadRallyId { input } => {
            t!(lang, "error-bad-rally-id", input = style.text(input))
        }
        UserError::NothingToChange => t!(lang, "error-nothing-to-change"),
        UserError::NeedsServer => t!(lang, "error-needs-server"),
        UserError::DailyLimit { limit } => t!(lang, "error-daily-limit", limit = *limit),
        UserError::Duplicate { id } => t!(lang, "error-duplicate", id = *id),
        UserError::RemindNeedsGoing { id } => t!(lang, "error-remind-needs-going", id = *id),
        other => other.to_string(),
    }
}

/// What an error shows the person. An internal failure is logged in full (by
/// `crate::error::report`) before the apology is worded.
pub fn error(e: &Error, context: &str, style: &dyn Style, lang: Lang) -> String {
    match e.user() {
        Some(user) => user_error(user, style, lang),
        None => {
            let error_id = crate::error::log_internal(e, context);
            t!(lang, "error-internal", error_id = error_id)
        }
    }
}
