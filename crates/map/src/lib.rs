//! Rally maps drawn on the server, with no tiles and no requests to anyone: country
//! (Natural Earth) and US state (US Census) outlines are embedded in the crate.
//!
//! A [`Scene`] says what to show: pins (optionally numbered 1..=99, normal or highlighted),
//! a search circle, a search origin, and the view (fitted to all of that, or fixed). It is
//! drawn as an SVG for web pages with [`render_svg`], or as a PNG for chat with
//! [`render_png`]; both come from one set of pixel geometry, so they show the same map.
//!
//! ```
//! use map::{LatLon, Pin, Scene};
//!
//! let austin = LatLon::new(30.267, -97.743);
//! let scene = Scene::new()
//!     .pin(Pin::new(30.27, -97.74).label(1).title("Capitol steps"))
//!     .pin(Pin::new(30.51, -97.68).label(2))
//!     .circle(austin, 80.47) // 50 miles
//!     .origin(austin);
//! let svg = map::render_svg(&scene, 800, 500)?;
//! assert!(svg.starts_with("<svg"));
//! let png = map::render_png(&scene, 800, 500)?;
//! assert_eq!(&png[1..4], b"PNG");
//! # Ok::<(), map::MapError>(())
//! ```
//!
//! The projection is Web Mercator. Outlines are culled and clipped to the view and
//! simplified to its zoom; views across the antimeridian draw both sides.

mod clip;
mod error;
mod frame;
mod geo;
mod glyphs;
mod outlines;
mod project;
mod raster;
mod scene;
mod style;
mod svg;

#[cfg(test)]
mod tests;

pub use error::MapError;
pub use frame::{projection, MAX_SIDE};
pub use project::{Projection, EARTH_RADIUS_KM};
pub use scene::{Circle, LatLon, Pin, PinKind, Scene, View, DEFAULT_MIN_SPAN_KM, MAX_RADIUS_KM};

/// The scene as a standalone `<svg>` element `width` by `height` pixels (it also scales:
/// it has a viewBox). It references nothing outside itself and carries its description as
/// `<title>` and `aria-label`.
pub fn render_svg(scene: &Scene, width: u32, height: u32) -> Result<String, MapError> {
    Ok(svg::write(&frame::frame(scene, width, height)?))
}

/// The scene as PNG bytes (8-bit RGB), exactly `width` by `height` pixels.
pub fn render_png(scene: &Scene, width: u32, height: u32) -> Result<Vec<u8>, MapError> {
    raster::write(&frame::frame(scene, width, height)?)
}
