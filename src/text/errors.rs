//! What a mistake or a failure tells the person, in their language: a mistake says what to fix;
//! an internal failure is logged in full with an id and the person gets an apology quoting it.
use chrono::NaiveDate;

use super::actions::{
    field, moderator_action, owner_action, permission, rally_action_on_it, rally_action_refused,
    state,
};
use super::expected::expected;
use super::place_errors::place_error;
use super::Style;
use crate::domain::{limits, LocalTime};
use crate::error::{CampaignProblem, CoalitionProblem, Error, UserError};
use crate::i18n::Lang;
use crate::t;

/// A user's mistake, saying what to fix, with its values written in `style` and its words in
/// `lang`. Every mistake has its words here: a new one does not compile until it has them.
pub fn user_error(e: &UserError, style: &dyn Style, lang: Lang) -> String {
    let time = |t: &LocalTime| when::local_label_in(t.at, t.zone, lang);
    match e {
        UserError::NotServerChannel { channel } => {
            t!(
                lang,
                "error-not-server-channel",
                channel = style.channel(*channel)
            )
        }
        UserError::BotMissingPermissions { channel, missing } => t!(
            lang,
            "error-bot-missing-permissions",
            channel = style.channel(*channel),
            missing = missing
                .iter()
                .map(|p| permission(*p, lang))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        UserError::TitleEmpty => t!(lang, "error-title-empty"),
        UserError::TitleTooLong { len } => {
            t!(
                lang,
                "error-title-too-long",
                len = *len,
                max = limits::TITLE_MAX
            )
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
        UserError::ControlCharacters { field: f } => {
            t!(lang, "error-control-characters", field = field(*f, lang))
        }
        UserError::StartInPast { when } => t!(lang, "error-start-in-past", when = time(when)),
        UserError::StartTooFar { when } => t!(lang, "error-start-too-far", when = time(when)),
        UserError::EndNotAfterStart { start, end } => t!(
            lang,
            "error-end-not-after-start",
            start = time(start),
            end = time(end)
        ),
        UserError::Place(p) => place_error(p, style, lang),
        UserError::UnknownTimeZone { input } => {
            t!(lang, "error-unknown-time-zone", input = style.text(input))
        }
        UserError::PlaceMissing => t!(lang, "error-place-missing"),
        // The time reader words its own refusals in each language it reads.
        UserError::Time(e) => e.message(lang),
        UserError::DateAndTimeNeeded => t!(lang, "error-date-and-time-needed"),
        UserError::RallyNotFound { id } => t!(lang, "error-rally-not-found", id = *id),
        UserError::BadRallyId { input } => {
            t!(lang, "error-bad-rally-id", input = style.text(input))
        }
        UserError::NotOrganiserOrModerator { id, action } => t!(
            lang,
            "error-not-organiser-or-moderator",
            id = *id,
            action = rally_action_on_it(*action, lang)
        ),
        UserError::ModeratorsOnly { action } => t!(
            lang,
            "error-moderators-only",
            action = moderator_action(*action, lang)
        ),
        UserError::WrongStatus { id, status, action } => t!(
            lang,
            "error-wrong-status",
            id = *id,
            status = state(*status, lang),
            action = rally_action_refused(*action, lang)
        ),
        UserError::AlreadyStarted { id, action } => t!(
            lang,
            "error-already-started",
            id = *id,
            action = rally_action_refused(*action, lang)
        ),
        UserError::NothingToChange => t!(lang, "error-nothing-to-change"),
        UserError::BadOption {
            option,
            input,
            expected: what,
        } => t!(
            lang,
            "error-bad-option",
            input = style.text(input),
            option = typed_option(lang, option),
            expected = expected(what, lang)
        ),
        UserError::NeedsServer => t!(lang, "error-needs-server"),
        UserError::PageNotFound => t!(lang, "error-page-not-found"),
        UserError::NoAnnouncementRole => t!(lang, "error-no-announcement-role"),
        UserError::DailyLimit { limit } => t!(lang, "error-daily-limit", limit = *limit),
        UserError::Duplicate { id } => t!(lang, "error-duplicate", id = *id),
        UserError::RemindNeedsGoing { id } => t!(lang, "error-remind-needs-going", id = *id),
        UserError::CampaignNotFound { name, known } => {
            let known = if known.is_empty() {
                t!(lang, "campaigns-none")
            } else {
                t!(lang, "campaigns-known", names = quoted(known, style))
            };
            t!(
                lang,
                "error-campaign-not-found",
                name = style.text(name),
                known = known
            )
        }
        UserError::CampaignNameTaken { name } => {
            t!(lang, "error-campaign-name-taken", name = style.text(name))
        }
        UserError::CampaignArchived { name } => {
            t!(lang, "error-campaign-archived", name = style.text(name))
        }
        UserError::CampaignInvalid(problem) => campaign_problem(problem, style, lang),
        UserError::OutsideCampaign {
            when,
            name,
            starts_on,
            ends_on,
        } => t!(
            lang,
            "error-outside-campaign",
            when = time(when),
            name = style.text(name),
            span = span(*starts_on, *ends_on, lang)
        ),
        UserError::CoalitionInvalid(CoalitionProblem::BadName { max }) => {
            t!(lang, "coalition-bad-name", max = *max)
        }
        UserError::CoalitionInvalid(CoalitionProblem::NameWithBar) => {
            t!(lang, "coalition-name-with-bar")
        }
        UserError::CoalitionNameTaken { name } => {
            t!(lang, "error-coalition-name-taken", name = style.text(name))
        }
        UserError::CoalitionNotFound { name, known } => {
            let known = if known.is_empty() {
                t!(lang, "coalitions-none")
            } else {
                t!(lang, "coalitions-known", names = quoted(known, style))
            };
            t!(
                lang,
                "error-coalition-not-found",
                name = style.text(name),
                known = known
            )
        }
        UserError::CoalitionOwnersOnly { action } => t!(
            lang,
            "error-coalition-owners-only",
            action = owner_action(*action, lang)
        ),
        UserError::TooManyCoalitions { max } => t!(lang, "error-too-many-coalitions", max = *max),
        UserError::AlreadyInCoalition => t!(lang, "error-already-in-coalition"),
        UserError::BadInviteCode => t!(lang, "error-bad-invite-code"),
        UserError::OwnerCannotLeave { name } => {
            t!(lang, "error-owner-cannot-leave", name = style.text(name))
        }
        UserError::NotAMember { server, coalition } => t!(
            lang,
            "error-not-a-member",
            server = style.text(server),
            coalition = style.text(coalition)
        ),
        UserError::SharedCampaignOwnersOnly { name } => t!(
            lang,
            "error-shared-campaign-owners-only",
            name = style.text(name)
        ),
        UserError::NotInSharedCampaign { id } => {
            t!(lang, "error-not-in-shared-campaign", id = *id)
        }
    }
}

/// Why a campaign was refused.
fn campaign_problem(p: &CampaignProblem, style: &dyn Style, lang: Lang) -> String {
    let day = |d: &NaiveDate| when::day_month_in(*d, lang, true);
    match p {
        CampaignProblem::NameEmpty => t!(lang, "campaign-name-empty"),
        CampaignProblem::NameTooLong { len, max } => {
            t!(lang, "campaign-name-too-long", len = *len, max = *max)
        }
        CampaignProblem::NameWithoutLetters => t!(lang, "campaign-name-without-letters"),
        CampaignProblem::NameWithBar => t!(lang, "campaign-name-with-bar"),
        CampaignProblem::NameReserved => t!(lang, "campaign-name-reserved"),
        CampaignProblem::DescriptionTooLong { len, max } => {
            t!(
                lang,
                "campaign-description-too-long",
                len = *len,
                max = *max
            )
        }
        CampaignProblem::BadDay { option, input } => t!(
            lang,
            "campaign-bad-day",
            input = style.text(input),
            option = typed_option(lang, option)
        ),
        CampaignProblem::EndBeforeStart { start, end } => t!(
            lang,
            "campaign-end-before-start",
            start = day(start),
            end = day(end)
        ),
        CampaignProblem::EndPassed { end } => t!(lang, "campaign-end-passed", end = day(end)),
        CampaignProblem::StartTooFar { start } => {
            t!(lang, "campaign-start-too-far", start = day(start))
        }
        CampaignProblem::TooLong { days, max } => {
            t!(lang, "campaign-too-long", days = *days, max = *max)
        }
        CampaignProblem::RalliesOutside {
            count,
            ids,
            starts_on,
            ends_on,
        } => t!(
            lang,
            "campaign-rallies-outside",
            count = *count,
            ids = ids
                .iter()
                .map(|id| format!("#{id}"))
                .collect::<Vec<_>>()
                .join(", "),
            span = span(*starts_on, *ends_on, lang)
        ),
        CampaignProblem::NothingToChange => t!(lang, "campaign-nothing-to-change"),
        CampaignProblem::NothingChanged => t!(lang, "campaign-nothing-changed"),
        CampaignProblem::NotArchived { name } => {
            t!(lang, "campaign-not-archived", name = style.text(name))
        }
        CampaignProblem::AlreadyArchived { name } => {
            t!(lang, "campaign-already-archived", name = style.text(name))
        }
    }
}

/// A campaign's days: one day with its weekday, or "April 17, 2027 to April 19, 2027".
pub fn span(starts_on: NaiveDate, ends_on: NaiveDate, lang: Lang) -> String {
    if starts_on == ends_on {
        when::date_label_in(starts_on, lang)
    } else {
        t!(
            lang,
            "campaign-span",
            start = when::day_month_in(starts_on, lang, true),
            end = when::day_month_in(ends_on, lang, true)
        )
    }
}

/// Names in quotes: "Day of Action", "Spring".
fn quoted(names: &[String], style: &dyn Style) -> String {
    names
        .iter()
        .map(|n| format!("\"{}\"", style.text(n)))
        .collect::<Vec<_>>()
        .join(", ")
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

/// An option's name as a reader of `lang` types it (errors name the table's option).
fn typed_option(lang: Lang, option: &str) -> String {
    crate::commands::translations::any_option_name(lang, option)
}
