//! The PNG and SVG writers: sizes, colours, structure, escaping and errors.

use super::{decode_png, pixel_at};
use crate::glyphs::label_strokes;
use crate::style::{self, Rgb};
use crate::svg::escape;
use crate::{projection, render_png, render_svg, LatLon, MapError, Pin, Scene, View, MAX_SIDE};

fn austin() -> LatLon {
    LatLon::new(30.2672, -97.7431)
}

fn texas() -> Scene {
    Scene::new()
        .pin(Pin::new(30.2672, -97.7431).label(1).highlighted())
        .pin(Pin::new(32.7767, -96.7970).label(2))
        .pin(Pin::new(29.7604, -95.3698).label(12))
        .pin(Pin::new(29.4241, -98.4936))
        .circle(austin(), 80.47)
        .origin(austin())
}

fn parse(svg: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(svg).expect("the SVG is well-formed XML")
}

fn pin_circles<'a>(doc: &'a roxmltree::Document<'a>) -> Vec<roxmltree::Node<'a, 'a>> {
    let group = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("pins"));
    group.map_or(Vec::new(), |g| {
        g.children().filter(|n| n.has_tag_name("circle")).collect()
    })
}

#[test]
fn the_png_is_exactly_the_requested_size() {
    for (w, h) in [(800, 500), (1, 1), (333, 777), (MAX_SIDE, 16)] {
        let (pw, ph, data) = decode_png(&render_png(&texas(), w, h).unwrap());
        assert_eq!((pw, ph), (w, h));
        assert_eq!(data.len(), (w * h * 3) as usize);
    }
}

#[test]
fn a_pin_is_drawn_in_its_colour_where_it_is() {
    let scene = Scene::new()
        .pin(Pin::new(35.0, -100.0))
        .pin(Pin::new(40.0, -90.0).highlighted());
    let image = decode_png(&render_png(&scene, 800, 500).unwrap());
    let p = projection(&scene, 800, 500).unwrap();
    assert_eq!(pixel_at(&image, p.pixel(scene.pins[0].at)), style::PIN);
    assert_eq!(
        pixel_at(&image, p.pixel(scene.pins[1].at)),
        style::PIN_HIGHLIGHTED
    );
    // Its white ring, at the disc's edge (somewhere across it, as pixels fall).
    let [x, y] = p.pixel(scene.pins[0].at);
    let r = crate::style::Sizes::for_image(800, 500).pin_unlabelled;
    let across =
        [-1.0, -0.5, 0.0, 0.5, 1.0].map(|d| pixel_at(&image, [x + r + d, y.floor() + 0.5]));
    // A 1.5-pixel ring need not cover any one pixel whole; one must be nearly white.
    assert!(
        across.iter().any(|c| c.0.min(c.1).min(c.2) >= 245),
        "{across:?}"
    );
}

#[test]
fn a_numbered_pin_shows_white_digits_on_its_colour() {
    let scene = Scene::new().pin(Pin::new(35.0, -100.0).label(47));
    let image = decode_png(&render_png(&scene, 800, 500).unwrap());
    let [x, y] = projection(&scene, 800, 500)
        .unwrap()
        .pixel(scene.pins[0].at);
    let r = crate::style::Sizes::for_image(800, 500).pin;
    let (mut white, mut red) = (0, 0);
    for dy in -5..=5 {
        for dx in -5..=5 {
            match pixel_at(&image, [x + f64::from(dx), y + f64::from(dy)]) {
                c if c == style::DIGITS => white += 1,
                c if c == style::PIN => red += 1,
                _ => {}
            }
        }
    }
    assert!(
        white >= 10 && red >= 10,
        "{white} white and {red} red pixels"
    );
    // The digits stay inside the disc.
    let (strokes, width) = label_strokes(47, [x, y], r);
    for p in strokes.iter().flatten() {
        assert!(
            ((p[0] - x).hypot(p[1] - y) + width / 2.0) < r,
            "{p:?} sticks out"
        );
    }
}

#[test]
fn land_lakes_and_sea_have_their_colours() {
    let image = decode_png(&render_png(&Scene::new(), 800, 500).unwrap());
    let p = projection(&Scene::new(), 800, 500).unwrap();
    let at = |lat, lon| pixel_at(&image, p.project(LatLon::new(lat, lon)).unwrap());
    assert_eq!(at(38.5, -98.0), style::HOME_LAND); // Kansas
    assert_eq!(at(26.0, -89.0), style::WATER); // Gulf of Mexico
    assert_eq!(at(43.5, -87.0), style::WATER); // Lake Michigan
    assert_eq!(at(27.0, -103.0), style::FOREIGN_LAND); // Chihuahua
    assert_eq!(at(51.0, -75.0).0, style::FOREIGN_LAND.0); // Quebec, if the view reaches it
}

#[test]
fn the_svg_is_xml_with_a_title_and_one_element_per_visible_pin() {
    let svg = render_svg(&texas(), 800, 500).unwrap();
    let doc = parse(&svg);
    let root = doc.root_element();
    assert!(root.has_tag_name("svg"));
    assert_eq!(root.attribute("viewBox"), Some("0 0 800 500"));
    assert_eq!(root.attribute("role"), Some("img"));
    let label = root.attribute("aria-label").unwrap();
    assert!(
        label.starts_with("Map with 4 pins (1 highlighted), a circle of 80 km (50 mi) radius"),
        "{label}"
    );
    let title = root.children().find(|n| n.has_tag_name("title")).unwrap();
    assert_eq!(title.text(), Some(label));
    assert_eq!(pin_circles(&doc).len(), 4);
    let labels: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(labels.len(), 3);
    for n in ["1", "2", "12"] {
        assert!(labels.contains(&n), "{n} missing");
    }
    assert_eq!(
        doc.descendants()
            .filter(|n| n.attribute("class") == Some("circle"))
            .count(),
        1
    );
    assert_eq!(
        doc.descendants()
            .filter(|n| n.attribute("class") == Some("origin"))
            .count(),
        1
    );
}

#[test]
fn the_svg_draws_pins_where_the_png_does() {
    let scene = texas();
    let doc_text = render_svg(&scene, 800, 500).unwrap();
    let doc = parse(&doc_text);
    let p = projection(&scene, 800, 500).unwrap();
    let image = decode_png(&render_png(&scene, 800, 500).unwrap());
    let unlabelled = p.pixel(scene.pins[3].at);
    let svg_pin = pin_circles(&doc)
        .into_iter()
        .find(|c| {
            c.attribute("fill") == Some(style::PIN.hex().as_str())
                && c.next_sibling().is_none_or(|n| !n.has_tag_name("text"))
        })
        .unwrap();
    let cx: f64 = svg_pin.attribute("cx").unwrap().parse().unwrap();
    let cy: f64 = svg_pin.attribute("cy").unwrap().parse().unwrap();
    assert!((cx - unlabelled[0]).abs() <= 0.05 && (cy - unlabelled[1]).abs() <= 0.05);
    assert_eq!(pixel_at(&image, unlabelled), style::PIN);
}

#[test]
fn the_svg_references_nothing_outside_itself() {
    let svg = render_svg(&texas(), 800, 500).unwrap();
    for needle in [
        "href", "<image", "<script", "url(", "@import", "<style", " id=",
    ] {
        assert!(!svg.contains(needle), "{needle} in the SVG");
    }
    let doc = parse(&svg);
    let tags: std::collections::BTreeSet<&str> = doc
        .descendants()
        .filter(|n| n.is_element())
        .map(|n| n.tag_name().name())
        .collect();
    assert!(
        tags.iter()
            .all(|t| ["svg", "title", "rect", "path", "g", "circle", "text"].contains(t)),
        "{tags:?}"
    );
}

#[test]
fn a_pin_outside_a_fixed_view_is_not_drawn() {
    let view = View::Centre {
        centre: austin(),
        span_km: 300.0,
    };
    let scene = Scene::new()
        .pin(Pin::new(30.27, -97.74).label(1))
        .pin(Pin::new(40.71, -74.0).label(2))
        .view(view);
    let doc_text = render_svg(&scene, 800, 500).unwrap();
    let doc = parse(&doc_text);
    assert_eq!(pin_circles(&doc).len(), 1);
    let labels: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(labels, ["1"]);
    assert!(
        doc.root_element()
            .attribute("aria-label")
            .unwrap()
            .starts_with("Map with 1 pin,")
            || doc.root_element().attribute("aria-label").unwrap() == "Map with 1 pin"
    );
    assert!(projection(&scene, 800, 500)
        .unwrap()
        .project(scene.pins[1].at)
        .is_none());
}

#[test]
fn text_is_escaped() {
    let nasty = "Rally <script>alert('x')</script> & \"more\"\u{1}";
    let scene = Scene::new()
        .pin(Pin::new(30.27, -97.74).label(1).title(nasty))
        .description(nasty);
    let svg = render_svg(&scene, 800, 500).unwrap();
    assert!(!svg.contains("<script"));
    let doc = parse(&svg);
    let clean = nasty.replace('\u{1}', "");
    assert_eq!(
        doc.root_element().attribute("aria-label"),
        Some(clean.as_str())
    );
    let titles: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("title"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(titles, [clean.as_str(), clean.as_str()]);
    assert_eq!(escape("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&apos;");
}

#[test]
fn bad_input_is_an_error_not_a_panic() {
    let scene = texas();
    for (w, h) in [(0, 500), (800, 0), (MAX_SIDE + 1, 500), (800, u32::MAX)] {
        assert!(
            matches!(render_png(&scene, w, h), Err(MapError::Size { .. })),
            "{w}x{h}"
        );
        assert!(
            matches!(render_svg(&scene, w, h), Err(MapError::Size { .. })),
            "{w}x{h}"
        );
    }
    let bad = |scene: Scene| render_png(&scene, 100, 100).unwrap_err();
    assert_eq!(
        bad(Scene::new().pin(Pin::new(0.0, 0.0).label(0))),
        MapError::Label(0)
    );
    assert_eq!(
        bad(Scene::new().pin(Pin::new(0.0, 0.0).label(100))),
        MapError::Label(100)
    );
    assert!(matches!(
        bad(Scene::new().pin(Pin::new(f64::NAN, 0.0))),
        MapError::Coordinate { .. }
    ));
    assert!(matches!(
        bad(Scene::new().pin(Pin::new(91.0, 0.0))),
        MapError::Coordinate { .. }
    ));
    assert!(matches!(
        bad(Scene::new().origin(LatLon::new(0.0, f64::INFINITY))),
        MapError::Coordinate { .. }
    ));
    assert!(matches!(
        bad(Scene::new().circle(austin(), 0.0)),
        MapError::Radius(_)
    ));
    assert!(matches!(
        bad(Scene::new().circle(austin(), f64::NAN)),
        MapError::Radius(_)
    ));
    assert!(matches!(
        bad(Scene::new().view(View::Centre {
            centre: austin(),
            span_km: 0.0
        })),
        MapError::Span(_)
    ));
    assert!(matches!(
        bad(Scene::new().view(View::Fit { min_span_km: -1.0 })),
        MapError::Span(_)
    ));
}

#[test]
fn odd_scenes_render_without_panicking() {
    let scenes = [
        Scene::new().pin(Pin::new(89.9, 0.0)),
        Scene::new()
            .pin(Pin::new(-89.9, 179.99))
            .pin(Pin::new(-89.9, -179.99)),
        Scene::new().pins((0..360).map(|i| Pin::new(0.0, f64::from(i) - 180.0))),
        Scene::new().circle(LatLon::new(80.0, 0.0), 5000.0),
        Scene::new().circle(LatLon::new(0.0, 180.0), 3000.0),
        Scene::new().view(View::Centre {
            centre: LatLon::new(0.0, 180.0),
            span_km: 40_000.0,
        }),
        Scene::new().view(View::Centre {
            centre: austin(),
            span_km: 0.001,
        }),
    ];
    for scene in scenes {
        for (w, h) in [(800, 500), (1, 1), (50, 2000)] {
            assert!(render_png(&scene, w, h).is_ok());
            parse(&render_svg(&scene, w, h).unwrap());
        }
    }
}

#[test]
fn rendering_is_deterministic() {
    assert_eq!(
        render_png(&texas(), 640, 400).unwrap(),
        render_png(&texas(), 640, 400).unwrap()
    );
    assert_eq!(
        render_svg(&texas(), 640, 400).unwrap(),
        render_svg(&texas(), 640, 400).unwrap()
    );
}

#[test]
fn a_us_wide_svg_with_100_pins_stays_small() {
    let pins = (0..100).map(|i| {
        let pin = Pin::new(
            26.0 + f64::from(i % 10) * 2.2,
            -122.0 + f64::from(i / 10) * 5.0,
        );
        if i < 99 {
            pin.label(i as u8 + 1)
        } else {
            pin
        }
    });
    let svg = render_svg(&Scene::new().pins(pins), 800, 500).unwrap();
    assert!(svg.len() < 40_000, "{} bytes", svg.len());
}

#[test]
fn colours_are_written_as_hex() {
    assert_eq!(Rgb(0x0a, 0xbc, 0xff).hex(), "#0abcff");
}
