//! Surveys: the one part of the benchmark waiting for the feature itself.
//!
//! The scenarios (`survey-results`, `submit-survey`, `survey-csv`, `survey-xlsx`) are wired
//! in main.rs and run as soon as [`paths`] returns the URLs. When surveys exist, what is left
//! to write is all in this file:
//! 1. [`generate`]: `scale.surveys` surveys with their questions, `scale.big_survey_responses`
//!    responses in the one [`SURVEY_SLUG`] names and the rest spread over the others, in the
//!    style of `data::generate` (set-based SQL, explicit ids; `c` is already inside the
//!    generation's transaction, `sql` has the dialect's time and choice helpers).
//! 2. [`paths`]: the URLs of that survey's results page, response form and exports.
//! 3. [`post_script`]: the Lua `request()` that posts one response (see
//!    `load::remark_post_script` for the remark form's; the footer and the acknowledgement
//!    counting can be copied from there).
//!
//! Until then every survey scenario is reported as skipped, with [`NOT_BUILT`] as the reason.

use crate::data::{Conn, Scale, SqlFor};
use anyhow::Result;

/// Why the survey scenarios are skipped for now.
pub const NOT_BUILT: &str = "surveys not built yet";

/// The slug of the survey with `big_survey_responses` responses.
#[expect(dead_code, reason = "the survey generator will use it")]
pub const SURVEY_SLUG: &str = "ankieta-jakosc-zycia-w-dzielnicach";

/// The table whose presence means the application has surveys.
const TABLE: &str = "surveys";

/// Writes the survey data; returns why nothing was written, if nothing was.
pub async fn generate(c: &mut Conn, sql: &SqlFor, scale: Scale) -> Result<Option<String>> {
    let _ = (sql, scale);
    if !c.table_exists(TABLE).await? {
        return Ok(Some(NOT_BUILT.into()));
    }
    Ok(Some(format!("the `{TABLE}` table exists, but the bench's survey generator is not written yet (crates/bench/src/surveys.rs)")))
}

/// Where the survey scenarios point.
#[derive(Debug, Clone)]
pub struct SurveyPaths {
    /// The public results page of the big survey.
    pub results: String,
    /// The response form's page, fetched once before the load to check it answers.
    pub form: String,
    /// The CSV export of every response.
    pub csv: String,
    /// The XLSX export of every response.
    pub xlsx: String,
}

/// The survey URLs, or why the survey scenarios cannot run.
pub async fn paths(c: &mut Conn) -> Result<Result<SurveyPaths, String>> {
    if !c.table_exists(TABLE).await? {
        return Ok(Err(NOT_BUILT.into()));
    }
    Ok(Err("survey scenarios not written yet (crates/bench/src/surveys.rs)".into()))
}

/// The wrk script posting survey responses: one new response per request, 200/303 counted
/// as acknowledged in the global `acks`; `cookies` are Cookie header values (CSRF token and
/// a session each) and `csrf` the token for the form, `nonce` new per run.
pub fn post_script(paths: &SurveyPaths, cookies: &[String], csrf: &str, nonce: &str) -> Result<String, String> {
    let _ = (paths, cookies, csrf, nonce);
    Err(NOT_BUILT.into())
}
