//! A rally card the bot posted in a channel, remembered so that changes edit it in place.

/// Where a card was posted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardKind {
    Announcement,
    Reminder,
}

impl CardKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CardKind::Announcement => "announcement",
            CardKind::Reminder => "reminder",
        }
    }
}
