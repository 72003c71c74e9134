//! Helpers of the Discord round-trip bench (`benches/discord.rs`).
pub mod bot;
pub mod floor;
pub mod inproc;
pub mod measure;
pub mod report;
pub mod seed;
pub mod stats;
