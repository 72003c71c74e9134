//! Discord drops an interaction not answered within 3 seconds. Work that is still running after
//! a budget is acknowledged first (deferred), and its reply sent when it is done.
use std::future::Future;
use std::time::Duration;

/// Work still running after this long is deferred, well inside Discord's limit.
pub const DEFER_AFTER: Duration = Duration::from_millis(1500);

/// How a piece of work finished.
#[derive(Debug, PartialEq, Eq)]
pub enum Timing<T> {
    /// Done within the budget: answer directly.
    Quick(T),
    /// `defer` ran when the budget ran out; answer by editing the deferred reply.
    Deferred(T),
}

/// Runs `work`; if it outlasts `budget`, runs `defer` and then waits for `work` to finish.
/// An error from `defer` is returned at once (the interaction can't be answered any more).
pub async fn run<T, E>(
    work: impl Future<Output = T>,
    budget: Duration,
    defer: impl Future<Output = Result<(), E>>,
) -> Result<Timing<T>, E> {
    tokio::pin!(work);
    tokio::select! {
        done = &mut work => Ok(Timing::Quick(done)),
        _ = tokio::time::sleep(budget) => {
            defer.await?;
            Ok(Timing::Deferred(work.await))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, Ordering};

    // Paused time: sleeps complete instantly in order, so these tests never wait.

    #[tokio::test(start_paused = true)]
    async fn quick_work_is_answered_directly() {
        let deferred = AtomicBool::new(false);
        let work = async {
            tokio::time::sleep(Duration::from_millis(200)).await;
            7
        };
        let defer = async {
            deferred.store(true, Ordering::SeqCst);
            Ok::<(), ()>(())
        };
        assert_eq!(run(work, DEFER_AFTER, defer).await, Ok(Timing::Quick(7)));
        assert!(!deferred.load(Ordering::SeqCst));
    }

    #[tokio::test(start_paused = true)]
    async fn slow_work_is_deferred_before_the_deadline() {
        let start = tokio::time::Instant::now();
        let deferred_at = std::sync::Mutex::new(None);
        let work = async {
            tokio::time::sleep(Duration::from_secs(5)).await;
            "done"
        };
        let defer = async {
            *deferred_at.lock().unwrap() = Some(start.elapsed());
            Ok::<(), ()>(())
        };
        assert_eq!(
            run(work, DEFER_AFTER, defer).await,
            Ok(Timing::Deferred("done"))
        );
        let at = deferred_at.lock().unwrap().expect("deferred");
        assert_eq!(at, DEFER_AFTER);
        assert!(at < Duration::from_secs(3), "within Discord's 3 s");
        assert_eq!(
            start.elapsed(),
            Duration::from_secs(5),
            "the work still finished"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_failed_deferral_is_reported() {
        let work = tokio::time::sleep(Duration::from_secs(5));
        let result = run(work, DEFER_AFTER, async { Err::<(), _>("gone") }).await;
        assert_eq!(result, Err("gone"));
    }
}
