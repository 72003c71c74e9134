//! Where the gateway is when `DISCORD_API_URL` is set: that server's `GET /gateway`, never
//! Discord's own address, which serenity falls back to when the request fails.
use std::time::Duration;

use serenity::http::Http;

use super::signals::ShutdownSignals;

const FIRST_RETRY: Duration = Duration::from_secs(1);
const MAX_RETRY: Duration = Duration::from_secs(30);

/// Asks `base` for the gateway URL until it answers, backing off between tries. `None` when a
/// shutdown signal came first.
pub(super) async fn from_api(
    http: &Http,
    base: &str,
    signals: &mut ShutdownSignals,
) -> Option<String> {
    let mut wait = FIRST_RETRY;
    loop {
        match http.get_gateway().await {
            Ok(gateway) => return Some(gateway.url),
            Err(e) => tracing::error!(
                base = %base,
                error = %e,
                "can't get the gateway address from DISCORD_API_URL; trying again in {} s",
                wait.as_secs()
            ),
        }
        tokio::select! {
            () = tokio::time::sleep(wait) => {}
            () = signals.recv() => {
                tracing::info!("shutting down before the gateway was reached");
                return None;
            }
        }
        wait = (wait * 2).min(MAX_RETRY);
    }
}
