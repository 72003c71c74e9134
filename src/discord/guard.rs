//! One interaction's work runs in its own task: if it panics, the panic stays in that task.
use std::future::Future;

use tokio_util::task::TaskTracker;

/// The work panicked; the panic was caught and the caller should apologise.
#[derive(Debug, PartialEq, Eq)]
pub struct Panicked;

/// Runs `work` as a tracked task (so shutdown can wait for it) and reports a panic instead of
/// spreading it.
pub async fn run(
    tasks: &TaskTracker,
    work: impl Future<Output = ()> + Send + 'static,
) -> Result<(), Panicked> {
    match tasks.spawn(work).await {
        Ok(()) => Ok(()),
        Err(e) if e.is_panic() => Err(Panicked),
        // Cancelled only when the runtime shuts down.
        Err(_) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_panic_is_reported_and_the_next_task_still_runs() {
        let tasks = TaskTracker::new();
        assert_eq!(run(&tasks, async { panic!("boom") }).await, Err(Panicked));
        let (tx, rx) = tokio::sync::oneshot::channel();
        assert_eq!(
            run(&tasks, async move { tx.send(42).unwrap() }).await,
            Ok(())
        );
        assert_eq!(rx.await, Ok(42));
        tasks.close();
        tasks.wait().await;
    }
}
