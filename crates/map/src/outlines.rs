//! The embedded country and state outlines (format in data/README.md), decoded once into
//! Web Mercator coordinates so each render only scales and shifts them.

use std::collections::HashMap;
use std::f64::consts::{PI, TAU};
use std::io::Read;
use std::sync::OnceLock;

use flate2::read::GzDecoder;

use crate::project::{mercator, Bounds};

/// `data/outlines.bin.gz`, written by `scripts/build-outlines.py`.
static EMBEDDED: &[u8] =
    include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/outlines.bin.gz"));

const MAGIC: &[u8] = b"rallybot-outlines\x001\x00";

/// A shared piece of boundary, as in TopoJSON: two neighbours reference the same arc, so a
/// border is simplified and stroked once and their fills meet exactly.
pub(crate) struct Arc {
    /// Mercator x (longitude in radians) and y. Longitudes run on past ±180 where the arc
    /// crosses the antimeridian (Natural Earth draws Russia and Fiji as one piece across it,
    /// with a jump from 180 to -180), so every step is the short way round.
    pub points: Vec<[f64; 2]>,
    /// What was added to the last point's x by running on: a multiple of 2 PI, usually 0.
    pub wrap: f64,
    pub bounds: Bounds,
    /// How many drawn features use the arc: 1 for a coast, 2 for a border between two.
    pub uses: u8,
    /// Whether a feature that is not drawn (one the states layer replaces) also uses it.
    pub touches_replaced: bool,
}

/// A closed ring of arc references: `i` is arc i forwards, `!i` (that is `-1 - i`) backwards.
pub(crate) struct Ring {
    pub arcs: Vec<i32>,
    /// Mercator x added to each arc (a multiple of 2 PI) so each starts where the last ended.
    pub offsets: Vec<f64>,
    /// For a ring that goes once around a pole (Antarctica), the Mercator y along which to
    /// close it, beyond the map's edge; a plain ring closes on itself.
    pub cap: Option<f64>,
    pub bounds: Bounds,
}

/// Names and codes are not needed to draw (only the merged outline is filled); they are
/// kept so tests can check the data is what it claims to be.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) struct Feature {
    /// ISO 3166 numeric code for countries, FIPS code for states; empty for a few disputed areas.
    pub code: String,
    pub name: String,
    /// Left undrawn because the states layer draws the same land better.
    pub replaced: bool,
    pub polygons: usize,
}

#[cfg_attr(not(test), allow(dead_code))] // features: see Feature
pub(crate) struct Layer {
    pub name: String,
    pub arcs: Vec<Arc>,
    pub features: Vec<Feature>,
    /// The outline of all drawn features together (see [`merge`]): what is filled.
    pub merged: Vec<Ring>,
}

pub(crate) struct Outlines {
    pub countries: Layer,
    pub states: Layer,
}

/// The outlines, decoded on first use (some milliseconds) and kept for the process.
pub(crate) fn outlines() -> &'static Outlines {
    static OUTLINES: OnceLock<Outlines> = OnceLock::new();
    OUTLINES.get_or_init(|| {
        // The file is built and checked with the crate (tests decode it), so a failure here
        // is a broken build, not a runtime condition.
        decode(EMBEDDED).expect("embedded outline data is valid")
    })
}

pub(crate) fn decode(gzipped: &[u8]) -> Result<Outlines, String> {
    let mut raw = Vec::new();
    GzDecoder::new(gzipped)
        .read_to_end(&mut raw)
        .map_err(|e| format!("gzip: {e}"))?;
    let mut r = Reader { data: &raw, at: 0 };
    if r.take(MAGIC.len())? != MAGIC {
        return Err("not a rallybot outlines file (version 1)".into());
    }
    let mut layers = Vec::new();
    for _ in 0..r.varint()? {
        layers.push(read_layer(&mut r)?);
    }
    if r.at != raw.len() {
        return Err("trailing bytes".into());
    }
    let mut take = |name: &str| {
        layers
            .iter()
            .position(|l| l.name == name)
            .map(|i| layers.swap_remove(i))
            .ok_or(format!("no {name} layer"))
    };
    Ok(Outlines {
        countries: take("countries")?,
        states: take("states")?,
    })
}

fn read_layer(r: &mut Reader) -> Result<Layer, String> {
    let name = r.text()?;
    let [sx, sy, tx, ty] = [r.f64()?, r.f64()?, r.f64()?, r.f64()?];
    let arc_count = r.varint()?;
    let mut arcs = Vec::with_capacity(arc_count.min(1 << 16));
    for _ in 0..arc_count {
        let n = r.varint()?;
        if n < 2 {
            return Err(format!("{name}: an arc of {n} points"));
        }
        let (mut x, mut y) = (0i64, 0i64);
        let mut points: Vec<[f64; 2]> = Vec::with_capacity(n.min(1 << 16));
        let mut bounds = Bounds::EMPTY;
        let mut wrap = 0.0;
        for _ in 0..n {
            x += r.svarint()?;
            y += r.svarint()?;
            let mut p = mercator(ty + y as f64 * sy, tx + x as f64 * sx);
            if let Some(last) = points.last() {
                let step = p[0] + wrap - last[0];
                if step > PI {
                    wrap -= TAU;
                } else if step < -PI {
                    wrap += TAU;
                }
            }
            p[0] += wrap;
            bounds.include(p);
            points.push(p);
        }
        arcs.push(Arc {
            points,
            wrap,
            bounds,
            uses: 0,
            touches_replaced: false,
        });
    }
    let mut features = Vec::new();
    for _ in 0..r.varint()? {
        let code = r.text()?;
        let name = r.text()?;
        let replaced = r.byte()? != 0;
        let polygons = r.varint()?;
        for _ in 0..polygons {
            for _ in 0..r.varint()? {
                for _ in 0..r.varint()? {
                    let reference = i32::try_from(r.svarint()?).map_err(|_| "arc reference")?;
                    let arc = arcs
                        .get_mut(arc_index(reference))
                        .ok_or(format!("{name}: arc {reference} out of range"))?;
                    if replaced {
                        arc.touches_replaced = true;
                    } else {
                        arc.uses = arc.uses.saturating_add(1);
                    }
                }
            }
        }
        features.push(Feature {
            code,
            name,
            replaced,
            polygons,
        });
    }
    let merged = merge(&arcs);
    Ok(Layer {
        name,
        arcs,
        features,
        merged,
    })
}

/// The arc a reference points at, whichever way it runs.
pub(crate) fn arc_index(reference: i32) -> usize {
    (if reference < 0 { !reference } else { reference }) as usize
}

/// The outline of the union of the drawn features: every arc exactly one of them uses (a
/// coast, or an edge towards undrawn land), chained end to end into closed rings.
///
/// Filled even-odd, these cover the same ground as all the features filled one by one, but
/// no border between two neighbours is drawn twice, or at all: the fill of a US map is its
/// coast and outer border only. Which arc follows which where several meet does not matter:
/// even-odd only counts how many edges a ray crosses.
fn merge(arcs: &[Arc]) -> Vec<Ring> {
    // Arcs meet at identical points of the source grid, so their bits are a fine key; the
    // last point is taken as stored, before running on past the antimeridian.
    let key = |p: [f64; 2]| (p[0].to_bits(), p[1].to_bits());
    let outer: Vec<usize> = (0..arcs.len()).filter(|&i| arcs[i].uses == 1).collect();
    let ends = |reference: i32| {
        let arc = &arcs[arc_index(reference)];
        let last = arc.points[arc.points.len() - 1];
        let (a, b) = (arc.points[0], [last[0] - arc.wrap, last[1]]);
        if reference < 0 {
            (b, a)
        } else {
            (a, b)
        }
    };
    let mut at_node: HashMap<(u64, u64), Vec<i32>> = HashMap::new();
    for &i in &outer {
        for reference in [i as i32, !(i as i32)] {
            at_node
                .entry(key(ends(reference).0))
                .or_default()
                .push(reference);
        }
    }
    let mut used = vec![false; arcs.len()];
    let mut rings = Vec::new();
    for &i in &outer {
        if used[i] {
            continue;
        }
        let mut references = Vec::new();
        let mut next = Some(i as i32);
        let start = key(ends(i as i32).0);
        while let Some(reference) = next {
            used[arc_index(reference)] = true;
            references.push(reference);
            let end = key(ends(reference).1);
            next = if end == start {
                None
            } else {
                // Data that does not close (it should) ends the ring here; filling closes it.
                at_node
                    .get(&end)
                    .and_then(|refs| refs.iter().copied().find(|&r| !used[arc_index(r)]))
            };
        }
        rings.push(place(references, arcs));
    }
    rings
}

/// Lays a ring's arcs end to end in Mercator x: each arc moved by whole turns of the globe
/// to start where the one before ended, so a ring across the antimeridian stays one shape.
fn place(references: Vec<i32>, arcs: &[Arc]) -> Ring {
    let mut offsets = Vec::with_capacity(references.len());
    let mut bounds = Bounds::EMPTY;
    let (mut first, mut end): (Option<[f64; 2]>, Option<[f64; 2]>) = (None, None);
    for &reference in &references {
        let arc = &arcs[arc_index(reference)];
        let (a, b) = (arc.points[0], arc.points[arc.points.len() - 1]);
        let (from, to) = if reference < 0 { (b, a) } else { (a, b) };
        let offset = end.map_or(0.0, |e| ((e[0] - from[0]) / TAU).round() * TAU);
        first.get_or_insert(from);
        end = Some([to[0] + offset, to[1]]);
        bounds.include([arc.bounds.min[0] + offset, arc.bounds.min[1]]);
        bounds.include([arc.bounds.max[0] + offset, arc.bounds.max[1]]);
        offsets.push(offset);
    }
    // Back at the start, but a whole turn east or west of it: the ring goes around a pole,
    // and closes along a line of latitude past the map's edge, on the side it lies.
    let cap = match (first, end) {
        (Some(f), Some(e)) if (e[0] - f[0]).abs() > PI => {
            let y = mercator(90.0, 0.0)[1] * 1.01;
            Some(if bounds.max[1] < 0.0 { -y } else { y })
        }
        _ => None,
    };
    if let Some(y) = cap {
        bounds.include([bounds.min[0], y]);
    }
    Ring {
        arcs: references,
        offsets,
        cap,
        bounds,
    }
}

struct Reader<'a> {
    data: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.data.len());
        let end = end.ok_or("truncated")?;
        let bytes = &self.data[self.at..end];
        self.at = end;
        Ok(bytes)
    }

    fn byte(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }

    fn varint(&mut self) -> Result<usize, String> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            value |= u64::from(b & 0x7F) << shift;
            if b & 0x80 == 0 {
                return usize::try_from(value).map_err(|_| "varint too large".to_string());
            }
        }
        Err("varint too long".into())
    }

    fn svarint(&mut self) -> Result<i64, String> {
        let z = self.varint()? as u64;
        Ok((z >> 1) as i64 ^ -((z & 1) as i64))
    }

    fn f64(&mut self) -> Result<f64, String> {
        let bytes: [u8; 8] = self.take(8)?.try_into().expect("took 8 bytes");
        Ok(f64::from_le_bytes(bytes))
    }

    fn text(&mut self) -> Result<String, String> {
        let n = self.varint()?;
        String::from_utf8(self.take(n)?.to_vec()).map_err(|_| "text is not UTF-8".to_string())
    }
}
