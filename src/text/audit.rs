//! The words of `/rallymod log`: its title and what each entry did. The log stores actions as
//! plain English codes ("edit", "coalition join"); readers see them in their own language.
use chrono::{DateTime, Utc};

use crate::i18n::Lang;
use crate::t;

/// "Audit log", or "Audit log of rally #7".
pub fn title(rally: Option<i64>, lang: Lang) -> String {
    match rally {
        Some(id) => t!(lang, "log-title-rally", id = id),
        None => t!(lang, "log-title"),
    }
}

/// What an entry did; an action this version does not know is shown as stored.
pub fn action(stored: &str, lang: Lang) -> String {
    let id = match stored {
        "create" => "log-action-create",
        "edit" => "log-action-edit",
        "cancel" => "log-action-cancel",
        "approve" => "log-action-approve",
        "reject" => "log-action-reject",
        "announce" => "log-action-announce",
        "settings" => "log-action-settings",
        "campaign remove" => "log-action-campaign-remove",
        "coalition create" => "log-action-coalition-create",
        "coalition invite" => "log-action-coalition-invite",
        "coalition join" => "log-action-coalition-join",
        "coalition leave" => "log-action-coalition-leave",
        "coalition remove" => "log-action-coalition-remove",
        _ => return stored.to_string(),
    };
    t!(lang, id)
}

/// When an entry was made, where no client shows it in the reader's zone: in UTC.
pub fn at(moment: DateTime<Utc>, lang: Lang) -> String {
    match lang {
        Lang::En => moment.format("%Y-%m-%d %H:%M UTC").to_string(),
        _ => when::local_label_in(moment, chrono_tz::UTC, lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_the_service_records_has_words_in_each_language() {
        let actions = [
            "create",
            "edit",
            "cancel",
            "approve",
            "reject",
            "announce",
            "settings",
            "campaign remove",
            "coalition create",
            "coalition invite",
            "coalition join",
            "coalition leave",
            "coalition remove",
        ];
        for a in actions {
            assert_eq!(action(a, Lang::En), a, "English keeps the stored words");
            assert_ne!(action(a, Lang::Es), a, "{a} has Spanish");
        }
        assert_eq!(action("something new", Lang::Es), "something new");
        assert_eq!(action("coalition join", Lang::Es), "entrada a la coalición");
    }
}
