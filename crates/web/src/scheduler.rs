//! Opens and closes consultations at their configured times; run by the server's worker.

use crate::state::AppState;
use agora_db::DbResult;
use agora_db::audit::AuditEntry;
use agora_domain::consultation::{Timeline, due_transition};
use chrono::{DateTime, Utc};

/// Applies every transition due at `now`; returns how many consultations moved.
pub async fn run(state: &AppState, now: DateTime<Utc>) -> DbResult<usize> {
    let mut moved = 0;
    for d in agora_db::consultation::due(&state.db, now).await? {
        let status = d.status;
        let timeline = Timeline { announced_at: d.announced_at, opens_at: d.opens_at, closes_at: d.closes_at };
        if let Some(to) = due_transition(status, &timeline, now) {
            let entry = AuditEntry {
                actor_id: None,
                actor_label: "system".into(),
                action: "consultation.status",
                entity: "consultation",
                details: format!("{} → {} (schedule)", status.as_str(), to.as_str()),
            };
            if agora_db::consultation::transition(&state.db, d.id, status, to, None, &entry).await? {
                moved += 1;
            }
        }
    }
    if moved > 0 {
        state.pages.changed_everything();
    }
    Ok(moved)
}
