//! How the pages word a rally's time, its counts, a campaign's days and a distance, in the
//! reader's language.
use crate::domain::{DistanceUnit, PublicCampaign, PublicRally};
use crate::i18n::Lang;
use crate::t;

/// When a rally starts, and ends if it said so, in its own zone.
pub fn when(r: &PublicRally, lang: Lang) -> String {
    let start = when::local_label_in(r.starts_at, r.time_zone, lang);
    let Some(end) = r.ends_at else {
        return start;
    };
    let local_end = end.with_timezone(&r.time_zone);
    let same_day = local_end.date_naive() == r.starts_at.with_timezone(&r.time_zone).date_naive();
    if same_day {
        let clock = match lang {
            Lang::En => local_end.format("%-I:%M %p"),
            Lang::Es => local_end.format("%-H:%M"),
        };
        t!(
            lang,
            "web-until-time",
            start = start,
            end = clock.to_string()
        )
    } else {
        let end = when::local_label_in(end, r.time_zone, lang);
        t!(lang, "web-until-day", start = start, end = end)
    }
}

pub fn counts(r: &PublicRally, lang: Lang) -> String {
    t!(
        lang,
        "web-counts",
        going = r.going,
        interested = r.interested
    )
}

pub fn days(c: &PublicCampaign, lang: Lang) -> String {
    if c.starts_on == c.ends_on {
        when::date_label_in(c.starts_on, lang)
    } else {
        let same_year = c.starts_on.format("%Y").to_string() == c.ends_on.format("%Y").to_string();
        t!(
            lang,
            "web-campaign-days",
            from = when::day_month_in(c.starts_on, lang, !same_year),
            to = when::day_month_in(c.ends_on, lang, true)
        )
    }
}

pub fn unit_name(unit: DistanceUnit) -> &'static str {
    match unit {
        DistanceUnit::Miles => "mi",
        DistanceUnit::Kilometres => "km",
    }
}

/// 12 or 12.5, not 12.0; 12,5 in Spanish.
pub fn number(x: f64, lang: Lang) -> String {
    let s = crate::i18n::decimal(lang, x, 1);
    match s.strip_suffix(".0").or_else(|| s.strip_suffix(",0")) {
        Some(whole) => whole.to_string(),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_drop_a_zero_decimal_in_either_language() {
        assert_eq!(number(12.0, Lang::Es), "12");
        assert_eq!(number(12.5, Lang::Es), "12,5");
        assert_eq!(number(12.5, Lang::En), "12.5");
    }
}
