//! The pages' maps: inline SVG drawn on the server from shipped outlines, so a page makes no
//! request to a tile server or anyone else.
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use map::{LatLon, Pin, Scene};

use crate::domain::PublicRally;
use crate::i18n::Lang;
use crate::service::public::PublicNear;

const WIDTH: u32 = 640;
const HEIGHT: u32 = 400;
/// Dots closer than this on the map are one dot: a city with many rallies is one place to
/// go, and the page stays light.
const DOT_GRID_DEGREES: f64 = 0.05;

/// Every rally of a campaign as a dot, described in `lang` for those who cannot see it.
pub fn campaign(rallies: &[PublicRally], lang: Lang) -> String {
    draw(&campaign_scene(rallies, lang))
}

/// A search: its circle and origin, and the rallies found, numbered as in the list.
pub fn near(found: &PublicNear, radius: f64, lang: Lang) -> String {
    draw(&near_scene(found, radius, lang))
}

pub fn campaign_scene(rallies: &[PublicRally], lang: Lang) -> Scene {
    let mut seen = std::collections::HashSet::new();
    let pins = rallies
        .iter()
        .filter(|r| {
            seen.insert((
                (r.latitude / DOT_GRID_DEGREES).round() as i64,
                (r.longitude / DOT_GRID_DEGREES).round() as i64,
            ))
        })
        .map(|r| Pin::new(r.latitude, r.longitude).title(r.place_name.clone()));
    Scene::new()
        .pins(pins)
        .description(crate::t!(lang, "web-map-campaign", count = rallies.len()))
}

pub fn near_scene(found: &PublicNear, radius: f64, lang: Lang) -> Scene {
    let origin = LatLon::new(found.origin.latitude, found.origin.longitude);
    let pins = found.rallies.iter().enumerate().map(|(i, (r, _))| {
        let pin = Pin::new(r.latitude, r.longitude).title(r.title.clone());
        match u8::try_from(i + 1) {
            Ok(n) if n <= 99 => pin.label(n),
            _ => pin,
        }
    });
    Scene::new()
        .pins(pins)
        .circle(origin, found.unit.to_km(radius))
        .origin(origin)
        .description(crate::t!(
            lang,
            "web-map-near",
            origin = found.origin.name.as_str()
        ))
}

/// The size pages draw maps at (they scale with the page).
pub const SIZE: (u32, u32) = (WIDTH, HEIGHT);

/// Maps drawn at most this many at once are kept; then the keeping starts over.
const KEPT_MAPS: usize = 256;

/// The scene's SVG, drawn once per distinct scene: an RSVP re-renders the page for its counts,
/// but the dots, and so the map, are the same.
fn draw(scene: &Scene) -> String {
    static DRAWN: OnceLock<Mutex<HashMap<String, Arc<str>>>> = OnceLock::new();
    let drawn = DRAWN.get_or_init(Mutex::default);
    let key = format!("{scene:?}");
    if let Some(svg) = drawn.lock().unwrap_or_else(|p| p.into_inner()).get(&key) {
        return svg.to_string();
    }
    match map::render_svg(scene, WIDTH, HEIGHT) {
        Ok(svg) => {
            let mut kept = drawn.lock().unwrap_or_else(|p| p.into_inner());
            if kept.len() >= KEPT_MAPS {
                kept.clear();
            }
            kept.insert(key, Arc::from(svg.as_str()));
            svg
        }
        // The list beside it says everything the map does; a page without it still works.
        Err(e) => {
            tracing::warn!(error = %e, "drawing a map failed");
            String::new()
        }
    }
}
