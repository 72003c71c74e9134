//! The frame as one standalone `<svg>` element, to inline in a web page.
//!
//! Size matters (it is sent with every page): coordinates are tenths of a pixel written as
//! relative moves, one `<path>` per kind of line, colours on groups. It has no ids (two maps
//! on a page would clash), no `<style>` (it would leak into the page), and no external
//! references.

use std::fmt::Write;

use crate::clip::Pt;
use crate::frame::Frame;
use crate::glyphs::digit_height;
use crate::scene::PinKind;
use crate::style;

/// Digit height as a fraction of the font size in common sans-serif fonts (Arial 0.716,
/// DejaVu Sans 0.729), so `<text>` digits come out as tall as the PNG's.
const DIGIT_EM: f64 = 0.72;

pub(crate) fn write(frame: &Frame) -> String {
    let (w, h) = (frame.width, frame.height);
    let s = &frame.sizes;
    let description = escape(&frame.description);
    let mut out = String::with_capacity(32 << 10);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" \
         viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{description}\">\
         <title>{description}</title>\
         <rect width=\"{w}\" height=\"{h}\" fill=\"{}\"/>",
        style::WATER.hex()
    );
    if !frame.foreign_land.is_empty() {
        let _ = write!(
            out,
            "<path fill=\"{}\" fill-rule=\"evenodd\" d=\"{}\"/>",
            style::FOREIGN_LAND.hex(),
            path_data(&frame.foreign_land, true)
        );
    }
    if !frame.home_land.is_empty() {
        let _ = write!(
            out,
            "<path fill=\"{}\" fill-rule=\"evenodd\" stroke=\"{}\" stroke-width=\"{}\" \
             stroke-linejoin=\"round\" d=\"{}\"/>",
            style::HOME_LAND.hex(),
            style::COAST.hex(),
            num(s.coast),
            path_data(&frame.home_land, true)
        );
    }
    out.push_str("<g fill=\"none\" stroke-linejoin=\"round\" stroke-linecap=\"round\">");
    for (lines, colour, width) in [
        (&frame.state_lines, style::STATE_LINE, s.state_line),
        (&frame.borders, style::BORDER, s.border),
        (&frame.coast, style::COAST, s.coast),
    ] {
        if !lines.is_empty() {
            let _ = write!(
                out,
                "<path stroke=\"{}\" stroke-width=\"{}\" d=\"{}\"/>",
                colour.hex(),
                num(width),
                path_data(lines, false)
            );
        }
    }
    out.push_str("</g>");
    if let Some(ring) = &frame.circle {
        let c = style::CIRCLE.hex();
        let _ = write!(
            out,
            "<path class=\"circle\" fill=\"{c}\" fill-opacity=\"{}\" stroke=\"{c}\" \
             stroke-width=\"{}\" stroke-dasharray=\"{} {}\" d=\"{}\"/>",
            style::CIRCLE_FILL_OPACITY,
            num(s.circle),
            num(s.circle_dash[0]),
            num(s.circle_dash[1]),
            path_data(std::slice::from_ref(ring), true)
        );
    }
    if let Some([x, y]) = frame.origin {
        let c = style::ORIGIN.hex();
        let _ = write!(
            out,
            "<g class=\"origin\"><circle cx=\"{x}\" cy=\"{y}\" r=\"{}\" fill=\"#fff\" stroke=\"{c}\" \
             stroke-width=\"{}\"/><circle cx=\"{x}\" cy=\"{y}\" r=\"{}\" fill=\"{c}\"/></g>",
            num(s.origin),
            num(s.origin * 0.4),
            num(s.origin * 0.3),
            x = num(x),
            y = num(y),
        );
    }
    if !frame.pins.is_empty() {
        let _ = write!(
            out,
            "<g class=\"pins\" fill=\"{}\" stroke-width=\"{}\" font-family=\"Arial,Helvetica,sans-serif\" \
             font-weight=\"bold\" text-anchor=\"middle\">",
            style::DIGITS.hex(),
            num(s.pin_ring)
        );
        let ring = style::PIN_RING.hex();
        for pin in &frame.pins {
            let colour = match pin.kind {
                PinKind::Normal => style::PIN,
                PinKind::Highlighted => style::PIN_HIGHLIGHTED,
            };
            let (x, y) = (num(pin.at[0]), num(pin.at[1]));
            let _ = write!(
                out,
                "<circle cx=\"{x}\" cy=\"{y}\" r=\"{}\" fill=\"{}\" stroke=\"{ring}\"",
                num(pin.radius),
                colour.hex()
            );
            match pin.title {
                Some(title) => {
                    let _ = write!(out, "><title>{}</title></circle>", escape(title));
                }
                None => out.push_str("/>"),
            }
            if let Some(label) = pin.label {
                let digits = digit_height(label, pin.radius);
                let _ = write!(
                    out,
                    "<text x=\"{x}\" y=\"{}\" font-size=\"{}\">{label}</text>",
                    num(pin.at[1] + digits / 2.0),
                    num(digits / DIGIT_EM)
                );
            }
        }
        out.push_str("</g>");
    }
    out.push_str("</svg>");
    out
}

/// Escapes text for both element content and double-quoted attributes.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 forbids most control characters even escaped; drop them.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// A number with at most one decimal, no trailing zero and no leading zero (".8").
fn num(v: f64) -> String {
    tenths((v * 10.0).round() as i64)
}

fn tenths(t: i64) -> String {
    let sign = if t < 0 { "-" } else { "" };
    let (whole, frac) = (t.abs() / 10, t.abs() % 10);
    match (whole, frac) {
        (0, 0) => "0".to_string(),
        (w, 0) => format!("{sign}{w}"),
        (0, f) => format!("{sign}.{f}"),
        (w, f) => format!("{sign}{w}.{f}"),
    }
}

/// Path data for polylines (or closed rings): an absolute move, then relative line-tos
/// between points rounded to tenths, so no rounding error builds up along a line.
fn path_data(lines: &[Vec<Pt>], close: bool) -> String {
    let mut d = String::new();
    for line in lines {
        let mut points = line
            .iter()
            .map(|p| [(p[0] * 10.0).round() as i64, (p[1] * 10.0).round() as i64]);
        let Some(first) = points.next() else { continue };
        let _ = write!(d, "M{} {}l", tenths(first[0]), tenths(first[1]));
        let mut last = first;
        let mut wrote = false;
        for p in points {
            let (dx, dy) = (p[0] - last[0], p[1] - last[1]);
            if dx == 0 && dy == 0 {
                continue;
            }
            for (i, v) in [dx, dy].into_iter().enumerate() {
                let text = tenths(v);
                // Numbers are separated by a space unless the next starts with '-'.
                if (wrote || i == 1) && !text.starts_with('-') {
                    d.push(' ');
                }
                d.push_str(&text);
            }
            wrote = true;
            last = p;
        }
        if !wrote {
            d.truncate(d.len() - 1); // the dangling "l"
        }
        if close {
            d.push('z');
        }
    }
    d
}
