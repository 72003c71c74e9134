//! Distances on the sphere.

use std::f64::consts::TAU;

use crate::project::EARTH_RADIUS_KM;
use crate::scene::LatLon;

/// Enough vertices that the circle looks round at any size this crate draws.
const CIRCLE_POINTS: usize = 120;

/// The points `radius_km` from `centre` in every direction: a true geodesic circle, which in
/// Mercator is taller than wide away from the equator. Longitudes run on from the centre's
/// (they may pass ±180) so the ring stays one piece across the antimeridian.
pub(crate) fn circle(centre: LatLon, radius_km: f64) -> Vec<LatLon> {
    let (lat1, lon1) = (centre.lat.to_radians(), centre.lon.to_radians());
    let d = radius_km / EARTH_RADIUS_KM;
    (0..=CIRCLE_POINTS)
        .map(|i| {
            let bearing = TAU * i as f64 / CIRCLE_POINTS as f64;
            let lat2 = (lat1.sin() * d.cos() + lat1.cos() * d.sin() * bearing.cos()).asin();
            let dlon =
                (bearing.sin() * d.sin() * lat1.cos()).atan2(d.cos() - lat1.sin() * lat2.sin());
            LatLon::new(lat2.to_degrees(), (lon1 + dlon).to_degrees())
        })
        .collect()
}

/// Great-circle distance (haversine).
#[cfg(test)]
pub(crate) fn distance_km(a: LatLon, b: LatLon) -> f64 {
    let (p1, p2) = (a.lat.to_radians(), b.lat.to_radians());
    let dp = p2 - p1;
    let dl = (b.lon - a.lon).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}
