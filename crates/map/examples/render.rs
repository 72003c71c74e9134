//! Writes map.png and map.svg for a sample scene, to look at:
//!
//!     cargo run -p map --release --example render [-- OUT_DIR]
//!
//! 25 numbered pins around Texas, the one in Austin highlighted, and a 50-mile search
//! circle around Austin with the origin marked.

use std::path::PathBuf;

use map::{LatLon, Pin, Scene};

/// Towns in and around Texas (lat, lon, name).
const PLACES: [(f64, f64, &str); 25] = [
    (30.2672, -97.7431, "Austin"),
    (30.5083, -97.6789, "Round Rock"),
    (29.8833, -97.9414, "San Marcos"),
    (30.6280, -96.3344, "College Station"),
    (29.4241, -98.4936, "San Antonio"),
    (29.7604, -95.3698, "Houston"),
    (32.7767, -96.7970, "Dallas"),
    (32.7555, -97.3308, "Fort Worth"),
    (31.5493, -97.1467, "Waco"),
    (31.1171, -97.7278, "Killeen"),
    (27.8006, -97.3964, "Corpus Christi"),
    (26.2034, -98.2300, "McAllen"),
    (25.9017, -97.4975, "Brownsville"),
    (27.5306, -99.4803, "Laredo"),
    (31.7619, -106.4850, "El Paso"),
    (35.2220, -101.8313, "Amarillo"),
    (33.5779, -101.8552, "Lubbock"),
    (31.9973, -102.0779, "Midland"),
    (32.4487, -99.7331, "Abilene"),
    (31.4638, -100.4370, "San Angelo"),
    (30.0802, -94.1266, "Beaumont"),
    (32.3513, -95.3011, "Tyler"),
    (33.9137, -98.4934, "Wichita Falls"),
    (29.3013, -94.7977, "Galveston"),
    (30.0383, -99.1403, "Kerrville"),
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    let austin = LatLon::new(30.2672, -97.7431);
    let pins = PLACES.iter().enumerate().map(|(i, &(lat, lon, name))| {
        let pin = Pin::new(lat, lon)
            .label(i as u8 + 1)
            .title(format!("Rally in {name}"));
        if i == 0 {
            pin.highlighted()
        } else {
            pin
        }
    });
    let scene = Scene::new()
        .pins(pins)
        .circle(austin, 50.0 * 1.609_344)
        .origin(austin)
        .description("Rallies in Texas: 25 numbered pins, and 50 miles around Austin");
    let png = map::render_png(&scene, 800, 500)?;
    let svg = map::render_svg(&scene, 800, 500)?;
    std::fs::write(dir.join("map.png"), &png)?;
    std::fs::write(dir.join("map.svg"), &svg)?;
    println!(
        "wrote {} ({} bytes) and {} ({} bytes)",
        dir.join("map.png").display(),
        png.len(),
        dir.join("map.svg").display(),
        svg.len()
    );
    Ok(())
}
