//! Everything a map shows, in pixels: the one place geometry is decided, so the SVG and
//! PNG writers only paint it and cannot disagree.

use std::cmp::Reverse;

use crate::clip::{clip_polygon, clip_polyline, simplify, Pt, Rect};
use crate::error::MapError;
use crate::geo;
use crate::outlines::{arc_index, outlines, Layer};
use crate::project::{fit, mercator, Projection};
use crate::scene::{LatLon, PinKind, Scene, View};
use crate::style::{Sizes, CLIP_MARGIN, SIMPLIFY_PX};

/// Images are at most this many pixels a side: larger ones are mistakes (a PNG of 4096x4096
/// is already 64 MB while drawn).
pub const MAX_SIDE: u32 = 4096;

pub(crate) struct DrawnPin<'a> {
    pub at: Pt,
    pub radius: f64,
    pub label: Option<u8>,
    pub kind: PinKind,
    pub title: Option<&'a str>,
}

pub(crate) struct Frame<'a> {
    pub width: u32,
    pub height: u32,
    pub sizes: Sizes,
    /// Filled rings (even-odd, so holes such as Lesotho in South Africa stay open).
    pub foreign_land: Vec<Vec<Pt>>,
    /// Filled, and stroked as coast: its edge is the US coast and border.
    pub home_land: Vec<Vec<Pt>>,
    /// Stroked polylines: coasts and lake shores, borders between countries, between states.
    pub coast: Vec<Vec<Pt>>,
    pub borders: Vec<Vec<Pt>>,
    pub state_lines: Vec<Vec<Pt>>,
    pub circle: Option<Vec<Pt>>,
    pub origin: Option<Pt>,
    /// In painting order: later ones on top.
    pub pins: Vec<DrawnPin<'a>>,
    pub description: String,
}

/// The projection a scene is drawn with at this size.
pub fn projection(scene: &Scene, width: u32, height: u32) -> Result<Projection, MapError> {
    check_size(width, height)?;
    scene.check()?;
    let sizes = Sizes::for_image(width, height);
    let ring = scene.circle.map(|c| geo::circle(c.centre, c.radius_km));
    Ok(view(scene, ring.as_deref(), width, height, &sizes))
}

fn check_size(width: u32, height: u32) -> Result<(), MapError> {
    if (1..=MAX_SIDE).contains(&width) && (1..=MAX_SIDE).contains(&height) {
        Ok(())
    } else {
        Err(MapError::Size {
            width,
            height,
            max: MAX_SIDE,
        })
    }
}

fn view(
    scene: &Scene,
    ring: Option<&[LatLon]>,
    width: u32,
    height: u32,
    sizes: &Sizes,
) -> Projection {
    match scene.view {
        View::Centre { centre, span_km } => Projection::centred(width, height, centre, span_km),
        View::Fit { min_span_km } => {
            let mut points: Vec<LatLon> = scene.pins.iter().map(|p| p.at).collect();
            points.extend(scene.origin);
            points.extend(ring.into_iter().flatten());
            // Room for a pin's disc at the edge, and some air around everything.
            let pad = sizes.pin_highlighted + 0.04 * f64::from(width.min(height));
            fit(&points, width, height, pad, min_span_km)
        }
    }
}

pub(crate) fn frame(scene: &Scene, width: u32, height: u32) -> Result<Frame<'_>, MapError> {
    check_size(width, height)?;
    scene.check()?;
    let sizes = Sizes::for_image(width, height);
    let ring = scene.circle.map(|c| geo::circle(c.centre, c.radius_km));
    let proj = view(scene, ring.as_deref(), width, height, &sizes);
    let rect = Rect {
        min: [-CLIP_MARGIN, -CLIP_MARGIN],
        max: [
            f64::from(width) + CLIP_MARGIN,
            f64::from(height) + CLIP_MARGIN,
        ],
    };
    let data = outlines();
    let mut frame = Frame {
        width,
        height,
        sizes,
        foreign_land: Vec::new(),
        home_land: Vec::new(),
        coast: Vec::new(),
        borders: Vec::new(),
        state_lines: Vec::new(),
        circle: None,
        origin: None,
        pins: Vec::new(),
        description: String::new(),
    };

    let mut countries = Painter::new(&data.countries, &proj, rect);
    frame.foreign_land = countries.fills();
    for (line, uses) in countries.lines() {
        // An arc used once is a coast, or the edge towards land the states layer draws.
        let into = if uses >= 2 {
            &mut frame.borders
        } else {
            &mut frame.coast
        };
        into.extend(line);
    }
    let mut states = Painter::new(&data.states, &proj, rect);
    frame.home_land = states.fills();
    // A state's outer edge is its coast or the national border: the edge of the filled
    // outline, which is stroked as it is filled rather than written out twice.
    for (line, uses) in states.lines() {
        if uses >= 2 {
            frame.state_lines.extend(line);
        }
    }

    if let (Some(circle), Some(ring)) = (scene.circle, ring) {
        // Move the ring with its centre, as one piece, to the copy nearest the view.
        let centre = mercator(circle.centre.lat, circle.centre.lon);
        let dx = proj.pixel(circle.centre)[0] - proj.raw_pixel(centre)[0];
        let pixels: Vec<Pt> = ring
            .iter()
            .map(|p| {
                let [x, y] = proj.raw_pixel(mercator(p.lat, p.lon));
                [x + dx, y]
            })
            .collect();
        let clipped = clip_polygon(&pixels, rect);
        frame.circle = (clipped.len() >= 3).then_some(clipped);
    }
    frame.origin = scene.origin.and_then(|o| proj.project(o));

    let mut pins: Vec<DrawnPin> = scene
        .pins
        .iter()
        .filter_map(|pin| {
            let at = proj.project(pin.at)?;
            let radius = match (pin.kind, pin.label) {
                (PinKind::Highlighted, _) => sizes.pin_highlighted,
                (PinKind::Normal, Some(_)) => sizes.pin,
                (PinKind::Normal, None) => sizes.pin_unlabelled,
            };
            Some(DrawnPin {
                at,
                radius,
                label: pin.label,
                kind: pin.kind,
                title: pin.title.as_deref(),
            })
        })
        .collect();
    // Highlighted pins on top, then low numbers over high ones (1 is usually the nearest).
    pins.sort_by_key(|p| {
        (
            p.kind == PinKind::Highlighted,
            p.label.is_some(),
            Reverse(p.label),
        )
    });
    frame.description = match &scene.description {
        Some(text) => text.clone(),
        None => {
            let highlighted = pins.iter().filter(|p| p.kind == PinKind::Highlighted);
            scene.describe(pins.len(), highlighted.count())
        }
    };
    frame.pins = pins;
    Ok(frame)
}

/// Turns one layer's arcs into pixels at most once per render, simplified to the zoom.
struct Painter<'a> {
    layer: &'a Layer,
    proj: &'a Projection,
    rect: Rect,
    arcs: Vec<Option<Vec<Pt>>>,
}

impl<'a> Painter<'a> {
    fn new(layer: &'a Layer, proj: &'a Projection, rect: Rect) -> Self {
        Painter {
            layer,
            proj,
            rect,
            arcs: vec![None; layer.arcs.len()],
        }
    }

    fn arc(&mut self, index: usize) -> &[Pt] {
        let (layer, proj) = (self.layer, self.proj);
        self.arcs[index].get_or_insert_with(|| {
            let raw: Vec<Pt> = layer.arcs[index]
                .points
                .iter()
                .map(|&p| proj.raw_pixel(p))
                .collect();
            simplify(&raw, SIMPLIFY_PX)
        })
    }

    /// The layer's merged outline, clipped to the view, as rings to fill.
    fn fills(&mut self) -> Vec<Vec<Pt>> {
        let mut rings = Vec::new();
        let (layer, proj, rect) = (self.layer, self.proj, self.rect);
        let scale = proj.raw_pixel([1.0, 0.0])[0] - proj.raw_pixel([0.0, 0.0])[0];
        for ring in &layer.merged {
            let b = ring.bounds;
            // Islands smaller than a pixel would be specks in the PNG and bytes in the SVG.
            if (b.max[0] - b.min[0]).max(b.max[1] - b.min[1]) * scale < 1.0 {
                continue;
            }
            for dx in proj.copies(b, CLIP_MARGIN) {
                let mut pixels: Vec<Pt> = Vec::new();
                for (&reference, &offset) in ring.arcs.iter().zip(&ring.offsets) {
                    let shift = dx + offset * scale;
                    let arc = self.arc(arc_index(reference));
                    let start = usize::from(!pixels.is_empty()); // the shared junction
                    let moved = |p: &Pt| [p[0] + shift, p[1]];
                    if reference < 0 {
                        pixels.extend(arc.iter().rev().skip(start).map(moved));
                    } else {
                        pixels.extend(arc.iter().skip(start).map(moved));
                    }
                }
                if let (Some(cap), Some(first), Some(last)) =
                    (ring.cap, pixels.first(), pixels.last())
                {
                    let y = proj.raw_pixel([0.0, cap])[1];
                    let (x0, x1) = (first[0], last[0]);
                    pixels.extend([[x1, y], [x0, y]]);
                }
                let clipped = clip_polygon(&pixels, rect);
                if clipped.len() >= 3 {
                    rings.push(clipped);
                }
            }
        }
        rings
    }

    /// Each drawn arc in the view once, clipped, with the number of drawn features using it.
    fn lines(&mut self) -> Vec<(Vec<Vec<Pt>>, u8)> {
        let (layer, proj, rect) = (self.layer, self.proj, self.rect);
        let mut lines = Vec::new();
        for (index, arc) in layer.arcs.iter().enumerate() {
            // Land borders with a replaced feature (the US) are left to the states layer:
            // its own outline is drawn there, and two lines a little apart look like a road.
            if arc.uses == 0 || arc.touches_replaced {
                continue;
            }
            for dx in proj.copies(arc.bounds, CLIP_MARGIN) {
                let moved: Vec<Pt> = self.arc(index).iter().map(|p| [p[0] + dx, p[1]]).collect();
                let runs = clip_polyline(&moved, rect);
                if !runs.is_empty() {
                    lines.push((runs, arc.uses));
                }
            }
        }
        lines
    }
}
