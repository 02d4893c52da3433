//! Publishes scheduled news on time: a post given a publication time ahead is read by no list
//! until then, but the pages kept in memory were rendered without it and would stay current.
//! This clock sleeps until the next post's time and then marks every kept page stale, so the
//! post shows within moments of its time on every page, feed and list.

use crate::state::AppState;
use chrono::Utc;
use std::time::Duration;

/// The longest sleep between looks, so a post scheduled by another instance is not missed.
const MAX_SLEEP: Duration = Duration::from_secs(30);

/// Runs until the process ends.
pub async fn run(state: AppState) {
    loop {
        let now = Utc::now();
        let next = match agora_db::news::next_scheduled(&state.db, now).await {
            Ok(next) => next,
            Err(e) => {
                tracing::error!(error = %e, "cannot read the next scheduled news post");
                None
            }
        };
        let wait = next.map_or(MAX_SLEEP, |t| (t - now).to_std().unwrap_or_default().min(MAX_SLEEP));
        tokio::select! {
            () = tokio::time::sleep(wait) => {}
            // A post saved meanwhile may be due sooner: look again.
            () = state.news_saved.notified() => continue,
        }
        if next.is_some_and(|t| t <= Utc::now()) {
            state.pages.changed_everything();
        }
    }
}
