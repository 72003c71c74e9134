//! The labels autocomplete offers while someone types, in their language. What a choice puts
//! in the option (its value) is the same in every language; only its label is worded.
use crate::domain::{Campaign, LocalTime};
use crate::i18n::Lang;
use crate::t;

/// "#12 March for Families · Austin · Saturday, December 5, 2026 at 6:00 PM CST (pending)".
pub fn rally(
    id: i64,
    title: &str,
    town: &str,
    starts: LocalTime,
    pending: bool,
    lang: Lang,
) -> String {
    let date = when::local_label_in(starts.at, starts.zone, lang);
    let mut label = format!("#{id} {title} · {town} · {date}");
    if pending {
        label.push(' ');
        label.push_str(&t!(lang, "hint-pending"));
    }
    label
}

/// "Day of Action · Dec 5, 2026 (archived)".
pub fn campaign(c: &Campaign, lang: Lang) -> String {
    let day = match lang {
        Lang::En => c.starts_on.format("%b %-d, %Y").to_string(),
        Lang::Es => when::day_month_in(c.starts_on, lang, true),
    };
    let mut label = format!("{} · {day}", c.name);
    if c.archived {
        label.push(' ');
        label.push_str(&t!(lang, "hint-archived"));
    }
    label
}
