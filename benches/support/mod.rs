//! Helpers of the near bench.
pub mod gaz;
pub mod load;
pub mod memory;
pub mod places;
pub mod scan;
pub mod stats;
