//! "Find a rally near you" on a campaign's page: the form, what it found, and what to type
//! when it could not read the place, worded in the page's language.
use maud::{html, Markup, PreEscaped};

use super::links::href;
use super::map;
use super::pages::{campaign_path, rally_summary};
use super::words::{number, unit_name};
use crate::domain::limits::MAX_RADIUS;
use crate::domain::{DistanceUnit, PublicCampaign, PublicServer};
use crate::error::UserError;
use crate::i18n::{code, Lang};
use crate::service::public::{PublicNear, PublicSearch};
use crate::t;

/// Radii the search form offers, in the server's unit.
const RADII: [u32; 5] = [10, 25, 50, 100, 250];

/// The form, sent back to `action` with the page's language, so the results are in it too.
pub fn form(
    server: &PublicServer,
    action: &str,
    search: Option<&PublicSearch>,
    lang: Lang,
) -> Markup {
    let typed = search.map_or("", |s| s.place.as_str());
    let radius = search.map_or(50.0, |s| s.radius);
    let unit = unit_name(server.unit);
    html! {
        form.search method="get" action=(action) {
            input type="hidden" name="lang" value=(code(lang));
            p {
                label for="place" { (t!(lang, "web-search-place")) }
                input #place type="text" name="place" value=(typed) required
                    autocomplete="postal-code" placeholder=(t!(lang, "web-search-placeholder"));
            }
            p {
                label for="radius" { (t!(lang, "web-search-within")) }
                select #radius name="radius" {
                    @for r in RADII {
                        option value=(r) selected[f64::from(r) == radius] { (r) " " (unit) }
                    }
                    @if !RADII.iter().any(|r| f64::from(*r) == radius) {
                        option value=(radius) selected { (number(radius, lang)) " " (unit) }
                    }
                }
            }
            p { button type="submit" { (t!(lang, "web-search-button")) } }
        }
    }
}

pub fn results(
    server: &PublicServer,
    campaign: &PublicCampaign,
    search: &PublicSearch,
    lang: Lang,
) -> Markup {
    match &search.outcome {
        Err(e) => html! {
            p.problem role="alert" { (problem(e, server.unit, lang)) }
            p { a href=(href(&campaign_path(server, campaign.id), lang)) {
                (t!(lang, "web-see-every-rally", campaign = campaign.name.as_str()))
            } }
        },
        Ok(found) => near_list(server, campaign, search, found, lang),
    }
}

fn near_list(
    server: &PublicServer,
    campaign: &PublicCampaign,
    search: &PublicSearch,
    found: &PublicNear,
    lang: Lang,
) -> Markup {
    let unit = unit_name(found.unit);
    let origin = found.origin.name.as_str();
    html! {
        h2 { (t!(lang, "web-near-heading", origin = origin)) }
        @if found.rallies.is_empty() {
            p { (t!(lang, "web-near-none", campaign = campaign.name.as_str(),
                radius = number(search.radius, lang), unit = unit, origin = origin)) }
        } @else {
            (PreEscaped(map::near(found, search.radius, lang)))
            ol.rallies {
                @for (rally, distance) in &found.rallies {
                    li {
                        (rally_summary(server, rally, Some(*distance), found.unit, lang))
                    }
                }
            }
            @if found.more {
                p.muted { (t!(lang, "web-near-more")) }
            }
        }
    }
}

/// What to type instead, worded as every front end words it, but for a radius, which the
/// page offers as a list.
fn problem(e: &UserError, unit: DistanceUnit, lang: Lang) -> String {
    match e {
        UserError::BadOption {
            option: "radius", ..
        } => t!(
            lang,
            "web-radius-bad",
            max = number(MAX_RADIUS, lang),
            unit = unit_name(unit)
        ),
        other => crate::text::user_error(other, &crate::text::Plain, lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_that_cannot_be_read_is_worded_in_the_language() {
        let place = |typed: &str| {
            let e = places::Gazetteer::global().resolve(typed).unwrap_err();
            UserError::Place(e)
        };
        let unknown = place("Atlantis Zzz");
        let es = problem(&unknown, DistanceUnit::Miles, Lang::Es);
        assert!(
            es.starts_with("No conozco ningún lugar llamado \"Atlantis Zzz\""),
            "{es}"
        );
        let en = problem(&unknown, DistanceUnit::Miles, Lang::En);
        assert!(
            en.starts_with("I don't know a place called \"Atlantis Zzz\""),
            "{en}"
        );
        let zip = problem(&place("7870"), DistanceUnit::Miles, Lang::Es);
        assert!(zip.contains("no es un código postal"), "{zip}");
        let radius = UserError::BadOption {
            option: "radius",
            input: "900".into(),
            expected: crate::domain::Expected::WholeNumber,
        };
        assert_eq!(
            problem(&radius, DistanceUnit::Kilometres, Lang::Es),
            "Elige una distancia de la lista: más de 0 y como mucho 500 km."
        );
    }
}
