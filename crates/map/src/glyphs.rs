//! Pin numbers without a font: each digit is a few strokes in a 6 by 10 box (y down), drawn
//! with round caps and joins. The SVG writes the same numbers as `<text>` at the same size.

use crate::clip::Pt;

const BOX_W: f64 = 6.0;
const BOX_H: f64 = 10.0;
const GAP: f64 = 1.4;
/// Stroke width, in box units.
pub(crate) const STROKE: f64 = 1.7;

/// How tall a label's digits are on a pin of this radius: one digit fills more of the disc
/// than two, which must fit side by side.
pub(crate) fn digit_height(label: u8, radius: f64) -> f64 {
    if label >= 10 {
        radius * 0.86
    } else {
        radius * 1.02
    }
}

/// The strokes of a label centred on `centre`, in pixels, and the stroke width.
pub(crate) fn label_strokes(label: u8, centre: Pt, radius: f64) -> (Vec<Vec<Pt>>, f64) {
    let h = digit_height(label, radius);
    let unit = h / BOX_H;
    let digits: Vec<u8> = if label >= 10 {
        vec![label / 10, label % 10]
    } else {
        vec![label]
    };
    let n = digits.len() as f64;
    let width = (n * BOX_W + (n - 1.0) * GAP) * unit;
    let mut strokes = Vec::new();
    for (i, d) in digits.into_iter().enumerate() {
        let left = centre[0] - width / 2.0 + i as f64 * (BOX_W + GAP) * unit;
        let top = centre[1] - h / 2.0;
        for line in digit(d) {
            strokes.push(
                line.iter()
                    .map(|[x, y]| [left + x * unit, top + y * unit])
                    .collect(),
            );
        }
    }
    (strokes, STROKE * unit)
}

/// An ellipse as a closed polyline; enough points to look round at pin size.
fn ellipse(cx: f64, cy: f64, rx: f64, ry: f64) -> Vec<Pt> {
    (0..=16)
        .map(|i| {
            let a = std::f64::consts::TAU * f64::from(i) / 16.0;
            [cx + rx * a.sin(), cy - ry * a.cos()]
        })
        .collect()
}

fn line(points: &[(f64, f64)]) -> Vec<Pt> {
    points.iter().map(|&(x, y)| [x, y]).collect()
}

/// A digit's strokes in box units.
fn digit(d: u8) -> Vec<Vec<Pt>> {
    match d {
        0 => vec![ellipse(3.0, 5.0, 2.9, 4.9)],
        1 => vec![line(&[(1.4, 2.3), (3.9, 0.0), (3.9, 10.0)])],
        2 => vec![line(&[
            (0.3, 2.3),
            (1.0, 0.9),
            (2.2, 0.1),
            (3.6, 0.0),
            (4.9, 0.5),
            (5.7, 1.7),
            (5.7, 3.2),
            (5.0, 4.6),
            (0.1, 10.0),
            (6.0, 10.0),
        ])],
        3 => vec![line(&[
            (0.3, 1.3),
            (1.6, 0.2),
            (3.2, 0.0),
            (4.6, 0.4),
            (5.5, 1.5),
            (5.5, 3.1),
            (4.6, 4.2),
            (2.4, 4.7),
            (4.6, 5.1),
            (5.8, 6.3),
            (5.8, 8.2),
            (4.9, 9.4),
            (3.3, 10.0),
            (1.6, 9.8),
            (0.2, 8.8),
        ])],
        4 => vec![line(&[(4.5, 10.0), (4.5, 0.0), (0.0, 7.0), (6.0, 7.0)])],
        5 => vec![line(&[
            (5.4, 0.0),
            (1.0, 0.0),
            (0.5, 4.4),
            (1.8, 3.8),
            (3.3, 3.7),
            (4.8, 4.2),
            (5.8, 5.5),
            (5.8, 7.8),
            (4.9, 9.3),
            (3.3, 10.0),
            (1.6, 9.8),
            (0.2, 8.8),
        ])],
        6 => six(),
        7 => vec![line(&[(0.0, 0.0), (6.0, 0.0), (2.2, 10.0)])],
        8 => vec![ellipse(3.0, 2.55, 2.4, 2.55), ellipse(3.0, 7.35, 2.9, 2.65)],
        // A 6 turned half a turn.
        9 => six()
            .into_iter()
            .map(|l| l.into_iter().map(|[x, y]| [BOX_W - x, BOX_H - y]).collect())
            .collect(),
        _ => unreachable!("digits are 0..=9"),
    }
}

fn six() -> Vec<Vec<Pt>> {
    vec![
        line(&[
            (5.2, 0.8),
            (4.0, 0.1),
            (2.6, 0.2),
            (1.3, 1.0),
            (0.4, 2.6),
            (0.1, 4.6),
            (0.1, 6.9),
        ]),
        ellipse(3.0, 6.9, 2.9, 3.1),
    ]
}
