//! Which accessibility requests a member of staff sees, shared by their list and the staff
//! dashboard's counts.

use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use agora_db::access_requests::{self, Visible};
use agora_domain::permission::{Action, Grant};
use chrono::Utc;

/// What this person may see: administrators everything, organisers their units' requests.
pub fn access_requests_seen(ctx: &Ctx) -> AppResult<Visible> {
    let user = ctx.require(Action::EnterStaffArea)?;
    if ctx.can(Action::ManageReferenceData) {
        return Ok(Visible::All);
    }
    let units: Vec<i64> =
        user.grants.iter().filter_map(|g| if let Grant::Organiser(u) = g { Some(*u) } else { None }).collect();
    if units.is_empty() { Err(AppError::Forbidden) } else { Ok(Visible::Units(units)) }
}

/// The number of open requests and of overdue ones this person sees, for the dashboard.
pub async fn open_counts(state: &AppState, ctx: &Ctx) -> AppResult<Option<(i64, i64)>> {
    match access_requests_seen(ctx) {
        Ok(v) => Ok(Some(access_requests::open_counts(&state.db, &v, Utc::now()).await?)),
        Err(_) => Ok(None),
    }
}
