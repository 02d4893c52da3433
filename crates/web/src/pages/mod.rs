//! The route table: every page module contributes its routes here, and nothing else lives
//! here. Page modules never borrow from one another; what several of them need is in
//! `common` (small helpers) or in `crate::views` (shared pieces of pages).

mod access;
mod account;
mod admin;
mod advice;
mod answer_rules;
mod answering;
mod applications;
mod bodies;
mod centre;
mod common;
mod consultations;
mod council;
mod districts;
pub(crate) mod events;
mod follow;
mod formal_check;
mod forum;
mod home;
mod ledger;
mod meetings;
mod moderation;
mod news;
mod newsletter;
mod organiser;
mod polls;
mod recognition;
mod referrals;
mod remarks;
mod report;
mod survey_builder;
mod surveys;

use crate::error::AppError;
use crate::state::AppState;
use axum::Router;

/// Every route of the application.
pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(home::routes())
        .merge(access::routes())
        .merge(account::routes())
        .merge(consultations::routes())
        .merge(organiser::routes())
        .merge(remarks::routes())
        .merge(answering::routes())
        .merge(formal_check::routes())
        .merge(report::routes())
        .merge(ledger::routes())
        .merge(surveys::routes())
        .merge(survey_builder::routes())
        .merge(polls::routes())
        .merge(districts::routes())
        .merge(council::routes())
        .merge(answer_rules::routes())
        .merge(bodies::routes())
        .merge(applications::routes())
        .merge(referrals::routes())
        .merge(meetings::routes())
        .merge(forum::routes())
        .merge(moderation::routes())
        .merge(news::routes())
        .merge(newsletter::routes())
        .merge(centre::routes())
        .merge(events::routes())
        .merge(advice::routes())
        .merge(follow::routes())
        .merge(recognition::routes())
        .merge(admin::routes())
        .fallback(|| async { AppError::NotFound })
}
