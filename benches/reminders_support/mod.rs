//! Support for the reminder burst bench.
pub mod seed;
