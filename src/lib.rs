//! rallybot: a Discord bot that helps activist networks organise rallies.
//!
//! Layers: `service` holds every rule in plain Rust types; `store` holds the SQLite queries;
//! `console`, `discord` and `web` (the public pages) are front ends over the service.
pub mod cli;
pub mod commands;
pub mod config;
pub mod console;
pub mod discord;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod outbox;
pub mod service;
pub mod store;
pub mod text;
pub mod web;

/// Credits and a short help, shown by /rally about.
pub const ABOUT_TEXT: &str = "\
Find rallies near you with /rally near, see what's on with /rally list, RSVP with /rally rsvp \
or the buttons on a rally card, and register your own with /rally create.
Place data © GeoNames (geonames.org), CC BY 4.0, selected and reformatted by rallybot. \
US ZIP code centroids: US Census Bureau 2023 Gazetteer Files (ZCTA), public domain.";
