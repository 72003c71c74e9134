//! Great-circle distance, the one measure of "how far" that places and rallies share.

pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Great-circle distance by the haversine formula, in kilometres.
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * a.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::distance_km;

    #[test]
    fn known_distances() {
        // Austin to Dallas is about 293 km; New York to London about 5570 km.
        let d = distance_km(30.2672, -97.7431, 32.7767, -96.7970);
        assert!((d - 293.0).abs() < 3.0, "{d}");
        let d = distance_km(40.7128, -74.0060, 51.5074, -0.1278);
        assert!((d - 5570.0).abs() < 10.0, "{d}");
        assert_eq!(distance_km(10.0, 20.0, 10.0, 20.0), 0.0);
        // Across the antimeridian: Fiji (178.4 E) to Samoa-ish (-178.0 W) at the same latitude.
        let d = distance_km(-18.0, 179.5, -18.0, -179.5);
        assert!((d - 105.8).abs() < 1.0, "{d}");
    }
}
