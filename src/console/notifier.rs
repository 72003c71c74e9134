//! Reminders in the console: printed as they come due on the simulated clock.
use std::sync::Mutex;

use crate::service::changes::CardEdit;
use crate::service::reminders::{reminder_text, Delivery, Notifier, ReminderKind, SendError};

/// The channel the console pretends every command is typed in.
pub const CONSOLE_CHANNEL: i64 = 1;

/// Collects delivered reminders as lines of text.
#[derive(Default)]
pub struct Printed {
    lines: Mutex<Vec<(ReminderKind, i64, String)>>,
    /// Direct messages about changes: (user, text).
    dms: Mutex<Vec<(i64, String)>>,
}

impl Printed {
    /// The reminders delivered since the last call.
    pub fn take(&self) -> Vec<(ReminderKind, i64, String)> {
        std::mem::take(&mut *self.lines.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

impl Printed {
    /// The change messages sent since the last call.
    pub fn take_dms(&self) -> Vec<(i64, String)> {
        std::mem::take(&mut *self.dms.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

impl Notifier for Printed {
    async fn deliver(&self, delivery: &Delivery) -> Result<(), SendError> {
        let line = reminder_text(delivery);
        self.lines.lock().unwrap_or_else(|e| e.into_inner()).push((
            delivery.kind,
            delivery.target_id,
            line,
        ));
        Ok(())
    }

    async fn send_dm(&self, user_id: i64, text: &str, _nonce: &str) -> Result<(), SendError> {
        self.dms
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((user_id, text.to_string()));
        Ok(())
    }

    /// The console posts no cards, so there is never one to edit.
    async fn edit_card(&self, _edit: &CardEdit) -> Result<(), SendError> {
        Ok(())
    }
}
