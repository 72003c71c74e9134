use thiserror::Error;

/// Why a map could not be drawn. Every input the caller controls is checked up front.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum MapError {
    #[error("image size {width}x{height} is outside 1..={max} pixels a side")]
    Size { width: u32, height: u32, max: u32 },
    #[error("coordinate ({lat}, {lon}) is not a point on the Earth")]
    Coordinate { lat: f64, lon: f64 },
    #[error("pin label {0} is outside 1..=99")]
    Label(u8),
    #[error("circle radius {0} km is outside (0, 5000]")]
    Radius(f64),
    #[error("view span {0} km is outside (0, 40000]")]
    Span(f64),
    #[error("PNG encoding failed: {0}")]
    Encode(String),
}
