//! Unit tests, by concern. Shared helpers live here.

mod data;
mod geometry;
mod render;

use crate::style::Rgb;

/// Decodes a PNG into (width, height, RGB pixels), checking the format render_png promises.
pub(crate) fn decode_png(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().expect("a PNG header");
    let mut buf = vec![0; reader.output_buffer_size().expect("a sane size")];
    let info = reader.next_frame(&mut buf).expect("one frame");
    assert_eq!(info.color_type, png::ColorType::Rgb);
    assert_eq!(info.bit_depth, png::BitDepth::Eight);
    buf.truncate(info.buffer_size());
    (info.width, info.height, buf)
}

/// The colour of the pixel holding point `at` (pixel coordinates, as Projection gives them).
pub(crate) fn pixel_at(image: &(u32, u32, Vec<u8>), at: [f64; 2]) -> Rgb {
    let (w, h, data) = image;
    let (x, y) = (at[0].floor() as u32, at[1].floor() as u32);
    assert!(x < *w && y < *h, "{at:?} is outside the image");
    let i = ((y * w + x) * 3) as usize;
    Rgb(data[i], data[i + 1], data[i + 2])
}
