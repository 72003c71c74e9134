//! Campaign replies as text.
use std::fmt::Write;

use when::local_label;

use crate::i18n::Lang;
use crate::service::campaigns::CampaignSaved;
use crate::service::overview::{groups, CampaignOverview};
use crate::t;
use crate::text::Style;

/// What a moderator did to a campaign, in their `lang`.
pub fn saved(s: &CampaignSaved, style: &dyn Style, lang: Lang) -> String {
    let c = &s.campaign;
    let mut out = format!("{}\n", crate::text::campaigns::saved(s, style, lang));
    for change in &s.changes {
        let _ = writeln!(
            out,
            "   {}: {} -> {}",
            change.field, change.before, change.after
        );
    }
    let span = crate::text::span(c.starts_on, c.ends_on, lang);
    let _ = writeln!(out, "   {}", t!(lang, "campaign-when", span = span));
    if !c.description.is_empty() {
        let _ = writeln!(
            out,
            "   {}",
            t!(lang, "campaign-about", description = c.description.as_str())
        );
    }
    out
}

pub fn overview(o: &CampaignOverview) -> String {
    let c = &o.campaign;
    let mut out = format!("Campaign \"{}\" ({})", c.name, c.span());
    if c.archived {
        out.push_str(" [archived]");
    }
    out.push('\n');
    if !c.description.is_empty() {
        let _ = writeln!(out, "   {}", c.description);
    }
    let _ = writeln!(
        out,
        "{} rallies in {} cities and {} states; RSVPs: {} going, {} interested.",
        o.entries.len(),
        o.cities,
        o.states,
        o.going,
        o.interested
    );
    for line in crate::text::by_server(&o.by_server, Lang::En) {
        let _ = writeln!(out, "   {line}");
    }
    if o.entries.is_empty() {
        out.push_str("No rallies are listed in this campaign yet.\n");
        return out;
    }
    let unit = o.unit.as_str();
    if let Some(origin) = &o.origin {
        let _ = writeln!(out, "Nearest to {} first:", origin.name);
        for e in &o.entries {
            let r = &e.view.rally;
            let _ = writeln!(
                out,
                "  {:.1} {unit} away ({}, {}): #{} {}{} · {} · {} going",
                e.distance.unwrap_or(0.0),
                e.city,
                e.state,
                r.id,
                r.title,
                from(e),
                local_label(r.starts_at, r.time_zone),
                e.view.counts.going
            );
        }
        return out;
    }
    let mut state = "";
    for ((st, city), entries) in groups(&o.entries) {
        if st != state {
            let _ = writeln!(out, "{st}:");
            state = st;
        }
        let _ = writeln!(out, "  {city}:");
        for e in entries {
            let r = &e.view.rally;
            let _ = writeln!(
                out,
                "    #{} {}{} · {} · {} going",
                r.id,
                r.title,
                from(e),
                local_label(r.starts_at, r.time_zone),
                e.view.counts.going
            );
        }
    }
    out
}

/// " (from Houston United)" for another server's rally.
fn from(e: &crate::service::overview::OverviewEntry) -> String {
    e.view
        .from_server
        .as_ref()
        .map_or(String::new(), |s| format!(" (from {s})"))
}
