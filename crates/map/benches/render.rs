//! Render times and output sizes, with figures printed, never asserted:
//!
//!     cargo bench -p map --bench render
//!     RENDER_BENCH_ROUNDS=50 cargo bench -p map --bench render
//!
//! Scenes: 25 numbered pins over Texas with a 50-mile circle around Austin (the reply to a
//! nearby search), and 100 pins spread over the contiguous US (a web page of every rally).
//! The first render, which also decodes the embedded outlines, is timed on its own.

use std::hint::black_box;
use std::time::{Duration, Instant};

use map::{LatLon, Pin, Scene};

const WIDTH: u32 = 800;
const HEIGHT: u32 = 500;

fn main() {
    let rounds: usize = std::env::var("RENDER_BENCH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let texas = texas();
    let us = us(100);

    let start = Instant::now();
    black_box(map::render_png(&texas, WIDTH, HEIGHT).expect("renders"));
    println!(
        "first render (decodes the outlines): {:.1} ms",
        ms(start.elapsed())
    );

    println!("{rounds} rounds each, {WIDTH}x{HEIGHT}:");
    println!(
        "{:<34} {:>8} {:>8} {:>10}",
        "render", "p50 ms", "p99 ms", "bytes"
    );
    let row = |name: &str, render: &dyn Fn() -> usize| {
        let mut times = Vec::with_capacity(rounds);
        let mut bytes = 0;
        for _ in 0..rounds {
            let start = Instant::now();
            bytes = black_box(render());
            times.push(start.elapsed());
        }
        times.sort();
        let at = |q: f64| ms(times[((times.len() - 1) as f64 * q).round() as usize]);
        println!("{name:<34} {:>8.2} {:>8.2} {bytes:>10}", at(0.50), at(0.99));
    };
    row("PNG, Texas, 25 pins + circle", &|| png(&texas));
    row("SVG, Texas, 25 pins + circle", &|| svg(&texas));
    row("PNG, contiguous US, 100 pins", &|| png(&us));
    row("SVG, contiguous US, 100 pins", &|| svg(&us));
    row("SVG, contiguous US, no pins", &|| svg(&Scene::new()));
}

fn png(scene: &Scene) -> usize {
    map::render_png(scene, WIDTH, HEIGHT)
        .expect("renders")
        .len()
}

fn svg(scene: &Scene) -> usize {
    map::render_svg(scene, WIDTH, HEIGHT)
        .expect("renders")
        .len()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// A fixed pseudo-random sequence (an LCG), so every run draws the same scenes.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn texas() -> Scene {
    let austin = LatLon::new(30.2672, -97.7431);
    let mut rng = Rng(25);
    let pins = (1..=25u8).map(|n| {
        let pin = Pin::new(26.0 + rng.next() * 9.0, -106.0 + rng.next() * 12.0).label(n);
        if n == 1 {
            pin.highlighted()
        } else {
            pin
        }
    });
    Scene::new().pins(pins).circle(austin, 80.47).origin(austin)
}

/// Pins over the contiguous US box (some land in Canada, Mexico or the sea: the size of the
/// SVG depends on the outlines in view, not on where the pins are).
fn us(count: usize) -> Scene {
    let mut rng = Rng(100);
    let pins = (0..count).map(|i| {
        let pin = Pin::new(25.5 + rng.next() * 23.0, -123.0 + rng.next() * 54.0);
        match u8::try_from(i + 1) {
            Ok(n) if n <= 99 => pin.label(n),
            _ => pin,
        }
    });
    Scene::new().pins(pins)
}
