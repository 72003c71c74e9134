//! The latitude/longitude boxes that contain a circle, for searches by distance; the distance
//! itself is `places::distance_km`, which the gazetteer shares.
use places::EARTH_RADIUS_KM;

pub const KM_PER_MILE: f64 = 1.609344;

/// A box in degrees; `min_lon > max_lon` never happens: a box that crosses the antimeridian is
/// returned as two.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GeoBox {
    pub min_lat: f64,
    pub max_lat: f64,
    pub min_lon: f64,
    pub max_lon: f64,
}

impl GeoBox {
    /// The part of this box inside `other`, if any.
    pub fn intersection(&self, other: &GeoBox) -> Option<GeoBox> {
        let b = GeoBox {
            min_lat: self.min_lat.max(other.min_lat),
            max_lat: self.max_lat.min(other.max_lat),
            min_lon: self.min_lon.max(other.min_lon),
            max_lon: self.max_lon.min(other.max_lon),
        };
        (b.min_lat <= b.max_lat && b.min_lon <= b.max_lon).then_some(b)
    }
}

/// Boxes that together contain every point within `radius_km` of the centre.
pub fn boxes_around(lat: f64, lon: f64, radius_km: f64) -> Vec<GeoBox> {
    let dlat = (radius_km / EARTH_RADIUS_KM).to_degrees();
    let min_lat = (lat - dlat).max(-90.0);
    let max_lat = (lat + dlat).min(90.0);
    // A circle that reaches a pole spans every longitude.
    if lat + dlat >= 90.0 || lat - dlat <= -90.0 {
        return vec![GeoBox {
            min_lat,
            max_lat,
            min_lon: -180.0,
            max_lon: 180.0,
        }];
    }
    // The widest point of the circle in longitude: asin(sin r / cos lat).
    let ratio = (radius_km / EARTH_RADIUS_KM).sin() / lat.to_radians().cos();
    if ratio >= 1.0 {
        return vec![GeoBox {
            min_lat,
            max_lat,
            min_lon: -180.0,
            max_lon: 180.0,
        }];
    }
    let dlon = ratio.asin().to_degrees();
    let (west, east) = (lon - dlon, lon + dlon);
    if west < -180.0 {
        vec![
            GeoBox {
                min_lat,
                max_lat,
                min_lon: -180.0,
                max_lon: east,
            },
            GeoBox {
                min_lat,
                max_lat,
                min_lon: west + 360.0,
                max_lon: 180.0,
            },
        ]
    } else if east > 180.0 {
        vec![
            GeoBox {
                min_lat,
                max_lat,
                min_lon: west,
                max_lon: 180.0,
            },
            GeoBox {
                min_lat,
                max_lat,
                min_lon: -180.0,
                max_lon: east - 360.0,
            },
        ]
    } else {
        vec![GeoBox {
            min_lat,
            max_lat,
            min_lon: west,
            max_lon: east,
        }]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::DistanceUnit;

    fn contains(boxes: &[GeoBox], lat: f64, lon: f64) -> bool {
        boxes.iter().any(|b| {
            (b.min_lat..=b.max_lat).contains(&lat) && (b.min_lon..=b.max_lon).contains(&lon)
        })
    }

    #[test]
    fn units_convert() {
        assert!((DistanceUnit::Miles.to_km(50.0) - 80.4672).abs() < 1e-9);
        assert!((DistanceUnit::Miles.from_km(80.4672) - 50.0).abs() < 1e-9);
        assert_eq!(DistanceUnit::Kilometres.to_km(5.0), 5.0);
    }

    /// Every point on the circle's edge (and so inside it) falls in the boxes.
    fn check_circle(lat: f64, lon: f64, radius_km: f64) {
        let boxes = boxes_around(lat, lon, radius_km);
        for step in 0..360 {
            let bearing = (step as f64).to_radians();
            let d = radius_km * 0.999 / EARTH_RADIUS_KM;
            let (p1, l1) = (lat.to_radians(), lon.to_radians());
            let p2 = (p1.sin() * d.cos() + p1.cos() * d.sin() * bearing.cos()).asin();
            let l2 = l1 + (bearing.sin() * d.sin() * p1.cos()).atan2(d.cos() - p1.sin() * p2.sin());
            let lon2 = (l2.to_degrees() + 540.0) % 360.0 - 180.0;
            assert!(
                contains(&boxes, p2.to_degrees(), lon2),
                "({lat},{lon}) r={radius_km}: {bearing} -> ({}, {lon2}) not in {boxes:?}",
                p2.to_degrees()
            );
        }
    }

    #[test]
    fn boxes_contain_their_circles() {
        check_circle(30.0, -97.0, 80.0);
        check_circle(60.0, 25.0, 500.0);
        check_circle(-33.9, 151.2, 1000.0);
    }

    #[test]
    fn boxes_split_at_the_antimeridian() {
        let boxes = boxes_around(-17.7, 179.9, 100.0);
        assert_eq!(boxes.len(), 2, "{boxes:?}");
        assert!(contains(&boxes, -17.7, -179.5));
        assert!(contains(&boxes, -17.7, 179.0));
        check_circle(-17.7, 179.9, 100.0);
        check_circle(-13.8, -171.8, 2000.0);
        let west = boxes_around(52.0, -179.9, 50.0);
        assert_eq!(west.len(), 2);
        check_circle(52.0, -179.9, 50.0);
    }

    #[test]
    fn boxes_near_the_poles_span_all_longitudes() {
        let boxes = boxes_around(89.5, 10.0, 100.0);
        assert_eq!(boxes.len(), 1);
        assert_eq!(
            (boxes[0].min_lon, boxes[0].max_lon, boxes[0].max_lat),
            (-180.0, 180.0, 90.0)
        );
        check_circle(89.5, 10.0, 100.0);
        check_circle(-85.0, 10.0, 300.0);
        check_circle(78.2, 15.6, 200.0);
    }
}
