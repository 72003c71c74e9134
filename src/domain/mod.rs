//! Plain domain types every layer shares: rallies, campaigns, settings, audit entries, limits
//! and distances. Nothing here knows about the service, the store or any front end.
mod action;
mod actor;
mod audit;
mod campaign;
mod card;
mod coalition;
mod complete;
mod expected;
pub mod geo;
pub mod limits;
mod outbox;
mod public;
mod rally;
mod server;

pub use action::{Action, OwnerAction, RallyAction};
pub use actor::{Actor, Caller, Origin};
pub use audit::AuditEntry;
pub use campaign::Campaign;
pub use card::CardKind;
pub use coalition::{Coalition, Member};
pub use complete::Complete;
pub use expected::Expected;
pub use outbox::{
    CardNote, Clash, FailureKind, LocalTime, MovedField, NewItem, Notice, OutboxItem, OutboxKind,
    OutboxStatus, Payload, Settle,
};
pub use public::{PublicCampaign, PublicRally, PublicServer, PublicTotals};
pub use rally::{
    AddressVisibility, Rally, RallyFields, RallyStatus, RallyView, RsvpChoice, RsvpCounts,
    RsvpStatus,
};
pub use server::{DistanceUnit, ServerSettings};
