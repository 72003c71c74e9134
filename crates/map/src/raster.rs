//! The frame painted with tiny-skia and encoded as PNG, for chat attachments.

use tiny_skia::{
    Color, FillRule, LineCap, LineJoin, Paint, Path, PathBuilder, Pixmap, Stroke, StrokeDash,
    Transform,
};

use crate::clip::Pt;
use crate::error::MapError;
use crate::frame::Frame;
use crate::glyphs::label_strokes;
use crate::scene::PinKind;
use crate::style::{self, Rgb};

pub(crate) fn write(frame: &Frame) -> Result<Vec<u8>, MapError> {
    // The size was checked when the frame was made, so this cannot fail on size.
    let mut pixmap = Pixmap::new(frame.width, frame.height)
        .ok_or_else(|| MapError::Encode("no pixmap of that size".into()))?;
    let s = &frame.sizes;
    pixmap.fill(colour(style::WATER, 1.0));
    if let Some(path) = path(&frame.foreign_land, true) {
        let land = paint(style::FOREIGN_LAND, 1.0);
        pixmap.fill_path(&path, &land, FillRule::EvenOdd, Transform::identity(), None);
    }
    if let Some(path) = path(&frame.home_land, true) {
        let land = paint(style::HOME_LAND, 1.0);
        pixmap.fill_path(&path, &land, FillRule::EvenOdd, Transform::identity(), None);
        let coast = paint(style::COAST, 1.0);
        pixmap.stroke_path(&path, &coast, &stroke(s.coast), Transform::identity(), None);
    }
    for (lines, rgb, width) in [
        (&frame.state_lines, style::STATE_LINE, s.state_line),
        (&frame.borders, style::BORDER, s.border),
        (&frame.coast, style::COAST, s.coast),
    ] {
        if let Some(path) = path(lines, false) {
            pixmap.stroke_path(
                &path,
                &paint(rgb, 1.0),
                &stroke(width),
                Transform::identity(),
                None,
            );
        }
    }
    if let Some(ring) = &frame.circle {
        if let Some(path) = path(std::slice::from_ref(ring), true) {
            let fill = paint(style::CIRCLE, style::CIRCLE_FILL_OPACITY);
            pixmap.fill_path(&path, &fill, FillRule::Winding, Transform::identity(), None);
            let mut line = stroke(s.circle);
            line.line_cap = LineCap::Butt;
            line.dash =
                StrokeDash::new(vec![s.circle_dash[0] as f32, s.circle_dash[1] as f32], 0.0);
            pixmap.stroke_path(
                &path,
                &paint(style::CIRCLE, 1.0),
                &line,
                Transform::identity(),
                None,
            );
        }
    }
    if let Some(at) = frame.origin {
        disc(&mut pixmap, at, s.origin, style::PIN_RING);
        ring(&mut pixmap, at, s.origin, s.origin * 0.4, style::ORIGIN);
        disc(&mut pixmap, at, s.origin * 0.3, style::ORIGIN);
    }
    for pin in &frame.pins {
        let fill = match pin.kind {
            PinKind::Normal => style::PIN,
            PinKind::Highlighted => style::PIN_HIGHLIGHTED,
        };
        disc(&mut pixmap, pin.at, pin.radius, fill);
        ring(&mut pixmap, pin.at, pin.radius, s.pin_ring, style::PIN_RING);
        if let Some(label) = pin.label {
            let (strokes, width) = label_strokes(label, pin.at, pin.radius);
            if let Some(path) = path(&strokes, false) {
                let paint = paint(style::DIGITS, 1.0);
                pixmap.stroke_path(&path, &paint, &stroke(width), Transform::identity(), None);
            }
        }
    }
    encode(&pixmap).map_err(|e| MapError::Encode(e.to_string()))
}

/// PNG of the pixmap as 8-bit RGB. The map is opaque (it starts with a water fill and only
/// paints over it), so premultiplied RGBA is plain RGB and the alpha channel can go.
///
/// Deflate level 2: measured on an 800x500 US map, 7.6 ms for 119 KB, against 17 ms for
/// 115 KB at the default level and 1.4 ms for 145 KB with the fastest.
fn encode(pixmap: &Pixmap) -> Result<Vec<u8>, png::EncodingError> {
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect();
    let mut out = Vec::with_capacity(rgb.len() / 4);
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_deflate_compression(png::DeflateCompression::Level(2));
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&rgb)?;
    writer.finish()?;
    Ok(out)
}

fn colour(rgb: Rgb, alpha: f32) -> Color {
    let mut c = Color::from_rgba8(rgb.0, rgb.1, rgb.2, 255);
    c.set_alpha(alpha);
    c
}

fn paint(rgb: Rgb, alpha: f32) -> Paint<'static> {
    let mut paint = Paint {
        anti_alias: true,
        ..Paint::default()
    };
    paint.set_color(colour(rgb, alpha));
    paint
}

fn stroke(width: f64) -> Stroke {
    Stroke {
        width: width as f32,
        line_cap: LineCap::Round,
        line_join: LineJoin::Round,
        ..Stroke::default()
    }
}

/// One path of many polylines; `None` when there is nothing to draw.
fn path(lines: &[Vec<Pt>], close: bool) -> Option<Path> {
    let mut pb = PathBuilder::new();
    for line in lines {
        let Some((first, rest)) = line.split_first() else {
            continue;
        };
        pb.move_to(first[0] as f32, first[1] as f32);
        for p in rest {
            pb.line_to(p[0] as f32, p[1] as f32);
        }
        if close {
            pb.close();
        }
    }
    pb.finish()
}

fn disc(pixmap: &mut Pixmap, at: Pt, radius: f64, rgb: Rgb) {
    if let Some(circle) = PathBuilder::from_circle(at[0] as f32, at[1] as f32, radius as f32) {
        pixmap.fill_path(
            &circle,
            &paint(rgb, 1.0),
            FillRule::Winding,
            Transform::identity(),
            None,
        );
    }
}

/// A ring straddling the circle of `radius`, as the SVG's stroked `<circle>` draws it.
fn ring(pixmap: &mut Pixmap, at: Pt, radius: f64, width: f64, rgb: Rgb) {
    if let Some(circle) = PathBuilder::from_circle(at[0] as f32, at[1] as f32, radius as f32) {
        pixmap.stroke_path(
            &circle,
            &paint(rgb, 1.0),
            &stroke(width),
            Transform::identity(),
            None,
        );
    }
}
