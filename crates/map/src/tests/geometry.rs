//! Projection, view fitting, the geodesic circle, clipping and simplification.

use crate::clip::{clip_polygon, clip_polyline, simplify, Rect};
use crate::geo::{circle, distance_km};
use crate::project::{wrap, Projection};
use crate::{projection, LatLon, Pin, Scene, View, DEFAULT_MIN_SPAN_KM};

fn close(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance
}

fn centred(lat: f64, lon: f64, span_km: f64) -> Projection {
    let view = View::Centre {
        centre: LatLon::new(lat, lon),
        span_km,
    };
    projection(&Scene::new().view(view), 800, 500).unwrap()
}

#[test]
fn points_round_trip_through_pixels() {
    let p = centred(39.0, -98.0, 3000.0);
    for (lat, lon) in [
        (39.0, -98.0),
        (30.27, -97.74),
        (47.6, -122.3),
        (25.8, -80.2),
        (44.9, -68.7),
    ] {
        let back = p.unproject(p.pixel(LatLon::new(lat, lon)));
        assert!(
            close(back.lat, lat, 1e-9) && close(back.lon, lon, 1e-9),
            "{lat},{lon} came back as {back:?}"
        );
    }
}

#[test]
fn known_points_land_where_expected() {
    let p = centred(39.0, -98.0, 3000.0);
    // The centre is the middle of the image; north is up and east is right.
    let [x, y] = p.pixel(LatLon::new(39.0, -98.0));
    assert!(close(x, 400.0, 1e-9) && close(y, 250.0, 1e-9));
    let north = p.pixel(LatLon::new(40.0, -98.0));
    let east = p.pixel(LatLon::new(39.0, -97.0));
    assert!(north[1] < 250.0 && close(north[0], 400.0, 1e-9));
    assert!(east[0] > 400.0 && close(east[1], 250.0, 1e-9));
    // 3000 km across 500 pixels.
    assert!(close(p.km_per_pixel(), 6.0, 1e-6), "{}", p.km_per_pixel());
    // A degree of longitude at 39°N is about 86.5 km, so about 14.4 pixels.
    assert!(
        close(east[0] - 400.0, 86.47 / 6.0, 0.05),
        "{}",
        east[0] - 400.0
    );
    // Seattle is up and left, Miami down and right, both inside; London is not.
    let seattle = p.project(LatLon::new(47.6, -122.3)).unwrap();
    let miami = p.project(LatLon::new(25.8, -80.2)).unwrap();
    assert!(seattle[0] < 200.0 && seattle[1] < 150.0 && miami[0] > 500.0 && miami[1] > 350.0);
    assert_eq!(p.project(LatLon::new(51.5, -0.1)), None);
}

#[test]
fn an_empty_scene_shows_the_contiguous_us() {
    let p = projection(&Scene::new(), 800, 500).unwrap();
    for (lat, lon) in [
        (47.6, -122.3),
        (25.8, -80.2),
        (44.9, -68.7),
        (32.7, -117.2),
        (48.9, -97.0),
    ] {
        assert!(
            p.project(LatLon::new(lat, lon)).is_some(),
            "{lat},{lon} not in view"
        );
    }
    assert_eq!(p.project(LatLon::new(61.2, -149.9)), None); // Anchorage
    let c = p.centre();
    assert!(
        close(c.lat, 38.0, 2.0) && close(c.lon, -95.85, 0.1),
        "{c:?}"
    );
}

#[test]
fn fitting_keeps_every_pin_inside_with_room_for_the_disc() {
    let scene = Scene::new()
        .pin(Pin::new(47.6, -122.3).label(1))
        .pin(Pin::new(25.8, -80.2).label(2))
        .pin(Pin::new(44.9, -68.7).label(3));
    let p = projection(&scene, 800, 500).unwrap();
    for pin in &scene.pins {
        let [x, y] = p.project(pin.at).unwrap();
        assert!(
            (20.0..=780.0).contains(&x) && (20.0..=480.0).contains(&y),
            "{x},{y}"
        );
    }
}

#[test]
fn one_pin_is_not_zoomed_to_street_level() {
    let p = projection(&Scene::new().pin(Pin::new(30.27, -97.74)), 800, 500).unwrap();
    assert!(close(p.km_per_pixel() * 500.0, DEFAULT_MIN_SPAN_KM, 0.01));
    let c = p.centre();
    assert!(close(c.lat, 30.27, 1e-9) && close(c.lon, -97.74, 1e-9));
    // A wider minimum is honoured too.
    let wide = Scene::new().pin(Pin::new(30.27, -97.74)).view(View::Fit {
        min_span_km: 1000.0,
    });
    assert!(close(
        projection(&wide, 800, 500).unwrap().km_per_pixel() * 500.0,
        1000.0,
        0.01
    ));
}

#[test]
fn the_view_fits_the_circle_not_just_its_centre() {
    let austin = LatLon::new(30.27, -97.74);
    let scene = Scene::new()
        .pin(Pin::new(30.27, -97.74))
        .circle(austin, 500.0);
    let p = projection(&scene, 800, 500).unwrap();
    for point in circle(austin, 500.0) {
        assert!(p.project(point).is_some(), "{point:?} cut off");
    }
}

#[test]
fn pins_either_side_of_the_antimeridian_get_a_narrow_view_across_it() {
    let scene = Scene::new()
        .pin(Pin::new(-17.7, 178.0))
        .pin(Pin::new(-14.3, -170.7)); // Fiji, Samoa
    let p = projection(&scene, 800, 500).unwrap();
    assert!(
        p.km_per_pixel() < 5.0,
        "{} km/px: the view went round the world",
        p.km_per_pixel()
    );
    let c = p.centre();
    assert!(c.lon.abs() > 170.0, "{c:?}");
    let fiji = p.project(scene.pins[0].at).unwrap();
    let samoa = p.project(scene.pins[1].at).unwrap();
    assert!(
        fiji[0] < samoa[0],
        "Fiji is west of Samoa across the antimeridian"
    );
    assert!(
        crate::render_png(&scene, 800, 500).is_ok() && crate::render_svg(&scene, 800, 500).is_ok()
    );
}

#[test]
fn the_circle_is_geodesic_and_looks_round_at_any_latitude() {
    for lat in [0.0, 30.27, 60.0, 70.0] {
        let centre = LatLon::new(lat, -97.74);
        let ring = circle(centre, 80.47);
        for p in &ring {
            assert!(close(distance_km(centre, *p), 80.47, 1e-6), "{p:?}");
        }
        // Mercator is conformal, so a small circle on the ground is a circle on the map.
        let proj = centred(lat, -97.74, 400.0);
        let pixels: Vec<[f64; 2]> = ring.iter().map(|p| proj.pixel(*p)).collect();
        let span = |i: usize| {
            let (lo, hi) = pixels.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| {
                (lo.min(p[i]), hi.max(p[i]))
            });
            hi - lo
        };
        let (w, h) = (span(0), span(1));
        assert!(close(w / h, 1.0, 0.01), "{lat}: {w}x{h}");
        assert!(
            close(w, 2.0 * 80.47 / proj.km_per_pixel(), w * 0.03),
            "{lat}: {w}"
        );
    }
    // Across the antimeridian the ring stays one piece: longitudes run on past 180.
    let ring = circle(LatLon::new(0.0, 179.9), 100.0);
    assert!(ring.windows(2).all(|w| (w[1].lon - w[0].lon).abs() < 1.0));
}

#[test]
fn longitude_differences_wrap_the_short_way() {
    use std::f64::consts::PI;
    assert!(close(wrap(0.1), 0.1, 1e-12));
    assert!(close(wrap(2.0 * PI - 0.1), -0.1, 1e-12));
    assert!(close(wrap(-2.0 * PI + 0.1), 0.1, 1e-12));
    assert!(close(wrap(PI), -PI, 1e-12));
}

const RECT: Rect = Rect {
    min: [0.0, 0.0],
    max: [10.0, 10.0],
};

#[test]
fn polygons_are_clipped_to_the_window() {
    let square = [[-5.0, -5.0], [5.0, -5.0], [5.0, 5.0], [-5.0, 5.0]];
    let clipped = clip_polygon(&square, RECT);
    assert!(clipped
        .iter()
        .all(|p| (0.0..=5.0).contains(&p[0]) && (0.0..=5.0).contains(&p[1])));
    let area = clipped
        .iter()
        .zip(clipped.iter().cycle().skip(1))
        .map(|(a, b)| a[0] * b[1] - b[0] * a[1])
        .sum::<f64>()
        / 2.0;
    assert!(close(area.abs(), 25.0, 1e-9), "{area}");
    assert!(clip_polygon(&[[20.0, 20.0], [30.0, 20.0], [30.0, 30.0]], RECT).is_empty());
    // A window wholly inside a shape becomes the window.
    let around = [[-50.0, -50.0], [50.0, -50.0], [50.0, 50.0], [-50.0, 50.0]];
    assert_eq!(clip_polygon(&around, RECT).len(), 4);
}

#[test]
fn polylines_are_cut_into_the_runs_inside_the_window() {
    let line = [
        [-5.0, 5.0],
        [5.0, 5.0],
        [5.0, 20.0],
        [8.0, 20.0],
        [8.0, 5.0],
    ];
    let runs = clip_polyline(&line, RECT);
    assert_eq!(
        runs,
        vec![
            vec![[0.0, 5.0], [5.0, 5.0], [5.0, 10.0]],
            vec![[8.0, 10.0], [8.0, 5.0]]
        ]
    );
    assert!(clip_polyline(&[[20.0, 0.0], [20.0, 10.0]], RECT).is_empty());
}

#[test]
fn simplification_drops_only_what_cannot_be_seen() {
    let wobbly: Vec<[f64; 2]> = (0..=100)
        .map(|i| [f64::from(i), if i % 2 == 0 { 0.0 } else { 0.3 }])
        .collect();
    assert_eq!(simplify(&wobbly, 0.5), vec![[0.0, 0.0], [100.0, 0.0]]);
    let corner = [[0.0, 0.0], [5.0, 0.1], [10.0, 0.0], [10.0, 10.0]];
    assert_eq!(
        simplify(&corner, 0.5),
        vec![[0.0, 0.0], [10.0, 0.0], [10.0, 10.0]]
    );
    // A closed ring keeps more than its one end point.
    let ring = [
        [0.0, 0.0],
        [10.0, 0.0],
        [10.0, 10.0],
        [0.0, 10.0],
        [0.0, 0.0],
    ];
    assert!(simplify(&ring, 0.5).len() >= 4);
}
