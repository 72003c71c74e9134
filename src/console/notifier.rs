//! The outbox in the console: deliveries are kept, then printed as the simulated clock passes
//! them.
use std::sync::Mutex;

use crate::outbox::{Delivery, Notifier, SendError};

/// The channel the console pretends every command is typed in.
pub const CONSOLE_CHANNEL: i64 = 1;

/// Collects what the outbox delivers.
#[derive(Default)]
pub struct Printed {
    delivered: Mutex<Vec<Delivery>>,
}

impl Printed {
    /// What was delivered since the last call, in order.
    pub fn take(&self) -> Vec<Delivery> {
        std::mem::take(&mut *self.delivered.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

impl Notifier for Printed {
    async fn send(&self, delivery: &Delivery) -> Result<Option<i64>, SendError> {
        self.delivered
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(delivery.clone());
        // The console posts no cards, so there is never one to edit.
        Ok(None)
    }
}
