//! Errors of the fake's test-facing API.

use std::fmt;
use std::time::Duration;

#[derive(Debug)]
pub enum FakeError {
    /// A `wait_for_*` deadline passed first.
    Timeout {
        waited_for: String,
        after: Duration,
    },
    /// A dispatch needs an identified gateway session and there is none.
    NoGatewaySession,
    UnknownGuild(u64),
    UnknownChannel(u64),
    UnknownUser(u64),
    /// Binding the loopback listener failed.
    Io(std::io::Error),
}

impl fmt::Display for FakeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Timeout { waited_for, after } => {
                write!(f, "timed out after {after:?} waiting for {waited_for}")
            }
            Self::NoGatewaySession => f.write_str("no identified gateway session"),
            Self::UnknownGuild(id) => write!(f, "guild {id} is not in the fake's config"),
            Self::UnknownChannel(id) => write!(f, "channel {id} is not known to the fake"),
            Self::UnknownUser(id) => write!(f, "user {id} is not known to the fake"),
            Self::Io(e) => write!(f, "fake discord I/O error: {e}"),
        }
    }
}

impl std::error::Error for FakeError {}
