//! Web Mercator, the projection of web maps: shapes look right at city and continent scale,
//! and people know it. Mercator x is longitude in radians, y grows northwards; a view is a
//! centre and a scale in pixels per Mercator unit.

use std::f64::consts::{FRAC_PI_2, FRAC_PI_4, PI, TAU};

use crate::scene::LatLon;

/// Mean Earth radius (IUGG), the sphere every distance here is measured on.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Web Mercator's usual cut-off, where the projected world is square; beyond it y runs away.
const MAX_LAT: f64 = 85.051_128_78;

pub(crate) fn mercator(lat: f64, lon: f64) -> [f64; 2] {
    let lat = lat.clamp(-MAX_LAT, MAX_LAT).to_radians();
    [lon.to_radians(), (FRAC_PI_4 + lat / 2.0).tan().ln()]
}

fn inverse_mercator([x, y]: [f64; 2]) -> LatLon {
    LatLon::new(
        (2.0 * y.exp().atan() - FRAC_PI_2).to_degrees(),
        x.to_degrees(),
    )
}

/// Wraps a longitude difference in radians into [-PI, PI).
pub(crate) fn wrap(dx: f64) -> f64 {
    (dx + PI).rem_euclid(TAU) - PI
}

/// An axis-aligned box in Mercator units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Bounds {
    pub min: [f64; 2],
    pub max: [f64; 2],
}

impl Bounds {
    pub const EMPTY: Bounds = Bounds {
        min: [f64::INFINITY; 2],
        max: [f64::NEG_INFINITY; 2],
    };

    pub fn include(&mut self, p: [f64; 2]) {
        for (i, v) in p.into_iter().enumerate() {
            self.min[i] = self.min[i].min(v);
            self.max[i] = self.max[i].max(v);
        }
    }

    fn intersects(&self, other: &Bounds) -> bool {
        (0..2).all(|i| self.min[i] <= other.max[i] && other.min[i] <= self.max[i])
    }
}

/// Where things land in an image of a given size. Made by [`crate::projection`] for a scene,
/// so callers can place their own overlays (e.g. an HTML image map) over a rendered map.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    width: f64,
    height: f64,
    /// Mercator centre, x in [-PI, PI).
    centre: [f64; 2],
    /// Pixels per Mercator unit.
    scale: f64,
}

impl Projection {
    pub(crate) fn new(width: u32, height: u32, centre: [f64; 2], scale: f64) -> Self {
        Projection {
            width: f64::from(width),
            height: f64::from(height),
            centre: [wrap(centre[0]), centre[1]],
            scale,
        }
    }

    /// A view of `span_km` across the shorter side of the image, centred on `centre`.
    pub(crate) fn centred(width: u32, height: u32, centre: LatLon, span_km: f64) -> Self {
        let m = mercator(centre.lat, centre.lon);
        let scale = max_scale(width, height, m[1], span_km);
        Projection::new(width, height, m, scale)
    }

    /// The pixel (x right, y down, from the top-left corner) of a point, taking the copy of
    /// its longitude nearest the view's centre; it may be outside the image.
    pub fn pixel(&self, p: LatLon) -> [f64; 2] {
        let [x, y] = mercator(p.lat, p.lon);
        self.raw_pixel([self.centre[0] + wrap(x - self.centre[0]), y])
    }

    /// The pixel of a point, or `None` when it is outside the image.
    pub fn project(&self, p: LatLon) -> Option<[f64; 2]> {
        let [x, y] = self.pixel(p);
        let inside = (0.0..=self.width).contains(&x) && (0.0..=self.height).contains(&y);
        inside.then_some([x, y])
    }

    /// The point at a pixel; longitude in [-180, 180).
    pub fn unproject(&self, [px, py]: [f64; 2]) -> LatLon {
        let x = self.centre[0] + (px - self.width / 2.0) / self.scale;
        let y = self.centre[1] - (py - self.height / 2.0) / self.scale;
        inverse_mercator([wrap(x), y])
    }

    /// The point at the centre of the image.
    pub fn centre(&self) -> LatLon {
        inverse_mercator(self.centre)
    }

    /// Ground distance of one pixel at the centre of the image.
    pub fn km_per_pixel(&self) -> f64 {
        EARTH_RADIUS_KM * self.centre().lat.to_radians().cos() / self.scale
    }

    /// A Mercator point to pixels with no longitude wrapping: outlines are drawn whole, then
    /// moved by a multiple of the world's width (see [`Projection::copies`]).
    pub(crate) fn raw_pixel(&self, [x, y]: [f64; 2]) -> [f64; 2] {
        [
            self.width / 2.0 + (x - self.centre[0]) * self.scale,
            self.height / 2.0 - (y - self.centre[1]) * self.scale,
        ]
    }

    /// The horizontal pixel offsets (multiples of the world's width) at which something
    /// with these bounds appears in the view, `margin` pixels around the image included.
    /// Usually just 0; near the antimeridian a shape from the other side needs moving.
    pub(crate) fn copies(&self, bounds: Bounds, margin: f64) -> impl Iterator<Item = f64> {
        let half_w = (self.width / 2.0 + margin) / self.scale;
        let half_h = (self.height / 2.0 + margin) / self.scale;
        let view = Bounds {
            min: [self.centre[0] - half_w, self.centre[1] - half_h],
            max: [self.centre[0] + half_w, self.centre[1] + half_h],
        };
        let scale = self.scale;
        (-1..=1).filter_map(move |k| {
            let dx = f64::from(k) * TAU;
            let moved = Bounds {
                min: [bounds.min[0] + dx, bounds.min[1]],
                max: [bounds.max[0] + dx, bounds.max[1]],
            };
            moved.intersects(&view).then_some(dx * scale)
        })
    }
}

/// The largest scale at which the image's shorter side still covers `span_km` on the ground
/// at Mercator latitude `y`.
fn max_scale(width: u32, height: u32, y: f64, span_km: f64) -> f64 {
    let cos_lat = inverse_mercator([0.0, y]).lat.to_radians().cos();
    f64::from(width.min(height)) * EARTH_RADIUS_KM * cos_lat / span_km
}

/// The contiguous United States, shown when there is nothing to fit.
const CONTIGUOUS_US: [LatLon; 2] = [
    LatLon {
        lat: 24.4,
        lon: -124.8,
    },
    LatLon {
        lat: 49.4,
        lon: -66.9,
    },
];

/// The view that shows every point with `pad` pixels to spare on each side, zoomed in no
/// further than `min_span_km` across the shorter side.
pub(crate) fn fit(
    points: &[LatLon],
    width: u32,
    height: u32,
    pad: f64,
    min_span_km: f64,
) -> Projection {
    let (points, min_span_km) = if points.is_empty() {
        (&CONTIGUOUS_US[..], 0.0)
    } else {
        (points, min_span_km)
    };
    let (lon_min, lon_span) = longitude_range(points);
    let ys = points.iter().map(|p| mercator(p.lat, p.lon)[1]);
    let (y_min, y_max) = ys.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), y| {
        (lo.min(y), hi.max(y))
    });
    let centre = [
        (lon_min + lon_span / 2.0).to_radians(),
        (y_min + y_max) / 2.0,
    ];
    let room_w = (f64::from(width) - 2.0 * pad).max(1.0);
    let room_h = (f64::from(height) - 2.0 * pad).max(1.0);
    let fit_scale = (room_w / lon_span.to_radians()).min(room_h / (y_max - y_min));
    let mut scale = max_scale(width, height, centre[1], min_span_km.max(1e-3)).min(fit_scale);
    // Never zoom out past the whole world's width (a scene spread over every longitude).
    scale = scale.max(f64::from(width) / TAU / 1.05);
    Projection::new(width, height, centre, scale)
}

/// The shortest run of longitudes (start, length in degrees) that holds every point: the
/// complement of the widest gap between neighbours around the globe, so points either side
/// of the antimeridian give a narrow view across it rather than one around the world.
fn longitude_range(points: &[LatLon]) -> (f64, f64) {
    let mut lons: Vec<f64> = points
        .iter()
        .map(|p| (p.lon + 180.0).rem_euclid(360.0) - 180.0)
        .collect();
    lons.sort_by(f64::total_cmp);
    let mut start = lons[0];
    let mut widest_gap = lons[0] + 360.0 - lons[lons.len() - 1];
    for pair in lons.windows(2) {
        if pair[1] - pair[0] > widest_gap {
            widest_gap = pair[1] - pair[0];
            start = pair[1];
        }
    }
    (start, 360.0 - widest_gap)
}
