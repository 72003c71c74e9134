//! Checks on what the handlers build before it goes to Discord.
mod announce_language;
mod reject_modal;
