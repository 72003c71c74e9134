//! Colours and sizes, shared by the SVG and PNG writers so both show the same map.
//!
//! Contrast (WCAG): white digits on a normal pin 6.5:1, on a highlighted pin 10.4:1; pins
//! against the land about 6:1 and ringed in white so they stand apart from lines and each
//! other.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

pub(crate) const WATER: Rgb = Rgb(0xc4, 0xdc, 0xee);
/// Land outside the United States, a shade darker so the country in focus stands out.
pub(crate) const FOREIGN_LAND: Rgb = Rgb(0xe8, 0xe4, 0xdc);
pub(crate) const HOME_LAND: Rgb = Rgb(0xfb, 0xf9, 0xf4);
pub(crate) const COAST: Rgb = Rgb(0x84, 0xa2, 0xbb);
pub(crate) const BORDER: Rgb = Rgb(0x8c, 0x82, 0x74);
pub(crate) const STATE_LINE: Rgb = Rgb(0xb3, 0xa9, 0x9a);
pub(crate) const CIRCLE: Rgb = Rgb(0x0f, 0x76, 0x6e);
/// Opacity of the circle's fill: a tint, so outlines inside it stay visible.
pub(crate) const CIRCLE_FILL_OPACITY: f32 = 0.10;
pub(crate) const ORIGIN: Rgb = Rgb(0x11, 0x18, 0x27);
pub(crate) const PIN: Rgb = Rgb(0xb9, 0x1c, 0x1c);
pub(crate) const PIN_HIGHLIGHTED: Rgb = Rgb(0x1e, 0x3a, 0x8a);
pub(crate) const PIN_RING: Rgb = Rgb(0xff, 0xff, 0xff);
pub(crate) const DIGITS: Rgb = Rgb(0xff, 0xff, 0xff);

/// Line widths and marker sizes for an image, in pixels. Drawn at 1x for a 500-pixel short
/// side and scaled with it, within limits, so small thumbnails and large prints both read.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Sizes {
    pub coast: f64,
    pub border: f64,
    pub state_line: f64,
    pub circle: f64,
    pub circle_dash: [f64; 2],
    pub pin: f64,
    pub pin_highlighted: f64,
    pub pin_unlabelled: f64,
    pub pin_ring: f64,
    pub origin: f64,
}

impl Sizes {
    pub fn for_image(width: u32, height: u32) -> Sizes {
        let u = (f64::from(width.min(height)) / 500.0).clamp(0.6, 3.0);
        Sizes {
            coast: 0.8 * u,
            border: 1.2 * u,
            state_line: 0.8 * u,
            circle: 1.8 * u,
            circle_dash: [7.0 * u, 4.0 * u],
            pin: 9.0 * u,
            pin_highlighted: 11.0 * u,
            pin_unlabelled: 5.5 * u,
            pin_ring: 1.5 * u,
            origin: 5.0 * u,
        }
    }
}

/// How far shapes are kept past the image's edge: more than any line's half width, so a
/// clipped shape's edge is never seen.
pub(crate) const CLIP_MARGIN: f64 = 6.0;

/// Outlines are simplified until no point strays more than this from the drawn line; less
/// than a pixel, so the simplification cannot be seen. (0.6 made a US-wide SVG 30 KB before
/// pins, 0.8 makes it 26 KB, 1.0 22 KB.)
pub(crate) const SIMPLIFY_PX: f64 = 0.8;
