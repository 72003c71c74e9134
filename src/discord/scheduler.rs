//! The scheduler: one outbox step, then sleep until the next item is due or something is
//! queued. Started once per process, not per gateway connection.
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use tokio::sync::Notify;

use super::notifier::DiscordNotifier;
use crate::service::Service;

/// With nothing scheduled, look again after this long anyway.
const IDLE_CHECK: Duration = Duration::from_secs(3600);
/// Items written by another process (`rallybot import`) can't wake this one, so it looks
/// again at least this often.
const OUTSIDE_CHANGES: Duration = Duration::from_secs(60);
/// After a failed step (the database was busy, say), try again after this long.
const ERROR_PAUSE: Duration = Duration::from_secs(5);

/// Runs the scheduler until `stop` is notified: one step, then sleep until the next reminder is
/// due or reminders change. Started once per process, not per gateway connection.
pub async fn run_scheduler(service: Service, notifier: DiscordNotifier, stop: Arc<Notify>) {
    if let Err(e) = service.recover_outbox().await {
        crate::error::report(&e, "outbox recovery");
    }
    let changed = service.outbox_changed();
    loop {
        let wait = match service.deliver_due(Utc::now(), &notifier).await {
            Ok(report) => {
                if report.sent + report.failed + report.retried > 0 || report.skipped > 0 {
                    tracing::info!(
                        sent = report.sent,
                        retried = report.retried,
                        failed = report.failed,
                        skipped = report.skipped,
                        "outbox step"
                    );
                }
                report
                    .next_due
                    .map(|at| (at - Utc::now()).to_std().unwrap_or(Duration::ZERO))
                    .unwrap_or(IDLE_CHECK)
                    .min(OUTSIDE_CHANGES)
            }
            Err(e) => {
                crate::error::report(&e, "outbox step");
                ERROR_PAUSE
            }
        };
        tokio::select! {
            _ = tokio::time::sleep(wait) => {}
            _ = changed.notified() => {}
            _ = stop.notified() => return,
        }
    }
}
