//! What autocomplete offers while someone types an option.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Complete {
    Place,
    Rally,
    /// Campaigns: only open ones when a rally joins one, archived ones too when one is only
    /// looked up.
    Campaign {
        joining: bool,
    },
    /// The coalitions the server belongs to.
    Coalition,
}
