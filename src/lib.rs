//! rallybot: a Discord bot that helps activist networks organise rallies.
//!
//! Layers: `service` holds every rule in plain Rust types; `store` holds the SQLite queries;
//! `console` (and the Discord adapter) are front ends over the service.
pub mod config;
pub mod console;
pub mod error;
pub mod service;
pub mod store;

/// Credits and a short help, shown by /rally about.
pub const ABOUT_TEXT: &str = "\
Register a rally with /rally create, see what's on with /rally list, RSVP with /rally rsvp.
Source: rallybot, MIT licence.";
