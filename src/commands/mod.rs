//! The one command table and what is built from it: request parsing for every front end and
//! the console's help. Discord registration (`discord::commands`) reads the same table.
pub mod help;
pub mod parse;
pub mod spec;
pub mod table;
pub mod translations;

pub use parse::{parse, Invocation, RequestError};
pub use spec::{Command, Complete, Group, Kind, Opt, Sub};
