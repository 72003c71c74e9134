//! What a map shows: pins, an optional search circle and origin, and how the view is chosen.

use crate::error::MapError;

/// A point on the Earth in degrees (WGS84 as GPS and geocoders give them).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LatLon {
    pub lat: f64,
    pub lon: f64,
}

impl LatLon {
    pub fn new(lat: f64, lon: f64) -> Self {
        LatLon { lat, lon }
    }

    pub(crate) fn check(self) -> Result<Self, MapError> {
        if self.lat.is_finite() && self.lon.is_finite() && self.lat.abs() <= 90.0 {
            Ok(self)
        } else {
            Err(MapError::Coordinate {
                lat: self.lat,
                lon: self.lon,
            })
        }
    }
}

/// How a pin stands out: `Highlighted` is drawn larger, in another colour and on top, for
/// the one rally a reply is about among the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PinKind {
    #[default]
    Normal,
    Highlighted,
}

/// One marked place, usually a rally.
#[derive(Debug, Clone, PartialEq)]
pub struct Pin {
    pub at: LatLon,
    /// A number 1..=99 drawn on the pin, matching a numbered list beside the map.
    pub label: Option<u8>,
    pub kind: PinKind,
    /// Shown as a tooltip in the SVG (a `<title>`); not drawn in the PNG.
    pub title: Option<String>,
}

impl Pin {
    pub fn new(lat: f64, lon: f64) -> Self {
        Pin {
            at: LatLon::new(lat, lon),
            label: None,
            kind: PinKind::Normal,
            title: None,
        }
    }

    pub fn label(mut self, number: u8) -> Self {
        self.label = Some(number);
        self
    }

    pub fn highlighted(mut self) -> Self {
        self.kind = PinKind::Highlighted;
        self
    }

    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }
}

/// A circle on the ground, e.g. the radius of a nearby search.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Circle {
    pub centre: LatLon,
    pub radius_km: f64,
}

/// Radii above this would wrap over a pole or most of the globe; no search is that wide.
pub const MAX_RADIUS_KM: f64 = 5000.0;

impl Circle {
    pub fn new(centre: LatLon, radius_km: f64) -> Self {
        Circle { centre, radius_km }
    }
}

/// A view narrower than this (across the image's shorter side) shows nothing but one pin on
/// blank land: the outlines have no streets or towns.
pub const DEFAULT_MIN_SPAN_KM: f64 = 200.0;

/// Which part of the world the map shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum View {
    /// Everything in the scene (pins, circle, origin) with a margin, but never narrower than
    /// `min_span_km`; the contiguous United States when the scene is empty.
    Fit { min_span_km: f64 },
    /// A fixed view: `span_km` across the image's shorter side, around `centre`. Pins outside
    /// it are left out.
    Centre { centre: LatLon, span_km: f64 },
}

impl Default for View {
    fn default() -> Self {
        View::Fit {
            min_span_km: DEFAULT_MIN_SPAN_KM,
        }
    }
}

/// Everything one map shows. Build it with the methods or fill the fields directly.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scene {
    pub pins: Vec<Pin>,
    pub circle: Option<Circle>,
    /// Where a search was made from, drawn as a small ring unlike any pin.
    pub origin: Option<LatLon>,
    pub view: View,
    /// The accessible description (SVG `<title>` and `aria-label`). Without one, a plain
    /// description is made from the scene ("Map with 25 numbered pins ...").
    pub description: Option<String>,
}

impl Scene {
    pub fn new() -> Self {
        Scene::default()
    }

    pub fn pin(mut self, pin: Pin) -> Self {
        self.pins.push(pin);
        self
    }

    pub fn pins(mut self, pins: impl IntoIterator<Item = Pin>) -> Self {
        self.pins.extend(pins);
        self
    }

    pub fn circle(mut self, centre: LatLon, radius_km: f64) -> Self {
        self.circle = Some(Circle::new(centre, radius_km));
        self
    }

    pub fn origin(mut self, at: LatLon) -> Self {
        self.origin = Some(at);
        self
    }

    pub fn view(mut self, view: View) -> Self {
        self.view = view;
        self
    }

    pub fn description(mut self, text: impl Into<String>) -> Self {
        self.description = Some(text.into());
        self
    }

    /// Rejects what cannot be drawn, so rendering itself never has to.
    pub(crate) fn check(&self) -> Result<(), MapError> {
        for pin in &self.pins {
            pin.at.check()?;
            if let Some(n) = pin.label {
                if !(1..=99).contains(&n) {
                    return Err(MapError::Label(n));
                }
            }
        }
        if let Some(c) = self.circle {
            c.centre.check()?;
            if !(c.radius_km > 0.0 && c.radius_km <= MAX_RADIUS_KM) {
                return Err(MapError::Radius(c.radius_km));
            }
        }
        if let Some(o) = self.origin {
            o.check()?;
        }
        let span = match self.view {
            View::Fit { min_span_km } => min_span_km,
            View::Centre { centre, span_km } => {
                centre.check()?;
                span_km
            }
        };
        // A span of 0 would divide by zero; the upper bound is about the Earth's circumference.
        if !(span > 0.0 && span <= 40_000.0) {
            return Err(MapError::Span(span));
        }
        Ok(())
    }

    /// The default accessible description: what is on the map, in words.
    /// Counts are of the pins in view, which is what the description describes.
    pub(crate) fn describe(&self, visible_pins: usize, highlighted: usize) -> String {
        let mut text = String::from("Map");
        match visible_pins {
            0 => text.push_str(" with no pins"),
            1 => text.push_str(" with 1 pin"),
            n => text.push_str(&format!(" with {n} pins")),
        }
        if highlighted > 0 {
            text.push_str(&format!(" ({highlighted} highlighted)"));
        }
        if let Some(c) = self.circle {
            let miles = c.radius_km / 1.609_344;
            text.push_str(&format!(
                ", a circle of {:.0} km ({:.0} mi) radius around {}",
                c.radius_km,
                miles,
                degrees(c.centre)
            ));
        }
        if let Some(o) = self.origin {
            text.push_str(&format!(", and a marked origin at {}", degrees(o)));
        }
        text
    }
}

fn degrees(p: LatLon) -> String {
    let ns = if p.lat < 0.0 { 'S' } else { 'N' };
    let ew = if p.lon < 0.0 { 'W' } else { 'E' };
    format!("{:.2}°{ns} {:.2}°{ew}", p.lat.abs(), p.lon.abs())
}
