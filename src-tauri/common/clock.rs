//! The time stamped on writes (`created_at`, `updated_at`): the real UTC time, unless the task
//! runs under [`pinned`], which fixes it — so tests place writes in time without sleeping, and
//! the "recent changes" grouping (per minute) is judged on known instants.

use std::future::Future;

use chrono::{DateTime, SecondsFormat, Utc};

tokio::task_local! {
    static PINNED: DateTime<Utc>;
}

/// Now: the pinned instant inside [`pinned`], else the system clock.
pub fn now() -> DateTime<Utc> {
    PINNED.try_with(|at| *at).unwrap_or_else(|_| Utc::now())
}

/// [`now`] as stored: UTC, RFC 3339, whole seconds.
pub fn stamp() -> String {
    now().to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Runs `work` with the clock fixed at `at` for every write it makes on this task.
pub async fn pinned<F: Future>(at: DateTime<Utc>, work: F) -> F::Output {
    PINNED.scope(at, work).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_pinned_clock_stamps_its_instant_and_only_inside_its_scope() {
        let at = DateTime::parse_from_rfc3339("2027-01-02T10:00:59Z").unwrap().with_timezone(&Utc);
        assert_eq!(pinned(at, async { stamp() }).await, "2027-01-02T10:00:59Z");
        assert_ne!(now(), at, "outside the scope the system clock runs");
    }
}
